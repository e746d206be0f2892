/**
 * `npm start`: builds, serves with live reload, and rebuilds when an issue
 * file changes; a broken edit keeps the last good site served.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { removeDir, repoRoot, tempDir, writeSampleArchive } from './site-support.ts';

let work: string;
let issuesDir: string;
let child: ChildProcess;
let log = '';
let baseUrl: string;

before(async () => {
  work = await tempDir('site-start');
  issuesDir = await writeSampleArchive(path.join(work, 'issues'));
  child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts', '--issues', issuesDir, '--out', path.join(work, '_site'), '--port', '0', '--host', '127.0.0.1'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  baseUrl = await waitFor(async () => /正在预览 .*：(http:\/\/127\.0\.0\.1:\d+\/)/.exec(log)?.[1], 60_000, () => `no server started:\n${log}`);
});

after(async () => {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await removeDir(work);
});

/** GETs a page as a browser navigating to it (the dev server adds its reload client only to navigations). */
function get(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(url, baseUrl), { headers: { 'sec-fetch-mode': 'navigate' } }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

/** Polls `probe` until it returns a value, or fails with `explain()` after `ms`. */
async function waitFor<T>(probe: () => Promise<T | undefined | false>, ms: number, explain: () => string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(explain());
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('npm start', () => {
  it('serves the built site on the requested host with the live-reload client', async () => {
    const html = await get('issues/2023/35/');
    assert.match(html, /<span class="masthead__number">第 35 期<\/span>/);
    assert.match(html, /<script type="module"[^>]*src="\/\.11ty\/reload-client\.js">/);
  });

  it('rebuilds when an issue file changes', async () => {
    const file = path.join(issuesDir, '2023/035.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('## 区农委多措并举全力护航“三夏”生产', '## 区农委多措并举全力护航“三夏”生产（修订）'));
    await waitFor(async () => (await get('issues/2023/35/5/')).includes('全力护航“三夏”生产（修订）</h1>'), 60_000, () => `no rebuild:\n${log}`);
  });

  it('keeps rebuilding after an editor saves by replacing the file (write a new one, rename it over the old)', async () => {
    const file = path.join(issuesDir, '2023/035.md');
    const replaced = `${file}.saving`;
    await writeFile(replaced, (await readFile(file, 'utf8')).replace('全力护航“三夏”生产（修订）', '全力护航“三夏”生产（二稿）'));
    await rename(replaced, file);
    await waitFor(async () => (await get('issues/2023/35/5/')).includes('全力护航“三夏”生产（二稿）</h1>'), 60_000, () => `no rebuild after the replace:\n${log}`);
    // Node's recursive watcher on Linux loses a file once it is replaced; a later save in place must still rebuild.
    await writeFile(file, (await readFile(file, 'utf8')).replace('全力护航“三夏”生产（二稿）', '全力护航“三夏”生产（修订）'));
    await waitFor(async () => (await get('issues/2023/35/5/')).includes('全力护航“三夏”生产（修订）</h1>'), 60_000, () => `no rebuild after a save in place:\n${log}`);
  });

  it('builds an issue saved into a new year folder, and rebuilds when it is edited there', async () => {
    // 2022/040.md as the first issue of 2024: a folder npm start did not watch when it started.
    const first = (await readFile(path.join(issuesDir, '2022/040.md'), 'utf8')).replace('issue: 40', 'issue: 1').replace('total: 480', 'total: 530').replace('date: 2022-11-10', 'date: 2024-01-04');
    await mkdir(path.join(issuesDir, '2024'));
    await writeFile(path.join(issuesDir, '2024/001.md'), first);
    await waitFor(async () => (await get('issues/2024/1/')).includes('第 1 期'), 60_000, () => `no build of the new year:\n${log}`);
    const headline = /^## (.+)$/m.exec(first)![1]!;
    await writeFile(path.join(issuesDir, '2024/001.md'), first.replace(`## ${headline}`, `## ${headline}（更正）`));
    await waitFor(async () => (await get('issues/2024/1/1/')).includes(`${headline}（更正）</h1>`), 60_000, () => `no rebuild after editing the new year's issue:\n${log}`);
  });

  it('keeps serving the last good site when an edit breaks the check, and says why', async () => {
    const file = path.join(issuesDir, '2023/035.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('（区农委）', '（区农业局）'));
    await waitFor(async () => log.includes('没有重新生成'), 60_000, () => `no check message:\n${log}`);
    assert.match(log, /2023\/035\.md:\d+:\d+ {2}error {2}部门「区农业局」/);
    assert.match(log, /department-unknown/);
    assert.ok((await get('issues/2023/35/5/')).includes('全力护航“三夏”生产（修订）</h1>'));
  });
});
