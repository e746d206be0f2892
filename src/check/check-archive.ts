/**
 * Checks that span files: duplicate issue numbers and dates out of order.
 */
import type { VFile } from 'vfile';
import type { Issue } from '../model/schema.ts';
import type { IssueHeader } from '../parse/parse-issue.ts';
import { report } from '../messages/report.ts';

/** A parsed issue file: its issue when valid, its header when its number is known. */
export interface ParsedIssue {
  issue: Issue | undefined;
  header: IssueHeader | undefined;
  file: VFile;
}

/**
 * Reports duplicate issue numbers within a year and warns where, within a year,
 * a later number carries an earlier date. Every file whose folder and number
 * are readable takes part, valid or not: a copied file that still carries the
 * old number is the usual duplicate. Of two files with one number, the one
 * named after it (`035.md`) keeps it. Returns the valid issues that may be
 * published, oldest first.
 */
export function checkArchive(parsed: readonly ParsedIssue[]): Issue[] {
  const headed = parsed.filter((entry): entry is ParsedIssue & { header: IssueHeader } => entry.header !== undefined);
  const sorted = headed.sort(
    (a, b) =>
      a.header.year - b.header.year ||
      a.header.number - b.header.number ||
      Number(b.header.named) - Number(a.header.named) ||
      compareCodeUnits(a.header.sourceFile, b.header.sourceFile),
  );

  const kept: (ParsedIssue & { header: IssueHeader })[] = [];
  let first: IssueHeader | undefined;
  for (const entry of sorted) {
    const { header } = entry;
    if (first && first.year === header.year && first.number === header.number) {
      report(entry.file, 'issue-duplicate', { number: header.number, year: header.year, first: first.sourceFile }, header.numberPlace);
      continue;
    }
    first = header;
    kept.push(entry);
  }

  let latest: IssueHeader | undefined;
  for (const { header, file } of kept) {
    if (header.date === undefined) continue;
    if (latest && latest.year === header.year && header.date < latest.date!) {
      report(file, 'date-order', { number: header.number, date: header.date, previous: { number: latest.number, date: latest.date!, file: latest.sourceFile } }, header.datePlace);
    }
    if (!latest || latest.year !== header.year || header.date > latest.date!) latest = header;
  }

  return kept.flatMap((entry) => (entry.issue ? [entry.issue] : []));
}

/** Orders strings by code unit, not by locale: the same on every machine. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
