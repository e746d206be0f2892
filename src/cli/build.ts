/**
 * `npm run build [-- --issues DIR --out DIR --cache DIR]`: checks the issues (errors stop
 * the build, printed with their places), builds the site into a temporary
 * folder and swaps it into place. Prints each step with its time.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from '../build-site.ts';
import { formatMessages, formatSummary, plural } from '../check/report.ts';

const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: 'issues' },
    out: { type: 'string', default: '_site' },
    // Parsed issues are kept here between builds (see src/parse-cache.ts); .cache/ in the project by default.
    cache: { type: 'string' },
  },
});

const started = performance.now();
const result = await buildSite({
  issuesDir: values.issues,
  outDir: values.out,
  ...(values.cache === undefined ? {} : { cacheDir: values.cache }),
  onStep: ({ step, ms }) => console.error(`  ${step.padEnd(28)} ${formatMs(ms)}`),
  // The previous output is deleted by a detached process: the new site is in place, this one may exit.
  removeOldOutput: 'background',
});

const messages = formatMessages(result.files);
if (messages) console.error(messages);
if (!result.ok) {
  console.error(`${formatSummary(result.files)}: build stopped, ${path.relative(process.cwd(), path.resolve(values.out)) || values.out}/ left as it was`);
  process.exitCode = 1;
} else {
  const items = result.bulletin.issues.reduce((sum, issue) => sum + issue.items.length, 0);
  console.error(
    `Built ${plural(result.bulletin.issues.length, 'issue')}, ${plural(items, 'item')} into ${values.out}/ in ${formatMs(performance.now() - started)} (${formatSummary(result.files)})`,
  );
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
