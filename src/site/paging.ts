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
