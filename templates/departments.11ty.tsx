/**
 * /departments/: every department with its other names, its item count and
 * its first and last appearance. A list, laid out in columns on a wide screen
 * and one department a block on a phone, so no name is ever broken.
 */
import { joinNames } from '../src/site/format.ts';
import { href, type TemplateData } from '../src/site/site-data.ts';
import { departmentsUrl } from '../src/site/urls.ts';
import { Layout } from './_components/layout.tsx';
import { Breadcrumbs } from './_components/nav-parts.tsx';

export const data = {
  permalink: `${departmentsUrl}index.html`,
  eleventyExcludeFromCollections: true,
};

export function render({ site, archive }: TemplateData) {
  const active = archive.departments.filter((entry) => entry.count > 0).length;
  return (
    <Layout
      site={site}
      title="部门"
      path={departmentsUrl}
      section="departments"
      description={`向《${site.title}》报送信息的 ${archive.departments.length} 个部门，各自的信息条数及首次、最近刊发的期次。`}
    >
      <Breadcrumbs site={site} trail={[{ title: '首页', url: '/' }, { title: '部门' }]} />
      <h1>部门</h1>
      <p class="lead">
        共 {archive.departments.length} 个报送部门，其中 {active} 个已有信息刊发。点击部门名称查看其全部信息。
      </p>
      <ul class="department-list">
        {archive.departments.map((entry) => (
          <li class="department-list__entry">
            <span class="department-list__name">
              <a href={href(site, entry.url)}>{entry.department.name}</a>
              {entry.department.aliases.length > 0 ? <span class="department-list__aliases">又称{joinNames(entry.department.aliases)}</span> : null}
            </span>
            <span class="department-list__count">{entry.count} 条</span>
            <span class="department-list__when">
              {entry.first && entry.last ? (
                <>
                  首次 <a href={href(site, entry.first.url)}>{entry.first.title}</a>
                  <span aria-hidden="true"> · </span>最近 <a href={href(site, entry.last.url)}>{entry.last.title}</a>
                </>
              ) : (
                '尚无信息'
              )}
            </span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
