/**
 * A corpus of the slips editors make: each folder of tests/fixtures/slips/
 * holds an issues folder with one slip (a typo, Chinese-keyboard punctuation,
 * a lost or doubled blank line, a paragraph pasted twice, a Word leftover),
 * slip.json saying what it is and where (file and line), and expected.txt with
 * what the check says: what each issue holds, the messages, the summary, the
 * issues still fit to publish. `UPDATE=1` rewrites the expectations.
 *
 * None may pass in silence: besides the exact output, each slip must draw a
 * message at or near its own line.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { setLanguage } from '../src/messages/language.ts';
import { toMessageRecords } from '../src/messages/report.ts';
import { caseFolders, checkCase } from './support/check-case.ts';

setLanguage('zh-CN');

const root = fileURLToPath(new URL('./fixtures/slips/', import.meta.url));
const cases = caseFolders(root);

/** Where a message counts as "at the slip": the slip's line, or the line before or after it. */
const near = 1;

interface Slip {
  /** What the editor did, in Chinese. */
  slip: string;
  /** The file with the slip, relative to the issues folder. */
  file: string;
  line: number;
}

test('the corpus has at least 25 slips', () => {
  assert.ok(cases.length >= 25, `${cases.length} slips`);
});

for (const name of cases) {
  const caseDir = path.join(root, name);
  const slip = JSON.parse(readFileSync(path.join(caseDir, 'slip.json'), 'utf8')) as Slip;

  test(`the check reports the ${name} slip (${slip.slip}) at its line`, async () => {
    const { text: actual, files } = await checkCase(caseDir, { found: true });
    const expectedPath = path.join(caseDir, 'expected.txt');
    if (process.env.UPDATE === '1') writeFileSync(expectedPath, actual);
    assert.equal(actual, readFileSync(expectedPath, 'utf8'));

    const file = `issues/${slip.file}`;
    const atSlip = toMessageRecords(files, caseDir).filter((record) => record.file === file && Math.abs(record.line - slip.line) <= near);
    assert.ok(atSlip.length > 0, `a message at ${file}:${slip.line} (±${near}), for: ${slip.slip}`);
  });
}
