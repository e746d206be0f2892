/**
 * /search/: substring search over every item, with department, year and kind
 * filters (usable without a query) and the state in the URL. The page is a
 * form and empty lists; src/search/client/search-page.ts (bundled into
 * /assets/search.js by the search step of the build) does the searching.
 * With JavaScript off, the <noscript> block says so and links the department
 * and year pages instead.
 */
import { href, type TemplateData } from '../src/site/site-data.ts';
import { departmentsUrl, issueListUrl, issuesUrl, searchUrl } from '../src/site/urls.ts';
import { clientScripts, indexFolder, toIndexBundles } from '../src/search/search-paths.ts';
import { aliasSeparator } from '../src/search/search-query.ts';
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
      {/* Without script the form cannot search: a stylesheet (no inline style, see the CSP) hides it. */}
      <noscript>
        <link rel="stylesheet" href={href(site, '/search-noscript.css')} />
      </noscript>
      <script type="module" src={href(site, `/${clientScripts.searchPage}`)}></script>
    </>
  );
  return (
    <Layout
      site={site}
      title="检索"
      path={searchUrl}
      section="search"
      head={head}
      headerSearch={false}
      description={`在《${site.title}》各期信息的标题、正文和报送部门中检索，按部门、年份筛选，或输入期号、日期直达某一期。`}
    >
      <Breadcrumbs site={site} trail={[{ title: '首页', url: '/' }, { title: '检索' }]} />
      <h1>检索</h1>
      <p class="lead search-lead">
        在标题、正文和报送部门中查找，输入的文字须原样出现，空格分开的词须同时出现。输入期号（如“2023年第35期”）或日期可直达该期。
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
        data-issue-list={href(site, issueListUrl)}
        data-site-root={href(site, '/')}
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
                    <option
                      value={entry.department.name}
                      data-label={entry.department.name}
                      data-slug={entry.department.slug}
                      data-count={String(entry.count)}
                      {...(entry.department.aliases.length > 0 ? { 'data-aliases': entry.department.aliases.join(aliasSeparator) } : {})}
                    >
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
        {/*
         * At least a screen tall (public/search.css), so what the search shows, in order — the status, the
         * issue or department the query names (src/search/lookup.ts), the item results — only ever fills
         * space below what is already shown: nothing the reader sees moves, the footer never comes into view.
         */}
        <div class="search-output">
          <p class="search-status" data-search-status role="status" aria-live="polite"></p>
          <section class="search-lookup" data-search-lookup aria-label="直达" hidden></section>
          <ol class="search-results" data-search-results></ol>
          <p class="search-more-line">
            <span class="search-shown" data-search-shown></span>
            <button type="button" class="search-more" data-search-more hidden>
              加载更多
            </button>
          </p>
        </div>
      </div>
    </Layout>
  );
}
