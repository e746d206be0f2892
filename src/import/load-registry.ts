/**
 * What the editor commands read of the archive: the department registry of
 * an issues folder, and the latest issue's publication.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { toRegistry, type DepartmentRegistry } from '../departments/department-registry.ts';
import { parseDepartments } from '../departments/parse-departments.ts';
import { departmentsFileName, readText } from '../load-archive.ts';
import { splitFrontMatter } from '../parse/front-matter.ts';
import { say } from '../messages/message.ts';
import { importTexts } from '../messages/texts.ts';

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
    return { registry: toRegistry([]), note: say(importTexts.noDepartments, { file: path.join(issuesDir, departmentsFileName) }) };
  }
  const text = readText(bytes, file);
  return { registry: toRegistry(text === undefined ? [] : parseDepartments(text, file)) };
}

/**
 * The publication of the archive's latest issue (the highest number of the
 * latest year), read from its front matter alone, with its file
 * (`2023/035.md`); undefined when the archive has no readable issue.
 */
export async function readLatestPublication(issuesDir: string): Promise<{ publication: string; file: string } | undefined> {
  const numbered = async (dir: string, pattern: RegExp) => (await readdir(dir).catch(() => [] as string[])).filter((name) => pattern.test(name)).sort().reverse();
  for (const year of await numbered(issuesDir, /^\d{4}$/)) {
    for (const name of await numbered(path.join(issuesDir, year), /^\d+\.md$/)) {
      const text = await readFile(path.join(issuesDir, year, name), 'utf8').catch(() => '');
      const data = splitFrontMatter(text).data as { publication?: unknown } | undefined;
      if (typeof data?.publication === 'string' && data.publication.trim() !== '') return { publication: data.publication.trim(), file: `${year}/${name}` };
    }
  }
  return undefined;
}
