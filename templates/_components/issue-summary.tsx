/**
 * One issue in a list of issues: its number (linked), date and headlines.
 */
import { formatDate } from '../../src/site/format.ts';
import { href } from '../../src/site/site-data.ts';
import type { IssueEntry } from '../../src/site/site-model.ts';
import type { SiteSettings } from '../../src/site/settings.ts';

export function IssueSummary({ site, entry, level }: { site: SiteSettings; entry: IssueEntry; level: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <article class="issue-summary">
      <Heading class="issue-summary__title">
        <a href={href(site, entry.url)}>
          第 {entry.issue.number} 期{entry.issue.title ? `（${entry.issue.title}）` : ''}
        </a>{' '}
        <time class="issue-summary__date" dateTime={entry.issue.date}>
          {formatDate(entry.issue.date)}
        </time>
      </Heading>
      <ul class="issue-summary__items">
        {entry.items.map((item) => (
          <li>
            <a href={href(site, item.url)}>
              {item.item.kind === 'brief' ? <span class="brief-mark">△ </span> : null}
              {item.item.headline}
            </a>
          </li>
        ))}
      </ul>
    </article>
  );
}
