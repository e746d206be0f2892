/**
 * /issues/2023/35/1/: one item, with its department, its issue, a citation
 * that names it in full with its address (and a button that copies it), and
 * its neighbours in the issue. Its text is the only element marked
 * data-pagefind-body on the whole site, so search indexes items and only items;
 * the kicker and the meta list are data-pagefind-ignore (they repeat on every item).
 */
import { citationLine, firstSentence, formatDate } from '../src/site/format.ts';
import { fullUrl, href, type TemplateData } from '../src/site/site-data.ts';
import type { ItemEntry } from '../src/site/site-model.ts';
import { pageOutput } from '../src/site/page-plan.ts';
import { issuesUrl, yearUrl } from '../src/site/urls.ts';
import { clientScripts } from '../src/search/search-paths.ts';
import { ItemBody } from './_components/issue-parts.tsx';
import { Layout } from './_components/layout.tsx';
import { Breadcrumbs, PrevNext } from './_components/nav-parts.tsx';

type Data = TemplateData<{ entry: ItemEntry }>;

export const data = {
  pagination: { data: 'pages.items', size: 1, alias: 'entry' },
  permalink: (data: Data) => `/${pageOutput.items(data.entry)}`,
  eleventyExcludeFromCollections: true,
};

export function render({ site, entry }: Data) {
  const { item, issue } = entry;
  const citation = citationLine(issue, item);
  const address = fullUrl(site, entry.url);
  const head = (
    <>
      <script type="module" src={href(site, `/${clientScripts.itemHighlight}`)}></script>
      <script type="module" src={href(site, `/${clientScripts.copyCitation}`)}></script>
    </>
  );
  return (
    <Layout site={site} title={item.headline} path={entry.url} section="issues" description={firstSentence(item.text)} ogType="article" head={head} printAddress>
      <Breadcrumbs
        site={site}
        trail={[
          { title: '首页', url: '/' },
          { title: '往期', url: issuesUrl },
          { title: `${issue.year} 年`, url: yearUrl(issue.year) },
          { title: `第 ${issue.number} 期`, url: entry.issueUrl },
          { title: item.kind === 'brief' ? '简讯' : '文章' },
        ]}
      />
      <article class="item" data-pagefind-body="">
        <header class="item__header">
          <p class="item__kicker" data-pagefind-ignore="">
            《{issue.publication}》{entry.issueLabel}
            {item.section ? ` · 【${item.section}】` : ''}
            {item.kind === 'brief' ? ' · 简讯' : ''}
          </p>
          <h1 class="item__headline">{item.headline}</h1>
          <dl class="item__meta" data-pagefind-ignore="">
            <div>
              <dt>部门</dt>
              <dd>
                <a href={href(site, entry.departmentUrl)}>{item.department}</a>
              </dd>
            </div>
            <div>
              <dt>刊期</dt>
              <dd>
                <a href={href(site, entry.issueUrl)}>{entry.issueLabel}</a>
              </dd>
            </div>
            <div>
              <dt>日期</dt>
              <dd>
                <time dateTime={issue.date}>{formatDate(issue.date)}</time>
              </dd>
            </div>
          </dl>
        </header>
        <ItemBody site={site} entry={entry} />
      </article>
      <aside class="citation" aria-labelledby="citation-label" data-citation="">
        <div class="citation__head">
          <h2 class="citation__label" id="citation-label">
            引用本文
          </h2>
          {/* Shown and made to work by src/site/client/copy-citation.ts; without script the text below is selectable as it is. */}
          <button type="button" class="citation__copy" data-citation-copy="" hidden>
            复制引用
          </button>
          <span class="citation__status" data-citation-status="" role="status"></span>
        </div>
        <p class="citation__text" data-citation-text="">
          <cite>{citation}</cite>，<span class="citation__url">{address}</span>
        </p>
      </aside>
      <PrevNext site={site} label="本期前后条目" previous={entry.previous} next={entry.next} previousLabel="上一条" nextLabel="下一条" />
    </Layout>
  );
}
