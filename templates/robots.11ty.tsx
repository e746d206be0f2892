/**
 * /robots.txt: everything may be crawled; the sitemap says where the pages are.
 */
import { fullUrl, type TemplateData } from '../src/site/site-data.ts';

export const data = {
  permalink: '/robots.txt',
  eleventyExcludeFromCollections: true,
};

export function render({ site }: TemplateData): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${fullUrl(site, '/sitemap.xml')}\n`;
}
