/**
 * The nothing-lost safety net: every character of the source's body text must
 * be in the imported file. Whitespace, the markup the importer removes or
 * rewrites (**, ##, ---, △ ◆ ● 1、, 供稿, half-width punctuation) and the lines
 * moved into the front matter are ignored.
 */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { splitFrontMatter } from '../parse/front-matter.ts';
import { parseMarkdown } from '../parse/markdown.ts';
import { toFullWidthPunctuation } from './punctuation.ts';
import { isPageNumber, isRule } from './source-lines.ts';

/** Text of the source missing from the output, with the source line it is on. */
export interface LostText {
  line: number;
  text: string;
}

/**
 * Compares `source` (the text read from the editor's file) with `output` (the
 * issue file written). `moved` are the 1-based source lines whose content went
 * into the front matter; `dropped` are fragments removed on purpose (a
 * department heading repeating the item's own attribution).
 * Returns the lost text, empty when nothing is lost.
 */
export function findLostText(source: string, output: string, moved: readonly number[], dropped: readonly string[] = []): LostText[] {
  const movedLines = new Set(moved);
  const sourceLines = source.split('\n').map((text, index) => ({ line: index + 1, text: movedLines.has(index + 1) ? '' : stripSourceMarkup(text) }));
  const outputText = comparable(toTextLines(splitFrontMatter(output).body ?? output).map((line) => line.text).join(''));
  const available = countChars(outputText);
  // Dropped fragments may be missing from the output, once each.
  const forgiven = countChars(dropped.map(comparable).join(''));
  const droppedText = dropped.map(comparable).filter(Boolean);

  const lost: LostText[] = [];
  for (const { line, text } of sourceLines) {
    const wanted = comparable(text);
    if (wanted === '') continue;
    const missing = [...wanted].filter((char) => {
      const count = available.get(char) ?? 0;
      available.set(char, count - 1);
      if (count > 0) return false;
      const spare = forgiven.get(char) ?? 0;
      forgiven.set(char, spare - 1);
      return spare <= 0;
    });
    // Each line must also stand in the output in one piece (less a dropped fragment).
    const inPlace = outputText.includes(wanted) || droppedText.some((fragment) => outputText.includes(wanted.replace(fragment, '')));
    if (missing.length > 0) lost.push({ line, text: missing.join('') });
    else if (!inPlace) lost.push({ line, text: [...text].slice(0, 30).join('') });
  }
  return lost;
}

/**
 * A source line without the markup the importer reads and removes: # headings,
 * a **bold** lead, rules, page numbers. Anything else in the source is text, even `*`.
 */
function stripSourceMarkup(text: string): string {
  if (isRule(text.trim()) || isPageNumber(text)) return '';
  return text
    .trim()
    .replace(/^#{1,6}\s+(.*?)(?:\s+#+)?$/, '$1')
    .replace(/^(?:\*\*|__)(.+?)(?:\*\*|__)/, '$1');
}

/** The output's text as the site shows it, by line: markup parsed away, escapes resolved. */
function toTextLines(markdown: string): { line: number; text: string }[] {
  const lines: { line: number; text: string }[] = [];
  const visit = (node: RootContent) => {
    if (node.type === 'list' || node.type === 'blockquote') {
      for (const child of node.children) visit(child as RootContent);
      return;
    }
    const start = node.position?.start.line ?? 1;
    toString(node)
      .split('\n')
      .forEach((text, offset) => lines.push({ line: start + offset, text }));
  };
  for (const node of parseMarkdown(markdown).children) visit(node);
  return lines;
}

/** The characters that must survive: no whitespace, brief marks, list numbers, 供稿 labels; full-width punctuation. */
export function comparable(text: string): string {
  return toFullWidthPunctuation(text)
    .replace(/^[\s\u3000]*(?:[△▲◆◇●○■□★☆▶►]|[0-9０-９]{1,2}\s*(?:[、．]|\.(?![0-9]))|[（(][0-9０-９]{1,2}[）)])/, '')
    .replace(/供稿(?:单位|單位)?\s*[：:]?/g, '')
    .replace(/[“”"]/g, '"')
    .replace(/[\s\u3000]+/g, '');
}

function countChars(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  return counts;
}

