/**
 * Reads issues/departments.yml, the controlled list of reporting departments.
 */
import type { VFile } from 'vfile';
import { isSeq, LineCounter, parseDocument } from 'yaml';
import { report, type Place } from '../check/report.ts';
import { departmentEntrySchema, type Department } from '../model/schema.ts';
import { departmentSlug } from './department-slug.ts';

/**
 * Parses the text of departments.yml into departments, reporting every problem
 * on `file`: malformed entries, names or aliases listed twice, slugs that collide.
 * Entries with problems are left out; the rest are returned in file order.
 */
export function parseDepartments(text: string, file: VFile): Department[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, schema: 'core', prettyErrors: false });
  const toPlace = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  for (const error of document.errors) {
    report(file, 'departments-invalid', `departments.yml is not valid YAML (${error.message.split('\n')[0]}): check indentation and the \`- name: …\` form`, toPlace(error.pos[0]));
  }
  if (document.errors.length > 0) return [];

  const list = document.contents;
  if (list === null) return [];
  if (!isSeq(list)) {
    report(file, 'departments-invalid', 'departments.yml must be a list of entries, each starting with `- name: …`', { line: 1, column: 1 });
    return [];
  }

  const entries = list.toJSON() as unknown[];
  const departments: Department[] = [];
  const owners = new Map<string, string>();
  const slugs = new Map<string, string>();
  list.items.forEach((node, index) => {
    const place = toPlace((node as { range?: [number, number, number] }).range?.[0] ?? 0);
    const parsed = departmentEntrySchema.safeParse(entries[index]);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'entry'}: ${issue.message}`).join('; ');
      report(file, 'departments-invalid', `This entry is malformed (${detail}): write it as \`- name: 部门名称\` with optional \`slug: ascii-words\` and \`aliases: [别名]\``, place);
      return;
    }
    const entry = parsed.data;
    const names = [entry.name, ...(entry.aliases ?? [])];
    for (const name of names) {
      const owner = owners.get(name);
      if (owner !== undefined) {
        report(file, 'department-duplicate', `「${name}」 is listed twice (already for 「${owner}」): keep it under one department only`, place);
        return;
      }
    }
    const slug = entry.slug ?? departmentSlug(entry.name);
    const slugOwner = slugs.get(slug);
    if (slug === '' || slugOwner !== undefined) {
      const why = slug === '' ? 'its name gives no ASCII slug' : `「${slugOwner}」 already has the slug \`${slug}\``;
      report(file, 'department-slug-duplicate', `「${entry.name}」 cannot get a URL of its own: ${why}; give one of them its own \`slug:\` (lower-case ASCII words joined by hyphens)`, place);
      return;
    }
    for (const name of names) owners.set(name, entry.name);
    slugs.set(slug, entry.name);
    departments.push({ name: entry.name, slug, aliases: entry.aliases ?? [] });
  });
  return departments;
}
