/**
 * One Pagefind record per item, made from the model (no HTML is parsed): its
 * index words (see search-tokens.ts), the metadata a result shows, the
 * filters and the date sort key.
 */
import type { Issue, Item } from '../model/schema.ts';
import { issueLabel } from '../site/format.ts';
import { itemUrl, withPrefix } from '../site/urls.ts';
import { normalizeForSearch } from './normalize.ts';
import { aliasSeparator, toSearchableText } from './search-query.ts';
import { toIndexTokens } from './search-tokens.ts';

/**
 * The language of every record: `und` (undetermined), because what Pagefind
 * indexes is not Chinese text but the ASCII words of search-tokens.ts. Given
 * `zh-cn`, Pagefind runs its Chinese word segmenter over them for nothing:
 * measured on a five-year bundle (1,725 items), indexing took 3.9–4.1 s as
 * `zh-cn` and 2.6–3.1 s as `und`, for the same index chunks. The search page
 * (lang="zh-CN") still finds the index: Pagefind falls back to a bundle's
 * only language.
 */
export const searchLanguage = 'und';

/** The filter values of an item's kind, as the search page shows them. */
export const kindLabels: Record<Item['kind'], string> = { article: '文章', brief: '简讯' };

/** What the search page reads from a result's metadata. */
export interface SearchMeta {
  /** The headline (Pagefind's conventional `title`). */
  title: string;
  department: string;
  /** 2023 年第 35 期 */
  issue: string;
  /** YYYY-MM-DD */
  date: string;
  /** The body text: verified against the query and cut into the excerpt. */
  text: string;
  /** The department's other names, joined by 、, when it has any: searched like its name. */
  aliases?: string;
}

/** A record as Pagefind's addCustomRecord takes it. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: SearchMeta & Record<string, string>;
  filters: { department: string[]; year: string[]; kind: string[] };
  sort: { date: string };
}

/**
 * The record of one item; `pathPrefix` is the site's path prefix (`/` at the
 * root), `aliases` the other names of the item's department.
 */
export function toSearchRecord(issue: Issue, item: Item, pathPrefix = '/', aliases: readonly string[] = []): SearchRecord {
  const searchable = toSearchableText({ ...item, aliases });
  return {
    url: withPrefix(pathPrefix, itemUrl(issue, item)),
    content: toIndexTokens(normalizeForSearch(searchable)).join(' '),
    language: searchLanguage,
    meta: { title: item.headline, department: item.department, issue: issueLabel(issue), date: issue.date, text: item.text, ...(aliases.length > 0 ? { aliases: aliases.join(aliasSeparator) } : {}) },
    filters: { department: [item.department], year: [String(issue.year)], kind: [kindLabels[item.kind]] },
    sort: { date: String(toDateSortKey(issue.date, item.position)) },
  };
}

/**
 * The number an item sorts by: newest first when descending, and within an
 * issue its own order (position 1 first). Pagefind compares sort values as
 * 32-bit floats, exact only below 2²⁴, so the key is days since 1970 times
 * 128 plus the reversed position (positions beyond 127 share a key).
 */
export function toDateSortKey(isoDate: string, position: number): number {
  const days = Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
  return days * 128 + (127 - Math.min(position, 127));
}
