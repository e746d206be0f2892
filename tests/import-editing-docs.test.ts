/**
 * docs/editing.md explains every placeholder the editor tools write, so a
 * placeholder added without docs fails here.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { placeholders } from '../src/model/placeholders.ts';

const docs = await readFile(new URL('../docs/editing.md', import.meta.url), 'utf8');

test('every placeholder the tools write is explained in docs/editing.md', () => {
  for (const placeholder of placeholders) {
    assert.ok(docs.includes(placeholder), `${placeholder} is explained`);
  }
});
