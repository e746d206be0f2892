/**
 * Reads issues/departments.yml, the controlled list of reporting departments.
 */
import type { VFile } from 'vfile';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { report, reportProblem, type Place } from '../messages/report.ts';
import { nearest } from '../check/suggest.ts';
import { departmentEntrySchema, slugSchema, type Department } from '../model/schema.ts';
import { normalizeDepartmentName } from './department-registry.ts';
import { departmentSlug } from './department-slug.ts';
import { checkCharacters } from '../parse/characters.ts';
import { firstMessageLine, repairFullWidth, typedPlace, yamlOptions } from '../parse/front-matter.ts';

/** The outcome of reading departments.yml. */
export interface ParsedDepartments {
  /** The departments, in file order. */
  departments: Department[];
  /** False when the file is not a YAML list at all, so no department is known. */
  readable: boolean;
}

const entryKeys = Object.keys(departmentEntrySchema.shape);

/**
 * Parses the text of departments.yml into departments, reporting every problem
 * on `file`: malformed entries, names or aliases listed twice, slugs that collide.
 */
export function parseDepartments(text: string, file: VFile): Department[] {
  return parseDepartmentsFile(text, file).departments;
}

/**
 * Like parseDepartments, and says whether the file could be read at all. A
 * malformed entry whose name is sound still counts (its other keys as far as
 * sound), so one typo does not make every item of that department an error too;
 * the entry's own message fails the check.
 */
export function parseDepartmentsFile(typed: string, file: VFile): ParsedDepartments {
  // `- name：济源路街道` (a Chinese keyboard's colon) is reported, and read as meant.
  const repair = repairFullWidth(typed, 0, typed.length);
  for (const problem of repair.problems) reportProblem(file, problem);
  const text = repair.text;
  // A zero-width space or a Word line break in a name is as invisible here as in an issue.
  checkCharacters(typed, file);
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, ...yamlOptions });
  const toPlace = (offset: number): Place => typedPlace(repair, lineCounter, offset);
  const placeOf = (node: unknown): Place => toPlace((node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0);

  for (const error of document.errors) {
    report(file, 'departments-invalid', { problem: 'yaml', code: error.code, detail: firstMessageLine(error.message) }, toPlace(error.pos[0]));
  }
  if (document.errors.length > 0) return { departments: [], readable: false };

  const list = document.contents;
  if (list === null) return { departments: [], readable: true };
  if (!isSeq(list)) {
    report(file, 'departments-invalid', { problem: 'not-a-list' }, placeOf(list));
    return { departments: [], readable: false };
  }

  const departments: Department[] = [];
  const owners = new Map<string, string>();
  const slugs = new Map<string, string>();
  for (const node of list.items) {
    const entry = readEntry(node, file, placeOf);
    if (!entry) continue;

    const aliases: string[] = [];
    const own = new Set<string>();
    let dropped = false;
    for (const [index, name] of [entry.name, ...entry.aliases].entries()) {
      // Names are matched with spaces and bracket widths ignored, so duplicates are too.
      const key = normalizeDepartmentName(name);
      const owner = own.has(key) ? entry.name : owners.get(key);
      own.add(key);
      if (owner !== undefined) {
        report(file, 'department-duplicate', { name, owner: owner === entry.name ? undefined : owner }, placeOf(nameNode(node, index) ?? node));
        if (name === entry.name) dropped = true;
        continue;
      }
      if (name !== entry.name) aliases.push(name);
    }
    if (dropped) continue;

    const slug = entry.slug ?? departmentSlug(entry.name);
    const slugOwner = slugs.get(slug);
    if (slug === '' || slugOwner !== undefined) {
      const at = isMap(node) ? (node.get(entry.slug === undefined ? 'name' : 'slug', true) as YamlNode | undefined) : undefined;
      report(file, 'department-slug-duplicate', { name: entry.name, owner: slug === '' ? undefined : slugOwner, slug }, placeOf(at ?? node));
      continue;
    }
    for (const name of [entry.name, ...aliases]) owners.set(normalizeDepartmentName(name), entry.name);
    slugs.set(slug, entry.name);
    departments.push({ name: entry.name, slug, aliases });
  }
  return { departments, readable: true };
}

interface Entry {
  name: string;
  slug: string | undefined;
  aliases: string[];
}

/** Validates one entry, reporting each problem; returns what is sound of it when its name is. */
function readEntry(node: unknown, file: VFile, placeOf: (node: unknown) => Place): Entry | undefined {
  const value: unknown = isScalar(node) || isMap(node) || isSeq(node) ? node.toJSON() : node;
  const parsed = departmentEntrySchema.safeParse(value);
  if (parsed.success) return { name: parsed.data.name, slug: parsed.data.slug, aliases: parsed.data.aliases ?? [] };

  if (!isMap(node)) {
    report(file, 'departments-invalid', { problem: 'not-a-mapping', text: isScalar(node) && typeof node.value === 'string' ? node.value : undefined }, placeOf(node));
    return undefined;
  }
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const guess = nearest(key, entryKeys);
        report(file, 'departments-invalid', { problem: 'unknown-key', key, guess, known: entryKeys }, placeOf(keyNode(node, key) ?? node));
      }
      continue;
    }
    const [key] = issue.path;
    if (key === 'name' && !node.has('name')) {
      report(file, 'departments-invalid', { problem: 'no-name' }, placeOf(node));
    } else if (key === 'name' || key === 'slug' || key === 'aliases') {
      report(file, 'departments-invalid', { problem: 'bad-key', key }, placeOf(node.get(key, true) ?? keyNode(node, key) ?? node));
    }
  }

  const raw = value as Record<string, unknown>;
  const name = departmentEntrySchema.shape.name.safeParse(raw.name);
  if (!name.success) return undefined;
  const slug = slugSchema.safeParse(raw.slug);
  const aliases = departmentEntrySchema.shape.aliases.safeParse(raw.aliases);
  return { name: name.data, slug: slug.success ? slug.data : undefined, aliases: (aliases.success ? aliases.data : undefined) ?? [] };
}


function keyNode(node: unknown, key: string): unknown {
  if (!isMap(node)) return undefined;
  return node.items.find((pair) => isScalar(pair.key) && pair.key.value === key)?.key;
}

/** The node of an entry's name (index 0) or of its alias number `index`. */
function nameNode(node: unknown, index: number): unknown {
  if (!isMap(node)) return undefined;
  if (index === 0) return node.get('name', true);
  const aliases = node.get('aliases', true);
  return isSeq(aliases) ? aliases.items[index - 1] : undefined;
}
