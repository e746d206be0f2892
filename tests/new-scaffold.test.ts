/**
 * `npm run new`: the next number of the current year, today's date from an
 * injected clock (or --date and --issue), the latest issue's masthead, a
 * placeholder the check rejects, messages in Chinese (English with --lang en).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { newCommand } from '../src/import/new-command.ts';
import { scaffoldIssue, toIsoDate } from '../src/import/scaffold-issue.ts';
import { loadArchive } from '../src/load-archive.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const workDirs: string[] = [];
after(() => Promise.all(workDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A temporary issues folder holding departments.yml and, unless empty, the sample issue 2023/035. */
async function workspace(withSample = true): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'new-issue-'));
  workDirs.push(dir);
  await mkdir(path.join(dir, 'issues'));
  await copyFile(path.join(repoRoot, 'issues/departments.yml'), path.join(dir, 'issues/departments.yml'));
  if (withSample) await cp(path.join(repoRoot, 'issues/2023/035.md'), path.join(dir, 'issues/2023/035.md'));
  return dir;
}

async function run(cwd: string, today: Date, ...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await newCommand(args, { cwd, stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l), now: () => today });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

const expected036 = `---
publication: 上街信息
issue: 36
date: 2023-06-08
publisher: 中共上街区委办公室
distribution:
  - label: 本期送
    to: [区县处级领导]
  - label: 发
    to: [峡窝镇, 各街道办事处, 区直各单位负责同志]
editors: [郝婕, 柴亚文]
---

## 待补充标题

待补充正文。（待补充部门）
`;

test('today is the local calendar date', () => {
  assert.equal(toIsoDate(new Date(2023, 5, 8, 23, 59)), '2023-06-08');
  assert.equal(toIsoDate(new Date(2024, 0, 1, 0, 0)), '2024-01-01');
});

test('the next issue follows the latest number of the year and copies the latest masthead', async () => {
  const dir = await workspace();
  const result = await run(dir, new Date(2023, 5, 8, 9, 30));
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, path.join('issues', '2023', '036.md'));
  assert.equal(await readFile(path.join(dir, 'issues/2023/036.md'), 'utf8'), expected036);
  assert.match(result.stderr, /^已新建 2023 年第 36 期，日期 2023-06-08（2023\/036\.md）$/m);
  assert.match(result.stderr, /从 2023\/035\.md 复制的/);
  assert.match(result.stderr, /请把「待补充标题」「待补充正文。」和（待补充部门）换成这一期的稿件/);
});

test('the placeholder article fails the check until it is filled in', async () => {
  const dir = await workspace();
  await run(dir, new Date(2023, 5, 8));
  const { files } = await loadArchive(path.join(dir, 'issues'));
  const file = files.find((f) => f.path.endsWith('036.md'))!;
  // Headline, text and department: each named as the placeholder it is.
  assert.deepEqual(file.messages.map((m) => [m.line, m.ruleId]), [[14, 'placeholder'], [16, 'placeholder'], [16, 'placeholder']]);
});

test('a second run takes the number after, never the same file', async () => {
  const dir = await workspace();
  await run(dir, new Date(2023, 5, 8));
  await writeFile(path.join(dir, 'issues/2023/036.md'), 'work in progress, not yet valid\n');
  const second = await run(dir, new Date(2023, 5, 8));
  assert.equal(second.stdout, path.join('issues', '2023', '037.md'));
  assert.equal(await readFile(path.join(dir, 'issues/2023/036.md'), 'utf8'), 'work in progress, not yet valid\n');
});

test('a new year starts at number 1, still copying the latest issue', async () => {
  const dir = await workspace();
  const result = await run(dir, new Date(2024, 0, 2));
  assert.equal(result.stdout, path.join('issues', '2024', '001.md'));
  assert.match(await readFile(path.join(dir, 'issues/2024/001.md'), 'utf8'), /^---\npublication: 上街信息\nissue: 1\ndate: 2024-01-02\npublisher: 中共上街区委办公室\n/);
});

test('an empty archive gives issue 1 without the fields only an earlier issue could tell', () => {
  const scaffold = scaffoldIssue(new Date(2025, 2, 3), [], undefined);
  assert.equal(scaffold.file, '2025/001.md');
  assert.equal(scaffold.markdown, '---\nissue: 1\ndate: 2025-03-03\n---\n\n## 待补充标题\n\n待补充正文。（待补充部门）\n');
});

test('the npm run new CLI uses the real date and prints the path', async () => {
  const dir = await workspace(false);
  const cli = path.join(repoRoot, 'src/cli/new.ts');
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', import.meta.resolve('tsx'), cli], { cwd: dir, env: { ...process.env, INIT_CWD: dir }, timeout: 60_000 });
  const today = new Date();
  assert.equal(stdout, `${path.join('issues', String(today.getFullYear()), '001.md')}\n`);
  assert.match(await readFile(path.join(dir, stdout.trim()), 'utf8'), new RegExp(`\ndate: ${toIsoDate(today)}\n`));
});

test('--date picks the day and the year, --issue the number; an existing file is never overwritten', async () => {
  const dir = await workspace();
  const dated = await run(dir, new Date(2024, 0, 2), '--date', '2023-06-15');
  assert.equal(dated.code, 0, dated.stderr);
  assert.equal(dated.stdout, path.join('issues', '2023', '036.md'));
  assert.match(await readFile(path.join(dir, 'issues/2023/036.md'), 'utf8'), /\nissue: 36\ndate: 2023-06-15\n/);

  const numbered = await run(dir, new Date(2024, 0, 2), '--date', '2023-7-1', '--issue', '40');
  assert.equal(numbered.stdout, path.join('issues', '2023', '040.md'));
  assert.match(await readFile(path.join(dir, 'issues/2023/040.md'), 'utf8'), /\nissue: 40\ndate: 2023-07-01\n/);

  const again = await run(dir, new Date(2024, 0, 2), '--date', '2023-07-01', '--issue', '40');
  assert.equal(again.code, 1);
  assert.match(again.stderr, /2023\/040\.md 已经存在；什么也没有写/);
});

test('a date that is not real or a number that is not positive is refused, nothing written', async () => {
  const dir = await workspace();
  const badDate = await run(dir, new Date(2024, 0, 2), '--date', '2023-02-30');
  assert.equal(badDate.code, 1);
  assert.match(badDate.stderr, /--date 2023-02-30：不是真实的日期；请写成 年-月-日/);
  const badIssue = await run(dir, new Date(2024, 0, 2), '--issue', '0');
  assert.equal(badIssue.code, 1);
  assert.match(badIssue.stderr, /--issue 0：期号应当是正整数/);
  const unknown = await run(dir, new Date(2024, 0, 2), '--year', '2023');
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /^不认得选项 --year\n\n用法：npm run new -- /);
  assert.deepEqual(await readdir(path.join(dir, 'issues/2023')), ['035.md']);
});

test('--help prints the usage in Chinese and exits 0, in English with --lang en', async () => {
  const dir = await workspace();
  const help = await run(dir, new Date(2024, 0, 2), '--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^用法：npm run new -- \[--date 年-月-日\] \[--issue 期号\] \[--issues 文件夹\]/);
  const english = await run(dir, new Date(2023, 5, 8), '--lang', 'en');
  assert.match(english.stderr, /^Issue 36 of 2023, dated 2023-06-08 \(2023\/036\.md\)\.$/m);
  assert.match((await run(dir, new Date(2024, 0, 2), '-h', '--lang=en')).stdout, /^usage: npm run new --/);
});
