/**
 * From the text of a bulletin issue to its canonical issue file: masthead and
 * footer into the front matter, the body into items with their departments.
 */
import { nearest } from '../check/suggest.ts';
import type { DepartmentRegistry } from '../departments/department-registry.ts';
import { toBlocks } from './body-blocks.ts';
import { detectFooter } from './footer.ts';
import { detectMasthead } from './masthead.ts';
import { toSourceLines } from './source-lines.ts';
import { departmentPlaceholder, toItems, type Attention, type DraftItem } from './split-items.ts';
import { datePlaceholder, issuePlaceholder, toIssueMarkdown, type DraftFrontMatter } from './write-issue.ts';

/** An imported issue, ready to be written. */
export interface ImportedIssue {
  /** The issue file's text. */
  markdown: string;
  frontMatter: DraftFrontMatter;
  items: DraftItem[];
  /** The year of the issue (from its date, or the year printed with its number), if known. */
  year?: number;
  /** Source lines whose content moved into the front matter. */
  moved: number[];
  /** Fragments left out on purpose (a department heading repeating the item's attribution). */
  dropped: string[];
  /** What the editor should look at, by source line. */
  attention: Attention[];
}

/** Imports the decoded `text` of an issue; `registry` is the archive's departments.yml. */
export function importIssue(text: string, registry: DepartmentRegistry): ImportedIssue {
  const lines = toSourceLines(text);
  const masthead = detectMasthead(lines);
  const footer = detectFooter(lines, masthead.end);
  const body = toItems(toBlocks([...lines.slice(masthead.end, footer.start), ...footer.kept], registry), registry);
  const attention: Attention[] = [];

  const year = masthead.date ? Number(masthead.date.slice(0, 4)) : masthead.issueYear;
  if (masthead.date && masthead.issueYear !== undefined && masthead.issueYear !== year) {
    attention.push({ line: masthead.lines[0]?.line ?? 1, message: `The masthead prints the year ${masthead.issueYear} with the number but dates the issue ${masthead.date}: check which is right` });
  }
  if (masthead.publication === undefined) attention.push({ line: 1, message: 'No publication title found at the top: add `publication: …` (e.g. 上街信息) to the front matter' });
  if (masthead.issue === undefined) attention.push({ line: 1, message: `No issue number (第 N 期) found: replace \`issue: ${issuePlaceholder}\` with the number` });
  if (masthead.date === undefined) attention.push({ line: 1, message: `No date (2023 年 6 月 1 日) found: replace \`date: ${datePlaceholder}\` with the date, e.g. 2023-06-01` });
  if (masthead.publisher === undefined) attention.push({ line: 1, message: 'No publisher found in the masthead: add `publisher: …` (e.g. 中共上街区委办公室) to the front matter' });
  if (footer.editors.length === 0) attention.push({ line: lines.length, message: 'No 责任编辑 line found at the end: add `editors: [姓名]` to the front matter if the issue names them' });

  for (const item of body.items) {
    if (item.department === departmentPlaceholder || registry.resolve(item.department)) continue;
    const guess = nearest(item.department, registry.names);
    const same = guess ? `the nearest listed name is 「${guess}」: if it is that department, correct the text or add 「${item.department}」 to its \`aliases\`; ` : '';
    attention.push({ line: item.line, message: `The department 「${item.department}」 is not in issues/departments.yml: ${same}if it is a new department, add a line \`- name: ${item.department}\` to issues/departments.yml` });
  }

  const frontMatter: DraftFrontMatter = {
    ...(masthead.publication !== undefined ? { publication: masthead.publication } : {}),
    issue: masthead.issue ?? issuePlaceholder,
    ...(masthead.total !== undefined ? { total: masthead.total } : {}),
    ...(masthead.title !== undefined ? { title: masthead.title } : {}),
    date: masthead.date ?? datePlaceholder,
    ...(masthead.publisher !== undefined ? { publisher: masthead.publisher } : {}),
    ...(footer.distribution.length > 0 ? { distribution: footer.distribution } : {}),
    ...(footer.editors.length > 0 ? { editors: footer.editors } : {}),
  };
  return {
    markdown: toIssueMarkdown({ frontMatter, preamble: body.preamble, items: body.items }),
    frontMatter,
    items: body.items,
    ...(year !== undefined ? { year } : {}),
    moved: [...masthead.lines, ...footer.lines].map((line) => line.line),
    dropped: body.dropped,
    attention: [...attention, ...body.attention].sort((a, b) => a.line - b.line),
  };
}

/** The default place of the issue file inside the issues folder: `2023/035.md`. */
export function issueFilePath(year: number, issue: number): string {
  return `${year}/${String(issue).padStart(3, '0')}.md`;
}
