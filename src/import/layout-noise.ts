/**
 * What text extraction leaves of a printed page's layout: page numbers,
 * running heads repeated at the top of each page, rules under the masthead
 * and between footer lines. They are not the issue's text: the importer
 * leaves them out and reports each one, so nothing disappears unseen.
 */
import { numeralChars, parseNumeral } from './chinese-numerals.ts';
import { isPageNumber, isRule, type SourceLine } from './source-lines.ts';

/** Why a line was left out. */
export type RemovedKind = 'page-number' | 'running-head' | 'rule' | 'marking' | 'print-count';

/** A source line left out of the issue file, reported to the editor. */
export interface RemovedLine {
  line: number;
  /** The line as the source has it. */
  text: string;
  kind: RemovedKind;
}

/** Page numbers and rules, wherever they stand. */
export function findFurniture(lines: readonly SourceLine[]): RemovedLine[] {
  const removed: RemovedLine[] = [];
  for (const { text, line } of lines) {
    if (text === '') continue;
    if (isPageNumber(text)) removed.push({ line, text, kind: 'page-number' });
    else if (isRule(text)) removed.push({ line, text, kind: 'rule' });
  }
  return removed;
}

const maxHeadLength = 40;
const issueMark = new RegExp(`第([${numeralChars}]+)期`, 'g');

/**
 * Running heads among `lines[from…]`: short lines at a page's edge (after a
 * page break or a page number, or before a page number) whose text stands at
 * two page edges or more, or names the publication or an issue (上街信息,
 * 2023年第35期). Without any page edge in the text, a line naming the
 * publication that is printed twice or more is one. `known` are lines already
 * left out (page numbers); `masthead` is what the masthead names.
 */
export function findRunningHeads(lines: readonly SourceLine[], from: number, known: readonly RemovedLine[], masthead: { publication?: string; issue?: number }): RemovedLine[] {
  const pageNumbers = new Set(known.filter((removed) => removed.kind === 'page-number').map((removed) => removed.line));
  const skipped = new Set(known.map((removed) => removed.line));
  const content = lines.slice(from).filter((line) => line.text !== '' && !skipped.has(line.line));
  // A page edge: the first line of a page, or a line beside a page number.
  const edge = new Set<number>();
  let edges = 0;
  for (let index = from, previousPageNumber = false, pageStart = from === 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.pageBreak) pageStart = true;
    if (line.text === '') continue;
    if (pageNumbers.has(line.line)) {
      edges++;
      previousPageNumber = true;
      // The line before a page number ends its page.
      const before = lastContent(lines, index - 1, from, skipped);
      if (before) edge.add(before.line);
      continue;
    }
    if (skipped.has(line.line)) continue;
    if (pageStart || previousPageNumber) {
      if (line.pageBreak) edges++;
      edge.add(line.line);
    }
    pageStart = false;
    previousPageNumber = false;
  }

  const groups = new Map<string, SourceLine[]>();
  for (const line of content) {
    const key = line.text.replace(/[\s\u3000]+/g, '');
    if ([...key].length > maxHeadLength || /[。！？!?]$/.test(key) || /^[（(].*[）)]$/.test(key) || /^[△▲◆◇●○■□★☆]/.test(key)) continue;
    const group = groups.get(key);
    if (group) group.push(line);
    else groups.set(key, [line]);
  }
  const { publication, issue } = masthead;
  const names = (key: string) =>
    (publication !== undefined && publication.length >= 2 && key.includes(publication)) ||
    (issue !== undefined && [...key.matchAll(issueMark)].some((match) => parseNumeral(match[1]!) === issue));
  const heads: RemovedLine[] = [];
  for (const [key, group] of groups) {
    const atEdge = group.filter((line) => edge.has(line.line));
    let found: SourceLine[] = [];
    if (edges > 0) {
      if (atEdge.length >= 2 || (atEdge.length >= 1 && names(key))) found = atEdge;
    } else if (group.length >= 2 && names(key)) {
      found = group;
    }
    for (const line of found) heads.push({ line: line.line, text: line.text, kind: 'running-head' });
  }
  return heads.sort((a, b) => a.line - b.line);
}

function lastContent(lines: readonly SourceLine[], index: number, from: number, skipped: ReadonlySet<number>): SourceLine | undefined {
  for (let i = index; i >= from; i--) {
    const line = lines[i]!;
    if (line.text !== '' && !skipped.has(line.line)) return line;
  }
  return undefined;
}
