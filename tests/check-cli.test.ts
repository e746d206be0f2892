import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Runs `npx tsx src/cli/check.ts …args` in the repository, as `npm run check` does. */
function runCheck(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/cli/check.ts', ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

test('the check exits 1 and prints every problem of an invalid folder on stderr', async () => {
  const { status, stdout, stderr } = await runCheck(['--issues', 'tests/fixtures/invalid/many-problems/issues']);
  assert.equal(status, 1);
  assert.equal(stdout, '');
  const lines = stderr.trimEnd().split('\n');
  assert.equal(lines[0], 'tests/fixtures/invalid/many-problems/issues/departments.yml:4:3  error  Unknown key `alias` in this entry: did you mean `aliases`? Rename it  departments-invalid');
  assert.equal(lines[1], 'tests/fixtures/invalid/many-problems/issues/2023/035.md:5:1  error  Unknown front-matter field `pubisher`: did you mean `publisher`? Rename it  field-unknown');
  for (const line of lines.slice(0, -1)) assert.match(line, /^tests\/fixtures\/invalid\/many-problems\/issues\/\S+:\d+:\d+ {2}error {2}\S.* {2}[a-z0-9-]+$/);
  assert.equal(lines.length, 15);
  assert.equal(lines.at(-1), '14 errors, 0 warnings in 6 files; 1 issue with 1 item ready to publish');
});

test('the check exits 0 on warnings alone', async () => {
  const { status, stderr } = await runCheck(['--issues', 'tests/fixtures/invalid/date-order/issues']);
  assert.equal(status, 0);
  assert.match(stderr, /^tests\/fixtures\/invalid\/date-order\/issues\/2023\/036\.md:4:7 {2}warning {2}Issue 36 is dated 2023-05-20, earlier than issue 35/m);
  assert.match(stderr, /0 errors, 1 warning in 4 files; 3 issues with 6 items ready to publish\n$/);
});

test("the check exits 0 on the repository's issues folder, the default", async () => {
  for (const args of [['--issues', 'issues'], []]) {
    const { status, stderr } = await runCheck(args);
    assert.equal(status, 0, stderr);
    assert.match(stderr, /^0 errors, 0 warnings in \d+ files; \d+ issues? with \d+ items ready to publish\n$/);
  }
});

test('the check exits 2 and says so when the folder does not exist', async () => {
  const { status, stderr } = await runCheck(['--issues', 'no-such-folder']);
  assert.equal(status, 2);
  assert.match(stderr, /^no-such-folder: there is no such folder;/);
});
