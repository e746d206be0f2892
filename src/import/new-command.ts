/**
 * `npm run new [-- --issues DIR]`: writes the next issue of the current year
 * with today's date and the latest issue's masthead, prints its path, and
 * never overwrites a file.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadArchive } from '../load-archive.ts';
import type { CommandIo } from './command-io.ts';
import { headlinePlaceholder, scaffoldIssue, textPlaceholder } from './scaffold-issue.ts';
import { departmentPlaceholder } from './split-items.ts';

const usage = 'Usage: npm run new [-- --issues DIR]';

/** Runs the scaffolding; returns the exit code. */
export async function newCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  let issuesDir: string;
  try {
    const { values } = parseArgs({ args: [...argv], options: { issues: { type: 'string' } } });
    issuesDir = values.issues !== undefined ? path.resolve(io.cwd, values.issues) : path.resolve(io.root ?? io.cwd, 'issues');
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${usage}`);
    return 1;
  }

  const today = io.now();
  const { bulletin } = await loadArchive(issuesDir);
  // Numbers come from the file names too, so an issue with errors still takes its number.
  const year = today.getFullYear();
  const numbers = [
    ...(await numbersInFolder(path.join(issuesDir, String(year)))),
    ...bulletin.issues.filter((issue) => issue.year === year).map((issue) => issue.number),
  ];
  const latest = [...bulletin.issues].sort((a, b) => a.date.localeCompare(b.date) || a.year - b.year || a.number - b.number).at(-1);
  const scaffold = scaffoldIssue(today, numbers, latest);
  const target = path.join(issuesDir, scaffold.file);

  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, scaffold.markdown, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(code === 'EEXIST' ? `${path.relative(io.cwd, target)} already exists; nothing was written` : `${path.relative(io.cwd, target)} cannot be written (${code})`);
    return 1;
  }
  io.stdout(path.relative(io.cwd, target) || target);
  io.stderr(`Issue ${scaffold.number} of ${scaffold.year}, dated today (${scaffold.file}).`);
  io.stderr(latest ? `Publication, publisher, distribution and editors are copied from ${latest.sourceFile}: change them if this issue differs.` : 'No earlier issue to copy from: add publication and publisher to the front matter.');
  io.stderr(`Replace 「${headlinePlaceholder}」, 「${textPlaceholder}」 and （${departmentPlaceholder}） with the issue's items, then run npm run check.`);
  return 0;
}

async function numbersInFolder(folder: string): Promise<number[]> {
  try {
    return (await readdir(folder)).flatMap((name) => (/^\d+\.md$/.test(name) ? [Number(name.slice(0, -3))] : []));
  } catch {
    return [];
  }
}
