/**
 * /issues/2023/: the issues of one year, newest first, each with its item
 * count and its first headlines; the others are folded (<details>), so a
 * year of 50 issues stays a few screens long.
 */
import type { TemplateData } from '../src/site/site-data.ts';
import type { YearEntry } from '../src/site/site-model.ts';
import { pageOutput } from '../src/site/page-plan.ts';
import { issuesUrl } from '../src/site/urls.ts';
import { IssueSummary } from './_components/issue-summary.tsx';
import { Layout } from './_components/layout.tsx';
import { Breadcrumbs, PrevNext } from './_components/nav-parts.tsx';

type Data = TemplateData<{ year: YearEntry }>;

export const data = {
  pagination: { data: 'pages.years', size: 1, alias: 'year' },
  permalink: (data: Data) => `/${pageOutput.years(data.year)}`,
  eleventyExcludeFromCollections: true,
};

export function render({ site, year }: Data) {
  return (
    <Layout
      site={site}
      title={`${year.year} 年`}
      path={year.url}
      section="issues"
      description={`《${site.title}》${year.year} 年共 ${year.issues.length} 期、${year.itemCount} 条信息的要目。`}
    >
      <Breadcrumbs site={site} trail={[{ title: '首页', url: '/' }, { title: '往期', url: issuesUrl }, { title: `${year.year} 年` }]} />
      <h1>{year.year} 年</h1>
      <p class="lead">
        本年共 {year.issues.length} 期、{year.itemCount} 条信息。
      </p>
      <div class="issue-cards">
        {year.issues.map((entry) => (
          <IssueSummary site={site} entry={entry} />
        ))}
      </div>
      <PrevNext site={site} label="前后年份" previous={year.previous} next={year.next} previousLabel="上一年" nextLabel="下一年" />
    </Layout>
  );
}
