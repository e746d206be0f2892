/**
 * Parses one issue file into the model, reporting every problem on its vfile.
 */
import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { Node } from 'unist';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report, reportProblem, type Place } from '../messages/report.ts';
import type { RuleId } from '../messages/rules.ts';
import { nearest } from '../check/suggest.ts';
import type { DepartmentRegistry } from '../departments/department-registry.ts';
import {
  distributionSchema,
  frontMatterFields,
  frontMatterSchema,
  isoDateForm,
  isoDateSchema,
  type FrontMatter,
  type Issue,
  type Item,
} from '../model/schema.ts';
import { datePlaceholder, departmentPlaceholder, issuePlaceholder } from '../model/placeholders.ts';
import { attribution, bracketedAttribution, lastParagraph, punctuatedAttribution } from './attribution.ts';
import { findBodySlips, type BodySlips } from './body-slips.ts';
import { briefTitle } from './brief-title.ts';
import { checkCharacters } from './characters.ts';
import { splitFrontMatter, type SplitFile } from './front-matter.ts';
import { checkItems, type SplitItem } from './item-checks.ts';
import { guardBody, limits } from './limits.ts';
import { readLooseDate } from './loose-date.ts';
import { parseMarkdown, renderHtml } from './markdown.ts';

/** What parseIssue needs besides the text. */
export interface ParseIssueOptions {
  /** Path of the file relative to the issues folder, e.g. `2023/035.md`. */
  sourceFile: string;
  departments: DepartmentRegistry;
}

/**
 * What a file says about its place in the archive, known as soon as its folder
 * and `issue` number are valid, even when the rest of the file is not: the
 * archive-wide checks (duplicate numbers, date order) need it.
 */
export interface IssueHeader {
  year: number;
  number: number;
  /** The date, when it is a real date. */
  date: string | undefined;
  sourceFile: string;
  /** Whether the file is named after its number (`035.md` for issue 35). */
  named: boolean;
  numberPlace: Place;
  datePlace: Place;
}

/** The outcome of parsing one file. */
export interface ParsedIssueFile {
  /** The issue, only when the file has no errors. */
  issue: Issue | undefined;
  header: IssueHeader | undefined;
  /** How many items the body holds as split (also when some are invalid), for the editor to compare with the paper; undefined when the body cannot be told apart. */
  found?: { articles: number; briefs: number };
}

/** The marks that open a brief. */
const briefMark = /^\s*△\s*/;
/** What a department name is made of: no spaces, digits-only or punctuation. */
const departmentLike = /^(?=.*\p{Script=Han})[\p{Script=Han}A-Za-z0-9·（）()]{2,40}$/u;
const issuePath = /^(\d{4})\/(\d+)\.md$/;
/** Keys of the mappings nested in the front matter, for did-you-mean suggestions. */
const distributionFields = Object.keys(distributionSchema.shape);

/**
 * Parses the decoded text of an issue file. Problems are reported on `file`
 * (its path names the file in messages); the issue is returned only when the
 * file has no errors, so a half-valid issue never reaches the site.
 */
export function parseIssue(text: string, file: VFile, options: ParseIssueOptions): Issue | undefined {
  return parseIssueFile(text, file, options).issue;
}

/**
 * parseIssueFile from a file's bytes, which `decode` turns into text or, when
 * it cannot, reports on the file why (then the result is undefined).
 */
export function parseIssueBytes(bytes: Uint8Array, file: VFile, options: ParseIssueOptions, decode: (bytes: Uint8Array, file: VFile) => string | undefined): ParsedIssueFile | undefined {
  const text = decode(bytes, file);
  return text === undefined ? undefined : parseIssueFile(text, file, options);
}

/** Like parseIssue, and also returns the file's header for the archive-wide checks. */
export function parseIssueFile(text: string, file: VFile, options: ParseIssueOptions): ParsedIssueFile {
  const errorsBefore = countFatal(file);
  // Three bytes a character at most: the exact size is only measured when it may matter.
  if (text.length * 3 > limits.fileKilobytes * 1024 && Buffer.byteLength(text) > limits.fileKilobytes * 1024) {
    report(file, 'limit-exceeded', { kind: 'size', limit: limits.fileKilobytes }, { line: 1, column: 1 });
    return { issue: undefined, header: undefined };
  }
  checkCharacters(text, file);
  const split = splitFrontMatter(text);
  for (const problem of split.problems) reportProblem(file, problem);
  // Full-width punctuation is reported, and read as meant: the rest is still checked.
  const readable = split.problems.every((problem) => problem.rule === 'yaml-fullwidth');

  const location = issuePath.exec(options.sourceFile);
  if (!location) {
    report(file, 'file-location', { sourceFile: options.sourceFile }, { line: 1, column: 1 });
  }
  const folderYear = location ? Number(location[1]) : undefined;

  const said = readable ? readLooseFields(split, file) : new Set<string>();
  const frontMatter = readable ? validateFrontMatter(split, file, said) : undefined;
  const header = location && readable ? toHeader(split, folderYear!, location[2]!, options.sourceFile) : undefined;
  if (frontMatter && location) checkPlacement(frontMatter, split, file, folderYear!, options.sourceFile);

  const year = folderYear ?? Number(frontMatter?.date.slice(0, 4) ?? 0);
  const parsedItems = split.body === undefined ? undefined : parseItems(split.body, split.end, file, options, year, frontMatter?.issue ?? header?.number ?? 0);
  const found = parsedItems?.found;

  if (countFatal(file) > errorsBefore || !frontMatter || !parsedItems?.complete) return { issue: undefined, header, ...(found ? { found } : {}) };
  const { items } = parsedItems;
  const issue: Issue = {
    publication: frontMatter.publication,
    year,
    number: frontMatter.issue,
    total: frontMatter.total ?? null,
    title: frontMatter.title ?? null,
    date: frontMatter.date,
    publisher: frontMatter.publisher,
    distribution: frontMatter.distribution ?? [],
    // The printed bulletin pads two-character names to the width of three (郝 婕).
    editors: (frontMatter.editors ?? []).map(compactName),
    items,
    sourceFile: options.sourceFile,
  };
  return { issue, header, ...(found ? { found } : {}) };
}

/**
 * Reads what an editor may write other than as the schema has it: a date
 * such as 2023-6-8 or 2023年6月8日 is read as the day it names (with a
 * warning that shows the canonical form), and the placeholders of import and
 * new are named as such. Returns the fields it has reported.
 */
function readLooseFields(split: SplitFile, file: VFile): Set<string> {
  const said = new Set<string>();
  const data = asRecord(split.data);
  if (data.issue === issuePlaceholder) {
    report(file, 'placeholder', { kind: 'issue', text: issuePlaceholder }, split.locate(['issue']));
    said.add('issue');
  }
  const { date } = data;
  if (date === datePlaceholder) {
    report(file, 'placeholder', { kind: 'date', text: datePlaceholder }, split.locate(['date']));
    said.add('date');
  } else if (typeof date === 'string' && !isoDateForm.test(date)) {
    const iso = readLooseDate(date);
    if (iso !== undefined && isoDateSchema.safeParse(iso).success) {
      report(file, 'date-form', { value: date, date: iso }, split.locate(['date']));
      data.date = iso;
    } else {
      report(file, 'date-invalid', { value: date, reason: iso !== undefined ? 'calendar' : 'form' }, split.locate(['date']));
      said.add('date');
    }
  }
  return said;
}

function countFatal(file: VFile): number {
  return file.messages.filter((m) => m.fatal === true).length;
}

/** Removes spaces between Chinese characters: `郝 婕` → `郝婕`. */
export function compactName(name: string): string {
  return name.replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '');
}

function toHeader(split: SplitFile, year: number, fileNumber: string, sourceFile: string): IssueHeader | undefined {
  const data = asRecord(split.data);
  const number = frontMatterSchema.shape.issue.safeParse(data.issue);
  if (!number.success) return undefined;
  const date = isoDateSchema.safeParse(data.date);
  return {
    year,
    number: number.data,
    date: date.success ? date.data : undefined,
    sourceFile,
    named: fileNumber === String(number.data).padStart(3, '0'),
    numberPlace: split.locate(['issue']),
    datePlace: split.locate(['date']),
  };
}

function validateFrontMatter(split: SplitFile, file: VFile, reported: ReadonlySet<string>): FrontMatter | undefined {
  const parsed = frontMatterSchema.safeParse(split.data);
  if (parsed.success) return parsed.data;
  const data = asRecord(split.data);
  // zod may report one field twice (e.g. form and calendar of a date): say it once.
  const said = new Set<string>();
  const once = (rule: RuleId, path: readonly PropertyKey[], say: () => void) => {
    const key = `${rule} ${path.join('.')}`;
    if (said.has(key)) return;
    said.add(key);
    say();
  };

  // A misspelt key (pubisher) already says what is missing (publisher): say it once.
  const misspelt = new Set<string>();
  for (const issue of parsed.error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
    const known = path.length === 0 ? frontMatterFields : path[0] === 'distribution' ? distributionFields : [];
    for (const key of issue.keys) {
      const guess = nearest(key, known);
      if (guess) misspelt.add([...path, guess].join('.'));
      once('field-unknown', [...path, key], () => report(file, 'field-unknown', { path: [...path, key], guess, known: [...known] }, split.locate([...path, key], true)));
    }
  }

  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
    const [field] = path;
    const value = path.length === 0 ? split.data : valueAt(data, path);
    const place = split.locate(path);
    const parent = valueAt(data, path.slice(0, -1));
    const absent = typeof path.at(-1) === 'string' && typeof parent === 'object' && parent !== null && !(String(path.at(-1)) in parent);
    if (absent && misspelt.has(path.join('.'))) continue;
    if (typeof field === 'string' && reported.has(field)) continue;
    if (path.length === 0) {
      once('field-type', path, () => report(file, 'field-type', { path, value }, { line: 2, column: 1 }));
    } else if (absent) {
      once('field-missing', path, () => report(file, 'field-missing', { path }, path.length === 1 ? split.end : split.locate(path.slice(0, -1))));
    } else if (field === 'issue') {
      once('issue-number-invalid', path, () => report(file, 'issue-number-invalid', { value }, place));
    } else if (field === 'date') {
      const reason = typeof value === 'string' && isoDateForm.test(value) ? 'calendar' : 'form';
      once('date-invalid', path, () => report(file, 'date-invalid', { value, reason }, place));
    } else {
      once('field-type', path, () => report(file, 'field-type', { path, value }, place));
    }
  }
  return undefined;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const part of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

function checkPlacement(frontMatter: FrontMatter, split: SplitFile, file: VFile, folderYear: number, sourceFile: string): void {
  const dateYear = Number(frontMatter.date.slice(0, 4));
  if (dateYear !== folderYear) {
    report(file, 'date-year-mismatch', { date: frontMatter.date, folderYear }, split.locate(['date']));
  }
  const expected = `${String(frontMatter.issue).padStart(3, '0')}.md`;
  const name = sourceFile.split('/').pop();
  if (name !== expected) {
    report(file, 'file-name-mismatch', { name: name ?? sourceFile, number: frontMatter.issue, expected }, split.locate(['issue']));
  }
}

/** An item as split, with the section it stands in. */
interface DraftItem extends SplitItem {
  section: string | null;
}

/**
 * Parses the body into items. `complete` is false when an item could not be
 * made, even where no message says so (an unreadable departments.yml).
 */
function parseItems(
  typedBody: string,
  end: Place,
  file: VFile,
  options: ParseIssueOptions,
  year: number,
  number: number,
): { items: Item[]; complete: boolean; found: { articles: number; briefs: number } } {
  const { body, lines } = guardBody(typedBody, file);
  const tree = parseMarkdown(body);
  const slips = findBodySlips(tree, lines, file);
  const drafts: DraftItem[] = [];
  let section: string | null = null;
  // A `# ` heading without the bracketed section form (# 济源路街道…), until the next item.
  let unbracketedHeading: RootContent | undefined;
  let current: DraftItem | undefined;
  let outsideExplained = false;

  // One message per paragraph: <b>…</b> is one problem, not two.
  const seen = new Set<unknown>();
  visit(tree, 'html', (node, _index, parent) => {
    if (parent && parent.type !== 'root' && seen.has(parent)) return;
    seen.add(parent);
    report(file, 'html-raw', undefined, startOf(node));
  });

  for (const node of tree.children) {
    const place = startOf(node);
    if (node.type === 'heading' && node.depth === 1) {
      // # 【创文动态】 names a section; the brackets are how the bulletin prints it.
      const heading = toString(node).trim();
      section = heading.replace(/^[【[]\s*(.*?)\s*[】\]]$/, '$1') || null;
      unbracketedHeading = /^[【[]/.test(heading) ? undefined : node;
      current = undefined;
    } else if (node.type === 'heading' && node.depth === 2) {
      const headline = toString(node).trim();
      if (!headline) report(file, 'item-headline-empty', undefined, place);
      current = { kind: 'article', section, headline, children: [], place, opener: node };
      drafts.push(current);
      unbracketedHeading = undefined;
      outsideExplained = false;
    } else if (node.type === 'paragraph' && briefMark.test(toString(node))) {
      current = { kind: 'brief', section, headline: undefined, children: [node], place, opener: node };
      drafts.push(current);
      unbracketedHeading = undefined;
      outsideExplained = false;
    } else if (node.type === 'thematicBreak' || node.type === 'html') {
      // Rules only separate; raw HTML was reported above.
    } else if (current) {
      current.children.push(node);
    } else if (unbracketedHeading) {
      // # 济源路街道…: a headline written with one # names a section, and its text falls outside.
      if (!slips.explained.has(unbracketedHeading)) report(file, 'section-as-article', undefined, startOf(unbracketedHeading));
      slips.explained.add(unbracketedHeading);
    } else if (slips.explained.has(node)) {
      // Its own slip is reported; the text after it, until the next item, follows from it.
      outsideExplained = true;
    } else if (!outsideExplained) {
      report(file, 'item-outside', undefined, place);
    }
  }

  checkItems(drafts, body, lines, file, (name) => (name.trim() === departmentPlaceholder ? departmentPlaceholder : options.departments.resolve(name)?.name), slips);

  const items: Item[] = [];
  for (const draft of drafts) {
    const item = toItem(draft, file, options, year, number, items.length + 1, slips);
    if (item) items.push(item);
  }
  if (drafts.length === 0) {
    const place = body.trim() === '' ? end : { line: lastLine(body), column: 1 };
    report(file, 'issue-empty', undefined, place);
  }
  const articles = drafts.filter((draft) => draft.kind === 'article').length;
  return { items, complete: items.length === drafts.length && drafts.length > 0, found: { articles, briefs: drafts.length - articles } };
}

function toItem(draft: DraftItem, file: VFile, options: ParseIssueOptions, year: number, number: number, position: number, slips: BodySlips): Item | undefined {
  const last = draft.children.at(-1);
  if (!last) {
    if (!slips.explained.has(draft.opener)) report(file, 'item-body-empty', { departmentOnly: false }, draft.place);
    return undefined;
  }
  const department = takeDepartment(last, file, options.departments, slips);
  if (department === undefined) return undefined;
  if (draft.kind === 'brief') removeBriefMark(draft.children[0] as Paragraph);
  const children = draft.children.filter((node) => !(node.type === 'paragraph' && node.children.length === 0));
  for (const child of children) joinWrappedLines(child);
  const text = children.map((node) => toPlainText(node).trim()).filter(Boolean).join('\n\n');
  if (!text) {
    report(file, 'item-body-empty', { departmentOnly: true }, draft.place);
    return undefined;
  }
  return {
    id: `${year}-${String(number).padStart(3, '0')}-${String(position).padStart(2, '0')}`,
    position,
    kind: draft.kind,
    section: draft.section,
    headline: draft.headline || briefTitle(text),
    department,
    html: renderHtml(children),
    text,
    source: { file: options.sourceFile, ...draft.place },
  };
}

/** Chinese characters and full-width punctuation, between which a line end is no space. */
const wide = '[\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFFEF“”‘’…—]';
const wrappedLine = new RegExp(`(?<=${wide})[ \\t]*\\n[ \\t]*(?=${wide})`, 'gu');

/**
 * Joins lines an editor wrapped inside a Chinese sentence: a browser would show
 * the line end as a space (一是……。 二是……), which Chinese text never has.
 */
function joinWrappedLines(node: RootContent): void {
  visit(node, 'text', (text) => {
    text.value = text.value.replace(wrappedLine, '');
  });
}

/** Plain text of a block: list items and quoted paragraphs each on a line of their own. */
function toPlainText(node: RootContent): string {
  if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') {
    return node.children.map((child) => toPlainText(child).trim()).filter(Boolean).join('\n');
  }
  return toString(node);
}

/** Takes the （department） off the end of the item's last paragraph and resolves it. */
function takeDepartment(last: RootContent, file: VFile, departments: DepartmentRegistry, slips: BodySlips): string | undefined {
  const paragraph = lastParagraph(last);
  const tail = paragraph?.children.at(-1);
  const match = tail?.type === 'text' ? attribution.exec(tail.value) : null;
  const trailing = tail?.type === 'text' && !match ? punctuatedAttribution.exec(tail.value) : null;
  if (tail?.type === 'text' && trailing && departments.resolve(trailing[1]!)) {
    const place = endOf(tail);
    place.column -= tail.value.trimEnd().length - tail.value.lastIndexOf(trailing[2]!);
    report(file, 'item-department-missing', { trailing: { department: trailing[1]!, text: trailing[2]! } }, place);
    return undefined;
  }
  if (!paragraph || tail?.type !== 'text' || !match) {
    // A code block's message already says why no department is read from it.
    if (slips.explained.has(last)) return undefined;
    const bracketed = tail?.type === 'text' ? bracketedAttribution.exec(tail.value) : null;
    const known = bracketed ? departments.resolve(bracketed[2]!) : undefined;
    if (tail?.type === 'text' && bracketed && known) {
      const place = endOf(tail);
      place.column = Math.max(1, place.column - bracketed[0].trimEnd().length);
      report(file, 'item-department-missing', { bracketed: { department: bracketed[2]!, typed: `${bracketed[1]}${bracketed[3]}` } }, place);
    } else {
      report(file, 'item-department-missing', {}, endOf(last));
    }
    return undefined;
  }
  const name = match[1]!;
  const place = endOf(tail);
  place.column = Math.max(1, place.column - match[0].trimEnd().length);
  if (name === departmentPlaceholder) {
    report(file, 'placeholder', { kind: 'department', text: departmentPlaceholder }, place);
    return undefined;
  }
  const department = departments.resolve(name);
  // departments.yml could not be read: its own message says so, once.
  if (!department && departments.unreadable) return undefined;
  if (!department) {
    const guess = nearest(name, departments.names);
    if (guess || departmentLike.test(name)) report(file, 'department-unknown', { name, guess }, place);
    else report(file, 'item-department-missing', { notADepartment: name }, place);
    return undefined;
  }
  tail.value = tail.value.slice(0, match.index).trimEnd();
  if (tail.value === '') paragraph.children.pop();
  trimTrailingBreaks(paragraph.children);
  return department.name;
}

function removeBriefMark(paragraph: Paragraph): void {
  const head = paragraph.children[0];
  if (head?.type === 'text') head.value = head.value.replace(briefMark, '');
}

function trimTrailingBreaks(children: PhrasingContent[]): void {
  while (children.at(-1)?.type === 'break') children.pop();
  const tail = children.at(-1);
  if (tail?.type === 'text') tail.value = tail.value.trimEnd();
}

function startOf(node: Node): Place {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

function endOf(node: Node): Place {
  return { line: node.position?.end.line ?? 1, column: node.position?.end.column ?? 1 };
}

function lastLine(text: string): number {
  return Math.max(1, text.trimEnd().split('\n').length);
}
