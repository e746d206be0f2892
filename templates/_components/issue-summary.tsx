/**
 * One issue on its year's page: its number (linked), date and item count,
 * its first headlines, and the others folded in a <details>.
 */
import { formatMonthDay } from '../../src/site/format.ts';
import { href } from '../../src/site/site-data.ts';
import type { IssueEntry, ItemEntry } from '../../src/site/site-model.ts';
import type { SiteSettings } from '../../src/site/settings.ts';

/** Headlines shown before the fold. */
const shownHeadlines = 2;

export function IssueSummary({ site, entry }: { site: SiteSettings; entry: IssueEntry }) {
  const shown = entry.items.slice(0, shownHeadlines);
  const folded = entry.items.slice(shownHeadlines);
  return (
    <article class="issue-card" aria-labelledby={`issue-${entry.issue.number}`}>
      <h2 class="issue-card__title" id={`issue-${entry.issue.number}`}>
        <a href={href(site, entry.url)}>
          第 {entry.issue.number} 期{entry.issue.title ? `（${entry.issue.title}）` : ''}
        </a>
      </h2>
      <p class="issue-card__meta">
        <time dateTime={entry.issue.date}>{formatMonthDay(entry.issue.date)}</time> · {entry.items.length} 条信息
      </p>
      <ol class="issue-card__items">
        {shown.map((item) => (
          <Headline site={site} entry={item} />
        ))}
      </ol>
      {folded.length > 0 ? (
        <details class="issue-card__more">
          <summary>其余 {folded.length} 条</summary>
          <ol class="issue-card__items" start={shownHeadlines + 1}>
            {folded.map((item) => (
              <Headline site={site} entry={item} />
            ))}
          </ol>
        </details>
      ) : null}
    </article>
  );
}

function Headline({ site, entry }: { site: SiteSettings; entry: ItemEntry }) {
  return (
    <li>
      <a href={href(site, entry.url)}>
        {entry.item.kind === 'brief' ? <span class="brief-mark">△ </span> : null}
        {entry.item.headline}
      </a>
    </li>
  );
}
