/**
 * npm start's build process (src/cli/build-server.ts): one long-lived process
 * that builds on each request, answers whether the site was replaced with the
 * check's messages, and keeps the last good site when the check stops it — or,
 * in the preview's mode, leaves out the issues with errors.
 */
import assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BuildReply, BuildRequest } from '../src/cli/build-server.ts';
import { removeDir, repoRoot, tempDir, writeSampleArchive } from './site-support.ts';

let work: string;
let issuesDir: string;
let server: ChildProcess;
let log = '';

before(async () => {
  work = await tempDir('build-server');
  issuesDir = await writeSampleArchive(path.join(work, 'issues'));
  server = fork(path.join(repoRoot, 'src/cli/build-server.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  server.stderr!.on('data', (chunk) => (log += chunk));
});

after(async () => {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.disconnect();
  await exited;
  await removeDir(work);
});

function build(mode: Pick<BuildRequest, 'onCheckErrors'> = {}): Promise<BuildReply> {
  return new Promise((resolve) => {
    server.once('message', (reply: BuildReply) => resolve(reply));
    server.send({ issuesDir, outDir: path.join(work, '_site'), cacheDir: path.join(work, 'cache'), ...mode } satisfies BuildRequest);
  });
}

const itemPage = () => readFile(path.join(work, '_site/issues/2023/35/5/index.html'), 'utf8');

describe("npm start's build process", () => {
  it('builds on request and answers with the steps it took', async () => {
    const reply = await build();
    assert.equal(reply.ok, true, log);
    assert.deepEqual(reply.timings.slice(0, 2).map((timing) => timing.step), ['load and check issues', 'model the site']);
    assert.match(await itemPage(), /全力护航“三夏”生产<\/h1>/);
  });

  it('rebuilds in the same process after an issue changes, reusing what did not change', async () => {
    const pid = server.pid;
    const file = path.join(issuesDir, '2023/035.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('## 区农委多措并举全力护航“三夏”生产', '## 区农委多措并举全力护航“三夏”生产（修订）'));
    const reply = await build();
    assert.equal(reply.ok, true, log);
    assert.equal(server.pid, pid);
    assert.match(await itemPage(), /全力护航“三夏”生产（修订）<\/h1>/);
  });

  it('answers not ok when the check fails, says why, and leaves the last good site', async () => {
    const file = path.join(issuesDir, '2023/035.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('（区农委）', '（区农业局）'));
    const reply = await build();
    assert.equal(reply.ok, false);
    assert.match(log, /department-unknown/);
    assert.deepEqual(reply.leftOut, []);
    assert.deepEqual(
      reply.problems.map((problem) => [problem.ruleId, problem.source?.endsWith('（区农业局）')]),
      [['department-unknown', true]],
    );
    assert.match(await itemPage(), /全力护航“三夏”生产（修订）<\/h1>/);
  });

  it("in the preview's mode, builds without the issue that has errors and names it", async () => {
    const reply = await build({ onCheckErrors: 'leave-out-issues' });
    assert.equal(reply.ok, true, log);
    assert.deepEqual(reply.leftOut, [path.relative(process.cwd(), path.join(issuesDir, '2023/035.md'))]);
    assert.equal(reply.problems.length, 1);
    assert.match(log, /有错误的文件没有放进预览：.*2023\/035\.md/);
    await assert.rejects(itemPage(), { code: 'ENOENT' });
    assert.match(await readFile(path.join(work, '_site/issues/2023/34/index.html'), 'utf8'), /第 34 期/);
  });
});
