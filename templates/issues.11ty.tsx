/**
 * /issues/: every issue, as a compact index by year, newest first: each issue
 * is its number and date, linked (its headlines are on the year's page and
 * the issue's own). At 1,000 issues the page stays a few screens long.
 */
import { formatMonthDay } from '../src/site/format.ts';
import { href, type TemplateData } from '../src/site/site-data.ts';
import { issuesUrl, yearAnchor } from '../src/site/urls.ts';
import { Layout } from './_components/layout.tsx';
import { Breadcrumbs } from './_components/nav-parts.tsx';

export const data = {
  permalink: `${issuesUrl}index.html`,
  eleventyExcludeFromCollections: true,
};

export function render({ site, archive }: TemplateData) {
  const first = archive.years.at(-1)?.year;
  const last = archive.years[0]?.year;
  const span = first === undefined ? '' : first === last ? `${first} 年` : `${first} 年至 ${last} 年`;
  return (
    <Layout site={site} title="往期" path={issuesUrl} section="issues" wide description={`《${site.title}》${span}共 ${archive.issues.length} 期、${archive.items.length} 条信息的目录，按年份排列。`}>
      <Breadcrumbs site={site} trail={[{ title: '首页', url: '/' }, { title: '往期' }]} />
      <h1>往期</h1>
      <p class="lead">
        共 {archive.issues.length} 期、{archive.items.length} 条信息，按年份从新到旧排列。点击年份查看当年各期要目，点击期号阅读全文。
      </p>
      {archive.years.length > 1 ? (
        <nav class="year-index" aria-label="年份">
          <ul>
            {archive.years.map((year) => (
              <li>
                <a href={`#${yearAnchor(year.year)}`}>{year.year}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {archive.years.map((year) => (
        <section class="issue-index" aria-labelledby={yearAnchor(year.year)}>
          <h2 class="issue-index__year" id={yearAnchor(year.year)}>
            <a href={href(site, year.url)}>{year.year} 年</a>
            <span class="issue-index__count">
              {year.issues.length} 期 · {year.itemCount} 条
            </span>
          </h2>
          <ol class="issue-index__list">
            {year.issues.map((entry) => (
              // Lean markup, styled from .issue-index__list: 1,000 of these make most of the page's bytes.
              <li>
                <a href={href(site, entry.url)}>
                  第 {entry.issue.number} 期 <time dateTime={entry.issue.date}>{formatMonthDay(entry.issue.date)}</time>
                </a>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </Layout>
  );
}
