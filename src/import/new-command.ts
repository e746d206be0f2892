/**
 * `npm run new -- [--date YYYY-MM-DD] [--issue N] [--issues DIR] [--lang en]`:
 * writes an issue (by default the next one of the current year, dated today)
 * with the latest issue's masthead, prints its path, and never overwrites a file.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadArchive } from '../load-archive.ts';
import { answerWithoutRunning, parseCommandArgs } from '../cli/command-args.ts';
import { say } from '../messages/message.ts';
import { isRealDate } from '../model/calendar-date.ts';
import { departmentPlaceholder, headlinePlaceholder, textPlaceholder } from '../model/placeholders.ts';
import type { CommandIo } from './command-io.ts';
import { newTexts } from '../messages/texts.ts';
import { scaffoldIssue, toIsoDate } from './scaffold-issue.ts';

/** Runs the scaffolding; returns the exit code. */
export async function newCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const args = parseCommandArgs({ issues: { type: 'string' }, date: { type: 'string' }, issue: { type: 'string' } }, newTexts.usage, argv);
  // A mistyped command writes nothing: exit 1, the code of every run that writes nothing.
  if (args.kind !== 'run') return answerWithoutRunning(args, io, 1);
  const { values } = args;
  const issuesDir = values.issues !== undefined ? path.resolve(io.cwd, values.issues) : path.resolve(io.root ?? io.cwd, 'issues');
  const date = values.date !== undefined ? parseDate(values.date) : io.now();
  if (date === undefined) {
    io.stderr(say(newTexts.badDate, { given: values.date! }));
    return 1;
  }
  const asked = values.issue !== undefined ? parseNumber(values.issue) : undefined;
  if (values.issue !== undefined && asked === undefined) {
    io.stderr(say(newTexts.badIssue, { given: values.issue }));
    return 1;
  }

  const { bulletin } = await loadArchive(issuesDir);
  // Numbers come from the file names too, so an issue with errors still takes its number.
  const year = date.getFullYear();
  const numbers = [
    ...(await numbersInFolder(path.join(issuesDir, String(year)))),
    ...bulletin.issues.filter((issue) => issue.year === year).map((issue) => issue.number),
  ];
  const latest = [...bulletin.issues].sort((a, b) => a.date.localeCompare(b.date) || a.year - b.year || a.number - b.number).at(-1);
  const scaffold = scaffoldIssue(date, numbers, latest, asked);
  const target = path.join(issuesDir, scaffold.file);
  const shown = path.relative(io.cwd, target) || target;

  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, scaffold.markdown, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    io.stderr(code === 'EEXIST' ? say(newTexts.exists, { file: shown }) : say(newTexts.cannotWrite, { file: shown, code }));
    return 1;
  }
  io.stdout(shown);
  io.stderr(say(newTexts.wrote, { number: scaffold.number, year: scaffold.year, date: toIsoDate(date), file: scaffold.file }));
  io.stderr(latest ? say(newTexts.copied, { file: latest.sourceFile }) : say(newTexts.nothingToCopy));
  io.stderr(say(newTexts.fillIn, { headline: headlinePlaceholder, text: textPlaceholder, department: departmentPlaceholder }));
  return 0;
}

/** A real calendar date written YYYY-MM-DD (months and days may have one digit), as a local date. */
function parseDate(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(year, month, day) ? new Date(year, month - 1, day) : undefined;
}

function parseNumber(text: string): number | undefined {
  return /^\d+$/.test(text.trim()) && Number(text) > 0 ? Number(text) : undefined;
}

async function numbersInFolder(folder: string): Promise<number[]> {
  try {
    return (await readdir(folder)).flatMap((name) => (/^\d+\.md$/.test(name) ? [Number(name.slice(0, -3))] : []));
  } catch {
    return [];
  }
}
