/**
 * The check's messages as npm start's build process sends them to the
 * preview: the records every output form is written from, each with the line
 * of the file it is on, so the overlay can quote it.
 */
import { readFile } from 'node:fs/promises';
import type { VFile } from 'vfile';
import { toMessageRecords, type MessageRecord } from '../messages/report.ts';

/** A message record with the text of its line, when the file could be read. */
export interface PreviewProblem extends MessageRecord {
  source?: string;
}

/** Every message of `files` (errors first), each with its line's text read from its file. */
export async function toPreviewProblems(files: readonly VFile[], cwd = process.cwd()): Promise<PreviewProblem[]> {
  const withMessages = files.filter((file) => file.messages.length > 0);
  const lines = new Map<string, string[]>();
  await Promise.all(
    withMessages.map(async (file) => {
      const text = await readFile(file.path, 'utf8').catch(() => undefined);
      if (text !== undefined) lines.set(file.path, text.replace(/^\uFEFF/, '').split(/\r?\n|\r/));
    }),
  );
  const problems: PreviewProblem[] = [];
  for (const file of withMessages) {
    for (const record of toMessageRecords([file], cwd)) {
      const source = lines.get(file.path)?.[record.line - 1];
      problems.push(source === undefined ? record : { ...record, source });
    }
  }
  // Errors first, each kind in file and line order (a stable sort keeps it).
  return problems.sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'));
}
