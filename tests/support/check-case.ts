/**
 * The check's golden cases: a case folder holds an issues folder and
 * expected.txt, what `npm run check` says about it as one text. Shared by the
 * rule cases (tests/fixtures/invalid/) and the corpus of slips
 * (tests/fixtures/slips/).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { loadArchive } from '../../src/load-archive.ts';
import { say } from '../../src/messages/message.ts';
import { countErrors, formatMessages, formatSummary } from '../../src/messages/report.ts';
import { checkTexts } from '../../src/messages/texts.ts';

/** The case folders under `root`, sorted. */
export function caseFolders(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * What the check says about the case in `caseDir`: (with `found`, what each
 * issue holds first,) every message with paths relative to the case folder,
 * the summary, the issues still fit to publish and the exit status.
 */
export async function checkCase(caseDir: string, { found = false } = {}): Promise<{ text: string; files: VFile[] }> {
  const loaded = await loadArchive(path.join(caseDir, 'issues'));
  const publishable = loaded.bulletin.issues.map((issue) => issue.sourceFile).join(', ') || 'none';
  const text = [
    ...(found ? loaded.found.map((issue) => say(checkTexts.found, { ...issue, file: issue.sourceFile })) : []),
    formatMessages(loaded.files, caseDir),
    formatSummary(loaded.files),
    `publishable: ${publishable}`,
    `exit status: ${countErrors(loaded.files) > 0 ? 1 : 0}`,
    '',
  ].join('\n');
  return { text, files: loaded.files };
}
