/**
 * `npm run check [-- --issues DIR] [--format text|github|json] [--lang en] [--help]`:
 * validates every issue file and departments.yml, prints what each issue
 * holds (its items, articles and briefs) and every problem at once, exits 1
 * on any error. `text` (the default) writes lines for a person
 * on stderr; `github` writes GitHub Actions annotations and `json` a list of
 * records on stdout, for tools (the summary stays on stderr).
 */
import path from 'node:path';
import { say } from '../messages/message.ts';
import { countErrors, formatGithubAnnotations, formatJson, formatMessages, formatSummary } from '../messages/report.ts';
import { checkTexts } from '../messages/texts.ts';
import { loadArchive } from '../load-archive.ts';
import { exitForMistake, readCommandArgs, requireFolder } from './command-args.ts';

const formats = { text: formatMessages, github: formatGithubAnnotations, json: formatJson };
const values = readCommandArgs({ issues: { type: 'string', default: 'issues' }, format: { type: 'string', default: 'text' } }, checkTexts.help);
if (!Object.hasOwn(formats, values.format)) exitForMistake(say(checkTexts.unknownFormat, { given: values.format }), checkTexts.help);
requireFolder(values.issues, checkTexts.help);
const dir = path.resolve(values.issues);

const { bulletin, files, found } = await loadArchive(dir);
// What each issue holds, to compare with the paper: before the messages, so they stay last above the summary.
const counts = found.map((issue) => say(checkTexts.found, { ...issue, file: issue.sourceFile })).join('\n');
if (counts) console.error(counts);
if (values.format === 'text') {
  const messages = formatMessages(files);
  if (messages) console.error(messages);
} else {
  const output = formats[values.format as keyof typeof formats](files);
  if (output) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
}
const items = bulletin.issues.reduce((sum, issue) => sum + issue.items.length, 0);
console.error(say(checkTexts.outcome, { summary: formatSummary(files), issues: bulletin.issues.length, items }));
process.exitCode = countErrors(files) > 0 ? 1 : 0;
