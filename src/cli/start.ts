/**
 * `npm start [-- --issues DIR --out DIR --port N --host HOST]`: builds the site,
 * serves it with Eleventy's dev server (live reload), and rebuilds when a file
 * under the issues folder, templates/, public/ or src/ changes. A build that
 * fails the check prints its messages and keeps serving the last good site.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { watch } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serveSite } from '../eleventy/serve-site.ts';
import { say } from '../messages/message.ts';
import { startTexts } from '../messages/texts.ts';
import { projectRoot } from '../eleventy/render-site.ts';
import type { BuildReply, BuildRequest } from './build-server.ts';
import { watchFolders } from './watch-folders.ts';
import { buildNodeFlags } from './node-flags.ts';

const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: 'issues' },
    out: { type: 'string', default: '_site' },
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: 'localhost' },
  },
});

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
  // The Node flags of `npm run build`.
  const child = spawn(process.execPath, [...buildNodeFlags, path.join(projectRoot, 'src/cli/build-server.ts')], {
    cwd: process.cwd(),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.on('exit', () => {
    if (builder === child) builder = undefined;
  });
  return child;
}

/**
 * Builds once in the build process. Resolves to whether the site in outDir is
 * now up to date; the build prints its own messages.
 */
function build(): Promise<boolean> {
  if (codeChanged && builder) {
    builder.kill('SIGTERM');
    builder = undefined;
  }
  codeChanged = false;
  const child = (builder ??= startBuilder());
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      child.off('message', onReply);
      child.off('exit', onExit);
      if (!ok) console.error(say(startTexts.notRebuilt));
      resolve(ok);
    };
    const onReply = (reply: BuildReply) => done(reply.ok);
    const onExit = () => done(false);
    child.on('message', onReply);
    child.on('exit', onExit);
    child.send({ issuesDir, outDir } satisfies BuildRequest);
  });
}

await build();
const server = await serveSite(outDir, { port: Number(values.port), host: values.host });
console.error(say(startTexts.serving, { out: path.relative(process.cwd(), outDir) || outDir, url: server.url }));

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
  running = (async () => {
    if (await build()) server.reload();
  })().finally(() => {
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
