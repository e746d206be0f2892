/**
 * /issues/2023/35/: one issue, laid out like the printed bulletin (and printed
 * like it, with page numbers and its address, see the print rules in
 * public/assets/site.css), between links to the issues before and after it,
 * with its printed original to download when there is one.
 */
import { excerpt, formatDate, formatFileSize } from '../src/site/format.ts';
import { href, type TemplateData } from '../src/site/site-data.ts';
import type { IssueEntry, ItemEntry } from '../src/site/site-model.ts';
import type { SiteSettings } from '../src/site/settings.ts';
import { pageOutput } from '../src/site/page-plan.ts';
import { issuesUrl, yearUrl } from '../src/site/urls.ts';
import { kindLabels } from '../src/search/search-record.ts';
import { IssueFooter, ItemBody, Masthead } from './_components/issue-parts.tsx';
import { Layout } from './_components/layout.tsx';
import { Breadcrumbs, PrevNext } from './_components/nav-parts.tsx';

type Data = TemplateData<{ entry: IssueEntry }>;

export const data = {
  pagination: { data: 'pages.issues', size: 1, alias: 'entry' },
  permalink: (data: Data) => `/${pageOutput.issues(data.entry)}`,
  eleventyExcludeFromCollections: true,
};

export function render({ site, entry }: Data) {
  const { issue } = entry;
  const headlines = entry.items.map((item) => item.item.headline).join('；');
  const description = excerpt(`《${issue.publication}》${entry.label}（${formatDate(issue.date)}，${entry.items.length} 条信息）：${headlines}`, 150);
  return (
    <Layout site={site} title={`${issue.publication} ${entry.label}`} path={entry.url} section="issues" description={description} printAddress>
      <Breadcrumbs
        site={site}
        trail={[{ title: '首页', url: '/' }, { title: '往期', url: issuesUrl }, { title: `${issue.year} 年`, url: yearUrl(issue.year) }, { title: `第 ${issue.number} 期` }]}
      />
      <div class="issue-tools">
        <PrevNext site={site} label="前后各期（页首）" previous={entry.previous} next={entry.next} previousLabel="上一期" nextLabel="下一期" compact />
        {entry.original ? (
          <p class="original-link">
            <a href={href(site, entry.original.url)} type="application/pdf" download={`${issue.publication}${issue.year}年第${issue.number}期.pdf`}>
              下载原件（PDF，{formatFileSize(entry.original.bytes)}）
            </a>
          </p>
        ) : null}
      </div>
      <article class="paper issue">
        <Masthead issue={issue} />
        {entry.sections.map((section) =>
          section.name !== null ? (
            <section class="issue-section" aria-label={section.name}>
              <h2 class="issue-section__title">【{section.name}】</h2>
              {section.items.map((item) => (
                <IssueItem site={site} entry={item} level={3} />
              ))}
            </section>
          ) : (
            section.items.map((item) => <IssueItem site={site} entry={item} level={2} />)
          ),
        )}
        <IssueFooter issue={issue} />
      </article>
      <PrevNext site={site} label="前后各期（页尾）" previous={entry.previous} next={entry.next} previousLabel="上一期" nextLabel="下一期" />
    </Layout>
  );
}

/**
 * An item within the issue: an article under its headline, or a brief as one
 * paragraph. Its data-* attributes let the search page list an issue's items
 * from this page when a query names the issue (src/search/client/search-page.ts).
 */
function IssueItem({ site, entry, level }: { site: SiteSettings; entry: ItemEntry; level: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const data = { 'data-item': '', 'data-url': href(site, entry.url), 'data-headline': entry.item.headline, 'data-department': entry.item.department, 'data-kind': kindLabels[entry.item.kind] };
  if (entry.item.kind === 'brief') {
    return (
      <section class="issue-item issue-item--brief" aria-label={entry.item.headline} {...data}>
        <ItemBody site={site} entry={entry} />
        <p class="issue-item__permalink">
          <a href={href(site, entry.url)}>本条链接</a>
        </p>
      </section>
    );
  }
  return (
    <section class="issue-item" aria-labelledby={`item-${entry.item.position}`} {...data}>
      <Heading class="issue-item__headline" id={`item-${entry.item.position}`}>
        <a href={href(site, entry.url)}>{entry.item.headline}</a>
      </Heading>
      <ItemBody site={site} entry={entry} />
    </section>
  );
}
