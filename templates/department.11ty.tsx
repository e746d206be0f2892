/**
 * /departments/jiyuanlu-jiedao/ (and …/page/2/): one department's items,
 * newest first, with a chart of items per year and its own feed.
 */
import { href, type TemplateData } from '../src/site/site-data.ts';
import type { DepartmentPage } from '../src/site/site-model.ts';
import { pageOutput } from '../src/site/page-plan.ts';
import { departmentsUrl } from '../src/site/urls.ts';
import { Layout } from './_components/layout.tsx';
import { Breadcrumbs, ItemList, PrevNext } from './_components/nav-parts.tsx';
import { YearChart } from './_components/year-chart.tsx';

type Data = TemplateData<{ departmentPage: DepartmentPage }>;

export const data = {
  pagination: { data: 'pages.departmentPages', size: 1, alias: 'departmentPage' },
  permalink: (data: Data) => `/${pageOutput.departmentPages(data.departmentPage)}`,
  eleventyExcludeFromCollections: true,
};

export function render({ site, departmentPage }: Data) {
  const { entry } = departmentPage;
  const name = entry.department.name;
  const paged = departmentPage.count > 1;
  const title = paged ? `${name}（第 ${departmentPage.number} 页）` : name;
  return (
    <Layout site={site} title={title} path={departmentPage.url} section="departments" feeds={[{ title: `${name}的信息`, path: entry.feedUrl }]}>
      <Breadcrumbs site={site} trail={[{ title: '首页', url: '/' }, { title: '部门', url: departmentsUrl }, { title: name }]} />
      <h1>{title}</h1>
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
      {departmentPage.items.length > 0 ? (
        <section aria-labelledby="items-heading">
          <h2 id="items-heading">{paged ? `信息（第 ${departmentPage.number} / ${departmentPage.count} 页）` : '信息'}</h2>
          <ItemList site={site} items={departmentPage.items} />
        </section>
      ) : null}
      <PrevNext site={site} label="分页" previous={departmentPage.previous} next={departmentPage.next} previousLabel="上一页" nextLabel="下一页" />
    </Layout>
  );
}
