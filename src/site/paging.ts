/**
 * Splits a long list into numbered pages, each knowing its neighbours.
 */

/** One page of a paged list. */
export interface Paged<T> {
  /** 1-based page number. */
  number: number;
  /** How many pages the list has (at least 1, even when it is empty). */
  count: number;
  entries: T[];
}

/**
 * Cuts `list` into pages of `size` entries, in order. An empty list still
 * gives one (empty) page, so its page exists and links to it never break.
 */
export function toPages<T>(list: readonly T[], size: number): Paged<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a positive whole number, not ${size}`);
  const count = Math.max(1, Math.ceil(list.length / size));
  return Array.from({ length: count }, (_, index) => ({
    number: index + 1,
    count,
    entries: list.slice(index * size, (index + 1) * size),
  }));
}

/**
 * The page numbers a numbered pagination shows, in order: the first two, the
 * last two, and two either side of the current page (the gaps between them
 * are shown as …), so a list of any length has at most nine links.
 */
export function visiblePages(current: number, count: number): number[] {
  const pages = new Set<number>();
  for (const page of [1, 2, count - 1, count, current - 2, current - 1, current, current + 1, current + 2]) {
    if (page >= 1 && page <= count) pages.add(page);
  }
  return [...pages].sort((a, b) => a - b);
}
