/**
 * `npm run build [-- --issues DIR --out DIR --cache DIR --lang en]`: checks
 * the issues (any error stops the build, printed with its place), builds the
 * site into a temporary folder and swaps it into place. Prints each step with
 * its time, in the catalogue's language. Exit 0 when the site was replaced,
 * 1 when errors or a failure stopped it, 2 for a mistyped command.
 */
import { statSync } from 'node:fs';
import { buildSite, type BuildSiteResult } from '../build-site.ts';
import { say } from '../messages/message.ts';
import { buildTexts, checkTexts } from '../messages/texts.ts';
import { printFailure, printOutcome, printStep } from './build-report.ts';
import { readCommandArgs } from './command-args.ts';

const values = readCommandArgs(
  {
    issues: { type: 'string', default: 'issues' },
    out: { type: 'string', default: '_site' },
    // Parsed issues are kept here between builds (see src/parse-cache.ts); .cache/ in the project by default.
    cache: { type: 'string' },
  },
  buildTexts.usage,
);

if (!statSync(values.issues, { throwIfNoEntry: false })?.isDirectory()) {
  console.error(`${say(checkTexts.noFolder, { dir: values.issues })}\n\n${say(buildTexts.usage)}`);
  process.exit(2);
}

const started = performance.now();
let result: BuildSiteResult;
try {
  result = await buildSite({
    issuesDir: values.issues,
    outDir: values.out,
    ...(values.cache === undefined ? {} : { cacheDir: values.cache }),
    onStep: printStep,
    // An output no longer kept is deleted by a detached process: the new site is in place, this one may exit.
    removeOldOutput: 'background',
  });
} catch (error) {
  printFailure(error, values.out);
  process.exit(1);
}
printOutcome(result, values.out, performance.now() - started);
if (!result.ok) process.exitCode = 1;
