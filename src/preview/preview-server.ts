/**
 * The preview server of `npm start`, on node:http: serves the output folder
 * as a static host would (a folder's index.html, the site's 404 page, the
 * right content types), and adds to every HTML page the preview's client
 * (/.preview/client.js), an external module script: over Server-Sent Events
 * (/.preview/events) it reloads the page when a build replaced the site and
 * shows the check's messages in an overlay (/.preview/overlay.css).
 *
 * It serves nothing outside the output folder, whatever the URL: request paths
 * are read by request-path.ts (no dot segments, encoded separators or control
 * characters), and every file is resolved through symlinks — the output folder
 * itself too, so it may be a symlink to the current build — and served only if
 * it lies inside the resolved folder. A request never stops the server: every
 * failure is answered with a status. It listens on the host it is given
 * (localhost by default: the preview is not exposed to the network).
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, type Stats } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { currentLanguage } from '../messages/language.ts';
import { say } from '../messages/message.ts';
import { startTexts } from '../messages/texts.ts';
import { isWithin } from '../paths.ts';
import { normalizePrefix } from '../site/urls.ts';
import type { Overlay, PreviewState } from './client/preview-state.ts';
import { toRequestTarget, toUrlPath } from './request-path.ts';

/** Where the preview's own files are served, beside the site (which never has a `.preview/` folder). */
const previewPaths = { client: '/.preview/client.js', overlayCss: '/.preview/overlay.css', events: '/.preview/events' } as const;

/** How to serve. */
export interface PreviewOptions {
  /** The port to try first; 0 for any free port. */
  port: number;
  /** The address to listen on: localhost by default, 127.0.0.1 in tests. */
  host?: string;
  /** The site's path prefix (`/`, or `/archive/`): pages are served below it, as deployed. */
  pathPrefix?: string;
  /** How many ports to try, from `port` up, while they are in use (20 by default; one for port 0). */
  portAttempts?: number;
}

/** A running preview server. */
export interface PreviewServer {
  /** Where the site is served, e.g. http://localhost:8080/. */
  url: string;
  /** The port it listens on. */
  port: number;
  /** The port asked for, when it was taken and another one is used. */
  portTaken: number | undefined;
  /**
   * Tells every open page the outcome of a build: `reload` when the site was
   * replaced (pages of the version before reload), and the overlay to show
   * (null: none).
   */
  update(change: { reload: boolean; overlay: Overlay | null }): void;
  close(): Promise<void>;
}

/** Every port tried was in use. */
export class PortsInUseError extends Error {
  constructor(
    readonly first: number,
    readonly last: number,
  ) {
    super(`ports ${first}-${last} are in use`);
  }
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  // Pagefind's index files: gzip data its script fetches and unpacks.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** Headers on every answer: nothing cached (each build may change any file), no type sniffing. */
const commonHeaders = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

/** Serves the output folder `dir` (resolved anew on each request) with the preview's client. */
export async function servePreview(dir: string, options: PreviewOptions): Promise<PreviewServer> {
  const host = options.host ?? 'localhost';
  const prefix = normalizePrefix(options.pathPrefix ?? '/');
  const client = await clientFiles();
  // A new token each start: a page left open from an earlier run reloads.
  const token = randomBytes(4).toString('hex');
  let builds = 0;
  let state: PreviewState = { version: `${token}-0`, overlay: null };
  const listeners = new Set<ServerResponse>();

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const target = request.url ?? '/';
    const pathname = target.replace(/[?#].*$/s, '');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...commonHeaders, allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end();
      return;
    }
    if (pathname === previewPaths.events) return openEvents(request, response);
    if (pathname === previewPaths.client) return sendBytes(request, response, 200, 'text/javascript; charset=utf-8', client.script);
    if (pathname === previewPaths.overlayCss) return sendBytes(request, response, 200, 'text/css; charset=utf-8', client.css);

    const wanted = toRequestTarget(target, prefix);
    if (wanted.kind === 'bad') return sendPage(request, response, 400, say(startTexts.badRequest));
    if (wanted.kind === 'outside-prefix') {
      if (pathname === '/') return redirect(response, prefix);
      return sendPage(request, response, 404, say(startTexts.notFound));
    }
    const root = await realpath(dir).catch(() => undefined);
    if (!root) return sendPage(request, response, 503, say(startTexts.nothingBuilt));
    let file = await insideRoot(root, path.join(root, ...wanted.segments));
    if (file?.info.isDirectory()) {
      if (!wanted.folder) return redirect(response, toUrlPath(prefix, wanted.segments, true) + (target.match(/\?[^#]*/)?.[0] ?? ''));
      file = await insideRoot(root, path.join(file.path, 'index.html'));
    }
    if (file?.info.isFile()) return sendFile(request, response, 200, file.path, file.info);
    const notFoundPage = await insideRoot(root, path.join(root, '404.html'));
    if (notFoundPage?.info.isFile()) return sendFile(request, response, 404, notFoundPage.path, notFoundPage.info);
    return sendPage(request, response, 404, say(startTexts.notFound));
  };

  /** An open page's channel: the state now, then every change. */
  const openEvents = (request: IncomingMessage, response: ServerResponse): void => {
    response.writeHead(200, { ...commonHeaders, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    response.write(`retry: 1000\n\n${stateEvent(state)}`);
    listeners.add(response);
    const forget = () => listeners.delete(response);
    request.on('close', forget);
    response.on('error', forget);
  };

  /** Sends an HTML page of the site with the preview's client, or any other file as it is. */
  const sendFile = async (request: IncomingMessage, response: ServerResponse, status: number, file: string, info: Stats): Promise<void> => {
    const type = contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (type.startsWith('text/html')) {
      // Read whole: a page is small, and the client goes in before </head>.
      const html = await readFile(file, 'utf8').catch(() => undefined);
      if (html === undefined) return sendPage(request, response, 404, say(startTexts.notFound));
      return sendBytes(request, response, status, type, Buffer.from(withClient(html, state.version)));
    }
    response.writeHead(status, { ...commonHeaders, 'content-type': type, 'content-length': String(info.size) });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('error', () => response.destroy());
    stream.pipe(response);
  };

  /** A page of the preview's own (nothing built yet, no such page, a bad address), with its client. */
  const sendPage = (request: IncomingMessage, response: ServerResponse, status: number, text: string): void => {
    const html = `<!doctype html><html lang="${currentLanguage()}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(text)}</title></head><body><main><p>${escapeHtml(text)}</p></main></body></html>`;
    sendBytes(request, response, status, 'text/html; charset=utf-8', Buffer.from(withClient(html, state.version)));
  };

  const makeServer = () =>
    createServer((request, response) => {
      handle(request, response).catch(() => {
        // Whatever went wrong, answer and stay up.
        if (!response.headersSent) response.writeHead(500, { ...commonHeaders, 'content-type': 'text/plain; charset=utf-8' }).end('500');
        else response.destroy();
      });
    });

  const attempts = options.port === 0 ? 1 : Math.max(1, Math.min(options.portAttempts ?? 20, 65536 - options.port));
  let server: Server | undefined;
  for (let attempt = 0; attempt < attempts && !server; attempt++) {
    const candidate = makeServer();
    try {
      await listen(candidate, options.port + attempt, host);
      server = candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  if (!server) throw new PortsInUseError(options.port, options.port + attempts - 1);
  const { port } = server.address() as AddressInfo;
  const listening = server;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}${prefix}`,
    port,
    portTaken: options.port !== 0 && port !== options.port ? options.port : undefined,
    update({ reload, overlay }) {
      state = { version: reload ? `${token}-${++builds}` : state.version, overlay };
      const event = stateEvent(state);
      for (const listener of listeners) listener.write(event);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const listener of listeners) listener.end();
        listeners.clear();
        listening.closeAllConnections();
        listening.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Resolves `candidate` through symlinks; undefined unless it exists inside `root` (already resolved). */
async function insideRoot(root: string, candidate: string): Promise<{ path: string; info: Stats } | undefined> {
  try {
    const real = await realpath(candidate);
    if (!isWithin(root, real)) return undefined;
    return { path: real, info: await stat(real) };
  } catch {
    return undefined; // missing, unreadable, a name too long: nothing to serve
  }
}

function sendBytes(request: IncomingMessage, response: ServerResponse, status: number, type: string, body: Buffer): void {
  response.writeHead(status, { ...commonHeaders, 'content-type': type, 'content-length': String(body.length) });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(301, { ...commonHeaders, location }).end();
}

/** The page with the client's script before `</head>` (at the end when there is none). */
function withClient(html: string, version: string): string {
  const tag = `<script type="module" src="${previewPaths.client}?v=${version}"></script>`;
  const at = html.search(/<\/head\s*>/i);
  return at === -1 ? html + tag : html.slice(0, at) + tag + html.slice(at);
}

function stateEvent(state: PreviewState): string {
  // JSON escapes line breaks, so the data is one line of the event stream.
  return `event: state\ndata: ${JSON.stringify(state)}\n\n`;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The client's script, bundled from TypeScript by esbuild (once per process), and its stylesheet. */
let clientBundle: Promise<{ script: Buffer; css: Buffer }> | undefined;
function clientFiles(): Promise<{ script: Buffer; css: Buffer }> {
  clientBundle ??= (async () => {
    const clientDir = fileURLToPath(new URL('client/', import.meta.url));
    const result = await esbuild.build({
      entryPoints: [path.join(clientDir, 'preview-client.ts')],
      bundle: true,
      format: 'esm',
      target: 'es2022',
      charset: 'utf8',
      legalComments: 'none',
      write: false,
      logLevel: 'silent',
    });
    return { script: Buffer.from(result.outputFiles[0]!.contents), css: await readFile(path.join(clientDir, 'overlay.css')) };
  })();
  return clientBundle;
}
