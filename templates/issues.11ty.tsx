/**
 * /issues/: every issue grouped by year, newest first, with its date and its
 * items' headlines.
 */
import { href, type TemplateData } from '../src/site/site-data.ts';
import { issuesUrl } from '../src/site/urls.ts';
import { IssueSummary } from './_components/issue-summary.tsx';
import { Layout } from './_components/layout.tsx';
import { Breadcrumbs } from './_components/nav-parts.tsx';

export const data = {
  permalink: `${issuesUrl}index.html`,
  eleventyExcludeFromCollections: true,
};

export function render({ site, archive }: TemplateData) {
  return (
    <Layout site={site} title="往期" path={issuesUrl} section="issues">
      <Breadcrumbs site={site} trail={[{ title: '首页', url: '/' }, { title: '往期' }]} />
      <h1>往期</h1>
      <p class="lead">
        共 {archive.issues.length} 期、{archive.items.length} 条信息，按年份从新到旧排列。
      </p>
      {archive.years.length > 0 ? (
        <nav class="year-index" aria-label="年份">
          <ul>
            {archive.years.map((year) => (
              <li>
                <a href={href(site, year.url)}>{year.year} 年</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {archive.years.map((year) => (
        <section aria-labelledby={`year-${year.year}`}>
          <h2 id={`year-${year.year}`}>
            <a href={href(site, year.url)}>{year.year} 年</a>
          </h2>
          {year.issues.map((entry) => (
            <IssueSummary site={site} entry={entry} level={3} />
          ))}
        </section>
      ))}
    </Layout>
  );
}
