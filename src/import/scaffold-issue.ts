/**
 * The next issue's file, scaffolded: masthead fields carried over from the
 * latest issue, today's date, and a placeholder article the check rejects
 * until the editor has filled it in.
 */
import { isoDate } from '../model/calendar-date.ts';
import { departmentPlaceholder, headlinePlaceholder, textPlaceholder } from '../model/placeholders.ts';
import type { Issue } from '../model/schema.ts';
import { toIssueMarkdown, type DraftFrontMatter } from './write-issue.ts';

/** A scaffolded issue: where it goes (relative to the issues folder) and its text. */
export interface ScaffoldedIssue {
  year: number;
  number: number;
  /** `2023/036.md`. */
  file: string;
  markdown: string;
}

/**
 * Scaffolds issue `number` of the year of `today` (by default the one after
 * `numbersThisYear`, the numbers already used that year), dated `today`, copying publication, publisher, distribution and editors
 * from `latest`, the latest issue of the archive, if there is one.
 */
export function scaffoldIssue(today: Date, numbersThisYear: readonly number[], latest: Issue | undefined, number = Math.max(0, ...numbersThisYear) + 1): ScaffoldedIssue {
  const year = today.getFullYear();
  const frontMatter: DraftFrontMatter = {
    ...(latest ? { publication: latest.publication } : {}),
    issue: number,
    date: toIsoDate(today),
    ...(latest ? { publisher: latest.publisher } : {}),
    ...(latest && latest.distribution.length > 0 ? { distribution: latest.distribution } : {}),
    ...(latest && latest.editors.length > 0 ? { editors: latest.editors } : {}),
  };
  const item = { kind: 'article' as const, section: null, headline: headlinePlaceholder, paragraphs: [`${textPlaceholder}（${departmentPlaceholder}）`], department: departmentPlaceholder, line: 1 };
  return { year, number, file: `${year}/${String(number).padStart(3, '0')}.md`, markdown: toIssueMarkdown({ frontMatter, preamble: [], items: [item] }) };
}

/** The local calendar date of `date` as YYYY-MM-DD (the editor's today, not UTC's). */
export function toIsoDate(date: Date): string {
  return isoDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
}
