/**
 * Parses one issue file into the model, reporting every problem on its vfile.
 */
import type { Paragraph, PhrasingContent, RootContent, Text } from 'mdast';
import type { Node } from 'unist';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report, type Place } from '../check/report.ts';
import { nearest } from '../check/suggest.ts';
import type { DepartmentRegistry } from '../departments/department-registry.ts';
import { frontMatterFields, frontMatterSchema, type FrontMatter, type Issue, type Item } from '../model/schema.ts';
import { briefTitle } from './brief-title.ts';
import { splitFrontMatter, type SplitFile } from './front-matter.ts';
import { parseMarkdown, renderHtml } from './markdown.ts';

/** What parseIssue needs besides the text. */
export interface ParseIssueOptions {
  /** Path of the file relative to the issues folder, e.g. `2023/035.md`. */
  sourceFile: string;
  departments: DepartmentRegistry;
}

/** The marks that open a brief. */
const briefMark = /^\s*△\s*/;
/** A department attribution closing an item: （济源路街道） or (济源路街道). */
const attribution = /[（(]\s*([^（）()]+?)\s*[）)]\s*$/;
const issuePath = /^(\d{4})\/(\d+)\.md$/;

/**
 * Parses the decoded text of an issue file. Problems are reported on `file`
 * (its path names the file in messages); the issue is returned only when the
 * file has no errors, so a half-valid issue never reaches the site.
 */
export function parseIssue(text: string, file: VFile, options: ParseIssueOptions): Issue | undefined {
  const errorsBefore = file.messages.filter((m) => m.fatal).length;
  const split = splitFrontMatter(text);
  for (const problem of split.problems) {
    const rule = problem.kind === 'missing' ? 'front-matter-missing' : problem.kind === 'language' ? 'front-matter-language' : 'yaml-invalid';
    report(file, rule, problem.reason, problem.place);
  }

  const location = issuePath.exec(options.sourceFile);
  if (!location) {
    report(file, 'file-location', `Issue files live at issues/YYYY/NNN.md (year folder, three-digit number): move \`${options.sourceFile}\` there, e.g. issues/2023/035.md`, { line: 1, column: 1 });
  }
  const folderYear = location ? Number(location[1]) : undefined;

  const frontMatter = split.problems.length === 0 ? validateFrontMatter(split, file) : undefined;
  if (frontMatter && location) checkPlacement(frontMatter, split, file, folderYear!, location[2]!, options.sourceFile);

  const year = folderYear ?? Number(frontMatter?.date.slice(0, 4));
  const items = parseItems(split.body, file, options, year, frontMatter?.issue ?? 0);

  if (file.messages.filter((m) => m.fatal).length > errorsBefore || !frontMatter) return undefined;
  return {
    publication: frontMatter.publication,
    year,
    number: frontMatter.issue,
    total: frontMatter.total ?? null,
    title: frontMatter.title ?? null,
    date: frontMatter.date,
    publisher: frontMatter.publisher,
    distribution: frontMatter.distribution ?? [],
    editors: frontMatter.editors ?? [],
    items,
    sourceFile: options.sourceFile,
  };
}

function validateFrontMatter(split: SplitFile, file: VFile): FrontMatter | undefined {
  const parsed = frontMatterSchema.safeParse(split.data);
  if (parsed.success) return parsed.data;
  const data = (typeof split.data === 'object' && split.data !== null ? split.data : {}) as Record<string, unknown>;
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const guess = nearest(key, frontMatterFields);
        const hint = guess ? `did you mean \`${guess}\`?` : `the fields are ${frontMatterFields.join(', ')}`;
        report(file, 'field-unknown', `Unknown front-matter field \`${key}\`: ${hint}`, split.locate([...(issue.path as (string | number)[]), key], true));
      }
      continue;
    }
    const [field, ...rest] = issue.path as (string | number)[];
    const place = split.locate(issue.path as (string | number)[]);
    if (typeof field === 'string' && rest.length === 0 && data[field] === undefined) {
      report(file, 'field-missing', `The front matter has no \`${field}\`: add a line \`${field}: ${fieldExample[field as keyof FrontMatter] ?? '…'}\``, { line: 2, column: 1 });
    } else if (field === 'issue') {
      report(file, 'issue-number-invalid', `\`issue\` must be the issue number as a positive whole number, e.g. \`issue: 35\`, not \`${String(data.issue)}\``, place);
    } else if (field === 'date') {
      report(file, 'date-invalid', `\`date\` must be a real date written YYYY-MM-DD, e.g. \`date: 2023-06-01\`, not \`${String(data.date)}\``, place);
    } else {
      const where = issue.path.join('.');
      report(file, 'field-type', `\`${where}\` is not right (${issue.message}): write it as \`${field}: ${fieldExample[field as keyof FrontMatter] ?? '…'}\``, place);
    }
  }
  return undefined;
}

const fieldExample: Record<keyof FrontMatter, string> = {
  publication: '上街信息',
  issue: '35',
  total: '520',
  title: '创文专刊',
  date: '2023-06-01',
  publisher: '中共上街区委办公室',
  distribution: '[{ label: 本期送, to: [区县处级领导] }]',
  editors: '[郝婕, 柴亚文]',
};

function checkPlacement(frontMatter: FrontMatter, split: SplitFile, file: VFile, folderYear: number, fileNumber: string, sourceFile: string): void {
  const dateYear = Number(frontMatter.date.slice(0, 4));
  if (dateYear !== folderYear) {
    report(file, 'date-year-mismatch', `The date ${frontMatter.date} is not in ${folderYear}, the year of the folder: correct the date or move the file to issues/${dateYear}/`, split.locate(['date']));
  }
  const expected = `${String(frontMatter.issue).padStart(3, '0')}.md`;
  if (Number(fileNumber) !== frontMatter.issue || `${fileNumber}.md` !== expected) {
    report(file, 'file-name-mismatch', `The file is named ${sourceFile.split('/').pop()} but holds issue ${frontMatter.issue}: rename it to ${expected} or correct \`issue\``, split.locate(['issue']));
  }
}

interface DraftItem {
  kind: Item['kind'];
  section: string | null;
  headline: string | undefined;
  children: RootContent[];
  place: Place;
}

function parseItems(body: string, file: VFile, options: ParseIssueOptions, year: number, number: number): Item[] {
  const tree = parseMarkdown(body);
  const drafts: DraftItem[] = [];
  let section: string | null = null;
  let current: DraftItem | undefined;

  visit(tree, 'html', (node) => {
    report(file, 'html-raw', 'Raw HTML is not allowed in an issue: the site removes it for safety, so it would not be shown; write it as Markdown text or delete it', startOf(node));
  });

  for (const node of tree.children) {
    const place = startOf(node);
    if (node.type === 'heading' && node.depth === 1) {
      section = toString(node).trim().replace(/^【\s*(.*?)\s*】$/, '$1') || null;
      current = undefined;
    } else if (node.type === 'heading' && node.depth === 2) {
      const headline = toString(node).trim();
      if (!headline) report(file, 'item-headline-empty', 'This headline is empty: write the article title after `## `', place);
      current = { kind: 'article', section, headline, children: [], place };
      drafts.push(current);
    } else if (node.type === 'paragraph' && briefMark.test(toString(node))) {
      current = { kind: 'brief', section, headline: undefined, children: [node], place };
      drafts.push(current);
    } else if (node.type === 'thematicBreak' || node.type === 'html') {
      // Rules only separate; raw HTML was reported above.
    } else if (current) {
      current.children.push(node);
    } else {
      report(file, 'item-outside', 'This text stands before the first item: start an article with `## 标题` or a brief with `△`', place);
    }
  }

  const items: Item[] = [];
  for (const draft of drafts) {
    const item = toItem(draft, file, options, year, number, items.length + 1);
    if (item) items.push(item);
  }
  if (drafts.length === 0) {
    report(file, 'issue-empty', 'The issue has no items: add at least one article (`## 标题` and its text) or brief (`△ …`), each ending with its department in parentheses', { line: lastLine(body), column: 1 });
  }
  return items;
}

function toItem(draft: DraftItem, file: VFile, options: ParseIssueOptions, year: number, number: number, position: number): Item | undefined {
  const last = draft.children.at(-1);
  if (!last) {
    report(file, 'item-body-empty', 'This article has no text: write its paragraphs under the headline, ending with the department, e.g. （济源路街道）', draft.place);
    return undefined;
  }
  const department = takeDepartment(last, file, options.departments);
  if (department === undefined) return undefined;
  if (draft.kind === 'brief') removeBriefMark(draft.children[0] as Paragraph);
  const children = draft.children.filter((node) => !(node.type === 'paragraph' && node.children.length === 0));
  const text = children.map((node) => toString(node).trim()).filter(Boolean).join('\n\n');
  if (!text) {
    report(file, 'item-body-empty', 'This item has only a department: write its text before the parentheses', draft.place);
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

/** Takes the （department） off the end of the item's last paragraph and resolves it. */
function takeDepartment(last: RootContent, file: VFile, departments: DepartmentRegistry): string | undefined {
  const tail = last.type === 'paragraph' ? last.children.at(-1) : undefined;
  const match = tail?.type === 'text' ? attribution.exec(tail.value) : null;
  if (!tail || tail.type !== 'text' || !match) {
    report(file, 'item-department-missing', 'This item does not end with its department: add it in parentheses at the end of the last paragraph, e.g. （济源路街道）', endOf(last));
    return undefined;
  }
  const name = match[1]!;
  const department = departments.resolve(name);
  const place = endOf(tail);
  place.column = Math.max(1, place.column - [...match[0].trimEnd()].length);
  if (!department) {
    const guess = nearest(name, departments.names);
    const hint = guess ? `did you mean 「${guess}」? If it is new, add` : 'if it is new, add';
    report(file, 'department-unknown', `The department 「${name}」 is not in issues/departments.yml: ${hint} \`- name: ${name}\` there`, place);
    return undefined;
  }
  tail.value = tail.value.slice(0, match.index).trimEnd();
  const paragraph = last as Paragraph;
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
  if (tail?.type === 'text') (tail as Text).value = tail.value.trimEnd();
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
