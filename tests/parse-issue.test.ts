import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VFile } from 'vfile';
import { toRegistry } from '../src/departments/department-registry.ts';
import { compactName, parseIssue, parseIssueFile } from '../src/parse/parse-issue.ts';

const departments = toRegistry([
  { name: '济源路街道', slug: 'jiyuanlu-jiedao', aliases: [] },
  { name: '区农委', slug: 'qunongwei', aliases: [] },
]);
const head = '---\npublication: 上街信息\nissue: 35\ndate: 2023-06-01\npublisher: 中共上街区委办公室\n---\n\n';

function parse(body: string, registry = departments) {
  const file = new VFile({ path: 'issues/2023/035.md' });
  const issue = parseIssue(head + body, file, { sourceFile: '2023/035.md', departments: registry });
  return { issue, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`) };
}

test('a parenthesis inside the last paragraph stays in the text; only the closing department is taken out', () => {
  const { issue, messages } = parse('## 标题\n\n会商研判（含线上会商 2 次）。（区农委）\n');
  assert.deepEqual(messages, []);
  assert.equal(issue!.items[0]!.text, '会商研判（含线上会商 2 次）。');
  assert.equal(issue!.items[0]!.department, '区农委');
});

test('a last paragraph ending in a parenthesis that is no department is reported as missing the department', () => {
  const { issue, messages } = parse('## 标题\n\n引进产业园（见附图，2023 年）\n');
  assert.equal(issue, undefined);
  assert.deepEqual(messages, ['10:6 item-department-missing']);
});

test('a department may close a list that ends the item', () => {
  const { issue, messages } = parse('## 标题\n\n做法如下：\n\n- 一是会商；\n- 二是指导。（区农委）\n');
  assert.deepEqual(messages, []);
  assert.equal(issue!.items[0]!.html, '<p>做法如下：</p>\n<ul>\n<li>一是会商；</li>\n<li>二是指导。</li>\n</ul>');
  assert.equal(issue!.items[0]!.text, '做法如下：\n\n一是会商；\n二是指导。');
});

test('lines wrapped inside a Chinese sentence are joined without a space; Latin words keep theirs', () => {
  const { issue } = parse('## 标题\n\n一是党建引领。\n二是线上线下 APP\nonline 服务。（济源路街道）\n');
  assert.equal(issue!.items[0]!.text, '一是党建引领。二是线上线下 APP\nonline 服务。');
});

test('an item html is sanitised and its text is plain', () => {
  const { issue } = parse('## 标题\n\n[链接](javascript:alert(1)) **重点**工作。（济源路街道）\n');
  assert.equal(issue!.items[0]!.html, '<p><a>链接</a> <strong>重点</strong>工作。</p>');
  assert.equal(issue!.items[0]!.text, '链接 重点工作。');
});

test('editor names padded to three characters lose the padding', () => {
  assert.equal(compactName('郝 婕'), '郝婕');
  assert.equal(compactName('柴亚文'), '柴亚文');
  assert.equal(compactName('Li Lei'), 'Li Lei');
});

test('with an unreadable departments.yml an issue is held back without a message per item', () => {
  const file = new VFile({ path: 'issues/2023/035.md' });
  const parsed = parseIssueFile(`${head}## 标题\n\n正文。（区农委）\n`, file, { sourceFile: '2023/035.md', departments: toRegistry([], true) });
  assert.equal(parsed.issue, undefined);
  assert.deepEqual(file.messages, []);
  assert.equal(parsed.header?.number, 35);
});

test('parsing is deterministic: the same text gives the same model', () => {
  const body = '# 【创文动态】\n\n## 标题\n\n正文。（区农委）\n\n△ 近日，济源路街道开展活动。（济源路街道）\n';
  assert.equal(JSON.stringify(parse(body).issue), JSON.stringify(parse(body).issue));
  assert.deepEqual(parse(body).issue!.items.map((item) => [item.id, item.section, item.headline]), [
    ['2023-035-01', '创文动态', '标题'],
    ['2023-035-02', '创文动态', '济源路街道开展活动'],
  ]);
});

test('a full stop after the department is pointed out, not taken for a missing department', () => {
  const { issue, messages } = parse('## 标题\n\n正文。（区农委）。\n');
  assert.equal(issue, undefined);
  assert.deepEqual(messages, ['10:9 item-department-missing']);
});

test('a front matter that is a list, not fields, is one message', () => {
  const file = new VFile({ path: 'issues/2023/035.md' });
  const issue = parseIssue('---\n- 上街信息\n- 35\n---\n\n## 标题\n\n正文。（区农委）\n', file, { sourceFile: '2023/035.md', departments });
  assert.equal(issue, undefined);
  assert.deepEqual(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`), ['2:1 field-type 文件开头的字段是一个列表，但应当是一行行的 `字段: 值`']);
});
