/**
 * Reads an issues folder into the bulletin model: departments.yml, every
 * issues/YYYY/NNN.md and the printed originals beside them (NNN.pdf), each
 * problem located in its file.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { checkArchive, compareCodeUnits, type ParsedIssue } from './check/check-archive.ts';
import { report } from './messages/report.ts';
import { toRegistry } from './departments/department-registry.ts';
import { parseDepartmentsFile, type ParsedDepartments } from './departments/parse-departments.ts';
import type { Bulletin, Issue, Original } from './model/schema.ts';
import { decodeText } from './parse/decode-text.ts';
import type { ParseCache } from './build/parse-cache.ts';
import { parseIssueBytes } from './parse/parse-issue.ts';

/** The name of the department registry inside the issues folder. */
export const departmentsFileName = 'departments.yml';

/** A loaded archive: the valid part as a bulletin, and every file with its messages. */
export interface LoadedArchive {
  bulletin: Bulletin;
  /** departments.yml first, then the issue files, the PDFs beside them, and the files and links not read (with why), by path. */
  files: VFile[];
  /** What each issue file holds as split, valid or not, by path: for the editor to compare with the paper. */
  found: FoundIssue[];
}

/** What one issue file holds: its place, its number when readable, and its items as split. */
export interface FoundIssue {
  /** The path relative to the issues folder, `2023/035.md`. */
  sourceFile: string;
  year: number | undefined;
  number: number | undefined;
  articles: number;
  briefs: number;
  /** Whether the issue is valid (it still may be left out as another's duplicate). */
  valid: boolean;
}

/** How to load an archive. */
export interface LoadArchiveOptions {
  /**
   * The build's parse cache (src/build/parse-cache.ts) to parse through: files
   * parsed before, with the same bytes, code and registry, are not parsed
   * again (nor even decoded).
   */
  parseCache?: ParseCache;
}

/** Loads and checks every file of the issues folder `dir`. */
export async function loadArchive(dir: string, options: LoadArchiveOptions = {}): Promise<LoadedArchive> {
  const cache = options.parseCache;
  const parse = cache ? cache.parseIssueBytes : parseIssueBytes;
  const departmentsFile = new VFile({ path: path.join(dir, departmentsFileName) });
  const { departments, readable } = await loadDepartments(departmentsFile, cache?.parseDepartmentsFile ?? parseDepartmentsFile);
  const registry = toRegistry(departments, !readable);

  const listing = listIssueFolder(dir);
  const paths = listing.issues;
  const contents = readAll(paths);
  const files: VFile[] = [departmentsFile];
  const parsed: ParsedIssue[] = [];
  const found: FoundIssue[] = [];
  paths.forEach((filePath, index) => {
    const file = new VFile({ path: filePath });
    files.push(file);
    const sourceFile = toSourceFile(dir, filePath);
    const bytes = contents[index]!;
    if (bytes instanceof Error) {
      report(file, 'file-unreadable', { reason: 'io', detail: (bytes as NodeJS.ErrnoException).code ?? bytes.message }, { line: 1, column: 1 });
      return;
    }
    const result = parseGuarded(() => parse(bytes, file, { sourceFile, departments: registry }, readText), file);
    if (!result) return;
    parsed.push({ ...result, file });
    if (result.found) {
      const { header, issue } = result;
      found.push({ sourceFile, year: header?.year, number: header?.number, ...result.found, valid: issue !== undefined });
    }
  });
  for (const link of listing.links) {
    const file = new VFile({ path: link.path });
    report(file, 'file-unreadable', { reason: link.folder ? 'symlink-folder' : 'symlink', detail: link.target }, { line: 1, column: 1 });
    files.push(file);
  }
  for (const folder of listing.unreadable) {
    const file = new VFile({ path: folder.path });
    report(file, 'file-unreadable', { reason: 'io', detail: folder.code }, { line: 1, column: 1 });
    files.push(file);
  }
  for (const ignored of listing.ignored) {
    const file = new VFile({ path: ignored });
    report(file, 'file-ignored', { name: path.basename(ignored) }, { line: 1, column: 1 });
    files.push(file);
  }
  const pdfFiles = listing.pdfs.map((filePath) => new VFile({ path: filePath }));
  files.push(...pdfFiles);
  const issues = withOriginals(checkArchive(parsed), dir, paths, pdfFiles);
  const bulletin = { issues, departments };
  // By path after departments.yml: 2023/035.md, 2023/035.pdf, 2023/036.md …
  files.sort((a, b) => (a === departmentsFile ? -1 : b === departmentsFile ? 1 : compareCodeUnits(a.path, b.path)));
  return { bulletin, files, found };
}

/**
 * Runs one file's parse (an issue file's, or departments.yml's) so that
 * nothing in it can stop the others: a stack overflow (a structure deeper than
 * the limits foresee, or a deep caller) is reported as a limit of the check,
 * any other fault as one of the check, both on the file, and the other files'
 * messages stand.
 */
export function parseGuarded<T>(parse: () => T, file: VFile): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) report(file, 'limit-exceeded', { kind: 'stack', limit: 0 }, { line: 1, column: 1 });
    else report(file, 'file-unreadable', { reason: 'internal', detail: error instanceof Error ? error.message : String(error) }, { line: 1, column: 1 });
    return undefined;
  }
}

/** The path of `filePath` relative to the issues folder `dir`, `/`-separated: `2023/035.md`. */
function toSourceFile(dir: string, filePath: string): string {
  return path.relative(dir, filePath).split(path.sep).join('/');
}

/** The bytes every PDF file starts with. */
const pdfMarker = '%PDF-';

/**
 * Gives each issue its printed original: the PDF beside its file, with its
 * name (`2023/035.pdf` for `2023/035.md`), checked to be a PDF
 * (`original-not-pdf`). A PDF named after no issue file is reported
 * (`original-unmatched`), with the name it should have when it names an
 * issue's number. Found here, not by the parser: the parse cache keys an issue
 * by its file's bytes, which say nothing of the PDF beside it. Only the first
 * bytes of each PDF are read.
 */
function withOriginals(issues: readonly Issue[], dir: string, markdown: readonly string[], pdfs: readonly VFile[]): Issue[] {
  const issueFiles = new Set(markdown.map((filePath) => toSourceFile(dir, filePath)));
  const originals = new Map<string, Original>();
  for (const pdf of pdfs) {
    const name = toSourceFile(dir, pdf.path);
    const issueFile = name.replace(/\.pdf$/i, '.md');
    if (!issueFiles.has(issueFile)) {
      report(pdf, 'original-unmatched', { name, expected: guessIssueName(name, issueFiles) }, { line: 1, column: 1 });
      continue;
    }
    let head: Buffer;
    let bytes: number;
    try {
      ({ head, bytes } = readHead(pdf.path));
    } catch (error) {
      // As for an issue file: reported on the file, and nothing else stops.
      report(pdf, 'file-unreadable', { reason: 'io', detail: (error as NodeJS.ErrnoException).code ?? String(error) }, { line: 1, column: 1 });
      continue;
    }
    if (head.subarray(0, pdfMarker.length).toString('latin1') !== pdfMarker) {
      report(pdf, 'original-not-pdf', { name, looksLike: looksLike(head) }, { line: 1, column: 1 });
      continue;
    }
    originals.set(issueFile, { file: name, bytes });
  }
  return issues.map((issue) => {
    const original = originals.get(issue.sourceFile);
    return original ? { ...issue, original } : issue;
  });
}

/** The first bytes of a file and its size. */
function readHead(filePath: string): { head: Buffer; bytes: number } {
  const descriptor = openSync(filePath, 'r');
  try {
    const head = Buffer.alloc(512);
    const read = readSync(descriptor, head, 0, head.length, 0);
    return { head: head.subarray(0, read), bytes: fstatSync(descriptor).size };
  } finally {
    closeSync(descriptor);
  }
}

/** What a file that is not a PDF seems to be, for the message. */
function looksLike(head: Buffer): 'empty' | 'docx' | 'text' | 'other' {
  if (head.length === 0) return 'empty';
  // A .docx is a zip archive.
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'docx';
  return decodeText(head).ok && !head.includes(0) ? 'text' : 'other';
}

/** `035.pdf` for `2023/上街信息第35期.pdf` when 2023/035.md exists: the name of the issue file its digits name. */
function guessIssueName(name: string, issueFiles: ReadonlySet<string>): string | undefined {
  const folder = path.posix.dirname(name);
  const numbers = path.posix.basename(name).match(/\d+/g) ?? [];
  for (const digits of [...numbers].reverse()) {
    const candidate = `${String(Number(digits)).padStart(3, '0')}.md`;
    if (issueFiles.has(folder === '.' ? candidate : `${folder}/${candidate}`)) return candidate.replace(/\.md$/, '.pdf');
  }
  return undefined;
}

/**
 * Reads the files one after another. Synchronous on purpose: measured on
 * 1,000 issue files (7 MB), readFileSync took 25–30 ms where readFile from
 * fs/promises, 32 at a time, took 160–185 ms (four thread-pool round trips
 * per file: open, stat, read, close).
 */
function readAll(paths: readonly string[]): (Buffer | Error)[] {
  return paths.map((filePath) => {
    try {
      return readFileSync(filePath);
    } catch (error) {
      return error as Error;
    }
  });
}

/**
 * Decodes an editor's file, reporting `encoding-not-utf8` (with how to re-save it)
 * when it is not UTF-8.
 */
export function readText(bytes: Uint8Array, file: VFile): string | undefined {
  const decoded = decodeText(bytes);
  if (decoded.ok) return decoded.text;
  report(file, 'encoding-not-utf8', { encoding: decoded.encoding }, { line: decoded.line, column: decoded.column });
  return undefined;
}

async function loadDepartments(file: VFile, parse: (text: string, file: VFile) => ParsedDepartments): Promise<ParsedDepartments> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file.path);
  } catch {
    report(file, 'departments-missing', { fileName: departmentsFileName }, { line: 1, column: 1 });
    return { departments: [], readable: false };
  }
  const text = readText(bytes, file);
  if (text === undefined) return { departments: [], readable: false };
  // As for an issue file: a fault is reported on the file, and the issues are still checked.
  return parseGuarded(() => parse(text, file), file) ?? { departments: [], readable: false };
}

/** What an issues folder holds, as the check reads it. */
interface IssueFolder {
  /** Every Markdown file except READMEs and anything in a hidden folder (.git …), by path. */
  issues: string[];
  /** Every PDF (the issues' printed originals), by path. */
  pdfs: string[];
  /** Symbolic links to Markdown files or to folders: never followed, so an issue is never read from outside the folder. */
  links: { path: string; target: string; folder: boolean }[];
  /** Files in a year folder that are neither Markdown nor PDF (036.txt, 035.MD), which an editor may have meant as issues. */
  ignored: string[];
  /** Folders that cannot be listed. */
  unreadable: { path: string; code: string }[];
}

/** Names that are no issue: Word's lock files, the system's folder files, notes such as README.txt. */
const systemFile = /^(?:~\$|\.|readme\b)|^(?:Thumbs\.db|desktop\.ini)$/i;

/** Lists the issues folder `dir`, one folder at a time, so that an unreadable folder is reported and the rest still listed. */
function listIssueFolder(dir: string): IssueFolder {
  const folder: IssueFolder = { issues: [], pdfs: [], links: [], ignored: [], unreadable: [] };
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error) {
      folder.unreadable.push({ path: current, code: (error as NodeJS.ErrnoException).code ?? String(error) });
      continue;
    }
    const inYearFolder = current !== dir && /^\d{4}$/.test(path.basename(current));
    for (const entry of entries) {
      const entryPath = path.join(current, entry.name);
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      if (entry.isDirectory()) pending.push(entryPath);
      else if (entry.isSymbolicLink()) {
        const isFolder = statSync(entryPath, { throwIfNoEntry: false })?.isDirectory() ?? false;
        if (isFolder || entry.name.endsWith('.md')) folder.links.push({ path: entryPath, target: readTarget(entryPath), folder: isFolder });
      } else if (entry.isFile() && entry.name.endsWith('.md')) {
        if (entry.name !== 'README.md') folder.issues.push(entryPath);
      } else if (entry.isFile() && /\.pdf$/i.test(entry.name)) folder.pdfs.push(entryPath);
      else if (entry.isFile() && inYearFolder && !systemFile.test(entry.name)) folder.ignored.push(entryPath);
    }
  }
  folder.issues.sort(compareCodeUnits);
  folder.pdfs.sort(compareCodeUnits);
  return folder;
}

function readTarget(link: string): string {
  try {
    return readlinkSync(link);
  } catch {
    return '?';
  }
}
