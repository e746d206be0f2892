/**
 * `npm run new`: the next number of the current year, today's date from an
 * injected clock, the latest issue's masthead, a placeholder the check rejects.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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

async function run(cwd: string, today: Date) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await newCommand([], { cwd, stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l), now: () => today });
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
  assert.match(result.stderr, /copied from 2023\/035\.md/);
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
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', import.meta.resolve('tsx'), cli], { cwd: dir, env: { ...process.env, INIT_CWD: dir } });
  const today = new Date();
  assert.equal(stdout, `${path.join('issues', String(today.getFullYear()), '001.md')}\n`);
  assert.match(await readFile(path.join(dir, stdout.trim()), 'utf8'), new RegExp(`\ndate: ${toIsoDate(today)}\n`));
});
