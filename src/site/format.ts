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

/**
 * `《上街信息》2023 年第 35 期《济源路街道“无主管”楼院治理服务再升级》（济源路街道）`:
 * how to cite an item, naming it in full (a brief by its title, its first clause).
 */
export function citationLine(issue: Pick<Issue, 'publication' | 'year' | 'number'>, item: Pick<Item, 'headline' | 'department'>): string {
  return `《${issue.publication}》${issueLabel(issue)}《${item.headline}》（${item.department}）`;
}

/** `6 月 1 日`: a date within its year, as the lists of one year's issues show it. */
export function formatMonthDay(isoDate: string): string {
  const [, month, day] = isoDate.split('-').map(Number);
  return `${month} 月 ${day} 日`;
}

/** `380 KB`, `2.4 MB`: a file's size as a download link states it (KB rounded up, so a small file never reads 0 KB). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1000 * 1024) return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The first sentence of a text (up to its first 。！？ or line end), on one
 * line, cut to `length` characters: an item's meta description.
 */
export function firstSentence(text: string, length = 120): string {
  const flat = text.trim().split(/\n/)[0]!.replace(/\s+/g, ' ');
  const end = /[。！？!?]/u.exec(flat);
  return excerpt(end ? flat.slice(0, end.index + 1) : flat, length);
}

/** Names joined the way the bulletin prints them (the distribution list, a department's other names): 峡窝镇、各街道办事处. */
export function joinNames(names: readonly string[]): string {
  return names.join('、');
}

/** A short plain-text excerpt: the first `length` characters of the text, on one line. */
export function excerpt(text: string, length = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= length ? flat : `${chars.slice(0, length).join('').trimEnd()}……`;
}
