/**
 * Checks of an issue's items as split, before each becomes a model item: a
 * department standing inside an item (two items run together, the first
 * credited to the second's department), the same item or paragraph twice,
 * two articles with one headline, and placeholders left in the text.
 */
import type { Paragraph, RootContent, Text } from 'mdast';
import type { VFile } from 'vfile';
import { report, type Place } from '../messages/report.ts';
import { headlinePlaceholder, textPlaceholder } from '../model/placeholders.ts';
import type { ItemKind } from '../model/schema.ts';
import { attribution, lastParagraph, paragraphsOf } from './attribution.ts';
import type { BodySlips } from './body-slips.ts';

/** An item as split from the body, before its department is taken off. */
export interface SplitItem {
  kind: ItemKind;
  headline: string | undefined;
  children: RootContent[];
  place: Place;
  /** The node that opened the item (its heading, or its first paragraph). */
  opener: RootContent;
}

/** A department's parentheses anywhere in a text. */
const parenthesised = /[（(][ \t\u3000]*([^（）()\n]{1,40}?)[ \t\u3000]*[）)]/g;
const followingParenthesis = /^[^\S\n]*[（(][ \t\u3000]*([^（）()\n]{1,40}?)[ \t\u3000]*[）)]/;
/** Paragraphs shorter than this (without blanks) may repeat on purpose: 一、主要做法. */
const minRepeatedLength = 20;

/**
 * Reports the problems of `items`, parsed from `body`, on `file`. `resolve`
 * gives the department a name stands for (its canonical name, or the
 * placeholder itself), or undefined; `lines` are the body's lines (numbered
 * as the file's); `slips` what the body checks said.
 */
export function checkItems(items: readonly SplitItem[], body: string, lines: readonly string[], file: VFile, resolve: (name: string) => string | undefined, slips: BodySlips): void {
  // Each paragraph's first place, by its text; an item is a copy of another when all its paragraphs are.
  const seenParagraphs = new Map<string, { line: number; item: number }>();
  const textsOf: string[][] = [];
  const seenHeadlines = new Map<string, number>();

  items.forEach((item, index) => {
    if (item.headline === headlinePlaceholder) report(file, 'placeholder', { kind: 'headline', text: headlinePlaceholder }, item.place);
    const ending = item.kind === 'article' && item.headline ? attribution.exec(item.headline) : null;
    if (ending && resolve(ending[1]!) !== undefined && !slips.explained.has(item.opener)) {
      report(file, 'department-in-headline', { department: ending[1]! }, item.place);
      // Its text is what the headline took: that it has none follows from this slip.
      slips.explained.add(item.opener);
    }
    if (item.kind === 'article' && item.headline) {
      const first = seenHeadlines.get(item.headline);
      if (first !== undefined) report(file, 'headline-duplicate', { line: first }, item.place);
      else seenHeadlines.set(item.headline, item.place.line);
    }

    const paragraphs = paragraphsOf(item.children);
    // The paragraphs as typed: a paragraph pasted twice is the same text twice. (Taken from the
    // file, not the tree: measured on 1,000 issues, mdast's toString and squeezing out the blanks
    // of every paragraph cost 3 % of the parse.)
    const texts = paragraphs.map(({ position }) => body.slice(position!.start.offset, position!.end.offset).trim());
    textsOf.push(texts);
    const twin = texts.length > 0 ? seenParagraphs.get(texts[0]!)?.item : undefined;
    if (twin !== undefined && isCopy(item, texts, items[twin]!, textsOf[twin]!)) {
      report(file, 'item-duplicate', { position: twin + 1, line: items[twin]!.place.line }, item.place);
      return;
    }

    const doubled = new Set<Paragraph>();
    paragraphs.forEach((paragraph, at) => {
      const text = texts[at]!;
      const place = startOf(paragraph);
      if (text.includes(textPlaceholder)) report(file, 'placeholder', { kind: 'text', text: textPlaceholder }, place);
      if (isDoubled(text)) {
        report(file, 'paragraph-duplicate', { line: undefined }, place);
        doubled.add(paragraph);
        return;
      }
      const first = seenParagraphs.get(text);
      if (first === undefined) seenParagraphs.set(text, { line: place.line, item: index });
      else if (text.length >= minRepeatedLength) report(file, 'paragraph-duplicate', { line: first.line }, place);
    });

    checkInnerDepartments(item, paragraphs, doubled, lines, file, resolve, slips);
  });
}

/**
 * Reports a department in parentheses that ends a line, a paragraph or a
 * clause inside an item, where a person reading the file sees one item end:
 * Markdown runs the text on, and the item is credited to the department at
 * its very end.
 */
function checkInnerDepartments(
  item: SplitItem,
  paragraphs: readonly Paragraph[],
  skip: ReadonlySet<Paragraph>,
  lines: readonly string[],
  file: VFile,
  resolve: (name: string) => string | undefined,
  slips: BodySlips,
): void {
  const last = item.children.at(-1);
  const final = last ? lastParagraph(last) : undefined;
  // The department the item is credited to: read only when there is something to say.
  const creditedTo = () => {
    const tail = final?.children.at(-1);
    const closing = tail?.type === 'text' ? attribution.exec(tail.value) : null;
    return closing ? resolve(closing[1]!) : undefined;
  };

  // A paragraph whose next block has its own slip reported (a ##标题, a ▲ brief) is part of that slip.
  const beforeExplained = new Set<Paragraph>();
  item.children.forEach((child, index) => {
    const next = item.children[index + 1];
    if (!next || !slips.explained.has(next)) return;
    const end = paragraphsOf([child]).at(-1);
    if (end) beforeExplained.add(end);
  });

  for (const paragraph of paragraphs) {
    if (skip.has(paragraph)) continue;
    paragraph.children.forEach((child, index) => {
      if (child.type !== 'text' || !/[（(]/.test(child.value)) return;
      const atEnd = index === paragraph.children.length - 1;
      const { value } = child;
      for (const match of value.matchAll(parenthesised)) {
        // What follows the parentheses, blanks (not line ends) aside: most often more of the sentence.
        let at = match.index + match[0].length;
        while (at < value.length && value[at] !== '\n' && /\s/.test(value[at]!)) at++;
        const follower = value[at];
        let next: 'paragraph' | 'line' | 'department' | 'text';
        if (follower === '\n' || (follower === undefined && paragraph.children[index + 1]?.type === 'break')) next = 'line';
        else if (follower === '△' || follower === '▲') next = 'text';
        else if (follower === '（' || follower === '(') {
          const following = followingParenthesis.exec(value.slice(at));
          if (!following || resolve(following[1]!) === undefined) continue;
          next = 'department';
        } else if (follower === undefined && atEnd && paragraph !== final && !beforeExplained.has(paragraph)) next = 'paragraph';
        else continue;
        if (resolve(match[1]!) === undefined) continue;
        const place = locate(child, match.index, match[0], lines);
        if (next === 'line' && slips.gluedLines.has(place.line + 1)) continue;
        report(file, 'department-mid-item', { department: match[1]!.trim(), creditedTo: creditedTo(), next }, place);
      }
    });
  }
}

/** Whether an item is a copy of an earlier one: the same kind, headline and paragraphs. */
function isCopy(item: SplitItem, texts: readonly string[], earlier: SplitItem, earlierTexts: readonly string[]): boolean {
  return (
    item.kind === earlier.kind &&
    item.headline === earlier.headline &&
    texts.length === earlierTexts.length &&
    texts.some(Boolean) &&
    texts.every((text, at) => text === earlierTexts[at])
  );
}

/**
 * Whether `text` is one text twice over (blanks aside, and the department
 * after the second): a paragraph pasted twice with no blank line between.
 */
function isDoubled(text: string): boolean {
  // Most paragraphs never repeat their opening words: only those are looked at closely.
  if (text.length < 2 * minRepeatedLength || text.indexOf(text.slice(0, minRepeatedLength / 2), minRepeatedLength / 2) === -1) return false;
  const squeezed = text.replace(/\s+/g, '');
  return [squeezed, squeezed.replace(/[（(][^（）()]*[）)]$/, '')].some((candidate) => {
    const half = candidate.length / 2;
    return candidate.length >= 2 * minRepeatedLength && Number.isInteger(half) && candidate.slice(0, half) === candidate.slice(half);
  });
}

/** Where `found`, at `offset` in the text node, stands in the file. */
function locate(text: Text, offset: number, found: string, lines: readonly string[]): Place {
  const start = text.position!.start;
  const before = text.value.slice(0, offset);
  const breaks = before.split('\n').length - 1;
  const line = start.line + breaks;
  const raw = lines[line - 1] ?? '';
  const at = raw.indexOf(found, breaks === 0 ? start.column - 1 : 0);
  return { line, column: at === -1 ? 1 : at + 1 };
}

function startOf(node: RootContent): Place {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}
