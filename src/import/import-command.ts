/**
 * `npm run import -- FILE [--out PATH] [--force] [--issues DIR] [--lang en]`:
 * turns an issue's text, Word or PDF file into its issue file, checks it as
 * `npm run check` does, and reports what was left out as layout, what needs
 * the editor's attention, and the new departments ready to paste.
 *
 * Exit codes: 0 written and clean; 1 nothing written (bad input, unknown place,
 * file exists, text would be lost); 2 written, but the check still reports
 * errors (placeholders, unknown departments) that the editor must fix.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { stringify } from 'yaml';
import { countErrors, formatMessages } from '../messages/report.ts';
import { loadArchive } from '../load-archive.ts';
import { answerWithoutRunning, parseCommandArgs } from '../cli/command-args.ts';
import { say } from '../messages/message.ts';
import { parseIssue } from '../parse/parse-issue.ts';
import { isWithin } from '../paths.ts';
import type { CommandIo } from './command-io.ts';
import { reportFinding, type Finding } from './findings.ts';
import { importIssue, issueFilePath, type ImportedIssue } from './import-issue.ts';
import { importTexts } from '../messages/texts.ts';
import { loadRegistry, readLatestPublication } from './load-registry.ts';
import { findLostText } from './lost-text.ts';
import { readSource } from './read-source.ts';

/** Runs the import; returns the exit code. */
export async function importCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const args = parseCommandArgs({ out: { type: 'string' }, force: { type: 'boolean', default: false }, issues: { type: 'string' } }, importTexts.usage, argv, { positionals: true });
  // A mistyped command writes nothing: exit 1, the code of every run that writes nothing.
  if (args.kind !== 'run') return answerWithoutRunning(args, io, 1);
  if (args.positionals.length !== 1) {
    io.stderr(say(importTexts.oneFile));
    return 1;
  }
  const sourcePath = path.resolve(io.cwd, args.positionals[0]!);
  const shown = (file: string) => path.relative(io.cwd, file) || file;
  const issuesDir = args.values.issues !== undefined ? path.resolve(io.cwd, args.values.issues) : path.resolve(io.root ?? io.cwd, 'issues');
  const sourceFile = new VFile({ path: sourcePath });
  // Problems of the source are reported at its lines, as the check reports the issue file's.
  const fail = (...findings: Finding[]) => {
    for (const finding of findings) reportFinding(sourceFile, finding);
    io.stderr(formatMessages([sourceFile], io.cwd));
    return 1;
  };

  let bytes: Buffer;
  try {
    bytes = await readFile(sourcePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    const file = shown(sourcePath);
    io.stderr(code === 'ENOENT' ? say(importTexts.notFound, { file }) : code === 'EISDIR' ? say(importTexts.isFolder, { file }) : say(importTexts.cannotRead, { file, code }));
    return 1;
  }
  const source = await readSource(bytes, sourcePath);
  if (!source.ok) return fail(source.problem);

  const [{ registry, note }, latest] = await Promise.all([loadRegistry(issuesDir), readLatestPublication(issuesDir)]);
  const imported = importIssue(source.text, registry, latest ? { latest } : {});
  const number = typeof imported.frontMatter.issue === 'number' ? imported.frontMatter.issue : undefined;
  let outPath: string;
  if (args.values.out !== undefined) outPath = path.resolve(io.cwd, args.values.out);
  else if (imported.year !== undefined && number !== undefined) outPath = path.join(issuesDir, issueFilePath(imported.year, number));
  else {
    const missing = [...(number === undefined ? ['issue' as const] : []), ...(imported.year === undefined ? ['year' as const] : [])];
    return fail({ line: 1, ruleId: 'import-place-unknown', args: { missing } });
  }

  // The safety net: refuse to write a file that would lose any of the editor's text.
  const lost = findLostText(source.text, imported.markdown, imported);
  if (lost.length > 0) {
    const code = fail(...lost.map(({ line, text }): Finding => ({ line, ruleId: 'import-text-lost', args: { text } })));
    io.stderr(say(importTexts.lostSummary));
    return code;
  }

  try {
    await mkdir(path.dirname(outPath), { recursive: true });
    await writeFile(outPath, imported.markdown, { flag: args.values.force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    io.stderr(code === 'EEXIST' ? say(importTexts.exists, { file: shown(outPath) }) : say(importTexts.cannotWrite, { file: shown(outPath), code }));
    return 1;
  }

  const articles = imported.items.filter((item) => item.kind === 'article').length;
  io.stdout(shown(outPath));
  io.stderr(say(importTexts.wrote, { file: shown(outPath), items: imported.items.length, articles }));
  for (const text of [...source.notes, ...(note ? [note] : [])]) io.stderr(say(importTexts.note, { text }));
  for (const line of reportLines(imported, shown(sourcePath), sourceFile, io.cwd)) io.stderr(line);

  const checked = await checkWritten(outPath, issuesDir);
  const errors = countErrors([checked]);
  const messages = formatMessages([checked], io.cwd);
  if (messages) {
    io.stderr(say(importTexts.checkHeader));
    for (const line of messages.split('\n')) io.stderr(line);
  }
  for (const line of newDepartmentLines(imported, path.join(shown(issuesDir), 'departments.yml'))) io.stderr(line);
  io.stderr(errors > 0 ? say(importTexts.errorsLeft, { errors, file: shown(outPath) }) : say(importTexts.passes));
  return errors > 0 ? 2 : 0;
}

/** What the editor reads after the file is written: the lines left out as layout, and the findings at the source's lines. */
function reportLines(imported: ImportedIssue, source: string, sourceFile: VFile, cwd: string): string[] {
  const lines: string[] = [];
  if (imported.removed.length > 0) {
    lines.push(say(importTexts.removedHeader, { count: imported.removed.length }));
    for (const { line, text, kind } of imported.removed) lines.push(say(importTexts.removedLine, { place: `${source}:${line}`, kind, text }));
  }
  if (imported.findings.length > 0) {
    for (const finding of imported.findings) reportFinding(sourceFile, finding);
    lines.push(say(importTexts.findingsHeader, { file: source }), ...formatMessages([sourceFile], cwd).split('\n'));
  }
  return lines;
}

/** The departments not in departments.yml, as lines ready to paste into it: name, slug, and the nearest listed names. */
function newDepartmentLines(imported: ImportedIssue, departmentsFile: string): string[] {
  const lines: string[] = [];
  if (imported.newDepartments.length > 0) {
    lines.push(say(importTexts.newDepartmentsHeader, { file: departmentsFile }));
    for (const { name, slug, guesses } of imported.newDepartments) {
      // Through the YAML writer, so that any name reads back as written.
      lines.push(...stringify([{ name, ...(slug !== '' ? { slug } : {}) }]).trimEnd().split('\n'));
      if (guesses.length > 0) lines.push(`  ${say(importTexts.nearestComment, { names: guesses })}`);
    }
  }
  return lines;
}

/**
 * Checks the written file exactly as `npm run check` would: inside the issues
 * folder as part of the whole archive (so duplicates are found), elsewhere on its own.
 */
async function checkWritten(outPath: string, issuesDir: string): Promise<VFile> {
  const relative = path.relative(issuesDir, outPath);
  if (isWithin(issuesDir, outPath)) {
    const { files } = await loadArchive(issuesDir);
    const found = files.find((file) => file.path === outPath);
    if (found) return found;
  }
  const file = new VFile({ path: outPath });
  const { registry } = await loadRegistry(issuesDir);
  parseIssue(await readFile(outPath, 'utf8'), file, { sourceFile: relative.split(path.sep).join('/'), departments: registry });
  return file;
}
