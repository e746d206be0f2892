/**
 * The message catalogue: every rule speaks Chinese and English, docs/editing.md
 * quotes each rule's Chinese message, the language is chosen as documented,
 * and the three output forms carry the same messages.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { afterEach, test } from 'node:test';
import { VFile } from 'vfile';
import { currentLanguage, parseLanguage, setLanguage, takeLanguageOption } from '../src/messages/language.ts';
import { say } from '../src/messages/message.ts';
import { formatGithubAnnotations, formatJson, formatMessages, formatSummary, report } from '../src/messages/report.ts';
import { joinHint, rules, type Rule, type RuleId } from '../src/messages/rules.ts';

const docs = await readFile(new URL('../docs/editing.md', import.meta.url), 'utf8');
const ruleIds = Object.keys(rules) as RuleId[];
const han = /\p{Script=Han}/u;

const initial = currentLanguage();
afterEach(() => setLanguage(initial));

/** The rule's example, said in `language` as a message line says it. */
function example(id: RuleId, language: 'zh-CN' | 'en'): string {
  const rule = rules[id] as unknown as Rule<unknown>;
  setLanguage(language);
  return joinHint(say(rule.message, rule.example), say(rule.hint, rule.example));
}

test('every rule says its example in Chinese and in English', () => {
  for (const id of ruleIds) {
    const zh = example(id, 'zh-CN');
    const en = example(id, 'en');
    assert.match(zh, han, `${id} in Chinese`);
    assert.match(en, /^[A-Za-z`「（]/, `${id} in English starts with English words`);
    assert.notEqual(zh, en, id);
    for (const text of [zh, en]) assert.doesNotMatch(text, /^(Error|Warning|错误|警告)[:：]/, `${id} has no generic prefix`);
  }
});

test('docs/editing.md has a section for every rule that quotes its Chinese message', () => {
  const sections = docs.split(/^#### /m).slice(1);
  for (const id of ruleIds) {
    const section = sections.find((text) => text.startsWith(`\`${id}\`\n`));
    assert.ok(section, `docs/editing.md has a section #### \`${id}\``);
    const severity = rules[id].severity === 'error' ? '**错误**' : '**警告**';
    assert.ok(section.includes(severity), `${id}: its section says ${severity}`);
    assert.ok(section.includes(`> ${example(id, 'zh-CN')}\n`), `${id}: its section quotes the message of its example`);
  }
  const documented = sections.map((text) => /^`([a-z0-9-]+)`/.exec(text)?.[1]).filter((id) => id !== undefined);
  assert.deepEqual(documented.filter((id) => !(id in rules)), [], 'no section for a rule the catalogue does not have');
});

test('a language is read as people write it, and anything else is none', () => {
  assert.equal(parseLanguage('en'), 'en');
  assert.equal(parseLanguage('en_US.UTF-8'), 'en');
  assert.equal(parseLanguage('zh'), 'zh-CN');
  assert.equal(parseLanguage('zh_CN.UTF-8'), 'zh-CN');
  assert.equal(parseLanguage('zh-Hans'), 'zh-CN');
  assert.equal(parseLanguage('zh-TW'), undefined);
  assert.equal(parseLanguage('fr'), undefined);
  assert.equal(parseLanguage(''), undefined);
});

test('--lang is taken out of the arguments wherever it stands, but not after --', () => {
  assert.deepEqual(takeLanguageOption(['--issues', 'x', '--lang', 'en']), { argv: ['--issues', 'x'], language: 'en', unknown: undefined });
  assert.deepEqual(takeLanguageOption(['--lang=zh', 'a.txt']), { argv: ['a.txt'], language: 'zh-CN', unknown: undefined });
  assert.deepEqual(takeLanguageOption(['--lang', 'fr']), { argv: [], language: undefined, unknown: 'fr' });
  assert.deepEqual(takeLanguageOption(['--', '--lang', 'en']), { argv: ['--', '--lang', 'en'], language: undefined, unknown: undefined });
});

test('a report carries the rule, its hint and the link to its section; the line joins message and hint', () => {
  setLanguage('zh-CN');
  const file = new VFile({ path: `${process.cwd()}/issues/2023/035.md` });
  report(file, 'department-unknown', { name: '济源路街到', guess: '济源路街道' }, { line: 12, column: 40 });
  report(file, 'date-order', { number: 36, date: '2023-05-20', previous: { number: 35, date: '2023-06-01', file: '2023/035.md' } }, { line: 4, column: 7 });
  const [unknown, order] = file.messages;
  assert.equal(unknown!.reason, '部门「济源路街到」不在 issues/departments.yml 的名单里');
  assert.equal(unknown!.note, '是不是「济源路街道」？如果是新部门，请在 issues/departments.yml 加一行 `- name: 济源路街到`');
  assert.equal(unknown!.url, 'docs/editing.md#department-unknown');
  assert.equal(unknown!.fatal, true);
  assert.equal(order!.fatal, false);
  assert.equal(
    formatMessages([file]).split('\n')[0],
    'issues/2023/035.md:4:7  warning  第 36 期的日期是 2023-05-20，比第 35 期（2023-06-01，在 2023/035.md）还早：请核对这个日期和这两个期号  date-order',
  );
  assert.equal(formatSummary([file]), '1 个错误，1 个警告，共 1 个文件');
  setLanguage('en');
  assert.equal(formatSummary([file]), '1 error, 1 warning in 1 file');
});

test('GitHub annotations and JSON records carry the same messages, escaped for their form', () => {
  setLanguage('zh-CN');
  const file = new VFile({ path: `${process.cwd()}/issues/2023/0,3:5.md` });
  report(file, 'item-department-missing', { notADepartment: '见附图：50%' }, { line: 3, column: 9 });
  assert.equal(
    formatGithubAnnotations([file]),
    '::error file=issues/2023/0%2C3%3A5.md,line=3,col=9,title=item-department-missing::这一条以（见附图：50%25）结尾，但这不是部门：请在它后面加上部门，例如（济源路街道）',
  );
  assert.deepEqual(JSON.parse(formatJson([file])), [
    {
      file: 'issues/2023/0,3:5.md',
      line: 3,
      column: 9,
      severity: 'error',
      ruleId: 'item-department-missing',
      message: '这一条以（见附图：50%）结尾，但这不是部门',
      hint: '请在它后面加上部门，例如（济源路街道）',
      url: 'docs/editing.md#item-department-missing',
    },
  ]);
});
