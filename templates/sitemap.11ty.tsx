/**
 * /sitemap.xml: every HTML page, with the date of its content where it has one.
 */
import { fullUrl, type TemplateData } from '../src/site/site-data.ts';
import { toSitemap, type SitemapEntry } from '../src/site/xml.ts';
import { departmentsUrl, homeUrl, issuesUrl, searchUrl } from '../src/site/urls.ts';

export const data = {
  permalink: '/sitemap.xml',
  eleventyExcludeFromCollections: true,
};

export function render({ site, archive }: TemplateData): string {
  const updated = archive.updated ?? undefined;
  const entries: SitemapEntry[] = [
    { url: fullUrl(site, homeUrl), lastmod: updated },
    { url: fullUrl(site, issuesUrl), lastmod: updated },
    { url: fullUrl(site, departmentsUrl), lastmod: updated },
    // Built by the search step from templates/search.11ty.tsx.
    { url: fullUrl(site, searchUrl) },
    ...archive.years.map((year) => ({ url: fullUrl(site, year.url), lastmod: year.issues[0]?.issue.date })),
    ...archive.issues.map((entry) => ({ url: fullUrl(site, entry.url), lastmod: entry.issue.date })),
    ...archive.items.map((entry) => ({ url: fullUrl(site, entry.url), lastmod: entry.issue.date })),
    ...archive.departmentPages.map((page) => ({ url: fullUrl(site, page.url), lastmod: page.entry.items[0]?.issue.date })),
  ];
  return toSitemap(entries);
}
