/**
 * Serves a built site with Eleventy's dev server, which injects its live-reload
 * client into every page.
 */
import EleventyDevServer from '@11ty/eleventy-dev-server';

/** A running dev server. */
export interface SiteServer {
  /** Where the site is served, e.g. http://localhost:8080/. */
  url: string;
  /** Tells every open page to reload. */
  reload(): void;
  close(): Promise<void>;
}

/** Serves `dir` on `host:port` (port 0: any free port) under `pathPrefix`. */
export async function serveSite(dir: string, options: { port: number; host?: string; pathPrefix?: string }): Promise<SiteServer> {
  const host = options.host ?? 'localhost';
  const server = EleventyDevServer.getServer('bulletin-archive', dir, {
    liveReload: true,
    domDiff: false,
    pathPrefix: options.pathPrefix ?? '/',
    showVersion: false,
    portReassignmentRetryCount: 0,
    logger: { info: () => {}, log: () => {}, error: console.error },
  });
  // The dev server listens on every interface; bind it to the requested host only
  // (localhost by default, 127.0.0.1 in tests), so the preview is not exposed to the network.
  const internals = server as unknown as { server: { listen(options: { port: number; host: string }): void }; _serverListen(port: number): void };
  internals._serverListen = (port) => internals.server.listen({ port, host });
  await server.serve(options.port);
  await server.ready();
  return {
    url: server.getServerUrl(host),
    reload: () => server.reload({ subtype: 'html' }),
    close: () => server.close(),
  };
}
