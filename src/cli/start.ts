/**
 * `npm start [-- --issues DIR --out DIR --port N --host HOST]`: builds the site,
 * serves it with Eleventy's dev server (live reload), and rebuilds when a file
 * under the issues folder, templates/ or public/ changes. A build that fails
 * the check prints its messages and keeps serving the last good site.
 */
import { watch } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from '../build-site.ts';
import { formatMessages, formatSummary } from '../check/report.ts';
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

/** Builds once; returns whether the site in outDir is now up to date. */
async function build(): Promise<boolean> {
  const started = performance.now();
  try {
    const result = await buildSite({ issuesDir, outDir });
    const messages = formatMessages(result.files);
    if (messages) console.error(messages);
    if (!result.ok) {
      console.error(`${formatSummary(result.files)}: not rebuilt, still serving the last good site`);
      return false;
    }
    console.error(`Built ${result.bulletin.issues.length} issues in ${Math.round(performance.now() - started)} ms`);
    return true;
  } catch (error) {
    console.error(error);
    return false;
  }
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
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
