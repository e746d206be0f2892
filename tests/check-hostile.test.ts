/**
 * Hostile and broken input never stops the check: each such file gets a
 * located message naming what is wrong (and the limit it meets), and every
 * other file's messages and issues stand.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { VFile } from 'vfile';
import { loadArchive, parseGuarded } from '../src/load-archive.ts';
import { setLanguage } from '../src/messages/language.ts';
import { toMessageRecords, type MessageRecord } from '../src/messages/report.ts';
import { limits } from '../src/parse/limits.ts';

setLanguage('zh-CN');

const departments = '- name: 济源路街道\n- name: 区统计局\n';

function issue(number: number, body: string, extraFields = ''): string {
  const date = `2023-06-${String(number - 34).padStart(2, '0')}`;
  return `---\npublication: 上街信息\nissue: ${number}\ndate: ${date}\npublisher: 中共上街区委办公室\n${extraFields}---\n\n${body}`;
}

const article = '## 济源路街道“无主管”楼院治理服务再升级\n\n一是党建引领强堡垒。街道招募一批党员骨干担任社区“红管家”。（济源路街道）\n';
const laughs = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`)].join('\n');

/** The hostile files, by name, each with what its message must say. */
const hostile: Record<string, { text: string | Buffer; rule: string; line?: number }> = {
  '037.md': { text: issue(37, `${article}\n${'- '.repeat(1000)}x\n`), rule: 'limit-exceeded', line: 12 },
  '038.md': { text: issue(38, `${article}\n${'>'.repeat(2000)} x\n`), rule: 'limit-exceeded', line: 12 },
  '039.md': { text: issue(39, article, `${laughs}\n`), rule: 'limit-exceeded', line: 6 },
  '040.md': { text: issue(40, article.replace('党建', '党\0建')), rule: 'control-character', line: 10 },
  '041.md': { text: issue(41, `${article}\n${'*a '.repeat(10000)}x${' a*'.repeat(10000)}\n`), rule: 'limit-exceeded', line: 12 },
  '042.md': { text: issue(42, article, 'title: *重要*\n'), rule: 'yaml-invalid', line: 6 },
  '043.md': { text: issue(43, article, `editors: ${'['.repeat(5000)}${']'.repeat(5000)}\n`), rule: 'limit-exceeded', line: 6 },
  '044.md': { text: issue(44, article.repeat(Math.ceil((limits.fileKilobytes * 1024) / Buffer.byteLength(article)) + 1)), rule: 'limit-exceeded', line: 1 },
  '045.md': { text: issue(45, `${article}\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(2 * i)}- x`).join('\n')}\n`), rule: 'limit-exceeded' },
  '046.md': { text: issue(46, `${article}\n${Array.from({ length: 2000 }, (_, i) => `${'>'.repeat(i + 1)} x`).join('\n')}\n`), rule: 'limit-exceeded' },
  '047.md': { text: issue(47, `${article}\n${'['.repeat(100000)}\n`), rule: 'limit-exceeded', line: 12 },
  '048.md': { text: issue(48, `${article}\n${'\u2028△ x（区统计局）'.repeat(2000)}\n`), rule: 'control-character', line: 12 },
  '049.md': { text: Buffer.from([0xff, 0xfe, 0x00, 0x2d, 0x00, 0x2d]), rule: 'encoding-not-utf8', line: 1 },
};

let dir: string;
let records: MessageRecord[];
let published: string[];

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'check-hostile-'));
  await mkdir(path.join(dir, 'issues/2023'), { recursive: true });
  await mkdir(path.join(dir, 'elsewhere/2022'), { recursive: true });
  await writeFile(path.join(dir, 'issues/departments.yml'), departments);
  await writeFile(path.join(dir, 'issues/2023/035.md'), issue(35, article));
  await writeFile(path.join(dir, 'issues/2023/036.md'), issue(36, article.replace('（济源路街道）', '（济源路街到）')));
  for (const [name, { text }] of Object.entries(hostile)) await writeFile(path.join(dir, 'issues/2023', name), text);
  await writeFile(path.join(dir, 'elsewhere/050.md'), issue(50, article));
  await writeFile(path.join(dir, 'elsewhere/2022/001.md'), issue(1, article).replace('2023-06--33', '2022-01-05'));
  await symlink(path.join(dir, 'elsewhere/050.md'), path.join(dir, 'issues/2023/050.md'));
  await symlink(path.join(dir, 'elsewhere/2022'), path.join(dir, 'issues/2022'));
  const { bulletin, files } = await loadArchive(path.join(dir, 'issues'));
  records = toMessageRecords(files, dir);
  published = bulletin.issues.map((entry) => entry.sourceFile);
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test("every hostile file gets a located message naming what is wrong, and the other files' messages stand", () => {
  for (const [name, { rule, line }] of Object.entries(hostile)) {
    const mine = records.filter((record) => record.file === `issues/2023/${name}`);
    const found = mine.find((record) => record.ruleId === rule);
    assert.ok(found, `${name} is reported as ${rule}: ${JSON.stringify(mine)}`);
    assert.equal(found.severity, 'error');
    if (line !== undefined) assert.equal(found.line, line, `${name} is reported at line ${line}`);
  }
  // The sound issue is published, and the broken one keeps its own message.
  assert.deepEqual(published, ['2023/035.md']);
  const unknown = records.find((record) => record.file === 'issues/2023/036.md');
  assert.equal(unknown?.ruleId, 'department-unknown');
  assert.equal(unknown?.message, '部门「济源路街到」不在 issues/departments.yml 的名单里');
});

test('limits are named in their messages', () => {
  const limit = (name: string) => records.find((record) => record.file === `issues/2023/${name}` && record.ruleId === 'limit-exceeded')!.message;
  assert.match(limit('037.md'), new RegExp(`嵌套超过了 ${limits.nesting} 层`));
  assert.match(limit('039.md'), new RegExp(`展开后超过了 ${limits.yamlAliases} 个`));
  assert.match(limit('041.md'), new RegExp(`超过了 ${limits.markersPerParagraph} 个`));
  assert.match(limit('043.md'), new RegExp(`嵌套超过了 ${limits.yamlNesting} 层`));
  assert.match(limit('044.md'), new RegExp(`超过了 ${limits.fileKilobytes} KB`));
});

test('a symbolic link to an issue file or to a year folder is reported, not skipped', () => {
  const link = records.find((record) => record.file === 'issues/2023/050.md');
  assert.equal(link?.ruleId, 'file-unreadable');
  assert.match(link!.message, /^这是一个符号链接（指向 .*elsewhere\/050\.md）/);
  const folder = records.find((record) => record.file === 'issues/2022');
  assert.equal(folder?.ruleId, 'file-unreadable');
  assert.match(folder!.message, /^这是一个指向文件夹的符号链接/);
  assert.ok(!published.includes('2022/001.md'));
});

test('a fault of the check on one file is reported on that file and stops nothing', () => {
  const file = new VFile({ path: 'issues/2023/035.md' });
  assert.equal(
    parseGuarded(() => {
      throw new TypeError('Cannot read properties of undefined');
    }, file),
    undefined,
  );
  assert.equal(file.messages[0]?.ruleId, 'file-unreadable');
  assert.equal(file.messages[0]?.reason, '检查这个文件时出了内部错误（Cannot read properties of undefined）');
  const deep = new VFile({ path: 'issues/2023/036.md' });
  const overflow = (): never => overflow();
  assert.equal(parseGuarded(overflow, deep), undefined);
  assert.equal(deep.messages[0]?.ruleId, 'limit-exceeded');
  assert.equal(deep.messages[0]?.reason, '这个文件的结构太复杂（嵌套太深），检查无法读完');
});

test('a hostile departments.yml is reported at its line, and the issues are still checked', async () => {
  const other = await mkdtemp(path.join(os.tmpdir(), 'check-hostile-departments-'));
  try {
    await mkdir(path.join(other, '2023'));
    await writeFile(path.join(other, 'departments.yml'), `- name: 济源路街道\n  aliases: ${'['.repeat(5000)}${']'.repeat(5000)}\n- name：区统计局\n${laughs.replace(/^/gm, '# ')}\n- &a name: x\n- *a\n`);
    await writeFile(path.join(other, '2023/035.md'), issue(35, article));
    const { files } = await loadArchive(other);
    const list = toMessageRecords(files, other);
    assert.ok(list.some((record) => record.file === 'departments.yml' && record.severity === 'error'), JSON.stringify(list));
    assert.ok(list.some((record) => record.file === 'departments.yml' && record.ruleId === 'yaml-fullwidth' && record.line === 3));
  } finally {
    await rm(other, { recursive: true, force: true });
  }
});
