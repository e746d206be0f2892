/**
 * `npm start [-- --issues DIR --out DIR --port N --host HOST]`: builds the site,
 * serves it with Eleventy's dev server (live reload), and rebuilds when a file
 * under the issues folder, templates/ or public/ changes. A build that fails
 * the check prints its messages and keeps serving the last good site.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { watch } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serveSite } from '../eleventy/serve-site.ts';
import { projectRoot } from '../eleventy/render-site.ts';

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
 * Builds once, in a fresh process running `npm run build`'s CLI: every build
 * then sees the current templates and components (a long-lived process would
 * keep the first version of each imported module). Resolves to whether the
 * site in outDir is now up to date; the build prints its own messages.
 */
let current: ChildProcess | undefined;
function build(): Promise<boolean> {
  return new Promise((resolve) => {
    // The Node flags of `npm run build`: a larger young generation spends less time in garbage collection.
    const child = spawn(process.execPath, ['--max-semi-space-size=32', '--import', 'tsx', path.join(projectRoot, 'src/cli/build.ts'), '--issues', issuesDir, '--out', outDir], {
      cwd: process.cwd(),
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', (error) => {
      console.error(error);
      resolve(false);
    });
    current = child;
    child.on('exit', (code) => {
      current = undefined;
      if (code !== 0) console.error('Not rebuilt: still serving the last good site');
      resolve(code === 0);
    });
  });
}

await build();
const server = await serveSite(outDir, { port: Number(values.port), host: values.host });
console.error(`Serving ${path.relative(process.cwd(), outDir) || outDir}/ at ${server.url} — edit an issue and the page reloads`);

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

for (const dir of [issuesDir, path.join(projectRoot, 'templates'), path.join(projectRoot, 'public')]) {
  watch(dir, { recursive: true }, (_event, file) => {
    if (file && !file.startsWith('.')) schedule();
  });
}

const stop = async () => {
  current?.kill('SIGTERM');
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
