/**
 * Small navigation parts: previous/next links, breadcrumbs, item lists.
 */
import { formatDate } from '../../src/site/format.ts';
import { visiblePages } from '../../src/site/paging.ts';
import { href } from '../../src/site/site-data.ts';
import type { ItemEntry, Link } from '../../src/site/site-model.ts';
import type { SiteSettings } from '../../src/site/settings.ts';

/**
 * 上一期 / 下一期 style links; renders nothing when there is neither. `compact`
 * sets them on one line, for the top of a page.
 */
export function PrevNext(props: { site: SiteSettings; label: string; previous: Link | null; next: Link | null; previousLabel: string; nextLabel: string; compact?: boolean }) {
  const { site, previous, next } = props;
  if (!previous && !next) return null;
  return (
    <nav class={props.compact ? 'prev-next prev-next--compact' : 'prev-next'} aria-label={props.label}>
      {previous ? (
        <a class="prev-next__previous" href={href(site, previous.url)} rel="prev">
          <span class="prev-next__label">{props.previousLabel}</span>
          <span class="prev-next__title">{previous.title}</span>
        </a>
      ) : (
        <span />
      )}
      {next ? (
        <a class="prev-next__next" href={href(site, next.url)} rel="next">
          <span class="prev-next__label">{props.nextLabel}</span>
          <span class="prev-next__title">{next.title}</span>
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** A breadcrumb trail; the last crumb is the current page (not a link). */
export function Breadcrumbs({ site, trail }: { site: SiteSettings; trail: { title: string; url?: string }[] }) {
  return (
    <nav class="breadcrumbs" aria-label="当前位置">
      <ol>
        {trail.map((crumb) => (
          <li>{crumb.url ? <a href={href(site, crumb.url)}>{crumb.title}</a> : <span aria-current="page">{crumb.title}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

/** A list of items: headline (linked), department and issue, optionally with an excerpt. */
export function ItemList({ site, items, showIssue = true }: { site: SiteSettings; items: readonly ItemEntry[]; showIssue?: boolean }) {
  return (
    <ul class="item-list">
      {items.map((entry) => (
        <li class="item-list__entry">
          <a class="item-list__headline" href={href(site, entry.url)}>
            {entry.item.kind === 'brief' ? <span class="brief-mark">△ </span> : null}
            {entry.item.headline}
          </a>
          <span class="item-list__meta">
            {entry.item.department}
            {showIssue ? (
              <>
                {' · '}
                {entry.issueLabel}
                {' · '}
                <time dateTime={entry.issue.date}>{formatDate(entry.issue.date)}</time>
              </>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Numbered pages: 1 … 4 5 [6] 7 8 … 40, the current one marked. `urlOf`
 * gives a page's address; with many pages, those far from the current one
 * and from both ends are left out.
 */
export function Pagination({ site, current, count, urlOf, label }: { site: SiteSettings; current: number; count: number; urlOf: (page: number) => string; label: string }) {
  if (count < 2) return null;
  const shown = visiblePages(current, count);
  return (
    <nav class="pagination" aria-label={label}>
      <ol>
        {shown.map((page, index) => (
          <>
            {index > 0 && page - shown[index - 1]! > 1 ? (
              <li class="pagination__gap" aria-hidden="true">
                …
              </li>
            ) : null}
            <li>
              <a href={href(site, urlOf(page))} aria-current={page === current ? 'page' : undefined} aria-label={page === current ? `第 ${page} 页（本页）` : `第 ${page} 页`}>
                {page}
              </a>
            </li>
          </>
        ))}
      </ol>
    </nav>
  );
}
