/**
 * `npm run build [-- --issues DIR --out DIR --cache DIR]`: checks the issues (errors stop
 * the build, printed with their places), builds the site into a temporary
 * folder and swaps it into place. Prints each step with its time.
 */
import { parseArgs } from 'node:util';
import { buildSite } from '../build-site.ts';
import { printOutcome, printStep } from './build-report.ts';

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
  onStep: printStep,
  // An output no longer kept is deleted by a detached process: the new site is in place, this one may exit.
  removeOldOutput: 'background',
});
printOutcome(result, values.out, performance.now() - started);
if (!result.ok) process.exitCode = 1;
