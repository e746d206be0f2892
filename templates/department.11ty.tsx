/**
 * /departments/jiyuanlu-jiedao/ (and …/page/2/): one department's items,
 * newest first, grouped by year, with a jump to any year, numbered pages, its
 * other names (又称), a chart of items per year and its own feed.
 */
import { joinNames } from '../src/site/format.ts';
import { href, type TemplateData } from '../src/site/site-data.ts';
import type { DepartmentPage } from '../src/site/site-model.ts';
import { pageOutput } from '../src/site/page-plan.ts';
import { departmentsUrl, departmentUrl, yearAnchor } from '../src/site/urls.ts';
import { Layout } from './_components/layout.tsx';
import { Breadcrumbs, ItemList, Pagination, PrevNext } from './_components/nav-parts.tsx';
import { YearChart } from './_components/year-chart.tsx';

type Data = TemplateData<{ departmentPage: DepartmentPage }>;

export const data = {
  pagination: { data: 'pages.departmentPages', size: 1, alias: 'departmentPage' },
  permalink: (data: Data) => `/${pageOutput.departmentPages(data.departmentPage)}`,
  eleventyExcludeFromCollections: true,
};

export function render({ site, departmentPage }: Data) {
  const { entry } = departmentPage;
  const { department } = entry;
  const name = department.name;
  const paged = departmentPage.count > 1;
  const title = paged ? `${name}（第 ${departmentPage.number} 页）` : name;
  const otherNames = department.aliases.length > 0 ? joinNames(department.aliases) : null;
  const aliases = otherNames ? `（又称${otherNames}）` : '';
  const description =
    entry.count > 0
      ? `${name}${aliases}在《${site.title}》刊发的 ${entry.count} 条信息，${entry.first!.title}至${entry.last!.title}。`
      : `${name}${aliases}在《${site.title}》尚无刊发的信息。`;
  const pageUrl = (page: number) => departmentUrl(department, page);
  return (
    <Layout site={site} title={title} path={departmentPage.url} section="departments" description={description} feeds={[{ title: `${name}的信息`, path: entry.feedUrl }]}>
      <Breadcrumbs site={site} trail={[{ title: '首页', url: '/' }, { title: '部门', url: departmentsUrl }, { title: name }]} />
      <h1>{title}</h1>
      {otherNames ? <p class="aliases">又称：{otherNames}</p> : null}
      {entry.count > 0 ? (
        <p class="lead">
          共 {entry.count} 条信息，首次刊于 <a href={href(site, entry.first!.url)}>{entry.first!.title}</a>，最近刊于{' '}
          <a href={href(site, entry.last!.url)}>{entry.last!.title}</a>。
        </p>
      ) : (
        <p class="lead">本部门尚无刊发的信息。</p>
      )}
      {departmentPage.number === 1 ? <YearChart counts={entry.perYear} label={`${name}各年信息条数`} /> : null}
      <p class="feed-link">
        <a href={href(site, entry.feedUrl)}>订阅本部门信息（Atom）</a>
      </p>
      {entry.yearStarts.length > 1 ? (
        <nav class="year-jump" aria-label="按年份跳转">
          <h2 class="year-jump__title">按年份</h2>
          <ul>
            {entry.yearStarts.map((start) => (
              <li>
                <a href={href(site, start.url)} aria-current={departmentPage.groups.some((group) => group.year === start.year) ? 'true' : undefined}>
                  {start.year}
                  <span class="year-jump__count">（{start.count}）</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {departmentPage.items.length > 0 ? (
        <section aria-labelledby="items-heading">
          <h2 id="items-heading">{paged ? `信息（第 ${departmentPage.number} / ${departmentPage.count} 页）` : '信息'}</h2>
          {departmentPage.groups.map((group) => (
            <section class="year-group" aria-labelledby={`group-${group.year}`}>
              <h3 class="year-group__title" id={`group-${group.year}`}>
                {/* The year's anchor is on the page where its items begin; a continued year says so. */}
                {group.starts ? <span id={yearAnchor(group.year)}>{group.year} 年</span> : `${group.year} 年（续）`}
              </h3>
              <ItemList site={site} items={group.items} />
            </section>
          ))}
        </section>
      ) : null}
      <Pagination site={site} current={departmentPage.number} count={departmentPage.count} urlOf={pageUrl} label="分页" />
      <PrevNext site={site} label="上下页" previous={departmentPage.previous} next={departmentPage.next} previousLabel="上一页" nextLabel="下一页" />
    </Layout>
  );
}
