/**
 * Groups body blocks into items, each ending with its department: taken from
 * its closing parentheses, from a department heading line before it, or an
 * explicit placeholder the check rejects.
 */
import type { DepartmentRegistry } from '../departments/department-registry.ts';
import type { ItemKind } from '../model/schema.ts';
import { takeAttribution } from './attribution.ts';
import type { Block } from './body-blocks.ts';

import { departmentPlaceholder } from '../model/placeholders.ts';

export { departmentPlaceholder };

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

/** Something the editor should look at, with the source line it concerns. */
export interface Attention {
  line: number;
  message: string;
}

/** The body split into items. */
export interface SplitBody {
  /** Paragraphs before the first item (the check will ask the editor to place them). */
  preamble: string[];
  items: DraftItem[];
  attention: Attention[];
  /** What was left out on purpose: department heading lines repeating the item's own attribution, their colons. */
  dropped: string[];
}

interface OpenItem extends Omit<DraftItem, 'department'> {
  heading?: { name: string; line: number };
  /** The last paragraph ended with a department: the item is complete. */
  closed: boolean;
}

/** Groups `blocks` into items and settles each item's department. */
export function toItems(blocks: readonly Block[], registry: DepartmentRegistry): SplitBody {
  const result: SplitBody = { preamble: [], items: [], attention: [], dropped: [] };
  const open: OpenItem[] = [];
  let section: string | null = null;
  let heading: { name: string; line: number } | undefined;
  let current: OpenItem | undefined;

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

  for (const block of blocks) {
    switch (block.kind) {
      case 'section':
        section = block.text;
        current = undefined;
        break;
      case 'department':
        if (heading) strand(heading, result);
        heading = { name: block.text, line: block.line };
        if (block.dropped) result.dropped.push(block.dropped);
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
        else result.preamble.push(block.text);
        break;
    }
  }
  if (heading) strand(heading, result);
  if (result.preamble.length > 0) {
    result.attention.push({ line: 1, message: 'Text stands before the first item and was kept at the top of the body: make it an item (a headline line, or △ for a brief) or delete it' });
  }

  for (const item of open) result.items.push(settleDepartment(item, registry, result));
  return result;
}

// A department line with no item of its own is kept, at the top, for the editor to place.
function strand(heading: { name: string; line: number }, result: SplitBody): void {
  result.attention.push({ line: heading.line, message: `The department line 「${heading.name}」 has no item after it: it is kept as text at the top of the body; move it or delete it` });
  result.preamble.push(heading.name);
}

function settleDepartment(item: OpenItem, registry: DepartmentRegistry, result: SplitBody): DraftItem {
  const { heading, closed: _closed, ...draft } = item;
  const lastIndex = draft.paragraphs.length - 1;
  const last = draft.paragraphs[lastIndex];
  const attribution = last === undefined ? undefined : takeAttribution(last, registry);
  const label = draft.headline ?? draft.paragraphs[0]?.slice(0, 20) ?? '';

  if (last === undefined) {
    result.attention.push({ line: draft.line, message: `The headline 「${label}」 has no text under it: add its text or delete the headline` });
    if (heading) draft.paragraphs.push(`（${heading.name}）`);
    return { ...draft, department: heading?.name ?? departmentPlaceholder };
  }
  if (attribution) {
    // 供稿 forms are written the canonical way: （区财政局）.
    draft.paragraphs[lastIndex] = `${attribution.before}（${attribution.name}）`;
    if (heading) {
      const same = (registry.resolve(heading.name)?.name ?? heading.name) === (registry.resolve(attribution.name)?.name ?? attribution.name);
      if (same) result.dropped.push(heading.name);
      else {
        // Two different departments: keep both, and let the editor decide.
        draft.paragraphs.unshift(heading.name);
        result.attention.push({ line: heading.line, message: `The department line 「${heading.name}」 differs from the item's own （${attribution.name}）: both are kept; delete the wrong one` });
      }
    }
    return { ...draft, department: attribution.name };
  }
  if (heading) {
    draft.paragraphs[lastIndex] = `${last}（${heading.name}）`;
    return { ...draft, department: heading.name };
  }
  draft.paragraphs[lastIndex] = `${last}（${departmentPlaceholder}）`;
  result.attention.push({
    line: draft.line,
    message: `No department found for 「${label}」: replace （${departmentPlaceholder}） at its end with the reporting department, e.g. （济源路街道）`,
  });
  return { ...draft, department: departmentPlaceholder };
}
