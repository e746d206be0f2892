/**
 * /search/issues.json: every issue's year, number, date, item count, running
 * total and special title, which the search page fetches when a query names
 * an issue (第35期, 2023年6月1日 …; see src/search/lookup.ts).
 */
import type { TemplateData } from '../src/site/site-data.ts';
import { issueListUrl } from '../src/site/urls.ts';
import { toIssueList } from '../src/search/lookup.ts';

export const data = {
  permalink: issueListUrl,
  eleventyExcludeFromCollections: true,
};

export function render({ archive }: TemplateData): string {
  const issues = archive.issues.map(({ issue, items }) => ({ year: issue.year, number: issue.number, date: issue.date, items: items.length, total: issue.total, title: issue.title }));
  return `${JSON.stringify(toIssueList(issues))}\n`;
}
