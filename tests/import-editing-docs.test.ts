/**
 * docs/editing.md explains every placeholder the editor tools write, so a
 * placeholder added without docs fails here.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { departmentPlaceholder } from '../src/import/split-items.ts';
import { headlinePlaceholder } from '../src/import/scaffold-issue.ts';
import { datePlaceholder, issuePlaceholder } from '../src/import/write-issue.ts';

const docs = await readFile(new URL('../docs/editing.md', import.meta.url), 'utf8');

test('every placeholder the tools write is explained in docs/editing.md', () => {
  for (const placeholder of [departmentPlaceholder, datePlaceholder, issuePlaceholder, headlinePlaceholder]) {
    assert.ok(docs.includes(placeholder), `${placeholder} is explained`);
  }
});
