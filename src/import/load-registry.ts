/**
 * The department registry of an issues folder, for the editor commands.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { toRegistry, type DepartmentRegistry } from '../departments/department-registry.ts';
import { parseDepartments } from '../departments/parse-departments.ts';
import { departmentsFileName, readText } from '../load-archive.ts';

/**
 * Reads `issuesDir`/departments.yml. A missing or unreadable file gives an empty
 * registry (every department then shows as new) and a note saying so.
 */
export async function loadRegistry(issuesDir: string): Promise<{ registry: DepartmentRegistry; note?: string }> {
  const file = new VFile({ path: path.join(issuesDir, departmentsFileName) });
  let bytes: Buffer;
  try {
    bytes = await readFile(file.path);
  } catch {
    return { registry: toRegistry([]), note: `There is no ${path.join(issuesDir, departmentsFileName)}: departments cannot be recognised; pass --issues DIR if the issues folder is elsewhere` };
  }
  const text = readText(bytes, file);
  return { registry: toRegistry(text === undefined ? [] : parseDepartments(text, file)) };
}
