/**
 * `npm start [-- --issues DIR --out DIR --port N --host HOST --lang en]`:
 * builds the preview of the site, serves it (src/preview/preview-server.ts)
 * with live reload, and rebuilds when a file under the issues folder,
 * templates/, public/ or src/ changes.
 *
 * The preview is built with `onCheckErrors: 'leave-out-issues'`: an issue
 * file with errors is left out while the others still build and reload, and
 * every page shows the check's messages in an overlay until they are fixed.
 * So that such a site is never taken for one to publish, it is built into
 * its own folder, `_preview/` — `_site/` is only ever written by
 * `npm run build`, which publishes nothing while any error stands.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { watch } from 'node:fs';
import path from 'node:path';
import { siteConfig } from '../../site.config.ts';
import { currentLanguage, languageVariable } from '../messages/language.ts';
import { say } from '../messages/message.ts';
import { startTexts } from '../messages/texts.ts';
import { projectRoot } from '../paths.ts';
import { toOverlay } from '../preview/overlay.ts';
import { PortsInUseError, servePreview, type PreviewServer } from '../preview/preview-server.ts';
import type { BuildReply, BuildRequest } from './build-server.ts';
import { shortPath } from './build-report.ts';
import { exitForMistake, readCommandArgs, requireFolder } from './command-args.ts';
import { buildNodeFlags } from './node-flags.ts';
import { watchFolders } from './watch-folders.ts';

const values = readCommandArgs(
  {
    issues: { type: 'string', default: 'issues' },
    out: { type: 'string', default: '_preview' },
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: 'localhost' },
  },
  startTexts.usage,
);

const port = /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
if (!(port <= 65535)) exitForMistake(say(startTexts.portInvalid, { given: values.port }), startTexts.usage);
requireFolder(values.issues, startTexts.usage);
const issuesDir = path.resolve(values.issues);
const outDir = path.resolve(values.out);

/**
 * The build process (src/cli/build-server.ts): one long-lived child that
 * builds on request, so a rebuild after an issue changes runs warm. It is
 * replaced by a fresh one when the code changes (see `codeChanged`): a
 * process keeps the first version of each module it imported.
 */
let builder: ChildProcess | undefined;
let codeChanged = false;

function startBuilder(): ChildProcess {
  // The Node flags of `npm run build`; the messages in this process's language.
  const child = spawn(process.execPath, [...buildNodeFlags, path.join(projectRoot, 'src/cli/build-server.ts')], {
    cwd: process.cwd(),
    env: { ...process.env, [languageVariable]: currentLanguage() },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.on('exit', () => {
    if (builder === child) builder = undefined;
  });
  return child;
}

/** Builds once in the build process; undefined when the process died before answering. */
function build(): Promise<BuildReply | undefined> {
  if (codeChanged && builder) {
    builder.kill('SIGTERM');
    builder = undefined;
  }
  codeChanged = false;
  const child = (builder ??= startBuilder());
  return new Promise((resolve) => {
    const done = (reply: BuildReply | undefined) => {
      child.off('message', onReply);
      child.off('exit', onExit);
      resolve(reply);
    };
    const onReply = (reply: BuildReply) => done(reply);
    const onExit = () => done(undefined);
    child.on('message', onReply);
    child.on('exit', onExit);
    child.send({ issuesDir, outDir, onCheckErrors: 'leave-out-issues' } satisfies BuildRequest);
  });
}

/** Shows a build's outcome on every open page: a reload when the site was replaced, the overlay of its messages. */
function show(server: PreviewServer, reply: BuildReply | undefined): void {
  if (!reply) console.error(say(startTexts.builderStopped));
  const outcome = reply ?? { ok: false, problems: [], leftOut: [], failure: say(startTexts.builderStopped) };
  server.update({ reload: outcome.ok, overlay: toOverlay(outcome) });
}

// Listen first: a port taken or refused is said at once, and a page opened during the first build reloads when it ends.
let server: PreviewServer;
try {
  server = await servePreview(outDir, { port, host: values.host, pathPrefix: siteConfig.pathPrefix });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    error instanceof PortsInUseError
      ? say(startTexts.noFreePort, { first: error.first, last: error.last })
      : say(startTexts.cannotListen, { host: values.host, port, reason: code ?? (error as Error).message }),
  );
  process.exit(1);
}
if (server.portTaken !== undefined) console.error(say(startTexts.portTaken, { port: server.portTaken, next: server.port }));
show(server, await build());
console.error(say(startTexts.serving, { out: shortPath(outDir), url: server.url }));

// Rebuild after a burst of changes settles; one build at a time, and one more if changes came meanwhile.
let timer: NodeJS.Timeout | undefined;
let running: Promise<void> | undefined;
let again = false;
const schedule = () => {
  clearTimeout(timer);
  timer = setTimeout(run, 150);
};
const run = () => {
  if (running) {
    again = true;
    return;
  }
  running = (async () => show(server, await build()))().finally(() => {
    running = undefined;
    if (again) {
      again = false;
      run();
    }
  });
};

await watchFolders(issuesDir, schedule);
// A change to the code needs a fresh build process, then a build.
for (const dir of ['templates', 'public', 'src'].map((name) => path.join(projectRoot, name))) {
  await watchFolders(dir, () => {
    codeChanged = true;
    schedule();
  });
}
// The project's folder itself, not recursively, for its configuration files (editors often save by replacing them).
watch(projectRoot, (_event, file) => {
  if (file !== '.eleventy.ts' && file !== 'site.config.ts') return;
  codeChanged = true;
  schedule();
});

const stop = async () => {
  builder?.kill('SIGTERM');
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
