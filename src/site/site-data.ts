/**
 * The data every template receives: the site settings and the site model
 * (Eleventy's global data), plus Eleventy's own `page` and, on paginated
 * templates, the current entry. Templates type their `render` argument with it.
 */
import type { PagesToRender } from './page-plan.ts';
import type { SiteModel } from './site-model.ts';
import type { SiteSettings } from './settings.ts';
import { absoluteUrl, withPrefix } from './urls.ts';

/** The global data of the site. */
export interface SiteData {
  site: SiteSettings;
  archive: SiteModel;
  /** The entries the paginated templates render this time (all of them, unless the build is incremental). */
  pages: PagesToRender;
  /** The issues folder (absolute): where the issues' printed originals are copied from. */
  issuesDir: string;
}

/** What Eleventy says about the page being rendered. */
export interface EleventyPage {
  url: string;
  inputPath: string;
  fileSlug: string;
}

/** A template's data: the global data, the page, and what the template adds (e.g. `{ entry: IssueEntry }`). */
export type TemplateData<Extra extends object = object> = SiteData & { page: EleventyPage } & Extra;

/** The link to a root-relative path on this site (path prefix included). */
export function href(site: Pick<SiteSettings, 'pathPrefix'>, path: string): string {
  return withPrefix(site.pathPrefix, path);
}

/** The absolute URL of a root-relative path on this site. */
export function fullUrl(site: Pick<SiteSettings, 'baseUrl' | 'pathPrefix'>, path: string): string {
  return absoluteUrl(site.baseUrl, site.pathPrefix, path);
}
