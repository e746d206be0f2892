/**
 * The limits that keep a hostile or broken file from stopping the check.
 * micromark, mdast and remark-html recurse once per level of nesting, and
 * micromark matches emphasis and brackets in time quadratic in their number
 * within a paragraph (measured: 1,000 nested `- ` on one line overflow the
 * stack; 4,000 `*a ` openers in one paragraph take 6 s). Each limit is far
 * above what an issue needs (the sample issue nests nothing and has no `*`),
 * so only a broken file meets one. Where one is met, the offending marks are
 * replaced by their full-width twins (same length, so every later line and
 * column stays true) and the file is reported, never parsed as it stands.
 */
import type { VFile } from 'vfile';
import { report } from '../messages/report.ts';

/** The limits, named in the messages that report them. */
export const limits = {
  /** An issue file's size in KB (the sample issue has 7 KB). */
  fileKilobytes: 512,
  /** Levels of lists and quotes on one line of the body. */
  nesting: 32,
  /** `*`, `_`, `[` and `]` in one paragraph of the body. */
  markersPerParagraph: 100,
  /** YAML aliases expanded in the front matter (the `yaml` library's maxAliasCount). */
  yamlAliases: 100,
  /** Levels of nesting in the front matter. */
  yamlNesting: 32,
} as const;

/** Characters that open containers at a line's start, and their full-width twins. */
const twins: Record<string, string> = { '>': '＞', '-': '－', '*': '＊', '+': '＋', '_': '＿', '[': '［', ']': '］', '.': '．', ')': '）' };
/** A container mark at a line's start: a quote `>`, or a list marker followed by a blank or the line's end. */
const containerMark = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;
const markers = /[*_[\]]/g;

/**
 * Checks the body (its lines as in the file) against the nesting and marker
 * limits, reports each line or paragraph beyond them, and returns the body
 * with their marks neutralised (unchanged when none is), and its lines.
 */
export function guardBody(body: string, file: VFile): { body: string; lines: string[] } {
  const lines = body.split('\n');
  let changed = false;

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    // Most lines of an issue start with a Chinese character: nothing to measure.
    if (line.length <= limits.nesting || !/^[ \t>*+\-\d]/.test(line)) continue;
    const { depth, end } = nestingOf(line);
    if (depth <= limits.nesting) continue;
    report(file, 'limit-exceeded', { kind: 'nesting', limit: limits.nesting }, { line: index + 1, column: 1 });
    lines[index] = line.slice(0, end).replace(/[>*+\-.)]/g, (mark) => twins[mark]!) + line.slice(end);
    changed = true;
  }

  if (/[*_[\]]/.test(body)) {
    // Paragraphs are runs of non-blank lines: a superset of Markdown's, which is enough to bound them.
    let start = 0;
    for (let index = 0; index <= lines.length; index++) {
      if (index < lines.length && lines[index]!.trim() !== '') continue;
      let count = 0;
      for (let at = start; at < index; at++) count += lines[at]!.match(markers)?.length ?? 0;
      if (count > limits.markersPerParagraph) {
        report(file, 'limit-exceeded', { kind: 'markers', limit: limits.markersPerParagraph }, { line: start + 1, column: 1 });
        for (let at = start; at < index; at++) lines[at] = lines[at]!.replace(markers, (mark) => twins[mark]!);
        changed = true;
      }
      start = index + 1;
    }
  }
  return { body: changed ? lines.join('\n') : body, lines };
}

/**
 * How deep a line nests containers: each quote mark and list marker at its
 * start counts one level, and its indentation one level per two columns (a
 * nested list item is indented by at least two). `end` is where the marks end.
 */
function nestingOf(line: string): { depth: number; end: number } {
  let at = 0;
  let columns = 0;
  while (at < line.length && (line[at] === ' ' || line[at] === '\t')) columns += line[at++] === '\t' ? 4 : 1;
  let depth = Math.floor(columns / 2);
  for (;;) {
    const mark = containerMark.exec(line.slice(at, at + 12));
    if (!mark) break;
    depth++;
    at += mark[0].length;
    while (at < line.length && (line[at] === ' ' || line[at] === '\t')) at++;
    if (depth > limits.nesting) {
      // Past the limit: the rest of the marks only need finding, not counting.
      while (at < line.length && /[ \t>*+\-\d.)]/.test(line[at]!)) at++;
      break;
    }
  }
  return { depth, end: at };
}
