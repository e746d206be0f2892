/**
 * `npm run import` end to end: the sample's round trip (byte for byte),
 * refusing to overwrite, bad input (nothing written, exit 1), GBK text, the
 * messages in Chinese and in English, --help, and the real CLI's exit codes.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadArchive } from '../src/load-archive.ts';
import { importWorkspace, removeImportWorkspaces, runImport } from './support/import-workspace.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const seedPath = path.join(repoRoot, 'tests/fixtures/seed/shangjie-2023-035.txt');
const fixtures = path.join(repoRoot, 'tests/fixtures/import');
after(removeImportWorkspaces);

async function issueFiles(dir: string): Promise<string[]> {
  return (await readdir(path.join(dir, 'issues'), { recursive: true })).filter((name) => name.endsWith('.md')).sort();
}

test('importing the sample text writes issues/2023/035.md byte for byte, and the same model', async () => {
  const dir = await importWorkspace();
  const result = await runImport(dir, seedPath);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, path.join('issues', '2023', '035.md'));
  assert.equal(await readFile(path.join(dir, 'issues/2023/035.md'), 'utf8'), await readFile(path.join(repoRoot, 'issues/2023/035.md'), 'utf8'));
  assert.match(result.stderr, /^已写出 issues\/2023\/035\.md：8 条（文章 6 篇，简讯 2 条）/m);
  // The rules between the footer lines are left out, and said so.
  assert.match(result.stderr, /去掉的排版内容（2 行，不是正文，没有写进文件）：\n {2}\S+shangjie-2023-035\.txt:35 {2}分隔线「---」\n {2}\S+:39 {2}分隔线「---」/);
  assert.match(result.stderr, /检查通过/);

  const imported = (await loadArchive(path.join(dir, 'issues'))).bulletin.issues;
  const canonical = (await loadArchive(path.join(repoRoot, 'issues'))).bulletin.issues.find((issue) => issue.year === 2023 && issue.number === 35);
  assert.ok(canonical, 'issues/2023/035.md parses');
  assert.equal(imported.length, 1);
  const { sourceFile: _a, ...importedModel } = imported[0]!;
  const { sourceFile: _b, ...canonicalModel } = canonical;
  assert.deepEqual(importedModel, canonicalModel);
  assert.deepEqual(importedModel.editors, ['郝婕', '柴亚文']);
  assert.match(importedModel.items[2]!.text, /至目前，我区承办的省市区民生实事任务/);
});

test('an existing issue file is not overwritten without --force', async () => {
  const dir = await importWorkspace();
  assert.equal((await runImport(dir, seedPath)).code, 0);
  const target = path.join(dir, 'issues/2023/035.md');
  await writeFile(target, 'edited by hand\n');

  const refused = await runImport(dir, seedPath);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /已经存在：要覆盖就加 --force/);
  assert.equal(await readFile(target, 'utf8'), 'edited by hand\n');

  const forced = await runImport(dir, seedPath, '--force');
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(await readFile(target, 'utf8'), /^---\npublication: 上街信息\nissue: 35\n/);
});

const badInputs: [string, string, Uint8Array, RegExp][] = [
  ['an empty file', 'empty.txt', new Uint8Array(), /文件是空的/],
  ['a file of blank lines', 'blank.txt', new TextEncoder().encode('\n \n\n'), /只有空行/],
  ['a binary file', 'scan.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /二进制文件，不是文本/],
  ['a .docx that is not a zip', 'issue.docx', new TextEncoder().encode('上街信息\n第 35 期\n'), /文件名是 \.docx，但它不是 Word 文档/],
  ['a damaged .docx', 'broken.docx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]), /不能作为 Word 文档读取/],
  ['an old .doc', 'issue.doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0]), /"另存为" → "Word 文档 \(\*\.docx\)"/],
  ['an issue file already in the canonical format', '035.md', new TextEncoder().encode('---\npublication: 上街信息\nissue: 35\n---\n\n## 标题\n\n正文。（区农委）\n'), /已经是期刊文件/],
  ['text in an unknown encoding', 'latin.txt', Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xe0, 0x20, 0x6c, 0xe0]), /不是 UTF-8 文本（第 1 行第 4 列），也不是 GBK/],
  ['a damaged PDF', 'issue.pdf', new TextEncoder().encode('%PDF-1.7\nnot really a PDF\n'), /不能作为 PDF 读取/],
];

for (const [what, name, bytes, message] of badInputs) {
  test(`${what} gets a clear Chinese message at the file's first line, exit 1, and nothing written`, async () => {
    const dir = await importWorkspace();
    await writeFile(path.join(dir, name), bytes);
    const result = await runImport(dir, name);
    assert.equal(result.code, 1);
    assert.match(result.stderr, message);
    assert.match(result.stderr, new RegExp(`^${name.replace('.', '\\.')}:1:1  error  .*什么也没有写：.*  import-source-unreadable$`));
    assert.deepEqual(await issueFiles(dir), []);
  });
}

test('a missing file or a mistyped option gets exit 1, the option named, and the usage', async () => {
  const dir = await importWorkspace();
  assert.match((await runImport(dir, 'nowhere.txt')).stderr, /^nowhere\.txt：没有这个文件/);
  assert.equal((await runImport(dir)).code, 1);
  const wrong = await runImport(dir, 'a.txt', '--outt', 'x');
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr, /^不认得选项 --outt\n\n用法：npm run import -- 稿件文件/);
});

test('--help prints the usage in Chinese and exits 0; --lang en prints it in English', async () => {
  const dir = await importWorkspace();
  const help = await runImport(dir, '--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^用法：npm run import -- 稿件文件 \[--out issues\/年份\/三位期号\.md\] \[--force\]/);
  assert.match(help.stdout, /退出码：0 已写出，检查通过；1 什么也没有写；2 已写出/);
  assert.equal(help.stderr, '');
  const english = await runImport(dir, '--help', '--lang', 'en');
  assert.equal(english.code, 0);
  assert.match(english.stdout, /^usage: npm run import -- FILE/);
  assert.equal((await runImport(dir, '--lang', 'fr', 'a.txt')).code, 1);
});

test('with --lang en every message of the import is in English', async () => {
  const dir = await importWorkspace();
  await copyFile(path.join(fixtures, 'reporters-placeholders/input.txt'), path.join(dir, 'input.txt'));
  const result = await runImport(dir, 'input.txt', '--lang', 'en');
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^Wrote issues\/2023\/036\.md: 3 items \(2 articles, 1 brief\)$/m);
  assert.match(result.stderr, /^Left out as layout \(2 lines, not text, not in the file\):$/m);
  assert.match(result.stderr, /^input\.txt:10:1 {2}error {2}No department found for 「区委老干部局举办老干部书画作品展」: its end holds the placeholder （待补充部门）: replace （待补充部门） with the reporting department, e\.g\. （济源路街道） {2}import-department-missing$/m);
  assert.doesNotMatch(result.stderr, /[已请检查]/);
});

test('a GBK text is decoded, said to be GBK, and imported like its UTF-8 original', async () => {
  const dir = await importWorkspace(path.join(fixtures, 'departments.yml'));
  await copyFile(path.join(fixtures, 'encodings/gbk.txt'), path.join(dir, 'gbk.txt'));
  const result = await runImport(dir, 'gbk.txt');
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /说明：文件不是 UTF-8，看起来是 GBK/);
  assert.equal(await readFile(path.join(dir, result.stdout), 'utf8'), await readFile(path.join(fixtures, 'plain-number-sections/expected.md'), 'utf8'));
});

test('without a date or --out the place is unknown: exit 1 and nothing written', async () => {
  const dir = await importWorkspace();
  await copyFile(path.join(fixtures, 'no-date/input.txt'), path.join(dir, 'no-date.txt'));
  const result = await runImport(dir, 'no-date.txt');
  assert.equal(result.code, 1);
  assert.match(result.stderr, /^no-date\.txt:1:1 {2}error {2}刊头没有年份（日期），不知道文件该写到哪里，什么也没有写：请加上 --out issues\/年份\/三位期号\.md 再导入.*import-place-unknown$/m);
  assert.deepEqual(await issueFiles(dir), []);
});

test('a file written outside the issues folder is checked and told to move', async () => {
  const dir = await importWorkspace();
  const result = await runImport(dir, seedPath, '--out', 'draft.md');
  assert.equal(result.code, 2);
  assert.equal(result.stdout, 'draft.md');
  assert.match(result.stderr, /^draft\.md:1:1 {2}error {2}.*file-location$/m);
});

test('the npm run import CLI exits 2 when the written file still has check errors', async () => {
  const dir = await importWorkspace();
  await copyFile(path.join(fixtures, 'reporters-placeholders/input.txt'), path.join(dir, 'input.txt'));
  const cli = path.join(repoRoot, 'src/cli/import.ts');
  const child = await promisify(execFile)(process.execPath, ['--import', import.meta.resolve('tsx'), cli, 'input.txt'], { cwd: dir, env: { ...process.env, INIT_CWD: dir }, timeout: 60_000 }).then(
    () => ({ code: 0, stdout: '', stderr: '' }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  assert.equal(child.code, 2);
  assert.equal(child.stdout, `${path.join('issues', '2023', '036.md')}\n`);
  assert.match(child.stderr, /^input\.txt:10:1 {2}error {2}「区委老干部局举办老干部书画作品展」这一条找不到供稿部门，末尾写了占位符（待补充部门）：请把（待补充部门）换成供稿部门，例如（济源路街道） {2}import-department-missing$/m);
  assert.match(child.stderr, /^issues\/2023\/036\.md:20:85 {2}error {2}「待补充部门」是导入或新建时留下的占位符.* {2}placeholder$/m);
});

test('text the import would lose (a section heading with no item under it) stops it: the line is named, nothing written', async () => {
  const dir = await importWorkspace();
  await writeFile(path.join(dir, 'lost.txt'), '上街信息\n第 35 期\n中共上街区委办公室\n2023 年 6 月 1 日\n\n区农委开展农机检查\n近日，区农委检查农业机械65台。（区农委）\n\n【工作动态】\n');
  const result = await runImport(dir, 'lost.txt');
  assert.equal(result.code, 1);
  assert.match(result.stderr, /^lost\.txt:9:1 {2}error {2}导入会丢掉这一行的文字「【工作动态】」，所以什么也没有写：.* {2}import-text-lost$/m);
  assert.deepEqual(await issueFiles(dir), []);
});
