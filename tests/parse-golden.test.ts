/**
 * Golden cases of the parser: each folder of tests/fixtures/valid/ holds an
 * issues folder that passes the check, and expected.json with the bulletin
 * model it gives. `UPDATE=1` rewrites the expectations.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { formatMessages } from '../src/messages/report.ts';
import { loadArchive } from '../src/load-archive.ts';
import { bulletinSchema } from '../src/model/schema.ts';

const root = fileURLToPath(new URL('./fixtures/valid/', import.meta.url));
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

for (const name of cases) {
  test(`the ${name} case parses into the expected bulletin`, async () => {
    const caseDir = path.join(root, name);
    const { bulletin, files } = await loadArchive(path.join(caseDir, 'issues'));
    assert.equal(formatMessages(files, caseDir), '', 'a valid case has no messages');
    // The model is what the schema says, and not empty.
    assert.deepEqual(bulletinSchema.parse(bulletin), bulletin);
    assert.ok(bulletin.issues.length > 0 && bulletin.issues.every((issue) => issue.items.length > 0));

    const actual = `${JSON.stringify(bulletin, null, 2)}\n`;
    const expectedPath = path.join(caseDir, 'expected.json');
    if (process.env.UPDATE === '1') writeFileSync(expectedPath, actual);
    assert.equal(actual, readFileSync(expectedPath, 'utf8'));
  });
}
