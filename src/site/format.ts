/**
 * How dates, issue numbers and citations are written on the site, the way the
 * printed bulletin writes them (`2023 年 6 月 1 日`, `第 35 期`), with the thin
 * spaces around digits that the bulletin's typesetting uses.
 */
import type { Issue, Item } from '../model/schema.ts';

/**
 * `2023-06-01` → `2023 年 6 月 1 日`. Works on the string itself: the model's
 * dates carry no time zone, so no Date object may shift them.
 */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year} 年 ${month} 月 ${day} 日`;
}

/** `第 35 期`. */
export function issueNumberLabel(issue: Pick<Issue, 'number'>): string {
  return `第 ${issue.number} 期`;
}

/** `总第 520 期`, or undefined when the issue has no running total. */
export function totalNumberLabel(issue: Pick<Issue, 'total'>): string | undefined {
  return issue.total === null ? undefined : `总第 ${issue.total} 期`;
}

/** `2023 年第 35 期`, the short name of an issue in lists and citations. */
export function issueLabel(issue: Pick<Issue, 'year' | 'number'>): string {
  return `${issue.year} 年第 ${issue.number} 期`;
}

/** `《上街信息》2023 年第 35 期（济源路街道）`: how to cite an item. */
export function citationLine(issue: Pick<Issue, 'publication' | 'year' | 'number'>, item: Pick<Item, 'department'>): string {
  return `《${issue.publication}》${issueLabel(issue)}（${item.department}）`;
}

/** The names of the distribution list joined the way the bulletin prints them: 峡窝镇、各街道办事处. */
export function joinNames(names: readonly string[]): string {
  return names.join('、');
}

/** A short plain-text excerpt: the first `length` characters of the text, on one line. */
export function excerpt(text: string, length = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= length ? flat : `${chars.slice(0, length).join('').trimEnd()}……`;
}
