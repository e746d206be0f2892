/**
 * What a query names besides the text it searches: an issue or a department.
 *
 * An issue: a query that names an issue the way
 * the bulletin and its readers write it — 第35期, 35期, 2023年第35期,
 * 2023 年第 35 期, 总第520期, 2023-06-01, 2023年6月1日, in Arabic or Chinese
 * numerals — is read as a reference, and the search page leads with the
 * issues it names (a direct link above the item results), as a gazette's
 * search does. The issues come from a small list the build writes
 * (`/search/issues.json`, see toIssueList), fetched only when a query reads
 * as a reference.
 *
 * A department: a query that is one of its names (its name, an alias of
 * departments.yml, or its URL slug) leads with a link to its page.
 *
 * Pure: the search page and the tests share it.
 */
import { numeralChars, parseNumeral } from '../import/chinese-numerals.ts';
import { normalizeDepartmentName } from '../departments/department-registry.ts';
import { isRealDate, isoDate } from '../model/calendar-date.ts';
import { formatDate, issueLabel, issueNumberLabel, totalNumberLabel } from '../site/format.ts';
import { normalizeForSearch } from './normalize.ts';

/** What a query can name: an issue by its number (in a year, or in every year), by its running total, or by its date. */
export type IssueReference =
  | { kind: 'number'; year: number | null; number: number }
  | { kind: 'total'; total: number }
  | { kind: 'date'; date: string };

/** One issue as the lookup knows it. */
export interface IssueSummary {
  year: number;
  number: number;
  /** YYYY-MM-DD */
  date: string;
  /** Number of items. */
  items: number;
  total: number | null;
  title: string | null;
}

/**
 * The list as written to `/search/issues.json`: one array per issue, oldest
 * first, `[year, number, "MM-DD", items, total or 0, title or ""]` (about 25
 * bytes an issue, ~6 KB gzip at 1,000 issues).
 */
export type IssueListFile = { issues: [number, number, string, number, number, string][] };

const n = `[${numeralChars}]+`;
// The year needs its 年 (or a separator, or the 第 that follows): 35期 is no year 3's issue 5.
const numberPattern = new RegExp(`^(?:(${n})(?:年|/|-|(?=第)))?第?(${n})期$`, 'u');
const totalPattern = new RegExp(`^总第?(${n})期$`, 'u');
const datePattern = new RegExp(`^(${n})(?:年|-|/|\\.)(${n})(?:月|-|/|\\.)(${n})日?$`, 'u');

/**
 * The issue `query` names, or null when it is not an issue reference. The
 * query is normalised as search normalises it (full-width digits, the spaces
 * the bulletin sets around digits), so 2023 年第 35 期 reads like 2023年第35期.
 */
export function parseIssueReference(query: string): IssueReference | null {
  const text = normalizeForSearch(query).replace(/\s+/gu, '');
  if (text === '') return null;
  const total = totalPattern.exec(text);
  if (total) {
    const value = parseNumeral(total[1]!);
    return value !== undefined && value > 0 ? { kind: 'total', total: value } : null;
  }
  const numbered = numberPattern.exec(text);
  if (numbered) {
    const year = numbered[1] === undefined ? null : parseNumeral(numbered[1]);
    const number = parseNumeral(numbered[2]!);
    if (number === undefined || number < 1 || year === undefined || (year !== null && !isYear(year))) return null;
    return { kind: 'number', year, number };
  }
  const dated = datePattern.exec(text);
  if (dated) {
    const [year, month, day] = [dated[1]!, dated[2]!, dated[3]!].map(parseNumeral);
    if (year === undefined || month === undefined || day === undefined || !isYear(year)) return null;
    return isRealDate(year, month, day) ? { kind: 'date', date: isoDate(year, month, day) } : null;
  }
  return null;
}

/** The issues `reference` names, newest first. */
export function findIssues(reference: IssueReference, issues: readonly IssueSummary[]): IssueSummary[] {
  const matches = issues.filter((issue) => {
    if (reference.kind === 'total') return issue.total === reference.total;
    if (reference.kind === 'date') return issue.date === reference.date;
    return issue.number === reference.number && (reference.year === null || issue.year === reference.year);
  });
  return matches.sort((a, b) => b.year - a.year || b.number - a.number);
}

/** How the reference reads on the page, as the site writes issues and dates (format.ts): 2023 年第 35 期, 各年第 35 期, 总第 520 期, 2023 年 6 月 1 日. */
export function describeReference(reference: IssueReference): string {
  if (reference.kind === 'total') return totalNumberLabel(reference)!;
  if (reference.kind === 'number') return reference.year === null ? `各年${issueNumberLabel(reference)}` : issueLabel({ year: reference.year, number: reference.number });
  return formatDate(reference.date);
}

/** The issue list file of `issues` (any order; written oldest first). */
export function toIssueList(issues: readonly IssueSummary[]): IssueListFile {
  const sorted = [...issues].sort((a, b) => a.year - b.year || a.number - b.number);
  return { issues: sorted.map((issue) => [issue.year, issue.number, issue.date.slice(5), issue.items, issue.total ?? 0, issue.title ?? '']) };
}

/** The issues of an issue list file. */
export function fromIssueList(file: IssueListFile): IssueSummary[] {
  return file.issues.map(([year, number, monthDay, items, total, title]) => ({
    year,
    number,
    date: `${year}-${monthDay}`,
    items,
    total: total === 0 ? null : total,
    title: title === '' ? null : title,
  }));
}

function isYear(year: number): boolean {
  return year >= 1900 && year <= 9999;
}

/** A department as the search page knows it (from its filter's options). */
export interface DepartmentNames {
  name: string;
  slug: string;
  aliases: readonly string[];
}

/**
 * The department whose name, alias or slug `value` is (spaces and the width
 * of brackets ignored, as the check ignores them), or undefined. The search
 * page uses it for a query and for the department filter of a URL.
 */
export function findDepartment<T extends DepartmentNames>(value: string, departments: readonly T[]): T | undefined {
  const wanted = normalizeDepartmentName(value.trim());
  if (wanted === '') return undefined;
  const slug = wanted.toLowerCase();
  return departments.find(
    (department) => department.slug === slug || normalizeDepartmentName(department.name) === wanted || department.aliases.some((alias) => normalizeDepartmentName(alias) === wanted),
  );
}
