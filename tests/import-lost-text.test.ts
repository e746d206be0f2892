/**
 * The nothing-lost comparison: it passes a faithful import and catches every
 * kind of loss, in the body, in the front matter and in the report of lines
 * left out.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { comparable, findLostText } from '../src/import/lost-text.ts';

const source = '上街信息\n第 35 期\n\n**区农委护航“三夏”生产** 一是提前会商研判。四是全\n\n力服务保障。（区农委）\n\n△ 近日,区统计局发放奖励.(供稿:区统计局)\n\n责任编辑：郝 婕 柴亚文';
const output = '---\npublication: 上街信息\nissue: 35\neditors: [郝婕, 柴亚文]\n---\n\n## 区农委护航“三夏”生产\n\n一是提前会商研判。四是全力服务保障。（区农委）\n\n△ 近日，区统计局发放奖励。（区统计局）\n';
const moved = { moved: [1, 2, 10] };

test('a faithful import loses nothing: markup, punctuation width, 供稿 and moved lines are ignored', () => {
  assert.deepEqual(findLostText(source, output, moved), []);
});

test('a character missing from the body is reported with its source line', () => {
  assert.deepEqual(findLostText(source, output.replace('提前', '提'), moved), [{ line: 4, text: '前' }]);
});

test('a lost line is reported even when its characters occur elsewhere', () => {
  assert.deepEqual(findLostText('甲乙丙。', '---\nissue: 1\n---\n\n丙乙甲。\n', { moved: [] }), [{ line: 1, text: '甲乙丙。' }]);
});

test('a line not declared as moved must be in the body', () => {
  assert.deepEqual(findLostText(source, output, { moved: [1, 10] }), [{ line: 2, text: '第35期' }]);
});

test('the footer lines count as lost when they were not moved', () => {
  assert.equal(findLostText(source, output, { moved: [1, 2] }).at(-1)?.line, 10);
});

test('escaped Markdown in the output compares as the text it shows', () => {
  assert.deepEqual(findLostText('计划*完成* 3 项 <重点>（区农委）', '---\nissue: 1\n---\n\n△ 计划\\*完成\\* 3 项 \\<重点>（区农委）\n', { moved: [] }), []);
});

test('comparable text drops whitespace, brief marks, list numbers and 供稿 labels', () => {
  assert.equal(comparable('◆ 近日, 区统计局 (供稿: 区统计局)'), '近日，区统计局（区统计局）');
  assert.equal(comparable('1、近日，甲。'), '近日，甲。');
  assert.equal(comparable('3.5万元'), '3.5万元');
});

test('a masthead or footer line must be in the front matter, less the words its fields stand for', () => {
  assert.deepEqual(findLostText(source, output.replace('editors: [郝婕, 柴亚文]\n', 'editors: [郝婕]\n'), moved), [{ line: 10, text: '柴亚文' }]);
  assert.deepEqual(findLostText('二〇一五年第九期\n中共上街区委办公室编印\n△ 甲。（区农委）', '---\nissue: 9\npublisher: 中共上街区委办公室\n---\n\n△ 甲。（区农委）\n', { moved: [1, 2] }), []);
});

test('a line left out must be reported as it stands, and a dropped fragment excuses only its own line', () => {
  const text = '— 2 —\n区财政局\n近日，甲。（区财政局）';
  const written = '---\nissue: 1\n---\n\n△ 近日，甲。（区财政局）\n';
  assert.deepEqual(findLostText(text, written, { moved: [], removed: [{ line: 1, text: '— 2 —', kind: 'page-number' }], dropped: [{ line: 2, text: '区财政局' }] }), []);
  assert.deepEqual(findLostText(text, written, { moved: [], dropped: [{ line: 2, text: '区财政局' }] }), [{ line: 1, text: '—2—' }]);
  assert.deepEqual(findLostText(text, written, { moved: [], removed: [{ line: 1, text: '— 3 —', kind: 'page-number' }], dropped: [{ line: 2, text: '区财政局' }] }), [{ line: 1, text: '— 2 —' }]);
  assert.deepEqual(findLostText('区财政局\n区财政局\n近日，甲。', '---\nissue: 1\n---\n\n△ 近日，甲。（区财政局）\n', { moved: [], dropped: [{ line: 1, text: '区财政局' }] }), []);
  assert.deepEqual(findLostText('区财政局\n区农委\n近日，甲。', '---\nissue: 1\n---\n\n△ 近日，甲。（区财政局）\n', { moved: [], dropped: [{ line: 1, text: '区财政局' }] }), [{ line: 2, text: '农委' }]);
});
