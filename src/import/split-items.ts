/**
 * Groups body blocks into items, each ending with its department: taken from
 * its closing parentheses, from a department line after it (来源：XX, or the
 * name alone), from a department heading line before it, or an explicit
 * placeholder the check rejects.
 */
import type { DepartmentRegistry } from '../departments/department-registry.ts';
import type { ItemKind } from '../model/schema.ts';
import { departmentPlaceholder } from '../model/placeholders.ts';
import { takeAttribution } from './attribution.ts';
import type { Block } from './body-blocks.ts';
import type { Finding } from './findings.ts';

/** An item as the importer writes it. */
export interface DraftItem {
  kind: ItemKind;
  section: string | null;
  /** The article's headline; briefs have none. */
  headline?: string;
  /** Paragraphs of plain text; the last ends with （department）. */
  paragraphs: string[];
  /** The department as printed, or the placeholder. */
  department: string;
  /** Source line the item starts on. */
  line: number;
}

/** Source text left out on purpose, by line: a department line repeating the item's own, 来源：, a colon. */
export interface Dropped {
  line: number;
  text: string;
}

/** The body split into items. */
export interface SplitBody {
  /** Paragraphs before the first item (the check will ask the editor to place them). */
  preamble: string[];
  items: DraftItem[];
  findings: Finding[];
  dropped: Dropped[];
}

interface DepartmentLine {
  name: string;
  line: number;
}

interface OpenItem extends Omit<DraftItem, 'department'> {
  /** The department line printed above the item. */
  heading?: DepartmentLine;
  /** The department line printed after the item (来源：XX, or the name alone). */
  trailing?: DepartmentLine;
  /** The item has its department (its last paragraph ended with one, or a line after it named one). */
  closed: boolean;
}

/** Groups `blocks` into items and settles each item's department. */
export function toItems(blocks: readonly Block[], registry: DepartmentRegistry): SplitBody {
  const result: SplitBody = { preamble: [], items: [], findings: [], dropped: [] };
  const open: OpenItem[] = [];
  let section: string | null = null;
  let heading: DepartmentLine | undefined;
  let current: OpenItem | undefined;
  // The source line of the first text before any item.
  let firstOutside: number | undefined;

  const start = (kind: ItemKind, line: number, headline?: string): OpenItem => {
    current = { kind, section, paragraphs: [], line, closed: false, ...(headline !== undefined ? { headline } : {}), ...(heading ? { heading } : {}) };
    heading = undefined;
    open.push(current);
    return current;
  };
  const addParagraph = (item: OpenItem, text: string) => {
    const attribution = takeAttribution(text, registry);
    // A department on a line of its own (as PDF text often has it) closes the paragraph before.
    if (attribution?.before === '' && item.paragraphs.length > 0) item.paragraphs[item.paragraphs.length - 1] += text;
    else item.paragraphs.push(text);
    item.closed = attribution !== undefined;
  };

  for (const [index, block] of blocks.entries()) {
    switch (block.kind) {
      case 'section':
        section = block.text;
        current = undefined;
        break;
      case 'group': {
        // 二、存在问题 followed by text inside an unfinished article is its subheading; otherwise a section.
        const next = blocks[index + 1];
        if (current && !current.closed && current.kind === 'article' && current.paragraphs.length > 0 && (next === undefined || next.kind === 'paragraph')) {
          current.paragraphs.push(block.text);
        } else {
          section = block.text;
          current = undefined;
        }
        break;
      }
      case 'department':
        if (block.dropped) result.dropped.push({ line: block.line, text: block.dropped });
        // After an item still without its department (and not headed by one), or said to be its
        // source (来源：XX), the line closes the item above; otherwise it heads the next item.
        if (current && current.paragraphs.length > 0 && current.trailing === undefined && (block.label || (!current.closed && current.heading === undefined))) {
          current.trailing = { name: block.text, line: block.line };
          current.closed = true;
          break;
        }
        if (heading) strand(heading, result);
        heading = { name: block.text, line: block.line };
        current = undefined;
        break;
      case 'headline':
        start('article', block.line, block.text);
        break;
      case 'brief':
        addParagraph(start('brief', block.line), block.text);
        break;
      case 'paragraph':
        if (current && !current.closed) addParagraph(current, block.text);
        // After a complete item, a section or a department heading, a paragraph is an unmarked brief.
        else if (current || heading || open.length > 0 || section !== null) addParagraph(start('brief', block.line), block.text);
        else {
          firstOutside ??= block.line;
          result.preamble.push(block.text);
        }
        break;
    }
  }
  if (heading) strand(heading, result);
  if (firstOutside !== undefined) result.findings.push({ line: firstOutside, ruleId: 'import-text-before-items', args: undefined });

  for (const item of open) result.items.push(settleDepartment(item, registry, result));
  return result;
}

// A department line with no item of its own is kept, at the top, for the editor to place.
function strand(heading: DepartmentLine, result: SplitBody): void {
  result.findings.push({ line: heading.line, ruleId: 'import-department-stranded', args: { name: heading.name } });
  result.preamble.push(heading.name);
}

function sameDepartment(a: string, b: string, registry: DepartmentRegistry): boolean {
  return (registry.resolve(a)?.name ?? a) === (registry.resolve(b)?.name ?? b);
}

function settleDepartment(item: OpenItem, registry: DepartmentRegistry, result: SplitBody): DraftItem {
  const { heading, trailing, closed: _closed, ...draft } = item;
  const lastIndex = draft.paragraphs.length - 1;
  const last = draft.paragraphs[lastIndex];
  const attribution = last === undefined ? undefined : takeAttribution(last, registry);
  const label = draft.headline ?? [...(draft.paragraphs[0] ?? '')].slice(0, 20).join('');

  if (last === undefined) {
    result.findings.push({ line: draft.line, ruleId: 'import-headline-empty', args: { headline: label } });
    const line = trailing ?? heading;
    if (line) draft.paragraphs.push(`（${line.name}）`);
    return { ...draft, department: line?.name ?? departmentPlaceholder };
  }
  // The item's own department: its closing parentheses, else the line after it, else the line above it.
  let own: string;
  if (attribution) {
    // 供稿 forms are written the canonical way: （区财政局）.
    draft.paragraphs[lastIndex] = `${attribution.before}（${attribution.name}）`;
    own = attribution.name;
  } else if (trailing) {
    draft.paragraphs[lastIndex] = `${last}（${trailing.name}）`;
    own = trailing.name;
  } else if (heading) {
    draft.paragraphs[lastIndex] = `${last}（${heading.name}）`;
    return { ...draft, department: heading.name };
  } else {
    draft.paragraphs[lastIndex] = `${last}（${departmentPlaceholder}）`;
    result.findings.push({ line: draft.line, ruleId: 'import-department-missing', args: { label } });
    return { ...draft, department: departmentPlaceholder };
  }
  // A department line besides the item's own: dropped when it says the same, kept (and pointed out) when not.
  for (const extra of [heading, attribution ? trailing : undefined]) {
    if (!extra) continue;
    if (sameDepartment(extra.name, own, registry)) {
      result.dropped.push({ line: extra.line, text: extra.name });
    } else {
      // Kept first, so that the item still ends with its own department.
      draft.paragraphs.unshift(extra.name);
      result.findings.push({ line: extra.line, ruleId: 'import-department-conflict', args: { line: extra.name, own } });
    }
  }
  return { ...draft, department: own };
}
