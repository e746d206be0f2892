import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Runs `npx tsx src/cli/check.ts …args` in the repository, as `npm run check` does; killed (and failed) after a minute. */
function runCheck(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const { BULLETIN_LANG: _language, ...inherited } = process.env;
    const child = spawn('npx', ['tsx', 'src/cli/check.ts', ...args], { cwd: repoRoot, env: { ...inherited, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      if (signal) reject(new Error(`the check was stopped (${signal}) after a minute:\n${stderr}`));
      else resolve({ status, stdout, stderr });
    });
  });
}

/** The lines that say what each issue holds (`2023/035.md  第 35 期：…`), and the rest. */
function splitFound(stderr: string): { found: string[]; lines: string[] } {
  const all = stderr.trimEnd().split('\n');
  const found = all.filter((line) => /^\d{4}\/\d+\.md {2}/.test(line));
  return { found, lines: all.slice(found.length) };
}

test('the check exits 1 and prints every problem of an invalid folder on stderr, after what each issue holds', async () => {
  const { status, stdout, stderr } = await runCheck(['--issues', 'tests/fixtures/invalid/many-problems/issues']);
  assert.equal(status, 1);
  assert.equal(stdout, '');
  const { found, lines } = splitFound(stderr);
  assert.deepEqual(found, [
    '2023/035.md  第 35 期：3 条，文章 2 篇、简讯 1 条（有错误，不会发布）',
    '2023/036.md  第 35 期：1 条，文章 0 篇、简讯 1 条（有错误，不会发布）',
    '2023/037.md  第 37 期：0 条，文章 0 篇、简讯 0 条（有错误，不会发布）',
    '2023/038.md  第 38 期：1 条，文章 1 篇、简讯 0 条',
    '2024/001.md  第 1 期：1 条，文章 1 篇、简讯 0 条（有错误，不会发布）',
  ]);
  assert.equal(lines[0], 'tests/fixtures/invalid/many-problems/issues/departments.yml:4:3  error  这一条里有未知的键 `alias`：是不是 `aliases`？请改名  departments-invalid');
  assert.equal(lines[1], 'tests/fixtures/invalid/many-problems/issues/2023/035.md:5:1  error  文件开头有未知的字段 `pubisher`：是不是 `publisher`？请改名  field-unknown');
  for (const line of lines.slice(0, -1)) assert.match(line, /^tests\/fixtures\/invalid\/many-problems\/issues\/\S+:\d+:\d+ {2}error {2}\S.* {2}[a-z0-9-]+$/);
  assert.equal(lines.length, 15);
  assert.equal(lines.at(-1), '14 个错误，0 个警告，共 6 个文件；可以发布的有 1 期、1 条');
});

test('the check speaks English when asked with --lang en or BULLETIN_LANG=en, and keeps the line shape', async () => {
  for (const [args, env] of [[['--lang', 'en'], {}], [['--lang=en'], {}], [[], { BULLETIN_LANG: 'en' }]] as const) {
    const { status, stderr } = await runCheck(['--issues', 'tests/fixtures/invalid/many-problems/issues', ...args], env);
    assert.equal(status, 1);
    const { found, lines } = splitFound(stderr);
    assert.equal(found[0], '2023/035.md  issue 35: 3 items, 2 articles and 1 brief (has errors, not published)');
    assert.equal(lines[0], 'tests/fixtures/invalid/many-problems/issues/departments.yml:4:3  error  Unknown key `alias` in this entry: did you mean `aliases`? Rename it  departments-invalid');
    assert.equal(lines.at(-1), '14 errors, 0 warnings in 6 files; 1 issue with 1 item ready to publish');
  }
});

test('an unknown --lang is refused with exit 2 and the languages there are', async () => {
  const { status, stderr } = await runCheck(['--lang', 'fr']);
  assert.equal(status, 2);
  assert.match(stderr, /^--lang fr：不认得这种语言；可用 zh-CN（默认）或 en\n\n用法：npm run check/);
});

test('the check exits 0 on warnings alone', async () => {
  const { status, stderr } = await runCheck(['--issues', 'tests/fixtures/invalid/date-order/issues']);
  assert.equal(status, 0);
  assert.match(stderr, /^tests\/fixtures\/invalid\/date-order\/issues\/2023\/036\.md:4:7 {2}warning {2}第 36 期的日期是 2023-05-20，比第 35 期/m);
  assert.match(stderr, /0 个错误，1 个警告，共 4 个文件；可以发布的有 3 期、6 条\n$/);
});

test("the check exits 0 on the repository's issues folder, the default", async () => {
  for (const args of [['--issues', 'issues'], []]) {
    const { status, stderr } = await runCheck(args);
    assert.equal(status, 0, stderr);
    const { found, lines } = splitFound(stderr);
    assert.ok(found.length > 0 && found.every((line) => /^\d{4}\/\d{3}\.md {2}第 \d+ 期：\d+ 条，文章 \d+ 篇、简讯 \d+ 条$/.test(line)), found.join('\n'));
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^0 个错误，0 个警告，共 \d+ 个文件；可以发布的有 \d+ 期、\d+ 条$/);
  }
});

test('the check exits 2 and says so when the folder does not exist', async () => {
  const { status, stderr } = await runCheck(['--issues', 'no-such-folder']);
  assert.equal(status, 2);
  assert.match(stderr, /^no-such-folder：没有这个文件夹；/);
});

test('--help prints the usage in Chinese (in English with --lang en) and exits 0', async () => {
  for (const flag of ['--help', '-h']) {
    const { status, stdout, stderr } = await runCheck([flag]);
    assert.equal(status, 0);
    assert.equal(stderr, '');
    assert.match(stdout, /^用法：npm run check \[-- 选项\]\n/);
    assert.match(stdout, /--format text\|github\|json {2}输出格式/);
  }
  const { status, stdout } = await runCheck(['--help', '--lang', 'en']);
  assert.equal(status, 0);
  assert.match(stdout, /^usage: npm run check \[-- OPTIONS\]\n/);
});

test('a mistyped option or format is named in one line before the usage, exit 2', async () => {
  const option = await runCheck(['--isues', 'issues']);
  assert.equal(option.status, 2);
  assert.match(option.stderr, /^不认得选项 --isues\n\n用法：npm run check \[-- 选项\]\n/);
  const format = await runCheck(['--format', 'xml']);
  assert.equal(format.status, 2);
  assert.match(format.stderr, /^--format xml：没有这种格式；可用 text（默认）、github 或 json\n\n用法：npm run check/);
});

test('--format github writes one annotation per message on stdout, and what each issue holds on stderr', async () => {
  const { status, stdout, stderr } = await runCheck(['--issues', 'tests/fixtures/invalid/department-mid-item/issues', '--format', 'github']);
  assert.equal(status, 1);
  const annotations = stdout.trimEnd().split('\n');
  assert.equal(annotations.length, 3);
  assert.match(annotations[0]!, /^::error file=tests\/fixtures\/invalid\/department-mid-item\/issues\/2023\/035\.md,line=28,col=77,title=department-mid-item::（区统计局）像是一条稿件的结尾/);
  assert.match(stderr, /^2023\/035\.md {2}第 35 期：4 条，文章 3 篇、简讯 1 条（有错误，不会发布）$/m);
});

test('the example workflow runs the check with GitHub annotations on pull requests, and docs/deploy.md links it', async () => {
  const { parse } = await import('yaml');
  const { readFile } = await import('node:fs/promises');
  const workflow = parse(await readFile(new URL('../docs/examples/check.yml', import.meta.url), 'utf8')) as {
    on: Record<string, unknown>;
    jobs: Record<string, { steps: { run?: string }[] }>;
  };
  assert.ok('pull_request' in workflow.on);
  const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.map((step) => step.run));
  assert.ok(runs.includes('npm run check -- --format github'), JSON.stringify(runs));
  assert.match(await readFile(new URL('../docs/deploy.md', import.meta.url), 'utf8'), /\]\(examples\/check\.yml\)/);
});
