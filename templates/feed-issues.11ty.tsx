/**
 * /feeds/issues.xml: Atom feed of the latest issues, each with the full text
 * of its items. `updated` is the newest issue's date, never the build time.
 */
import { convertHtmlToAbsoluteUrls } from '@11ty/eleventy-plugin-rss';
import { fullUrl, type TemplateData } from '../src/site/site-data.ts';
import { toAtom } from '../src/site/xml.ts';
import { homeUrl, issuesFeedUrl } from '../src/site/urls.ts';
import { issueFeedHtml } from './_components/feed-content.tsx';

export const data = {
  permalink: issuesFeedUrl,
  eleventyExcludeFromCollections: true,
};

export async function render({ site, archive }: TemplateData): Promise<string> {
  const latest = [...archive.issues].reverse().slice(0, site.feedLength);
  const entries = await Promise.all(
    latest.map(async (entry) => {
      const url = fullUrl(site, entry.url);
      return {
        url,
        title: `《${entry.issue.publication}》${entry.label}`,
        date: entry.issue.date,
        html: await convertHtmlToAbsoluteUrls(issueFeedHtml(site, entry), url),
        author: entry.issue.publisher,
        categories: [],
      };
    }),
  );
  return toAtom({
    feedUrl: fullUrl(site, issuesFeedUrl),
    pageUrl: fullUrl(site, homeUrl),
    title: `《${site.title}》${site.tagline}`,
    subtitle: site.description,
    updated: archive.updated ?? '1970-01-01',
    author: site.publisher,
    language: 'zh-CN',
    entries,
  });
}
