/**
 * The build process of `npm start`: builds the site each time its parent asks
 * (over IPC), in one long-lived process. A rebuild after an editor saves an
 * issue then skips Node's start and module loading and runs on warm code.
 * Its parent starts a new one when the code changes (templates/, public/,
 * src/, the configuration): a process keeps the first version of every module
 * it imported.
 *
 * Request: `{ issuesDir, outDir }`. Reply: `{ ok, timings }`, `ok` false when
 * the check found errors or the build failed; either way the build printed why.
 */
import path from 'node:path';
import { buildSite, type StepTiming } from '../build/build-site.ts';
import { projectRoot } from '../eleventy/render-site.ts';
import { BuildFault } from '../build/build-fault.ts';
import { openParseCache, type ParseCache } from '../build/parse-cache.ts';
import { printOutcome, printStep, printWaiting } from './build-report.ts';

/** What the parent sends. */
export interface BuildRequest {
  issuesDir: string;
  outDir: string;
  /** The parse cache's folder; the project's .cache/ by default. */
  cacheDir?: string;
}

/** What this process answers to each request. */
export interface BuildReply {
  ok: boolean;
  /** The build's steps (empty when it threw). */
  timings: StepTiming[];
}

if (!process.send) throw new Error('build-server.ts runs as a child process with an IPC channel (see src/cli/start.ts)');

// One parse cache per cache folder, kept across builds: each entry is read from disk once.
const parseCaches = new Map<string, ParseCache>();
const parseCacheIn = (cacheDir: string) => {
  const dir = path.resolve(cacheDir, 'parse');
  let cache = parseCaches.get(dir);
  if (!cache) parseCaches.set(dir, (cache = openParseCache(dir)));
  return cache;
};

// One build at a time, in the order asked.
let queue: Promise<void> = Promise.resolve();
process.on('message', (request: BuildRequest) => {
  queue = queue.then(async () => {
    const started = performance.now();
    let reply: BuildReply = { ok: false, timings: [] };
    try {
      const parseCache = parseCacheIn(request.cacheDir ?? path.join(projectRoot, '.cache'));
      const result = await buildSite({ ...request, parseCache, onStep: printStep, onWait: (pid) => printWaiting(pid, request.outDir), removeOldOutput: 'background' });
      printOutcome(result, request.outDir, performance.now() - started);
      reply = { ok: result.ok, timings: result.timings };
    } catch (error) {
      // A fault of the surroundings (a full disk …) is one line; anything else, with its stack.
      console.error(error instanceof BuildFault ? error.message : error);
    }
    process.send!(reply);
  });
});
// The parent is gone (npm start stopped): finish the build under way, then exit.
process.on('disconnect', () => void queue.then(() => process.exit(0)));
