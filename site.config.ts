/**
 * Site settings: the one file to edit when the archive moves or the bulletin is
 * renamed. Every field is described in src/site/settings.ts; deployment
 * (base URL, path prefix) is explained in docs/deploy.md.
 *
 * `SITE_URL` and `SITE_PATH_PREFIX` in the environment override the two address
 * fields, so a CI job can publish the same tree to another host without edits.
 */
import type { SiteSettings } from './src/site/settings.ts';

export const siteConfig: SiteSettings = {
  // The masthead, as printed in red on the paper bulletin.
  title: '上街信息',
  tagline: '电子档案',
  description: '《上街信息》历期内容的电子档案：按期、按部门浏览和检索。',
  publisher: '中共上街区委办公室',
  // Where the site is published: used only for absolute URLs (feeds, sitemap, robots.txt).
  baseUrl: process.env.SITE_URL ?? 'https://www.example.org',
  // '/' when the site is at the root of its host; '/archive/' when it lives in a folder.
  pathPrefix: process.env.SITE_PATH_PREFIX ?? '/',
  departmentPageSize: 20,
  feedLength: 20,
  recentItems: 8,
};
