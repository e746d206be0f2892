/**
 * Reads an issues folder into the bulletin model: departments.yml, every
 * issues/YYYY/NNN.md and the printed originals beside them (NNN.pdf), each
 * problem located in its file.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { checkArchive, type ParsedIssue } from './check/check-archive.ts';
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
  /** departments.yml first, then the issue files and the PDFs beside them, by path. */
  files: VFile[];
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

  const sources = await listSources(dir);
  const paths = sources.markdown.sort();
  const contents = readAll(paths);
  const files: VFile[] = [departmentsFile];
  const parsed: ParsedIssue[] = [];
  paths.forEach((filePath, index) => {
    const file = new VFile({ path: filePath });
    files.push(file);
    const sourceFile = path.relative(dir, filePath).split(path.sep).join('/');
    const result = parse(contents[index]!, file, { sourceFile, departments: registry }, readText);
    if (result) parsed.push({ ...result, file });
  });
  const pdfFiles = sources.pdfs.sort().map((filePath) => new VFile({ path: filePath }));
  const issues = withOriginals(checkArchive(parsed), dir, paths, pdfFiles);
  const bulletin = { issues, departments };
  // The PDFs among the issue files, by path: 2023/035.md, 2023/035.pdf, 2023/036.md …
  const [registryFile, ...issueFiles] = files;
  const byPath = [...issueFiles, ...pdfFiles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { bulletin, files: [registryFile!, ...byPath] };
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
  const relative = (filePath: string) => path.relative(dir, filePath).split(path.sep).join('/');
  const issueFiles = new Set(markdown.map(relative));
  const originals = new Map<string, Original>();
  for (const pdf of pdfs) {
    const name = relative(pdf.path);
    const issueFile = name.replace(/\.pdf$/i, '.md');
    if (!issueFiles.has(issueFile)) {
      report(pdf, 'original-unmatched', { name, expected: guessIssueName(name, issueFiles) }, { line: 1, column: 1 });
      continue;
    }
    const { head, bytes } = readHead(pdf.path);
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
function readAll(paths: readonly string[]): Buffer[] {
  return paths.map((filePath) => readFileSync(filePath));
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
  return text === undefined ? { departments: [], readable: false } : parse(text, file);
}

/**
 * Every Markdown file under `dir` except READMEs (the issues), and every PDF
 * (their printed originals), leaving out anything in a hidden folder (.git …).
 */
async function listSources(dir: string): Promise<{ markdown: string[]; pdfs: string[] }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const visible = entries
    .filter((entry) => entry.isFile())
    .map((entry) => ({ name: entry.name, filePath: path.join(entry.parentPath, entry.name) }))
    .filter(({ filePath }) => !path.relative(dir, filePath).split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules'));
  return {
    markdown: visible.filter(({ name }) => name.endsWith('.md') && name !== 'README.md').map(({ filePath }) => filePath),
    pdfs: visible.filter(({ name }) => /\.pdf$/i.test(name)).map(({ filePath }) => filePath),
  };
}
