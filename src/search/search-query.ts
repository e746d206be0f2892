/**
 * What a query means, independent of any index: terms separated by spaces
 * that must all occur in an item, each as a substring of the item's
 * normalised searchable text (the semantics of the browser's find, applied to
 * headline, text and department, under any of the department's names). Used by the search page to verify
 * Pagefind's candidates and to mark matches, and by the tests as the truth.
 */
import { normalizeForSearch, normalizeWithOrigins } from './normalize.ts';
import { toQueryTokens, toRuns } from './search-tokens.ts';

/** A half-open range [start, end) of UTF-16 offsets in the original text. */
export interface TextRange {
  start: number;
  end: number;
}

/** The parts of an item that search reads. */
export interface SearchableItem {
  headline: string;
  text: string;
  department: string;
  /** The department's other names (departments.yml `aliases`), so that any of its names finds its items. */
  aliases?: readonly string[] | undefined;
}

/** The normalised terms of a query: split at whitespace (before and after normalising), empty and repeated terms dropped. */
export function toQueryTerms(query: string): string[] {
  const terms = query
    .split(/\s+/u)
    .flatMap((part) => normalizeForSearch(part).split(' '))
    .filter((term) => term !== '');
  return [...new Set(terms)];
}

/** How a search record's `aliases` meta joins a department's other names. */
export const aliasSeparator = '、';

/** The text an item is searched in: headline, body text, department and the department's other names, one per line. */
export function toSearchableText(item: SearchableItem): string {
  const aliases = item.aliases && item.aliases.length > 0 ? `\n${item.aliases.join('\n')}` : '';
  return `${item.headline}\n${item.text}\n${item.department}${aliases}`;
}

/** True when every term occurs in the text (terms as from toQueryTerms; text not yet normalised). */
export function matchesAllTerms(terms: readonly string[], text: string): boolean {
  const normalized = normalizeForSearch(text);
  return terms.length > 0 && terms.every((term) => normalized.includes(term));
}

/**
 * The Pagefind query for the terms: all their index words, space separated,
 * or null when no term has a letter or digit (punctuation alone is not indexed).
 */
export function toPagefindQuery(terms: readonly string[]): string | null {
  const tokens = [...new Set(terms.flatMap((term) => toQueryTokens(term)))];
  return tokens.length > 0 ? tokens.join(' ') : null;
}

/**
 * A necessary condition, checked on Pagefind's match positions alone (no
 * download): an item that contains a run of n ≥ 3 characters of the query
 * has its n − 1 bigram words at consecutive positions. Items that only
 * contain the bigrams apart are dropped before their text is ever fetched.
 */
export function isPlausibleByPositions(terms: readonly string[], positions: readonly number[]): boolean {
  const longest = Math.max(0, ...terms.flatMap((term) => toRuns(term).map((run) => run.length)));
  const needed = longest - 1;
  if (needed < 2) return true;
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  let streak = 1;
  for (let index = 1; index < sorted.length; index++) {
    streak = sorted[index] === sorted[index - 1]! + 1 ? streak + 1 : 1;
    if (streak >= needed) return true;
  }
  return false;
}

/**
 * Every occurrence of every term in `text`, as ranges of the original
 * (un-normalised) text, sorted and merged where they overlap.
 */
export function findMatchRanges(terms: readonly string[], text: string): TextRange[] {
  const { text: normalized, origins, ends } = normalizeWithOrigins(text);
  const ranges: TextRange[] = [];
  for (const term of terms) {
    if (term === '') continue;
    let from = normalized.indexOf(term);
    while (from !== -1) {
      ranges.push({ start: origins[from]!, end: ends[from + term.length - 1]! });
      from = normalized.indexOf(term, from + 1);
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: TextRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}
