/**
 * The preview server (src/preview/preview-server.ts): a static host for the
 * output folder that adds the preview's client to every page, tells open pages
 * of each build over Server-Sent Events, survives any URL and serves nothing
 * outside the folder.
 */
import assert from 'node:assert/strict';
import { mkdir, rename, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Overlay, PreviewState } from '../src/preview/client/preview-state.ts';
import { PortsInUseError, servePreview, type PreviewServer } from '../src/preview/preview-server.ts';
import { removeDir, tempDir } from './site-support.ts';

const secret = 'TOP-SECRET-beside-the-output';
let work: string;
let server: PreviewServer;

/** One answer, read off the socket as sent. */
interface RawAnswer {
  status: number;
  headers: string;
  body: string;
}

/** Sends `target` as the request line's target, byte for byte (no client normalises it), and reads the whole answer. */
function rawRequest(port: number, target: string, method = 'GET', extraHeaders = ''): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), headers: text.slice(0, split), body: Buffer.from(text.slice(split + 4), 'latin1').toString('utf8') });
    });
    socket.write(Buffer.concat([Buffer.from(`${method} `, 'latin1'), Buffer.from(target, 'utf8'), Buffer.from(` HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extraHeaders}\r\n`, 'latin1')]));
  });
}

/** A GET of a normal URL through Node's client. */
function get(url: string): Promise<{ status: number; type: string; body: string; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode!, type: String(response.headers['content-type']), body: Buffer.concat(chunks).toString('utf8'), location: response.headers.location }),
        );
      })
      .on('error', reject);
  });
}

before(async () => {
  work = await tempDir('preview-server');
  await writeFile(path.join(work, 'secret.txt'), secret);
  const site = path.join(work, 'site-a');
  await mkdir(path.join(site, 'issues/2023/35'), { recursive: true });
  await mkdir(path.join(site, 'pagefind/2023'), { recursive: true });
  await mkdir(path.join(site, 'assets'), { recursive: true });
  await writeFile(path.join(site, 'index.html'), '<!doctype html><html lang="zh-CN"><head><title>首页</title></head><body>首页 A</body></html>');
  await writeFile(path.join(site, 'issues/2023/35/index.html'), '<!doctype html><html><head><title>第 35 期</title></head><body>第 35 期</body></html>');
  await writeFile(path.join(site, '404.html'), '<!doctype html><html><head><title>找不到</title></head><body>找不到这个页面</body></html>');
  await writeFile(path.join(site, 'assets/site.css'), 'body{}');
  await writeFile(path.join(site, 'assets/search.js'), 'export {};');
  await writeFile(path.join(site, 'pagefind/2023/pagefind.wasm'), Buffer.from([0, 97, 115, 109]));
  await writeFile(path.join(site, 'pagefind/2023/wasm.unknown.pagefind'), Buffer.from([31, 139, 8]));
  await writeFile(path.join(site, 'pagefind/2023/en_1.pf_fragment'), Buffer.from([31, 139, 8]));
  // Symlinks out of the folder: a file and a folder.
  await symlink(path.join(work, 'secret.txt'), path.join(site, 'leak.txt'));
  await symlink(work, path.join(site, 'up'));
  await mkdir(path.join(work, 'site-b'));
  await writeFile(path.join(work, 'site-b/index.html'), '<!doctype html><html><head></head><body>首页 B</body></html>');
  // The output folder is a symlink to the current build, as a build may make it.
  await symlink('site-a', path.join(work, 'current'));
  server = await servePreview(path.join(work, 'current'), { port: 0, host: '127.0.0.1' });
});

after(async () => {
  await server.close();
  await removeDir(work);
});

describe('the preview server', () => {
  it('listens on the host it is given and serves a folder\'s index.html with the preview\'s client before </head>', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await get(`${server.url}issues/2023/35/`);
    assert.equal(page.status, 200);
    assert.equal(page.type, 'text/html; charset=utf-8');
    assert.match(page.body, /<title>第 35 期<\/title><script type="module" src="\/\.preview\/client\.js\?v=[0-9a-f]+-0"><\/script><\/head>/);
  });

  it('redirects a folder asked without its slash', async () => {
    const answer = await get(`${server.url}issues/2023/35?x=1`);
    assert.equal(answer.status, 301);
    assert.equal(answer.location, '/issues/2023/35/?x=1');
  });

  it('gives every file its content type, Pagefind\'s and WebAssembly included', async () => {
    const types: Record<string, string> = {
      'assets/site.css': 'text/css; charset=utf-8',
      'assets/search.js': 'text/javascript; charset=utf-8',
      'pagefind/2023/pagefind.wasm': 'application/wasm',
      'pagefind/2023/wasm.unknown.pagefind': 'application/octet-stream',
      'pagefind/2023/en_1.pf_fragment': 'application/octet-stream',
    };
    for (const [file, type] of Object.entries(types)) {
      const answer = await get(`${server.url}${file}`);
      assert.equal(answer.status, 200, file);
      assert.equal(answer.type, type, file);
    }
    assert.equal((await get(`${server.url}assets/site.css`)).body, 'body{}');
  });

  it('answers a missing page with the site\'s 404 page, status 404, client included', async () => {
    const answer = await get(`${server.url}issues/2099/1/`);
    assert.equal(answer.status, 404);
    assert.match(answer.body, /找不到这个页面/);
    assert.match(answer.body, /\/\.preview\/client\.js/);
  });

  it('answers HEAD without a body and other methods with 405', async () => {
    const head = await rawRequest(server.port, '/assets/site.css', 'HEAD');
    assert.equal(head.status, 200);
    assert.match(head.headers, /content-length: 6/i);
    assert.equal(head.body, '');
    const events = await rawRequest(server.port, '/.preview/events', 'HEAD');
    assert.equal(events.status, 200);
    assert.equal(events.body, '');
    const post = await rawRequest(server.port, '/', 'POST', 'Content-Length: 0\r\n');
    assert.equal(post.status, 405);
  });

  it('serves its client as an external script and stylesheet, and nothing inline', async () => {
    const script = await get(`${server.url}.preview/client.js`);
    assert.equal(script.type, 'text/javascript; charset=utf-8');
    assert.match(script.body, /new EventSource\(/);
    assert.match(script.body, /attachShadow/);
    const css = await get(`${server.url}.preview/overlay.css`);
    assert.equal(css.type, 'text/css; charset=utf-8');
    assert.match(css.body, /:host/);
    const page = await get(server.url);
    assert.doesNotMatch(page.body, /<script(?![^>]*\ssrc=)[^>]*>/, 'no inline script');
    assert.doesNotMatch(page.body, /<style|\sstyle=/, 'no inline style');
  });

  it('survives hostile URLs, answering each with an error status and nothing from outside the folder', async () => {
    const hostile = [
      '/..%2fsecret.txt',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      '/../secret.txt',
      '/issues/../../secret.txt',
      '/..\\secret.txt',
      '/..%5csecret.txt',
      '/%5c..%5csecret.txt',
      '/secret.txt%00.html',
      '/%00',
      '/%ff%fe',
      '/%',
      '/leak.txt',
      '/up/secret.txt',
      '/up/site-b/index.html',
      `/${'%2e%2e%2f'.repeat(500)}secret.txt`,
      `/${'a'.repeat(300)}`,
      `/${'a/'.repeat(1500)}`,
      '//127.0.0.1/secret.txt',
      'http://127.0.0.1/../secret.txt',
      '*',
    ];
    for (const target of hostile) {
      const answer = await rawRequest(server.port, target);
      assert.ok(answer.status >= 300 && answer.status < 500, `${target}: ${answer.status}`);
      assert.ok(!answer.body.includes(secret), `${target} leaked the file beside the output folder`);
      assert.ok(!answer.body.includes('root:'), `${target} leaked /etc/passwd`);
      assert.ok(!answer.body.includes('首页 B'), `${target} served a sibling folder`);
    }
    // A raw NUL and an oversized request line, which Node's parser itself refuses.
    for (const target of ['/a\u0000b', `/${'x'.repeat(20_000)}`]) {
      const answer = await rawRequest(server.port, target);
      assert.ok(answer.status === 0 || answer.status >= 400, `${JSON.stringify(target.slice(0, 10))}: ${answer.status}`);
      assert.ok(!answer.body.includes(secret));
    }
    // Still up, still serving.
    assert.equal((await get(`${server.url}issues/2023/35/`)).status, 200);
  });

  it('follows the output folder when its symlink moves to another build', async () => {
    assert.match((await get(server.url)).body, /首页 A/);
    await symlink('site-b', path.join(work, 'current.next'));
    await rename(path.join(work, 'current.next'), path.join(work, 'current'));
    assert.match((await get(server.url)).body, /首页 B/);
    await symlink('site-a', path.join(work, 'current.next'));
    await rename(path.join(work, 'current.next'), path.join(work, 'current'));
    assert.match((await get(server.url)).body, /首页 A/);
  });

  it('tells open pages each build: the state at once, then a new version and the overlay', async () => {
    const events: PreviewState[] = [];
    const request = http.get(`${server.url}.preview/events`);
    const response = await new Promise<http.IncomingMessage>((resolve) => request.once('response', resolve));
    assert.equal(response.headers['content-type'], 'text/event-stream; charset=utf-8');
    let buffer = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^event: state\ndata: (.*)$/m.exec(block)?.[1];
        if (data) events.push(JSON.parse(data) as PreviewState);
      }
    });
    const until = async (count: number) => {
      for (let tries = 0; events.length < count && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(events.length, count);
    };
    await until(1);
    const first = events[0]!;
    assert.equal(first.overlay, null);
    // The page carries the version it was served at.
    assert.ok((await get(server.url)).body.includes(`client.js?v=${first.version}"`));

    const overlay: Overlay = { lang: 'zh-CN', heading: '检查发现 1 个错误', note: '…', problems: [], dismiss: '收起' };
    server.update({ reload: false, overlay });
    await until(2);
    assert.equal(events[1]!.version, first.version, 'a build that replaced nothing keeps the version');
    assert.deepEqual(events[1]!.overlay, overlay);

    server.update({ reload: true, overlay: null });
    await until(3);
    assert.notEqual(events[2]!.version, first.version);
    assert.equal(events[2]!.overlay, null);
    assert.ok((await get(server.url)).body.includes(`client.js?v=${events[2]!.version}"`));
    request.destroy();
  });

  it('says there is nothing to preview yet while the output folder does not exist', async () => {
    const empty = await servePreview(path.join(work, 'not-built'), { port: 0, host: '127.0.0.1' });
    try {
      const answer = await get(empty.url);
      assert.equal(answer.status, 503);
      assert.match(answer.body, /还没有可以预览的网站/);
      assert.match(answer.body, /\/\.preview\/client\.js/);
    } finally {
      await empty.close();
    }
  });

  it('takes the next free port when the one asked for is in use, and says which', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as AddressInfo).port;
    try {
      const next = await servePreview(path.join(work, 'current'), { port: taken, host: '127.0.0.1' });
      try {
        assert.equal(next.portTaken, taken);
        assert.ok(next.port > taken && next.port <= taken + 20, `${next.port}`);
        assert.equal((await get(next.url)).status, 200);
      } finally {
        await next.close();
      }
      await assert.rejects(servePreview(path.join(work, 'current'), { port: taken, host: '127.0.0.1', portAttempts: 1 }), PortsInUseError);
    } finally {
      blocker.close();
    }
  });
});
