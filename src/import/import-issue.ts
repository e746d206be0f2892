/**
 * From the text of a bulletin issue to its canonical issue file: masthead and
 * footer into the front matter, the page's layout (page numbers, running
 * heads, rules) left out and reported, the body into items with their
 * departments.
 */
import { distance } from 'fastest-levenshtein';
import type { DepartmentRegistry } from '../departments/department-registry.ts';
import { departmentSlug } from '../departments/department-slug.ts';
import { datePlaceholder, departmentPlaceholder, issuePlaceholder } from '../model/placeholders.ts';
import { toBlocks } from './body-blocks.ts';
import type { Finding } from './findings.ts';
import { detectFooter } from './footer.ts';
import { findFurniture, findRunningHeads, type RemovedLine } from './layout-noise.ts';
import { detectMasthead } from './masthead.ts';
import { toSourceLines } from './source-lines.ts';
import { toItems, type DraftItem, type Dropped } from './split-items.ts';
import { toIssueMarkdown, type DraftFrontMatter } from './write-issue.ts';

/** The archive the issue is imported into, as far as the import compares with it. */
export interface ArchiveContext {
  /** The latest issue's publication and its file (`2023/035.md`), if the archive has an issue. */
  latest?: { publication: string; file: string };
}

/** A department the registry does not list, ready to be added to departments.yml. */
export interface NewDepartment {
  name: string;
  /** Its slug: the pinyin of its name (what the site would make of it), numbered when another department has it. */
  slug: string;
  /** The nearest listed names, nearest first (at most three). */
  guesses: string[];
  /** The source line of its first item. */
  line: number;
}

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
  /** Source lines left out as layout (page numbers, running heads, rules, markings, print run): reported. */
  removed: RemovedLine[];
  /** Fragments of body lines left out on purpose (a department line repeating the item's own, 来源：). */
  dropped: Dropped[];
  /** What the editor must know, by source line. */
  findings: Finding[];
  /** Departments not in departments.yml, in order of first appearance. */
  newDepartments: NewDepartment[];
}

/** Imports the decoded `text` of an issue; `registry` is the archive's departments.yml. */
export function importIssue(text: string, registry: DepartmentRegistry, archive: ArchiveContext = {}): ImportedIssue {
  const lines = toSourceLines(text);
  const furniture = findFurniture(lines);
  const masthead = detectMasthead(lines, registry);
  const heads = findRunningHeads(lines, masthead.end, furniture, masthead);
  const footer = detectFooter(lines, masthead.end, new Set([...furniture, ...heads].map((removed) => removed.line)));
  const removed = [...furniture, ...masthead.removed, ...heads, ...footer.removed].sort((a, b) => a.line - b.line);
  const removedLines = new Set(removed.map((line) => line.line));
  const bodyLines = lines.slice(masthead.end, footer.start).filter((line) => !removedLines.has(line.line));
  const body = toItems(toBlocks(bodyLines, registry), registry);

  const findings: Finding[] = [];
  const top = masthead.lines[0]?.line ?? 1;
  const year = masthead.date ? Number(masthead.date.slice(0, 4)) : masthead.issueYear;
  if (masthead.date && masthead.issueYear !== undefined && masthead.issueYear !== year) {
    findings.push({ line: top, ruleId: 'import-year-mismatch', args: { year: masthead.issueYear, date: masthead.date } });
  }
  for (const field of ['publication', 'issue', 'date', 'publisher'] as const) {
    if (masthead[field] !== undefined) continue;
    const known = field === 'publication' ? archive.latest?.publication : undefined;
    findings.push({ line: top, ruleId: 'import-masthead-missing', args: { field, ...(known !== undefined ? { archive: known } : {}) } });
  }
  if (masthead.publication !== undefined && archive.latest && archive.latest.publication !== masthead.publication) {
    findings.push({ line: top, ruleId: 'import-publication-differs', args: { printed: masthead.publication, archive: archive.latest.publication, file: archive.latest.file } });
  }
  if (footer.editors.length === 0) findings.push({ line: lines.length, ruleId: 'import-editors-missing', args: undefined });

  const newDepartments: NewDepartment[] = [];
  // A slug already taken (区统计局's qutongjiju by 區統計局) gets a number, so the block pastes as it stands.
  const slugs = new Set(registry.departments.map((listed) => listed.slug));
  const listedNames = registry.departments.map((listed) => listed.name);
  for (const item of body.items) {
    const name = item.department;
    if (name === departmentPlaceholder || registry.resolve(name) || newDepartments.some((known) => known.name === name)) continue;
    const base = departmentSlug(name);
    let slug = base;
    for (let n = 2; base !== '' && slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
    const department = { name, slug, guesses: nearestNames(name, listedNames), line: item.line };
    newDepartments.push(department);
    findings.push({ line: item.line, ruleId: 'import-department-new', args: { name, guesses: department.guesses } });
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
    moved: [...masthead.lines, ...footer.lines].map((line) => line.line).sort((a, b) => a - b),
    removed,
    dropped: body.dropped,
    findings: [...findings, ...body.findings].sort((a, b) => a.line - b.line),
    newDepartments,
  };
}

/**
 * The listed names nearest to `name`, nearest first: at most three, each
 * differing in at most half of the longer name's characters, and in at most
 * half of what is left without the parts every office's name has (区…局,
 * …街道): 区市场监管局 suggests 区市场监督管理局, but 区科技局 not 区督查局.
 */
function nearestNames(name: string, listed: readonly string[]): string[] {
  const half = (a: string, b: string) => Math.max(1, Math.floor(Math.max([...a].length, [...b].length) / 2));
  const own = core(name);
  return listed
    .map((candidate) => ({ candidate, d: distance(name, candidate), c: distance(own, core(candidate)) }))
    .filter(({ candidate, d, c }) => d <= half(name, candidate) && c <= half(own, core(candidate)))
    .sort((a, b) => a.d - b.d || (a.candidate < b.candidate ? -1 : 1))
    .slice(0, 3)
    .map(({ candidate }) => candidate);
}

/** A department's name without the region before it and the kind of office after it: 区财政局 → 财政. */
function core(name: string): string {
  return name.replace(/^(?:中共)?[区區市县縣镇鎮]/, '').replace(/(?:街道|办事处|辦事處|委员会|委員會|办公室|辦公室|局|委|办|辦|镇|鎮|乡|鄉|中心|院|所|站|队|隊)$/, '') || name;
}

/** The default place of the issue file inside the issues folder: `2023/035.md`. */
export function issueFilePath(year: number, issue: number): string {
  return `${year}/${String(issue).padStart(3, '0')}.md`;
}
