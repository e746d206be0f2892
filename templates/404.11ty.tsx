/**
 * /404.html: what static hosts serve for a missing page. Its links carry the
 * path prefix, since it is shown at whatever address was missing.
 */
import { href, type TemplateData } from '../src/site/site-data.ts';
import { departmentsUrl, homeUrl, issuesUrl, searchUrl } from '../src/site/urls.ts';
import { Layout } from './_components/layout.tsx';

export const data = {
  permalink: '/404.html',
  eleventyExcludeFromCollections: true,
};

export function render({ site }: TemplateData) {
  return (
    <Layout site={site} title="页面不存在" path="/404.html" noindex>
      <h1>页面不存在</h1>
      <p class="lead">您访问的页面不存在，可能是地址输入有误。</p>
      <ul>
        <li>
          <a href={href(site, homeUrl)}>返回首页</a>
        </li>
        <li>
          <a href={href(site, issuesUrl)}>浏览往期</a>
        </li>
        <li>
          <a href={href(site, departmentsUrl)}>按部门浏览</a>
        </li>
        <li>
          <a href={href(site, searchUrl)}>检索信息</a>
        </li>
      </ul>
    </Layout>
  );
}
