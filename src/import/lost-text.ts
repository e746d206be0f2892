/**
 * The nothing-lost safety net: every character of the source is in the
 * imported file — in its body, or in its front matter for the masthead's and
 * footer's lines — or in the report of the lines left out as layout (page
 * numbers, running heads, rules). Whitespace and the markup the importer reads
 * and rewrites (**, ##, △ ◆ ● 1、, 供稿, the masthead's 第…期 and 编印, the
 * footer's labels, half-width punctuation) are not text.
 */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { splitFrontMatter } from '../parse/front-matter.ts';
import { parseMarkdown } from '../parse/markdown.ts';
import { sourceLabel } from './attribution.ts';
import { numeralChars } from './chinese-numerals.ts';
import { footerLabels } from './footer.ts';
import type { RemovedLine } from './layout-noise.ts';
import { publisherWords } from './masthead.ts';
import { toFullWidthPunctuation } from './punctuation.ts';
import type { Dropped } from './split-items.ts';

/** Text of the source missing from the output, with the source line it is on. */
export interface LostText {
  line: number;
  text: string;
}

/** How the importer accounted for the source's lines. */
export interface Accounting {
  /** 1-based source lines whose content went into the front matter. */
  moved: readonly number[];
  /** Lines left out as layout, reported to the editor. */
  removed?: readonly RemovedLine[];
  /** Fragments of body lines left out on purpose (a department line repeating the item's own). */
  dropped?: readonly Dropped[];
}

// How far past the last line's place the next line may be found and still move the search on:
// a department line moved to its item's end is found further, and must not skip the item's text.
const nearby = 400;

/**
 * Compares `source` (the text read from the editor's file) with `output` (the
 * issue file written). Returns the lost text, empty when nothing is lost.
 */
export function findLostText(source: string, output: string, accounting: Accounting): LostText[] {
  const moved = new Set(accounting.moved);
  const removed = new Map((accounting.removed ?? []).map((line) => [line.line, line.text]));
  const droppedByLine = new Map<number, string[]>();
  for (const { line, text } of accounting.dropped ?? []) droppedByLine.set(line, [...(droppedByLine.get(line) ?? []), comparable(text)]);

  const { body } = splitFrontMatter(output);
  // The importer writes the front matter between the first two `---` lines.
  const frontMatter = output.startsWith('---\n') ? output.slice(4, Math.max(4, output.indexOf('\n---\n', 3))) : '';
  const bodyText = comparable(toTextLines(body ?? output).join(''));
  const inBody = countChars(bodyText);
  const inFrontMatter = countChars(comparable(frontMatter));

  const lost: LostText[] = [];
  let cursor = 0;
  source.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (removed.has(line)) {
      // A line left out is in the report as it stands in the source.
      const trimmed = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
      if (removed.get(line) !== trimmed) lost.push({ line, text: shorten(trimmed) });
      return;
    }
    if (moved.has(line)) {
      // The name printed twice (a running head over the title) is in the front matter once: each character need only be there.
      const missing = [...comparable(withoutFieldWords(raw))].filter((char) => !inFrontMatter.has(char)).join('');
      if (missing !== '') lost.push({ line, text: missing });
      return;
    }
    const wanted = comparable(stripSourceMarkup(raw));
    if (wanted === '') return;
    const fragments = droppedByLine.get(line) ?? [];
    // The line less what was dropped from it must be in the body, in one piece.
    const kept = fragments.reduce((text, fragment) => text.replace(fragment, ''), wanted);
    const missing = take(kept, inBody);
    if (missing !== '') {
      lost.push({ line, text: missing });
      return;
    }
    if (kept === '') return;
    let at = bodyText.indexOf(kept, cursor);
    if (at === -1) at = bodyText.indexOf(kept);
    if (at === -1) lost.push({ line, text: shorten(raw.trim()) });
    else if (at >= cursor && at - cursor <= nearby) cursor = at + kept.length;
  });
  return lost;
}

/** Takes the characters of `text` out of `available`; returns those it could not find. */
function take(text: string, available: Map<string, number>): string {
  let missing = '';
  for (const char of text) {
    const count = available.get(char) ?? 0;
    if (count > 0) available.set(char, count - 1);
    else missing += char;
  }
  return missing;
}

function shorten(text: string): string {
  return [...text].slice(0, 30).join('');
}

/**
 * A source line without the markup the importer reads and removes: # headings,
 * a **bold** lead. Anything else in the source is text, even `*`.
 */
function stripSourceMarkup(text: string): string {
  return text
    .trim()
    .replace(/^#{1,6}\s+(.*?)(?:\s+#+)?$/, '$1')
    .replace(/^(?:\*\*|__)(.+?)(?:\*\*|__)/, '$1');
}

// The words of the masthead and footer that the front matter's keys and numbers stand for: the
// masthead's and footer's own words, the longest first where one begins another (编印单位, 编印, 编).
const labelWords = [...publisherWords, ...footerLabels].sort((a, b) => b.length - a.length).join('|');
const fieldWords = new RegExp(
  [
    '^#{1,6}\\s+',
    '\\*\\*',
    '[总總]?第',
    '期',
    '年度?',
    '月',
    '[日号號]',
    `[${numeralChars}]`,
    labelWords,
    '[：:、，,；;（）()《》【】\\[\\]。.．\\-/]',
  ].join('|'),
  'g',
);

/** A masthead or footer line without the words its fields stand for: what must be in the front matter as text. */
function withoutFieldWords(text: string): string {
  return text.replace(fieldWords, '');
}

/** The output's text as the site shows it, by line: markup parsed away, escapes resolved. */
function toTextLines(markdown: string): string[] {
  const lines: string[] = [];
  const visit = (node: RootContent) => {
    if (node.type === 'list' || node.type === 'blockquote') {
      for (const child of node.children) visit(child as RootContent);
      return;
    }
    lines.push(...toString(node).split('\n'));
  };
  for (const node of parseMarkdown(markdown).children) visit(node);
  return lines;
}

// （来源：区财政局）: the label the importer reads in an item's closing parentheses (attribution.ts).
const sourceLabelInParentheses = new RegExp(`([（(])\\s*${sourceLabel}\\s*[：:]\\s*(?=[^（）()]*[）)]\\s*$)`);

/**
 * The characters that must survive: no whitespace, brief marks, list numbers,
 * 供稿 / 来源 labels inside a closing parenthesis; full-width punctuation.
 */
export function comparable(text: string): string {
  return toFullWidthPunctuation(text)
    .replace(/^[\s\u3000]*(?:[△▲◆◇●○■□★☆▶►]|[0-9０-９]{1,2}\s*(?:[、．]|\.(?![0-9]))|[（(][0-9０-９]{1,2}[）)])/, '')
    .replace(sourceLabelInParentheses, '$1')
    .replace(/供稿\s*(?=[）)]\s*$)/, '')
    .replace(/[“”"]/g, '"')
    .replace(/[\s\u3000]+/g, '');
}

function countChars(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  return counts;
}
