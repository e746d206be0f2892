/**
 * `npm run build` as a command: usage with --help (exit 0), a mistyped
 * command explained in one line with the usage (exit 2), a failed build in
 * one line without a stack trace (exit 1), every line in Chinese unless
 * English is asked for.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { removeDir, repoRoot, tempDir, writeSampleArchive } from './site-support.ts';

const execFileAsync = promisify(execFile);
let work: string;
let issuesDir: string;

before(async () => {
  work = await tempDir('build-cli');
  issuesDir = await writeSampleArchive(path.join(work, 'issues'));
});

after(() => removeDir(work));

/** Runs `npm run build -- ARGS` and returns its exit code and output, whatever the code. */
async function build(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const { BULLETIN_LANG: _language, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, ['--import', 'tsx', 'src/cli/build.ts', ...args], { cwd: repoRoot, env: { ...inherited, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run build as a command', () => {
  it('prints its usage in Chinese with --help and exits 0, building nothing', async () => {
    const out = path.join(work, 'help-site');
    const { code, stdout, stderr } = await build(['--issues', issuesDir, '--out', out, '--help']);
    assert.equal(code, 0);
    assert.equal(stderr, '');
    assert.match(stdout, /^用法：npm run build \[-- --issues 文件夹\] \[--out 文件夹\]/);
    assert.match(stdout, /--out 文件夹 +要发布的网站写到这里，默认 _site/);
    assert.match(stdout, /--lang en +消息改用英文（也可设 BULLETIN_LANG=en）/);
    assert.deepEqual((await readdir(work)).filter((name) => name.startsWith('help-site')), []);
  });

  it('prints its usage in English with --lang en or BULLETIN_LANG=en', async () => {
    assert.match((await build(['--lang', 'en', '--help'])).stdout, /^usage: npm run build \[-- --issues DIR\]/);
    assert.match((await build(['-h'], { BULLETIN_LANG: 'en' })).stdout, /^usage: npm run build/);
  });

  it('explains a mistyped option or a missing folder in one line, with the usage, and exits 2', async () => {
    const unknown = await build(['--isues', issuesDir]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^不认得选项 --isues\n\n用法：npm run build/);
    const missing = await build(['--out']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^选项 --out 后面要写一个值\n/);
    const stray = await build(['issues']);
    assert.equal(stray.code, 2);
    assert.match(stray.stderr, /^多余的参数 issues：/);
    const noFolder = await build(['--issues', path.join(work, 'nowhere')]);
    assert.equal(noFolder.code, 2);
    assert.match(noFolder.stderr, /nowhere：没有这个文件夹/);
    const language = await build(['--lang', 'fr']);
    assert.equal(language.code, 2);
    assert.match(language.stderr, /^--lang fr：不认得这种语言/);
  });

  it('says a failed build in one line, without a stack trace, and exits 1', async () => {
    // The output folder's parent is a file: the build cannot write there.
    await writeFile(path.join(work, 'a-file'), '');
    const { code, stderr } = await build(['--issues', issuesDir, '--out', path.join(work, 'a-file/site'), '--cache', path.join(work, 'cache')]);
    assert.equal(code, 1);
    const lines = stderr.trim().split('\n');
    assert.match(lines.at(-1)!, /^生成失败：ENOTDIR: not a directory, .*；.*a-file\/site\/ 保持原样$/);
    assert.doesNotMatch(stderr, /^\s+at /m);
  });

  it('speaks English throughout with --lang en: steps, messages and outcome', async () => {
    const broken = await writeSampleArchive(path.join(work, 'broken'));
    const file = path.join(broken, '2022/041.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('（中心路街道）', '（中新路街道）'));
    const { code, stderr } = await build(['--issues', broken, '--out', path.join(work, 'broken-site'), '--cache', path.join(work, 'cache'), '--lang', 'en']);
    assert.equal(code, 1);
    assert.match(stderr, /^ {2}load and check issues +\d+ ms$/m);
    assert.match(stderr, /2022\/041\.md:\d+:\d+ {2}error {2}The department 「中新路街道」 is not in issues\/departments\.yml/);
    // departments.yml, five issue files and the printed original beside one of them.
    assert.match(stderr, /1 error, 0 warnings in 7 files: build stopped, .*broken-site\/ left as it was/);
    assert.doesNotMatch(stderr, /[读生错]/);
  });
});
