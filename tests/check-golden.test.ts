/**
 * Golden cases of the check: each folder of tests/fixtures/invalid/ holds an
 * issues folder with a problem, and expected.txt with the exact messages
 * (paths relative to the case folder), the summary, the issues still fit to
 * publish and the exit status. `UPDATE=1` rewrites the expectations.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { rules } from '../src/messages/rules.ts';
import { caseFolders, checkCase } from './support/check-case.ts';

const root = fileURLToPath(new URL('./fixtures/invalid/', import.meta.url));
const cases = caseFolders(root);

for (const name of cases) {
  test(`the check reports the ${name} case exactly as expected`, async () => {
    const caseDir = path.join(root, name);
    const { text: actual } = await checkCase(caseDir);
    const expectedPath = path.join(caseDir, 'expected.txt');
    if (process.env.UPDATE === '1') writeFileSync(expectedPath, actual);
    assert.equal(actual, readFileSync(expectedPath, 'utf8'));
    // Every case is there to show a problem.
    assert.match(actual, /^issues\/\S+:\d+:\d+ {2}(error|warning) {2}\S/m);
    // Messages say what is wrong without a generic prefix.
    assert.doesNotMatch(actual, /\b(Error|Warning):/);
  });
}

test('every rule of the catalogue has a golden case that reports it', () => {
  const reported = new Set(
    cases.flatMap((name) => [...readFileSync(path.join(root, name, 'expected.txt'), 'utf8').matchAll(/ {2}([a-z0-9-]+)$/gm)].map((m) => m[1])),
  );
  // The import's rules (import-…) are reported by its own golden cases: tests/import-golden.test.ts.
  const missing = Object.keys(rules).filter((rule) => !rule.startsWith('import-') && !reported.has(rule));
  assert.deepEqual(missing, []);
});

test('a front matter declared as js is refused and never run', async () => {
  const global = globalThis as { bulletinArchivePwned?: unknown };
  delete global.bulletinArchivePwned;
  const { text } = await checkCase(path.join(root, 'front-matter-language'));
  assert.match(text, /front-matter-language$/m);
  assert.equal(global.bulletinArchivePwned, undefined);
});

test('the many-problems case reports every problem of every file in one run', async () => {
  const { text } = await checkCase(path.join(root, 'many-problems'));
  const rulesSeen = [...text.matchAll(/ {2}([a-z0-9-]+)$/gm)].map((m) => m[1]);
  for (const rule of ['departments-invalid', 'field-unknown', 'field-missing', 'field-type', 'item-outside', 'item-department-missing', 'html-raw', 'department-unknown', 'issue-duplicate', 'file-name-mismatch', 'date-invalid', 'issue-empty', 'date-year-mismatch']) {
    assert.ok(rulesSeen.includes(rule), `${rule} is reported`);
  }
  const filesSeen = new Set([...text.matchAll(/^(issues\/[^:]+):/gm)].map((m) => m[1]));
  assert.deepEqual([...filesSeen].sort(), ['issues/2023/035.md', 'issues/2023/036.md', 'issues/2023/037.md', 'issues/2024/001.md', 'issues/departments.yml']);
  // The one sound issue is still published.
  assert.match(text, /^publishable: 2023\/038\.md$/m);
});
