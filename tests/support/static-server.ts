/**
 * A static file server for a built site folder, on 127.0.0.1 with a random
 * port, so browser tests (and the benchmark's first search) load pages over
 * HTTP exactly as a static host would.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** A running server: its origin (http://127.0.0.1:PORT) and a way to stop it. */
export interface StaticServer {
  origin: string;
  /** Every path requested, with the bytes sent, in order: for transfer figures. */
  requests: { path: string; bytes: number }[];
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
};

/** How to serve. */
export interface ServeOptions {
  /** Gzip text (HTML, JS, CSS, JSON, XML, SVG) for clients that accept it, as a production host does. */
  gzip?: boolean;
}

// Pagefind's own index files (.pf_*, .pagefind) are gzip already: sent as they are.
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.xml', '.svg', '.txt']);

/** Serves `root` like a plain static host: `/dir/` → `/dir/index.html`, 404 page when present. */
export async function serveStatic(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const requests: StaticServer['requests'] = [];
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        response.writeHead(400).end();
        return;
      }
      let filePath = path.join(root, pathname);
      // Never serve outside the root, whatever the request says.
      if (!filePath.startsWith(path.resolve(root))) {
        response.writeHead(403).end();
        return;
      }
      const info = await stat(filePath).catch(() => undefined);
      if (info?.isDirectory()) {
        if (!pathname.endsWith('/')) {
          response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        filePath = path.join(filePath, 'index.html');
      }
      const file = await stat(filePath).catch(() => undefined);
      let status = 200;
      if (!file?.isFile()) {
        status = 404;
        filePath = path.join(root, '404.html');
        if (!(await stat(filePath).catch(() => undefined))?.isFile()) {
          response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
          requests.push({ path: url.pathname, bytes: 9 });
          return;
        }
      }
      const extension = path.extname(filePath);
      const body = await readFile(filePath);
      const gzip = options.gzip === true && compressible.has(extension) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      const payload = gzip ? gzipSync(body) : body;
      requests.push({ path: url.pathname, bytes: payload.length });
      response.writeHead(status, {
        'content-type': contentTypes[extension] ?? 'application/octet-stream',
        'content-length': String(payload.length),
        'cache-control': 'no-store',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      });
      response.end(payload);
    })().catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
