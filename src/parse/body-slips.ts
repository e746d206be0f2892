/**
 * Slips in the body's Markdown that parse without any error but change the
 * items a reader sees: a heading marker without its space or in full width
 * (`##标题`, `＃＃ 标题`) is text that joins the item before; a △ glued to the
 * paragraph above (or inside a list or quote) is no brief; a `---` right under
 * a line makes it a headline; four leading spaces make a code block; a line
 * `[…]: …` vanishes; a "blank" line of full-width spaces joins two paragraphs.
 * Each is reported at its line, from the tree and the file's own lines.
 */
import type { Paragraph, Root, RootContent } from 'mdast';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { codePoint } from './characters.ts';
import { clip } from './clip.ts';
import { report } from '../messages/report.ts';
import type { RuleArgs } from '../messages/rules.ts';

/** What the item checks need to know of the slips reported here. */
export interface BodySlips {
  /**
   * Nodes (and their top-level blocks) whose problem is reported here, so that
   * its consequences (text outside an item, an article without text, an item
   * without a department) are not reported again as if they were the cause.
   */
  explained: Set<Node>;
  /** Lines where a glued item start was reported: a department ending the line before is part of that slip. */
  gluedLines: Set<number>;
}

/** Marks that look like △ but are not it. */
const briefLookalikes = '▲▴▵∆Δ⊿';
const lookalike = new RegExp(`^\\s*([${briefLookalikes}])`, 'u');
const briefStart = new RegExp(`^\\s*[△${briefLookalikes}]`, 'u');

type Container = 'root' | 'list' | 'quote';

/** Reports the slips of the body `tree`, whose lines (numbered as in the file) are `lines`. */
export function findBodySlips(tree: Root, lines: readonly string[], file: VFile): BodySlips {
  const slips: BodySlips = { explained: new Set(), gluedLines: new Set() };
  // Walked without recursion: nesting is bounded (limits.ts), but the walk need not rely on it.
  const stack: { node: RootContent; container: Container; top: RootContent }[] = tree.children.map((node) => ({ node, container: 'root' as Container, top: node })).reverse();
  while (stack.length > 0) {
    const { node, container, top } = stack.pop()!;
    const explain = () => {
      slips.explained.add(node);
      slips.explained.add(top);
    };
    const start = node.position?.start;
    if (!start) continue;
    // The node's first line as typed, from where it starts.
    const from = () => (lines[start.line - 1] ?? '').slice(start.column - 1);
    if (node.type === 'paragraph') {
      checkParagraph(node, container, lines, file, slips, explain);
    } else if (node.type === 'heading') {
      if (node.depth <= 2 && !from().startsWith('#')) {
        report(file, 'setext-heading', { level: node.depth === 1 ? 1 : 2 }, { line: start.line, column: start.column });
        explain();
      } else if (container !== 'root' && node.depth <= 2) {
        report(file, 'heading-nested', { container }, { line: start.line, column: start.column });
        explain();
      }
    } else if (node.type === 'code') {
      report(file, 'code-block', { indented: !/^(?:```|~~~)/.test(from()) }, { line: start.line, column: start.column });
      explain();
    } else if (node.type === 'definition') {
      report(file, 'link-definition', undefined, { line: start.line, column: start.column });
      explain();
    } else if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') {
      const inner: Container = node.type === 'blockquote' ? 'quote' : container === 'quote' ? 'quote' : 'list';
      for (let index = node.children.length - 1; index >= 0; index--) stack.push({ node: node.children[index]!, container: inner, top });
    }
  }
  return slips;
}

function checkParagraph(paragraph: Paragraph, container: Container, lines: readonly string[], file: VFile, slips: BodySlips, explain: () => void): void {
  const { start, end } = paragraph.position!;
  const first = (lines[start.line - 1] ?? '').slice(start.column - 1);
  const heading = headingSlip(first);
  if (heading) {
    report(file, 'heading-marker', heading.args, { line: start.line, column: start.column + heading.offset });
    explain();
  } else if (container !== 'root' && briefStart.test(first)) {
    report(file, 'brief-glued', { container }, { line: start.line, column: start.column + first.search(/\S/) });
    explain();
  } else if (container === 'root') {
    const mark = lookalike.exec(first);
    if (mark) {
      report(file, 'brief-mark', { mark: mark[1]! }, { line: start.line, column: start.column + first.indexOf(mark[1]!) });
      explain();
    }
  }

  // One pass over the paragraph's lines as typed.
  let afterFakeBlank = false;
  for (let number = start.line; number <= end.line; number++) {
    const raw = lines[number - 1] ?? '';
    // A △ after the end of a sentence on the same line: two briefs run together (after a department, item-checks.ts says so).
    const inline = raw.includes('△') ? /[。！？；!?;”’」』][^\S\n]*△/u.exec(raw) : null;
    if (inline) report(file, 'brief-glued', { container: 'line' }, { line: number, column: inline.index + inline[0].length });
    if (number === start.line) continue;
    // A continuation line, as typed: without the quote marks and indentation of its container.
    const text = container === 'quote' ? raw.replace(/^[ \t]*(?:>[ \t]?)*/, '') : raw.replace(/^[ \t]+/, '');
    if (text.trim() === '') {
      // Only blanks Markdown does not count as blank (a full-width space) keep a paragraph going.
      const blank = /[^ \t]/.exec(text);
      if (blank) {
        report(file, 'blank-line-not-blank', { code: codePoint(blank[0]) }, { line: number, column: raw.length - text.length + blank.index + 1 });
        slips.gluedLines.add(number);
        afterFakeBlank = true;
      }
      continue;
    }
    const column = raw.length - text.length + 1;
    const glued = headingSlip(text);
    if (glued) {
      if (!afterFakeBlank) report(file, 'heading-marker', glued.args, { line: number, column: column + glued.offset });
      slips.gluedLines.add(number);
    } else if (briefStart.test(text)) {
      if (!afterFakeBlank) report(file, 'brief-glued', { container: 'paragraph' }, { line: number, column: column + text.search(/\S/) });
      slips.gluedLines.add(number);
    } else if (number < end.line && headlineLike(text) && /[。！？!?][”’」』）)]?\s*$/u.test(lines[number - 2] ?? '')) {
      report(file, 'headline-like-line', undefined, { line: number, column });
    }
    afterFakeBlank = false;
  }
}

/** A line as headlines are written: short, some Chinese, and no sentence punctuation (quotes, 《》 and 、 may stand in one). */
function headlineLike(text: string): boolean {
  const trimmed = text.trim();
  return [...trimmed].length <= 40 && /\p{Script=Han}/u.test(trimmed) && !/[。，；：？！…,.;:?!（）()【】[\]]/u.test(trimmed);
}

/** The heading marker a line starts with, when it makes no heading, and what to say about it. */
function headingSlip(line: string): { args: RuleArgs<'heading-marker'>; offset: number } | undefined {
  const match = /^(\s*)([#＃]{1,6})(?![#＃])(.*)$/u.exec(line);
  if (!match) return undefined;
  const [, indent, marks, rest] = match as unknown as [string, string, string, string];
  // #话题# is a hashtag, not a heading.
  if (/^[^#＃\s]+[#＃]/u.test(rest)) return undefined;
  const fullWidth = marks.includes('＃');
  const oddIndent = /[^ \t]/.test(indent);
  if (!fullWidth && !oddIndent && (rest === '' || /^[ \t]/.test(rest))) return undefined;
  const level = marks.length;
  const title = rest.trim();
  const oddSpace = /^\s/u.exec(rest)?.[0];
  const reason = fullWidth ? 'full-width' : oddIndent ? 'indent' : oddSpace ? 'odd-space' : 'no-space';
  return {
    args: { typed: clip(`${marks}${rest}`.trim(), 30), wanted: clip(`${'#'.repeat(level)} ${title}`, 30), reason, level, ...(reason === 'odd-space' ? { code: codePoint(oddSpace!) } : {}) },
    offset: oddIndent ? 0 : indent.length,
  };
}
