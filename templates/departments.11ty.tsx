/**
 * /departments/: every department with its item count and its first and last
 * appearance.
 */
import { href, type TemplateData } from '../src/site/site-data.ts';
import { departmentsUrl } from '../src/site/urls.ts';
import { Layout } from './_components/layout.tsx';
import { Breadcrumbs } from './_components/nav-parts.tsx';

export const data = {
  permalink: `${departmentsUrl}index.html`,
  eleventyExcludeFromCollections: true,
};

export function render({ site, archive }: TemplateData) {
  return (
    <Layout site={site} title="部门" path={departmentsUrl} section="departments">
      <Breadcrumbs site={site} trail={[{ title: '首页', url: '/' }, { title: '部门' }]} />
      <h1>部门</h1>
      <p class="lead">各报送部门的信息条数及首次、最近刊发的期次。点击部门名称查看其全部信息。</p>
      <div class="table-wrap">
        <table class="department-table">
          <caption class="visually-hidden">各部门信息统计</caption>
          <thead>
            <tr>
              <th scope="col">部门</th>
              <th scope="col" class="num">信息条数</th>
              <th scope="col">首次刊发</th>
              <th scope="col">最近刊发</th>
            </tr>
          </thead>
          <tbody>
            {archive.departments.map((entry) => (
              <tr>
                <th scope="row">
                  <a href={href(site, entry.url)}>{entry.department.name}</a>
                </th>
                <td class="num">{entry.count}</td>
                <td>{entry.first ? <a href={href(site, entry.first.url)}>{entry.first.title}</a> : '—'}</td>
                <td>{entry.last ? <a href={href(site, entry.last.url)}>{entry.last.title}</a> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
