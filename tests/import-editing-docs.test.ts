/**
 * docs/editing.md explains every check rule and every placeholder the editor
 * tools write, so a rule added to the catalogue without docs fails here.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { rules } from '../src/check/rules.ts';
import { placeholders } from '../src/import/placeholders.ts';

const docs = await readFile(new URL('../docs/editing.md', import.meta.url), 'utf8');

test('every check rule has its own explained entry in docs/editing.md', () => {
  const missing = Object.keys(rules).filter((id) => !docs.includes(`**\`${id}\`**（${rules[id as keyof typeof rules].severity === 'error' ? '错误' : '警告'}`));
  assert.deepEqual(missing, []);
});

test('every placeholder the tools write is explained in docs/editing.md', () => {
  for (const placeholder of placeholders) {
    assert.ok(docs.includes(placeholder), `${placeholder} is explained`);
  }
});
