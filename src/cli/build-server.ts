/**
 * The build process of `npm start`: builds the site each time its parent asks
 * (over IPC), in one long-lived process. A rebuild after an editor saves an
 * issue then skips Node's start and module loading and runs on warm code.
 * Its parent starts a new one when the code changes (templates/, public/,
 * src/, the configuration): a process keeps the first version of every module
 * it imported. It writes its messages in the language of BULLETIN_LANG, which
 * its parent sets.
 *
 * Request: `{ issuesDir, outDir, onCheckErrors? }`. Reply: `{ ok, timings,
 * problems, leftOut, failure? }`, `ok` false when the site was not replaced
 * (errors stopped the build, or it failed); either way the build printed why.
 */
import path from 'node:path';
import { buildSite, type BuildSiteOptions, type StepTiming } from '../build/build-site.ts';
import { openParseCache, type ParseCache } from '../build/parse-cache.ts';
import { toMessagePath } from '../messages/report.ts';
import { projectRoot } from '../paths.ts';
import { toPreviewProblems, type PreviewProblem } from '../preview/problems.ts';
import { describeError, filesWithErrors, printFailure, printOutcome, printStep, printWaiting } from './build-report.ts';

/** What the parent sends. */
export interface BuildRequest {
  issuesDir: string;
  outDir: string;
  /** The parse cache's folder; the project's .cache/ by default. */
  cacheDir?: string;
  /** `leave-out-issues` for the preview: issue files with errors are left out (see buildSite). */
  onCheckErrors?: NonNullable<BuildSiteOptions['onCheckErrors']>;
}

/** What this process answers to each request. */
export interface BuildReply {
  /** Whether the site in outDir was replaced. */
  ok: boolean;
  /** The build's steps (empty when it threw). */
  timings: StepTiming[];
  /** Every message of the check, errors first, each with its line of the file. */
  problems: PreviewProblem[];
  /** The files a preview build left out for their errors, as the messages name them. */
  leftOut: string[];
  /** A build that threw: its error, in one line. */
  failure?: string;
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
    let reply: BuildReply;
    try {
      const parseCache = parseCacheIn(request.cacheDir ?? path.join(projectRoot, '.cache'));
      const result = await buildSite({ ...request, parseCache, onStep: printStep, onWait: (pid) => printWaiting(pid, request.outDir), removeOldOutput: 'background' });
      printOutcome(result, request.outDir, performance.now() - started, { preview: request.onCheckErrors === 'leave-out-issues' });
      reply = {
        ok: result.ok,
        timings: result.timings,
        problems: await toPreviewProblems(result.files),
        leftOut: result.ok ? filesWithErrors(result.files).map((file) => toMessagePath(file)) : [],
      };
    } catch (error) {
      printFailure(error, request.outDir);
      reply = { ok: false, timings: [], problems: [], leftOut: [], failure: describeError(error) };
    }
    process.send!(reply);
  });
});
// The parent is gone (npm start stopped): finish the build under way, then exit.
process.on('disconnect', () => void queue.then(() => process.exit(0)));
