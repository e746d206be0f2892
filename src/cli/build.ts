/**
 * `npm run build [-- --issues DIR --out DIR --cache DIR --lang en]`: checks
 * the issues (any error stops the build, printed with its place), builds the
 * site and publishes it at --out (src/build/). Prints each step with its time,
 * in the catalogue's language; a fault of the surroundings (a full disk, a
 * folder it may not write, an output it must not replace) is one line. Exit 0
 * when the site was published, 1 when errors or a failure stopped it (the
 * published site untouched), 2 for a mistyped command.
 */
import { buildSite, type BuildSiteResult } from '../build/build-site.ts';
import { buildTexts } from '../messages/texts.ts';
import { printFailure, printOutcome, printStep, printWaiting } from './build-report.ts';
import { readCommandArgs, requireFolder } from './command-args.ts';

const values = readCommandArgs(
  {
    issues: { type: 'string', default: 'issues' },
    out: { type: 'string', default: '_site' },
    // Parsed issues are kept here between builds (see src/build/parse-cache.ts); .cache/ in the project by default.
    cache: { type: 'string' },
  },
  buildTexts.usage,
);

requireFolder(values.issues, buildTexts.usage);

const started = performance.now();
let result: BuildSiteResult;
try {
  result = await buildSite({
    issuesDir: values.issues,
    outDir: values.out,
    ...(values.cache === undefined ? {} : { cacheDir: values.cache }),
    onStep: printStep,
    onWait: (pid) => printWaiting(pid, values.out),
    // A build no longer kept is deleted by a detached process: the new site is published, this one may exit.
    removeOldOutput: 'background',
  });
} catch (error) {
  printFailure(error, values.out);
  process.exit(1);
}
printOutcome(result, values.out, performance.now() - started);
if (!result.ok) process.exitCode = 1;
