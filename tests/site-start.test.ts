/**
 * `npm start`: builds the preview, serves it with its live-reload client, and
 * rebuilds when an issue file changes; an issue whose edit breaks the check is
 * left out while the others still build, and an error of departments.yml
 * keeps the last good preview. As a command: usage with --help, the next free
 * port when the one asked for is taken, any URL answered.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { removeDir, repoRoot, tempDir, writeSampleArchive } from './site-support.ts';
import { editIssueFile, servedUrl, startPreview, waitFor, type RunningPreview } from './support/start-preview.ts';

const execFileAsync = promisify(execFile);
let work: string;
let issuesDir: string;
let preview: RunningPreview;
let baseUrl: string;

before(async () => {
  work = await tempDir('site-start');
  issuesDir = await writeSampleArchive(path.join(work, 'issues'));
  preview = startPreview(['--issues', issuesDir, '--out', path.join(work, '_preview'), '--port', '0', '--host', '127.0.0.1']);
  baseUrl = await servedUrl(preview);
});

after(async () => {
  await preview.stop();
  await removeDir(work);
});

/** GETs a page: its status and body. */
function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(url, baseUrl), (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body }));
      })
      .on('error', reject);
  });
}

const page = async (url: string) => (await get(url)).body;

/** Replaces `from` by `to` in an issue file, as an editor's save. */
const edit = (file: string, from: string, to: string) => editIssueFile(issuesDir, file, from, to);

describe('npm start', () => {
  it("serves the built preview on the requested host with the preview's client", async () => {
    const html = await page('issues/2023/35/');
    assert.match(html, /<span class="masthead__number">第 35 期<\/span>/);
    assert.match(html, /<script type="module" src="\/\.preview\/client\.js\?v=[0-9a-f]+-\d+"><\/script><\/head>/);
    assert.match(preview.log(), /读取并检查期刊 +\d+ ms/);
  });

  it('rebuilds when an issue file changes', async () => {
    await edit('2023/035.md', '## 区农委多措并举全力护航“三夏”生产', '## 区农委多措并举全力护航“三夏”生产（修订）');
    await waitFor(async () => (await page('issues/2023/35/5/')).includes('全力护航“三夏”生产（修订）</h1>'), 60_000, () => `no rebuild:\n${preview.log()}`);
  });

  it('keeps rebuilding after an editor saves by replacing the file (write a new one, rename it over the old)', async () => {
    const file = path.join(issuesDir, '2023/035.md');
    const replaced = `${file}.saving`;
    await writeFile(replaced, (await readFile(file, 'utf8')).replace('全力护航“三夏”生产（修订）', '全力护航“三夏”生产（二稿）'));
    await rename(replaced, file);
    await waitFor(async () => (await page('issues/2023/35/5/')).includes('全力护航“三夏”生产（二稿）</h1>'), 60_000, () => `no rebuild after the replace:\n${preview.log()}`);
    // Node's recursive watcher on Linux loses a file once it is replaced; a later save in place must still rebuild.
    await edit('2023/035.md', '全力护航“三夏”生产（二稿）', '全力护航“三夏”生产（修订）');
    await waitFor(async () => (await page('issues/2023/35/5/')).includes('全力护航“三夏”生产（修订）</h1>'), 60_000, () => `no rebuild after a save in place:\n${preview.log()}`);
  });

  it('builds an issue saved into a new year folder, and rebuilds when it is edited there', async () => {
    // 2022/040.md as the first issue of 2024: a folder npm start did not watch when it started.
    const first = (await readFile(path.join(issuesDir, '2022/040.md'), 'utf8')).replace('issue: 40', 'issue: 1').replace('total: 480', 'total: 530').replace('date: 2022-11-10', 'date: 2024-01-04');
    await mkdir(path.join(issuesDir, '2024'));
    await writeFile(path.join(issuesDir, '2024/001.md'), first);
    await waitFor(async () => (await page('issues/2024/1/')).includes('第 1 期'), 60_000, () => `no build of the new year:\n${preview.log()}`);
    const headline = /^## (.+)$/m.exec(first)![1]!;
    await edit('2024/001.md', `## ${headline}`, `## ${headline}（更正）`);
    await waitFor(async () => (await page('issues/2024/1/1/')).includes(`${headline}（更正）</h1>`), 60_000, () => `no rebuild after editing the new year's issue:\n${preview.log()}`);
  });

  it('leaves out an issue whose edit breaks the check, says why, and still rebuilds the others', async () => {
    await edit('2023/035.md', '（区农委）', '（区农业局）');
    await waitFor(async () => (await get('issues/2023/35/5/')).status === 404, 60_000, () => `the broken issue is still served:\n${preview.log()}`);
    assert.match(preview.log(), /2023\/035\.md:\d+:\d+ {2}error {2}部门「区农业局」.* {2}department-unknown/);
    assert.match(preview.log(), /有错误的文件没有放进预览：.*2023\/035\.md/);
    await edit('2022/041.md', '## 中心路街道开展消防安全隐患大排查', '## 中心路街道开展消防安全隐患大排查（续）');
    await waitFor(async () => (await page('issues/2022/41/2/')).includes('消防安全隐患大排查（续）</h1>'), 60_000, () => `no rebuild of the other issue:\n${preview.log()}`);
    await edit('2023/035.md', '（区农业局）', '（区农委）');
    await waitFor(async () => (await page('issues/2023/35/5/')).includes('全力护航“三夏”生产（修订）</h1>'), 60_000, () => `the fixed issue is not back:\n${preview.log()}`);
  });

  it('keeps serving the last good preview when departments.yml breaks, and says why', async () => {
    const before = preview.log().length;
    await edit('departments.yml', '- name: 区统计局', '- name: 区统计局\n  alias: [统计局]');
    await waitFor(async () => preview.log().slice(before).includes('没有重新生成'), 60_000, () => `no message:\n${preview.log()}`);
    assert.match(preview.log().slice(before), /departments\.yml:\d+:\d+ {2}error {2}.*departments-invalid/);
    assert.match(preview.log().slice(before), /：没有重新生成，预览仍是上一次成功生成的网站/);
    assert.match(await page('issues/2023/35/5/'), /全力护航“三夏”生产（修订）<\/h1>/);
    await edit('departments.yml', '- name: 区统计局\n  alias: [统计局]', '- name: 区统计局');
    await waitFor(async () => /已生成 6 期/.test(preview.log().slice(before)), 60_000, () => `no rebuild after the fix:\n${preview.log()}`);
  });

  it('survives a request for a file outside its folder, and answers it with an error', async () => {
    for (const target of ['/..%2f..%2f..%2fetc%2fpasswd', '/..%2fissues/departments.yml']) {
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(Number(new URL(baseUrl).port), '127.0.0.1');
        let text = '';
        socket.on('data', (chunk) => (text += chunk));
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
        socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      });
      assert.match(answer, /^HTTP\/1\.1 400 /);
      assert.doesNotMatch(answer, /root:|区统计局/);
    }
    assert.equal((await get('issues/2023/35/')).status, 200);
    assert.equal(preview.child.exitCode, null);
  });
});

describe('npm start as a command', () => {
  it('prints its usage in Chinese with --help and exits 0 (English with --lang en)', async () => {
    const run = (args: string[]) => execFileAsync(process.execPath, ['--import', 'tsx', 'src/cli/start.ts', ...args], { cwd: repoRoot });
    const chinese = await run(['--help']);
    assert.match(chinese.stdout, /^用法：npm start \[-- --issues 文件夹\] \[--out 文件夹\] \[--port 端口\]/);
    assert.match(chinese.stdout, /--port 端口 +预览的端口，默认 8080；被占用时自动改用下一个空闲端口/);
    assert.equal(chinese.stderr, '');
    assert.match((await run(['--lang', 'en', '-h'])).stdout, /^usage: npm start \[-- --issues DIR\]/);
  });

  it('refuses a port that is no port, in one line with the usage, exit 2', async () => {
    const failure = await execFileAsync(process.execPath, ['--import', 'tsx', 'src/cli/start.ts', '--port', 'eighty'], { cwd: repoRoot }).then(
      () => assert.fail('npm start should refuse the port'),
      (error: { code: number; stderr: string }) => error,
    );
    assert.equal(failure.code, 2);
    assert.match(failure.stderr, /^--port eighty：不是端口号/);
  });

  it('says in one line that the port asked for is in use and serves on the next free one, in English with --lang en', async () => {
    const taken = Number(new URL(baseUrl).port);
    const second = startPreview(['--issues', issuesDir, '--out', path.join(work, '_preview-second'), '--port', String(taken), '--host', '127.0.0.1', '--lang', 'en']);
    try {
      const url = await servedUrl(second);
      const port = Number(new URL(url).port);
      assert.ok(port > taken && port <= taken + 20, `${port}`);
      assert.equal(second.log().match(/in use/g)?.length, 1);
      assert.match(second.log(), new RegExp(`^Port ${taken} is in use; using ${port}$`, 'm'));
      assert.match(second.log(), /^ {2}load and check issues +\d+ ms$/m);
      assert.match(second.log(), /^Serving .*_preview-second\/ at http:\/\/127\.0\.0\.1:\d+\/ — edit an issue and the page reloads$/m);
      assert.doesNotMatch(second.log(), /^\s+at /m, 'no stack trace');
    } finally {
      await second.stop();
    }
  });
});
