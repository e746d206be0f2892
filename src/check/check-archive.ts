/**
 * Checks that span files: duplicate issue numbers and dates out of order.
 */
import type { VFile } from 'vfile';
import type { Issue } from '../model/schema.ts';
import { report } from './report.ts';

/** A parsed issue with the file it came from. */
export interface ParsedIssue {
  issue: Issue;
  file: VFile;
}

/**
 * Reports duplicate issue numbers within a year (on every file after the first)
 * and warns where a later number carries an earlier date. Returns the issues
 * that may be published: duplicates are dropped, oldest first.
 */
export function checkArchive(parsed: readonly ParsedIssue[]): Issue[] {
  const sorted = [...parsed].sort((a, b) => a.issue.year - b.issue.year || a.issue.number - b.issue.number || a.issue.sourceFile.localeCompare(b.issue.sourceFile));
  const kept: ParsedIssue[] = [];
  for (const entry of sorted) {
    const previous = kept.at(-1);
    if (previous && previous.issue.year === entry.issue.year && previous.issue.number === entry.issue.number) {
      report(entry.file, 'issue-duplicate', `Issue ${entry.issue.number} of ${entry.issue.year} is already in ${previous.issue.sourceFile}: correct \`issue\` in one of the two files or delete the copy`, { line: 1, column: 1 });
      continue;
    }
    if (previous && entry.issue.date < previous.issue.date) {
      report(entry.file, 'date-order', `Issue ${entry.issue.number} is dated ${entry.issue.date}, earlier than issue ${previous.issue.number} (${previous.issue.date}): check the date or the number`, { line: 1, column: 1 });
    }
    kept.push(entry);
  }
  return kept.map((entry) => entry.issue);
}
