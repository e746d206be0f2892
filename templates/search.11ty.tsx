/**
 * /search/: substring search over every item, with department, year and kind
 * filters (usable without a query) and the state in the URL. The page is a
 * form and empty lists; src/search/client/search-page.ts (bundled into
 * /assets/search.js by the search step of the build) does the searching.
 * With JavaScript off, the <noscript> block says so and links the department
 * and year pages instead.
 */
import { href, type TemplateData } from '../src/site/site-data.ts';
import { departmentsUrl, issuesUrl, searchUrl } from '../src/site/urls.ts';
import { clientScripts, indexFolder, toIndexBundles } from '../src/search/search-paths.ts';
import { kindLabels } from '../src/search/search-record.ts';
import { Layout } from './_components/layout.tsx';
import { Breadcrumbs } from './_components/nav-parts.tsx';

export const data = {
  permalink: `${searchUrl}index.html`,
  eleventyExcludeFromCollections: true,
};

export function render({ site, archive }: TemplateData) {
  const kindCounts = (['article', 'brief'] as const).map((kind) => ({
    label: kindLabels[kind],
    count: archive.items.filter((entry) => entry.item.kind === kind).length,
  }));
  const head = (
    <>
      <link rel="stylesheet" href={href(site, '/search.css')} />
      <script type="module" src={href(site, `/${clientScripts.searchPage}`)}></script>
    </>
  );
  return (
    <Layout site={site} title="检索" path={searchUrl} section="search" head={head}>
      <Breadcrumbs site={site} trail={[{ title: '首页', url: '/' }, { title: '检索' }]} />
      <h1>检索</h1>
      <p class="lead">
        在各期信息的标题、正文和报送部门中查找。输入的文字须原样出现；用空格分开的几个词须同时出现。也可以只选部门或年份浏览。
      </p>
      <noscript>
        <div class="search-noscript">
          <p>检索需要浏览器启用 JavaScript。也可以按部门或按年份浏览全部信息：</p>
          <h2>按部门</h2>
          <ul class="search-noscript__list">
            {archive.departments
              .filter((entry) => entry.count > 0)
              .map((entry) => (
                <li>
                  <a href={href(site, entry.url)}>{entry.department.name}</a>（{entry.count}）
                </li>
              ))}
          </ul>
          <h2>按年份</h2>
          <ul class="search-noscript__list">
            {archive.years.map((year) => (
              <li>
                <a href={href(site, year.url)}>{year.year} 年</a>（{year.itemCount}）
              </li>
            ))}
          </ul>
          <p>
            <a href={href(site, departmentsUrl)}>全部部门</a> · <a href={href(site, issuesUrl)}>往期目录</a>
          </p>
        </div>
      </noscript>
      <div
        class="search-app"
        data-search-app=""
        data-index-base={href(site, `/${indexFolder}/`)}
        data-bundles={toIndexBundles(archive.years.map((year) => year.year))
          .map((bundle) => bundle.name)
          .join(' ')}
        data-years={archive.years.map((year) => year.year).join(' ')}
        hidden
      >
        <form class="search-form" action={href(site, searchUrl)} method="get" role="search" aria-label="检索信息">
          <div class="search-form__query">
            <label for="search-q">关键词</label>
            <input id="search-q" name="q" type="search" autocomplete="off" placeholder="如：招商、提标治理、红管家" />
            <button type="submit">检索</button>
          </div>
          <div class="search-form__filters">
            <div>
              <label for="search-department">部门</label>
              <select id="search-department" name="department">
                <option value="">全部部门</option>
                {archive.departments
                  .filter((entry) => entry.count > 0)
                  .map((entry) => (
                    <option value={entry.department.name} data-label={entry.department.name}>
                      {entry.department.name}（{entry.count}）
                    </option>
                  ))}
              </select>
            </div>
            <div>
              <label for="search-year">年份</label>
              <select id="search-year" name="year">
                <option value="">全部年份</option>
                {archive.years.map((year) => (
                  <option value={String(year.year)} data-label={`${year.year} 年`}>
                    {year.year} 年（{year.itemCount}）
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label for="search-kind">类别</label>
              <select id="search-kind" name="kind">
                <option value="">文章和简讯</option>
                {kindCounts.map((kind) => (
                  <option value={kind.label} data-label={kind.label}>
                    {kind.label}（{kind.count}）
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label for="search-sort">排序</label>
              <select id="search-sort" name="sort">
                <option value="relevance">相关度</option>
                <option value="date">最新在前</option>
              </select>
            </div>
          </div>
        </form>
        <p class="search-status" data-search-status role="status" aria-live="polite"></p>
        <ol class="search-results" data-search-results></ol>
        <button type="button" class="search-more" data-search-more hidden>
          加载更多
        </button>
      </div>
    </Layout>
  );
}
