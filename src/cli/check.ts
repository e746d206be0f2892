/**
 * `npm run check [-- --issues DIR]`: validates every issue file and
 * departments.yml, prints every problem at once, exits 1 on any error.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { countErrors, formatMessages, formatSummary, plural } from '../check/report.ts';
import { loadArchive } from '../load-archive.ts';

const usage = 'usage: npm run check [-- --issues DIR]';
let values: { issues: string };
try {
  ({ values } = parseArgs({ options: { issues: { type: 'string', default: 'issues' } } }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}

const dir = path.resolve(values.issues);
if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
  console.error(`${values.issues}: there is no such folder; give the folder that holds departments.yml and the year folders (${usage})`);
  process.exit(2);
}

const { bulletin, files } = await loadArchive(dir);
const messages = formatMessages(files);
if (messages) console.error(messages);
const items = bulletin.issues.reduce((sum, issue) => sum + issue.items.length, 0);
console.error(`${formatSummary(files)}; ${plural(bulletin.issues.length, 'issue')} with ${plural(items, 'item')} ready to publish`);
process.exitCode = countErrors(files) > 0 ? 1 : 0;
