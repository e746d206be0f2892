/**
 * `npm run build [-- --issues DIR --out DIR --cache DIR --lang en]`: checks the issues
 * (errors stop the build, printed with their places), builds the site and
 * publishes it at --out (src/build/). Prints each step with its time; a fault
 * of the surroundings (a full disk, a folder it may not write, no issues
 * folder) is one line. Exits 1 on any failure, the published site untouched.
 */
import { parseArgs } from 'node:util';
import { BuildFault } from '../build/build-fault.ts';
import { buildSite } from '../build/build-site.ts';
import { setLanguage, takeLanguageOption } from '../messages/language.ts';
import { say } from '../messages/message.ts';
import { checkTexts } from '../messages/texts.ts';
import { printOutcome, printStep, printWaiting } from './build-report.ts';

const { argv, language, unknown } = takeLanguageOption(process.argv.slice(2));
if (language) setLanguage(language);
if (unknown !== undefined) {
  console.error(say(checkTexts.unknownLanguage, { given: unknown }));
  process.exit(2);
}
const { values } = parseArgs({
  args: argv,
  options: {
    issues: { type: 'string', default: 'issues' },
    out: { type: 'string', default: '_site' },
    // Parsed issues are kept here between builds (see src/build/parse-cache.ts); .cache/ in the project by default.
    cache: { type: 'string' },
  },
});

const started = performance.now();
try {
  const result = await buildSite({
    issuesDir: values.issues,
    outDir: values.out,
    ...(values.cache === undefined ? {} : { cacheDir: values.cache }),
    onStep: printStep,
    onWait: (pid) => printWaiting(pid, values.out),
    // A build no longer kept is deleted by a detached process: the new site is published, this one may exit.
    removeOldOutput: 'background',
  });
  printOutcome(result, values.out, performance.now() - started);
  if (!result.ok) process.exitCode = 1;
} catch (error) {
  if (!(error instanceof BuildFault)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
