/**
 * Reads an issues folder into the bulletin model: departments.yml and every
 * issues/YYYY/NNN.md, each problem located in its file.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { checkArchive, type ParsedIssue } from './check/check-archive.ts';
import { report } from './check/report.ts';
import { toRegistry } from './departments/department-registry.ts';
import { parseDepartments } from './departments/parse-departments.ts';
import type { Bulletin, Department } from './model/schema.ts';
import { decodeText } from './parse/decode-text.ts';
import { parseIssue } from './parse/parse-issue.ts';

/** The name of the department registry inside the issues folder. */
export const departmentsFileName = 'departments.yml';

/** A loaded archive: the valid part as a bulletin, and every file with its messages. */
export interface LoadedArchive {
  bulletin: Bulletin;
  /** departments.yml first, then the issue files by path. */
  files: VFile[];
}

/** Loads and checks every file of the issues folder `dir`. */
export async function loadArchive(dir: string): Promise<LoadedArchive> {
  const departmentsFile = new VFile({ path: path.join(dir, departmentsFileName) });
  const departments = await loadDepartments(departmentsFile);
  const registry = toRegistry(departments);

  const paths = (await listMarkdown(dir)).sort();
  const files: VFile[] = [departmentsFile];
  const parsed: ParsedIssue[] = [];
  for (const filePath of paths) {
    const file = new VFile({ path: filePath });
    files.push(file);
    const text = readText(await readFile(filePath), file);
    if (text === undefined) continue;
    const sourceFile = path.relative(dir, filePath).split(path.sep).join('/');
    const issue = parseIssue(text, file, { sourceFile, departments: registry });
    if (issue) parsed.push({ issue, file });
  }
  return { bulletin: { issues: checkArchive(parsed), departments }, files };
}

/**
 * Decodes an editor's file, reporting `encoding-not-utf8` (with how to re-save it)
 * when it is not UTF-8.
 */
export function readText(bytes: Uint8Array, file: VFile): string | undefined {
  const decoded = decodeText(bytes);
  if (decoded.ok) return decoded.text;
  const how =
    decoded.encoding === 'gbk'
      ? 'it looks like GBK (GB2312), as saved by older Chinese Windows editors: re-save it as UTF-8 (记事本: 另存为 → 编码 UTF-8; VS Code: 通过编码保存 → UTF-8), or run `iconv -f GBK -t UTF-8`'
      : decoded.encoding === 'binary'
        ? 'it looks like a binary file, not text: save the issue as plain text (.md) in UTF-8'
        : 're-save it as UTF-8 text';
  report(file, 'encoding-not-utf8', `The file is not UTF-8 text: ${how}`, { line: decoded.line, column: decoded.column });
  return undefined;
}

async function loadDepartments(file: VFile): Promise<Department[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file.path);
  } catch {
    report(file, 'departments-missing', `There is no ${departmentsFileName} in the issues folder: create it with one \`- name: 部门名称\` line per reporting department`, { line: 1, column: 1 });
    return [];
  }
  const text = readText(bytes, file);
  return text === undefined ? [] : parseDepartments(text, file);
}

async function listMarkdown(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && entry.name !== 'README.md')
    .map((entry) => path.join(entry.parentPath, entry.name));
}
