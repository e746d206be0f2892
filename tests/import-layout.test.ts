/**
 * Page layout in extracted text: page numbers, rules and running heads are
 * found (to be left out and reported), and text that only repeats is not.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findFurniture, findRunningHeads } from '../src/import/layout-noise.ts';
import { isPageNumber, isRule, toSourceLines } from '../src/import/source-lines.ts';

test('page numbers and rules in the forms documents print them', () => {
  for (const text of ['— 2 —', '-2-', '- 12 -', '－３－', '第 2 页', '第2页 共4页', '第 2 页，共 4 页', '2 / 4']) assert.equal(isPageNumber(text), true, text);
  for (const text of ['2', '第2期', '— 2023年 —', '1-2月', '2023-06-01']) assert.equal(isPageNumber(text), false, text);
  for (const text of ['---', '━━━━━━', '────', '＿＿＿＿', '★★★']) assert.equal(isRule(text), true, text);
  assert.equal(isRule('——'), true);
  assert.equal(isRule('——好'), false);
});

test('a running head is a short line repeated at page edges, or naming the publication there', () => {
  const lines = toSourceLines(['正文一，', '- 2 -', '上街信息 第5期', '正文二。', '第 3 页', '上街信息 第5期', '正文三。', '区财政局', '区财政局'].join('\n'));
  const furniture = findFurniture(lines);
  assert.deepEqual(furniture.map((line) => line.line), [2, 5]);
  const heads = findRunningHeads(lines, 0, furniture, { publication: '上街信息', issue: 5 });
  assert.deepEqual(heads, [
    { line: 3, text: '上街信息 第5期', kind: 'running-head' },
    { line: 6, text: '上街信息 第5期', kind: 'running-head' },
  ]);
});

test('without page edges only a repeated line naming the publication is a running head', () => {
  const lines = toSourceLines(['上街信息', '正文一。', '区财政局', '正文二。', '上街信息', '区财政局'].join('\n'));
  assert.deepEqual(findRunningHeads(lines, 0, [], { publication: '上街信息' }).map((line) => line.line), [1, 5]);
  assert.deepEqual(findRunningHeads(lines, 0, [], {}), []);
});

test('a form feed starts a page: the line after it is at a page edge', () => {
  const lines = toSourceLines('正文一，\n\f创文简报\n正文二。\n\f创文简报\n正文三。');
  assert.deepEqual(findRunningHeads(lines, 0, [], {}).map((line) => line.line), [2, 4]);
});
