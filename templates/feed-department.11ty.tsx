/**
 * /departments/<slug>/feed.xml: Atom feed of one department's latest items,
 * full text. `updated` is the date of its newest item (or of the newest issue
 * when it has none), never the build time.
 */
import { convertHtmlToAbsoluteUrls } from '@11ty/eleventy-plugin-rss';
import { fullUrl, type TemplateData } from '../src/site/site-data.ts';
import type { DepartmentEntry } from '../src/site/site-model.ts';
import { pageOutput } from '../src/site/page-plan.ts';
import { toAtom } from '../src/site/xml.ts';
import { itemFeedHtml } from './_components/feed-content.tsx';

type Data = TemplateData<{ entry: DepartmentEntry }>;

export const data = {
  pagination: { data: 'pages.departmentFeeds', size: 1, alias: 'entry' },
  permalink: (data: Data) => `/${pageOutput.departmentFeeds(data.entry)}`,
  eleventyExcludeFromCollections: true,
};

export async function render({ site, archive, entry }: Data): Promise<string> {
  const items = entry.items.slice(0, site.feedLength);
  const entries = await Promise.all(
    items.map(async (item) => {
      const url = fullUrl(site, item.url);
      return {
        url,
        title: item.item.headline,
        date: item.issue.date,
        html: await convertHtmlToAbsoluteUrls(itemFeedHtml(site, item), url),
        author: item.item.department,
        categories: [`《${item.issue.publication}》${item.issueLabel}`],
      };
    }),
  );
  return toAtom({
    feedUrl: fullUrl(site, entry.feedUrl),
    pageUrl: fullUrl(site, entry.url),
    title: `${entry.department.name} - 《${site.title}》${site.tagline}`,
    subtitle: `《${site.title}》刊发的${entry.department.name}信息`,
    updated: items[0]?.issue.date ?? archive.updated ?? '1970-01-01',
    author: site.publisher,
    language: 'zh-CN',
    entries,
  });
}
