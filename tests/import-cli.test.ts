/**
 * `npm run import` end to end: the sample's round trip, refusing to overwrite,
 * bad input (nothing written, exit 1), GBK text, and the real CLI's exit codes.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { importCommand } from '../src/import/import-command.ts';
import { loadArchive } from '../src/load-archive.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const seedPath = path.join(repoRoot, 'tests/fixtures/seed/shangjie-2023-035.txt');
const fixtures = path.join(repoRoot, 'tests/fixtures/import');
const workDirs: string[] = [];
after(() => Promise.all(workDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A temporary folder with issues/departments.yml (the repo's, or the fixtures'). */
async function workspace(departments = path.join(repoRoot, 'issues/departments.yml')): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'import-cli-'));
  workDirs.push(dir);
  await mkdir(path.join(dir, 'issues'));
  await copyFile(departments, path.join(dir, 'issues/departments.yml'));
  return dir;
}

async function run(cwd: string, ...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await importCommand(args, { cwd, stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line), now: () => new Date(0) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

async function issueFiles(dir: string): Promise<string[]> {
  return (await readdir(path.join(dir, 'issues'), { recursive: true })).filter((name) => name.endsWith('.md')).sort();
}

test('importing the sample text gives the same model as issues/2023/035.md', async () => {
  const dir = await workspace();
  const result = await run(dir, seedPath);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, path.join('issues', '2023', '035.md'));
  assert.match(result.stderr, /8 items \(6 articles, 2 briefs\)/);

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
  const dir = await workspace();
  assert.equal((await run(dir, seedPath)).code, 0);
  const target = path.join(dir, 'issues/2023/035.md');
  await writeFile(target, 'edited by hand\n');

  const refused = await run(dir, seedPath);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /already exists: pass --force/);
  assert.equal(await readFile(target, 'utf8'), 'edited by hand\n');

  const forced = await run(dir, seedPath, '--force');
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(await readFile(target, 'utf8'), /^---\npublication: 上街信息\nissue: 35\n/);
});

const badInputs: [string, string, Uint8Array, RegExp][] = [
  ['an empty file', 'empty.txt', new Uint8Array(), /The file is empty/],
  ['a file of blank lines', 'blank.txt', new TextEncoder().encode('\n \n\n'), /has no text/],
  ['a binary file', 'scan.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /binary, not text/],
  ['a .docx that is not a zip', 'issue.docx', new TextEncoder().encode('上街信息\n第 35 期\n'), /named \.docx but is not a Word document/],
  ['a damaged .docx', 'broken.docx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]), /could not be read as a Word document/],
  ['an old .doc', 'issue.doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0]), /另存为 “Word 文档 \(\*\.docx\)”/],
  ['an issue file already in the canonical format', '035.md', new TextEncoder().encode('---\npublication: 上街信息\nissue: 35\n---\n\n## 标题\n\n正文。（区农委）\n'), /already an issue file/],
  ['text in an unknown encoding', 'latin.txt', Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xe0, 0x20, 0x6c, 0xe0]), /not UTF-8 text \(line 1, column 4\) and not GBK/],
];

for (const [what, name, bytes, message] of badInputs) {
  test(`${what} gets a clear message, exit 1, and nothing written`, async () => {
    const dir = await workspace();
    await writeFile(path.join(dir, name), bytes);
    const result = await run(dir, name);
    assert.equal(result.code, 1);
    assert.match(result.stderr, message);
    assert.match(result.stderr, new RegExp(`^${name.replace('.', '\\.')}:1:1  error  .*nothing was written$`));
    assert.deepEqual(await issueFiles(dir), []);
  });
}

test('a missing file or a wrong argument gets exit 1', async () => {
  const dir = await workspace();
  assert.match((await run(dir, 'nowhere.txt')).stderr, /nowhere\.txt: no such file/);
  assert.equal((await run(dir)).code, 1);
  assert.match((await run(dir, 'a.txt', '--outt', 'x')).stderr, /Usage: npm run import/);
});

test('a GBK text is decoded, said to be GBK, and imported like its UTF-8 original', async () => {
  const dir = await workspace(path.join(fixtures, 'departments.yml'));
  await copyFile(path.join(fixtures, 'encodings/gbk.txt'), path.join(dir, 'gbk.txt'));
  const result = await run(dir, 'gbk.txt');
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /Note: The file is not UTF-8 but looks like GBK/);
  assert.equal(await readFile(path.join(dir, result.stdout), 'utf8'), await readFile(path.join(fixtures, 'plain-number-sections/expected.md'), 'utf8'));
});

test('without a date or --out the place is unknown: exit 1 and nothing written', async () => {
  const dir = await workspace();
  await copyFile(path.join(fixtures, 'no-date/input.txt'), path.join(dir, 'no-date.txt'));
  const result = await run(dir, 'no-date.txt');
  assert.equal(result.code, 1);
  assert.match(result.stderr, /no year \(date\), so the file's place is unknown: pass --out issues\/YYYY\/NNN\.md/);
  assert.deepEqual(await issueFiles(dir), []);
});

test('a file written outside the issues folder is checked and told to move', async () => {
  const dir = await workspace();
  const result = await run(dir, seedPath, '--out', 'draft.md');
  assert.equal(result.code, 2);
  assert.equal(result.stdout, 'draft.md');
  assert.match(result.stderr, /^draft\.md:1:1 {2}error {2}.*file-location$/m);
});

test('the npm run import CLI exits 2 when the written file still has check errors', async () => {
  const dir = await workspace();
  await copyFile(path.join(fixtures, 'reporters-placeholders/input.txt'), path.join(dir, 'input.txt'));
  const cli = path.join(repoRoot, 'src/cli/import.ts');
  const child = await promisify(execFile)(process.execPath, ['--import', import.meta.resolve('tsx'), cli, 'input.txt'], { cwd: dir, env: { ...process.env, INIT_CWD: dir } }).then(
    () => ({ code: 0, stdout: '', stderr: '' }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  assert.equal(child.code, 2);
  assert.equal(child.stdout, `${path.join('issues', '2023', '036.md')}\n`);
  assert.match(child.stderr, /replace （待补充部门） at its end/);
  assert.match(child.stderr, /^issues\/2023\/036\.md:20:85 {2}error {2}「待补充部门」是导入或新建时留下的占位符.* {2}placeholder$/m);
});
