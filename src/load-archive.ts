/**
 * Reads an issues folder into the bulletin model: departments.yml and every
 * issues/YYYY/NNN.md, each problem located in its file.
 */
import { readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { checkArchive, type ParsedIssue } from './check/check-archive.ts';
import { report } from './messages/report.ts';
import { toRegistry } from './departments/department-registry.ts';
import { parseDepartmentsFile, type ParsedDepartments } from './departments/parse-departments.ts';
import type { Bulletin } from './model/schema.ts';
import { decodeText } from './parse/decode-text.ts';
import { openParseCache, type ParseCache } from './parse-cache.ts';
import { parseIssueBytes } from './parse/parse-issue.ts';

/** The name of the department registry inside the issues folder. */
export const departmentsFileName = 'departments.yml';

/** A loaded archive: the valid part as a bulletin, and every file with its messages. */
export interface LoadedArchive {
  bulletin: Bulletin;
  /** departments.yml first, then the issue files by path. */
  files: VFile[];
}

/** How to load an archive. */
export interface LoadArchiveOptions {
  /**
   * A parse cache (src/parse-cache.ts) to parse through: files parsed before, with
   * the same bytes, parser and registry, are not parsed again (nor even decoded).
   * A long-lived process (npm start's build process) keeps one across builds.
   */
  parseCache?: ParseCache;
  /** A folder for a parse cache opened for this load, when `parseCache` is not given. */
  cacheDir?: string;
}

/** Loads and checks every file of the issues folder `dir`. */
export async function loadArchive(dir: string, options: LoadArchiveOptions = {}): Promise<LoadedArchive> {
  const cache = options.parseCache ?? (options.cacheDir !== undefined ? openParseCache(options.cacheDir) : undefined);
  const parse = cache ? cache.parseIssueBytes : parseIssueBytes;
  const departmentsFile = new VFile({ path: path.join(dir, departmentsFileName) });
  const { departments, readable } = await loadDepartments(departmentsFile, cache?.parseDepartmentsFile ?? parseDepartmentsFile);
  const registry = toRegistry(departments, !readable);

  const paths = (await listMarkdown(dir)).sort();
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
  const bulletin = { issues: checkArchive(parsed), departments };
  if (!options.parseCache) await cache?.flush();
  return { bulletin, files };
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

/** Every Markdown file under `dir` except READMEs and anything in a hidden folder (.git …). */
async function listMarkdown(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && entry.name !== 'README.md')
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((filePath) => !path.relative(dir, filePath).split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules'));
}
