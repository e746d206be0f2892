/**
 * The shape of the site settings written in site.config.ts.
 */

/** Site-wide settings: names, addresses and list lengths. */
export interface SiteSettings {
  /** The publication's title as printed in red on the masthead, e.g. 上街信息. */
  title: string;
  /** What the site is, shown under the masthead title and in page titles, e.g. 电子档案. */
  tagline: string;
  /** One sentence for search engines and feed readers. */
  description: string;
  /** Who publishes the bulletin; shown in the footer and as the feeds' author. */
  publisher: string;
  /** The address the site is published at, without the path prefix, e.g. https://xxgk.example.gov.cn. */
  baseUrl: string;
  /** The folder the site lives in on that host: `/` at the root, `/shangjie-xinxi/` under a folder. */
  pathPrefix: string;
  /** Items per page on a department page. */
  departmentPageSize: number;
  /** Entries in each Atom feed (newest first). */
  feedLength: number;
  /** Items in the home page's 近期信息 list. */
  recentItems: number;
}
