/**
 * A static host for measuring transfers: serves a built site on 127.0.0.1 with
 * a random port, gzips text responses as any production host would, and
 * counts the bytes it actually sends.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** One response: the path and the bytes of its body as sent. */
export interface Sent {
  path: string;
  bytes: number;
}

/** A running host. */
export interface MeasuredHost {
  origin: string;
  /** Every response so far, in order. */
  sent: Sent[];
  close(): Promise<void>;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};
// Pagefind's index files (.pf_*, .pagefind) are gzip already: sent as they are.
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.xml', '.svg', '.txt']);

/** Serves `root`: `/dir/` → `/dir/index.html`, `/dir` → redirect, 404 otherwise. */
export async function serveMeasured(root: string): Promise<MeasuredHost> {
  const sent: Sent[] = [];
  const base = path.resolve(root);
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      let file = path.join(base, decodeURIComponent(url.pathname));
      if (!file.startsWith(base)) return void response.writeHead(403).end();
      const info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) {
        if (!url.pathname.endsWith('/')) return void response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        file = path.join(file, 'index.html');
      }
      const body = await readFile(file).catch(() => undefined);
      if (!body) {
        sent.push({ path: url.pathname, bytes: 9 });
        return void response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      }
      const extension = path.extname(file);
      const gzip = compressible.has(extension) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      const payload = gzip ? gzipSync(body) : body;
      sent.push({ path: url.pathname, bytes: payload.length });
      response.writeHead(200, {
        'content-type': types[extension] ?? 'application/octet-stream',
        'content-length': String(payload.length),
        'cache-control': 'no-store',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      });
      response.end(payload);
    })().catch((error: unknown) => response.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    sent,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
