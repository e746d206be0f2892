/**
 * Home: the latest issue (masthead and its items), recent items, departments
 * with their counts, years.
 */
import { formatDate } from '../src/site/format.ts';
import { href, type TemplateData } from '../src/site/site-data.ts';
import { homeUrl } from '../src/site/urls.ts';
import { Layout } from './_components/layout.tsx';
import { Masthead } from './_components/issue-parts.tsx';
import { ItemList } from './_components/nav-parts.tsx';

export const data = {
  permalink: '/index.html',
  eleventyExcludeFromCollections: true,
};

export function render({ site, archive }: TemplateData) {
  const latest = archive.latest;
  const active = archive.departments.filter((entry) => entry.count > 0);
  return (
    <Layout site={site} title="首页" path={homeUrl} section="home">
      {latest ? (
        <section class="home-latest paper" aria-labelledby="latest-heading">
          <Masthead issue={latest.issue} />
          <h2 id="latest-heading" class="section-heading">
            本期要目
          </h2>
          <ItemList site={site} items={latest.items} showIssue={false} />
          <p class="more">
            <a href={href(site, latest.url)}>阅读 {latest.label}全文</a>
          </p>
        </section>
      ) : (
        <section class="paper">
          <h1>{site.title}</h1>
          <p>尚未发布任何一期。</p>
        </section>
      )}
      {archive.recentItems.length > 0 ? (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading" class="section-heading">
            近期信息
          </h2>
          <ItemList site={site} items={archive.recentItems} />
        </section>
      ) : null}
      <div class="home-columns">
        <section aria-labelledby="departments-heading">
          <h2 id="departments-heading" class="section-heading">
            按部门浏览
          </h2>
          <ul class="count-list">
            {active.map((entry) => (
              <li>
                <a href={href(site, entry.url)}>{entry.department.name}</a> <span class="count">{entry.count} 条</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="years-heading">
          <h2 id="years-heading" class="section-heading">
            按年份浏览
          </h2>
          <ul class="count-list">
            {archive.years.map((year) => (
              <li>
                <a href={href(site, year.url)}>{year.year} 年</a>{' '}
                <span class="count">
                  {year.issues.length} 期 · {year.itemCount} 条
                </span>
              </li>
            ))}
          </ul>
          {latest ? (
            <p class="note">
              最近更新：<time dateTime={latest.issue.date}>{formatDate(latest.issue.date)}</time>
            </p>
          ) : null}
        </section>
      </div>
    </Layout>
  );
}
