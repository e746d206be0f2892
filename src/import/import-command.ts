/**
 * `npm run import -- FILE [--out PATH] [--force] [--issues DIR]`: turns an issue's
 * text or Word file into its issue file, checks it as `npm run check` does, and
 * says what needs the editor's attention.
 *
 * Exit codes: 0 written and clean; 1 nothing written (bad input, unknown place,
 * file exists, text would be lost); 2 written, but the check still reports
 * errors (placeholders, unknown departments) that the editor must fix.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { VFile } from 'vfile';
import { countErrors, formatMessages } from '../messages/report.ts';
import { loadArchive } from '../load-archive.ts';
import { parseIssue } from '../parse/parse-issue.ts';
import type { CommandIo } from './command-io.ts';
import { importIssue, issueFilePath } from './import-issue.ts';
import { loadRegistry } from './load-registry.ts';
import { findLostText } from './lost-text.ts';
import { readSource } from './read-source.ts';

const usage = 'Usage: npm run import -- FILE [--out issues/YYYY/NNN.md] [--force] [--issues DIR]';

/** Runs the import; returns the exit code. */
export async function importCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { out: { type: 'string' }, force: { type: 'boolean', default: false }, issues: { type: 'string' } },
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${usage}`);
    return 1;
  }
  if (args.positionals.length !== 1) {
    io.stderr(`Give exactly one file to import.\n${usage}`);
    return 1;
  }
  const sourcePath = path.resolve(io.cwd, args.positionals[0]!);
  const shown = (file: string) => path.relative(io.cwd, file) || file;
  const issuesDir = args.values.issues !== undefined ? path.resolve(io.cwd, args.values.issues) : path.resolve(io.root ?? io.cwd, 'issues');

  let bytes: Buffer;
  try {
    bytes = await readFile(sourcePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(`${shown(sourcePath)}: ${code === 'ENOENT' ? 'no such file: check the path' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code})`}; nothing was written`);
    return 1;
  }
  const source = await readSource(bytes, sourcePath);
  if (!source.ok) {
    io.stderr(`${shown(sourcePath)}:1:1  error  ${source.reason}; nothing was written`);
    return 1;
  }

  const { registry, note } = await loadRegistry(issuesDir);
  const imported = importIssue(source.text, registry);
  const number = typeof imported.frontMatter.issue === 'number' ? imported.frontMatter.issue : undefined;
  let outPath: string;
  if (args.values.out !== undefined) outPath = path.resolve(io.cwd, args.values.out);
  else if (imported.year !== undefined && number !== undefined) outPath = path.join(issuesDir, issueFilePath(imported.year, number));
  else {
    const missing = [number === undefined ? 'issue number (第 N 期)' : '', imported.year === undefined ? 'year (date)' : ''].filter(Boolean).join(' and ');
    io.stderr(`${shown(sourcePath)}:1:1  error  The masthead has no ${missing}, so the file's place is unknown: pass --out issues/YYYY/NNN.md; nothing was written`);
    return 1;
  }

  // The safety net: refuse to write a file that would lose any of the editor's text.
  const lost = findLostText(source.text, imported.markdown, imported.moved, imported.dropped);
  if (lost.length > 0) {
    for (const { line, text } of lost) io.stderr(`${shown(sourcePath)}:${line}:1  error  This text would be lost by the import: 「${text}」`);
    io.stderr('Nothing was written. Import the issue by hand (see docs/editing.md) and report this file to the developers.');
    return 1;
  }

  try {
    await mkdir(path.dirname(outPath), { recursive: true });
    await writeFile(outPath, imported.markdown, { flag: args.values.force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(code === 'EEXIST' ? `${shown(outPath)} already exists: pass --force to overwrite it, or --out another path; nothing was written` : `${shown(outPath)} cannot be written (${code}); nothing was written`);
    return 1;
  }

  const articles = imported.items.filter((item) => item.kind === 'article').length;
  io.stdout(shown(outPath));
  io.stderr(`Wrote ${shown(outPath)}: ${imported.items.length} items (${articles} articles, ${imported.items.length - articles} briefs)`);
  for (const line of [...source.notes, ...(note ? [note] : [])]) io.stderr(`Note: ${line}`);

  const checked = await checkWritten(outPath, issuesDir);
  const messages = formatMessages([checked], io.cwd);
  if (imported.attention.length > 0) {
    io.stderr(`Needs your attention (lines of ${shown(sourcePath)}):`);
    for (const { line, message } of imported.attention) io.stderr(`  ${shown(sourcePath)}:${line}  ${message}`);
  }
  const errors = countErrors([checked]);
  if (messages) {
    io.stderr('The check reports (npm run check):');
    for (const line of messages.split('\n')) io.stderr(line);
  }
  io.stderr(errors > 0 ? `${errors} error(s) to fix in ${shown(outPath)}, then run npm run check (docs/editing.md explains every message).` : 'The check passes: review the file, then publish it.');
  return errors > 0 ? 2 : 0;
}

/**
 * Checks the written file exactly as `npm run check` would: inside the issues
 * folder as part of the whole archive (so duplicates are found), elsewhere on its own.
 */
async function checkWritten(outPath: string, issuesDir: string): Promise<VFile> {
  const relative = path.relative(issuesDir, outPath);
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
    const { files } = await loadArchive(issuesDir);
    const found = files.find((file) => file.path === outPath);
    if (found) return found;
  }
  const file = new VFile({ path: outPath });
  const { registry } = await loadRegistry(issuesDir);
  parseIssue(await readFile(outPath, 'utf8'), file, { sourceFile: relative.split(path.sep).join('/'), departments: registry });
  return file;
}
