/**
 * The parts of an issue as the paper prints them: the red masthead with its
 * number, publisher and date; the items with their △ and department; the
 * distribution and editors block at the foot.
 */
import { renderToStaticMarkup } from 'preact-render-to-string';
import type { Issue } from '../../src/model/schema.ts';
import { decorateBody } from '../../src/site/body.ts';
import { formatDate, issueNumberLabel, joinNames, totalNumberLabel } from '../../src/site/format.ts';
import { href } from '../../src/site/site-data.ts';
import type { ItemEntry } from '../../src/site/site-model.ts';
import type { SiteSettings } from '../../src/site/settings.ts';

/** The masthead of an issue; its title is the page's h1. */
export function Masthead({ issue }: { issue: Issue }) {
  const total = totalNumberLabel(issue);
  return (
    <header class="masthead">
      <h1 class="masthead__heading">
        <span class="masthead__title">{issue.publication}</span>
        {issue.title ? <span class="masthead__special">{issue.title}</span> : null}
        <span class="masthead__number">
          {issueNumberLabel(issue)}
          {total ? <span class="masthead__total">（{total}）</span> : null}
        </span>
      </h1>
      <p class="masthead__line">
        <span class="masthead__publisher">{issue.publisher}</span>
        <time class="masthead__date" dateTime={issue.date}>
          {formatDate(issue.date)}
        </time>
      </p>
    </header>
  );
}

/**
 * An item's body as printed: △ before a brief, （department） at the end,
 * linked to the department's page. The body is the model's sanitised HTML;
 * the marks are rendered (and escaped) here before they are put inside it.
 */
export function ItemBody({ site, entry }: { site: SiteSettings; entry: ItemEntry }) {
  const lead = entry.item.kind === 'brief' ? renderToStaticMarkup(<span class="brief-mark">△</span>) + ' ' : undefined;
  const tail = renderToStaticMarkup(
    <span class="attribution">
      （<a href={href(site, entry.departmentUrl)}>{entry.item.department}</a>）
    </span>,
  );
  return <div class="item-body" dangerouslySetInnerHTML={{ __html: decorateBody(entry.item.html, { lead, tail }) }} />;
}

/** The foot of an issue: 本期送 / 发 lines and 责任编辑, between rules. */
export function IssueFooter({ issue }: { issue: Issue }) {
  if (issue.distribution.length === 0 && issue.editors.length === 0) return null;
  return (
    <footer class="issue-footer">
      {issue.distribution.map((line) => (
        <p class="issue-footer__line">
          <span class="issue-footer__label">{line.label}：</span>
          {joinNames(line.to)}
        </p>
      ))}
      {issue.editors.length > 0 ? (
        <p class="issue-footer__line issue-footer__editors">
          <span class="issue-footer__label">责任编辑：</span>
          {issue.editors.join('　')}
        </p>
      ) : null}
    </footer>
  );
}
