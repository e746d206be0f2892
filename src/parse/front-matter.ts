/**
 * Splits an issue file into front matter and body with gray-matter, reading the
 * YAML with `yaml` so that every value keeps its line and column. Full-width
 * punctuation typed where YAML needs ASCII (`date：`, `[郝婕，柴亚文]`) is
 * reported as such and read as meant, so the rest of the front matter is
 * still checked; YAML errors are reported by their code, for the catalogue to
 * explain; aliases and nesting are bounded (src/parse/limits.ts).
 */
import matter from 'gray-matter';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { Place, Problem } from '../messages/report.ts';
import { clip } from './clip.ts';
import { limits } from './limits.ts';

/** A front-matter problem found while splitting, before any validation. */
export type FrontMatterProblem = Problem<'front-matter-missing' | 'front-matter-language' | 'yaml-invalid' | 'yaml-fullwidth' | 'limit-exceeded'>;

/** A split issue file. */
export interface SplitFile {
  /** The front matter as plain data (YAML 1.2 core schema: dates stay strings). */
  data: unknown;
  /**
   * The body, padded with blank lines so that its line numbers are the file's;
   * undefined when the front matter is not closed or not YAML, so the body cannot be told apart.
   */
  body: string | undefined;
  /** Finds where a front-matter value (or, with `key`, its key) stands in the file. */
  locate(path: readonly (string | number)[], key?: boolean): Place;
  /** The closing `---` line: where a missing field is to be added. */
  end: Place;
  problems: FrontMatterProblem[];
}

/** How the project reads YAML, in issue files and departments.yml alike: the core schema (dates stay strings), a key written twice an error. */
export const yamlOptions = { schema: 'core', uniqueKeys: true, prettyErrors: false } as const;

/** The languages gray-matter may be told to read after the opening `---`; only YAML is accepted. */
const yamlLanguages = new Set(['', 'yaml', 'yml']);

const refuse = () => {
  // Never reached: non-YAML front matter is refused before gray-matter sees it.
  // The engines are still replaced so that no code path can evaluate the block.
  throw new Error('only YAML front matter is read');
};
const refusedEngines = { json: { parse: refuse }, javascript: { parse: refuse }, js: { parse: refuse }, coffee: { parse: refuse } };

/**
 * Splits `text` (already decoded and normalised to LF) into front matter and body.
 * gray-matter always gets an options object: without one it caches results by
 * content and hands the same object to every caller. Its JavaScript engine is
 * replaced, since it evaluates the front matter as code.
 */
export function splitFrontMatter(typed: string): SplitFile {
  let text = typed;
  const start: Place = { line: 1, column: 1 };
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));

  // gray-matter takes `----` or `--- x` lines in its own ways; decide here, once.
  if (!firstLine.startsWith('---') || firstLine.startsWith('----')) {
    return failed(text, { rule: 'front-matter-missing', args: { unclosed: false }, place: start });
  }
  const language = firstLine.slice(3).trim();
  if (!yamlLanguages.has(language.toLowerCase())) {
    return failed(undefined, { rule: 'front-matter-language', args: { language }, place: { line: 1, column: 4 + firstLine.slice(3).search(/\S/) } });
  }

  const close = text.indexOf('\n---', 3);
  const repair = repairFullWidth(text, 1, close === -1 ? text.length : close);
  text = repair.text;

  let document: Document | undefined;
  let read: { data: unknown; problems: FrontMatterProblem[] } = { data: {}, problems: [] };
  const lineCounter = new LineCounter();
  // gray-matter hands the engine the text after `---`, starting with that line's
  // newline, so YAML line N is file line N.
  const toPlace = (offset: number): Place => typedPlace(repair, lineCounter, offset);
  const parsed = matter(text, {
    language: 'yaml',
    engines: {
      ...refusedEngines,
      yaml: {
        parse: (raw: string) => {
          document = parseDocument(raw, { lineCounter, ...yamlOptions });
          read = readDocument(document, raw, toPlace);
          return read.data as object;
        },
      },
    },
  });

  const headLength = text.length - parsed.content.length;
  const closed = parsed.content.length > 0 || /\n---[ \t]*\n?$/.test(text.slice(3));
  if (!closed) {
    // The body was read as YAML too, so its YAML errors would only mislead.
    return failed(undefined, { rule: 'front-matter-missing', args: { unclosed: true }, place: start });
  }

  const problems: FrontMatterProblem[] = [...repair.problems, ...read.problems];

  const headLines = text.slice(0, headLength).split('\n').length - 1;
  const body = '\n'.repeat(headLines) + parsed.content;
  const end: Place = { line: Math.max(2, text.slice(0, headLength).trimEnd().split('\n').length), column: 1 };

  const locate = (path: readonly (string | number)[], key = false): Place => {
    if (!document) return start;
    for (let depth = path.length; depth > 0; depth--) {
      const prefix = path.slice(0, depth);
      if (key && depth === path.length) {
        const parent = prefix.length > 1 ? document.getIn(prefix.slice(0, -1), true) : document.contents;
        if (isMap(parent)) {
          const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === prefix.at(-1));
          const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
          if (range) return toPlace(range[0]);
        }
      }
      const node = document.getIn(prefix, true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return toPlace(node.range[0]);
      // A key with an empty value has no node of its own: point at the key.
      const parent = prefix.length > 1 ? document.getIn(prefix.slice(0, -1), true) : document.contents;
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === prefix.at(-1));
        const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
        if (range) return toPlace(range[0]);
      }
    }
    return { line: 2, column: 1 };
  };

  // readDocument already gives no data when it finds a problem.
  return { data: parsed.data, body, locate, end, problems };
}

function failed(body: string | undefined, problem: FrontMatterProblem): SplitFile {
  return { data: {}, body, locate: () => problem.place, end: problem.place, problems: [problem] };
}

/** The first line of a `yaml` library error, without the place it names (messages give their own). */
export function firstMessageLine(message: string): string {
  return message.split('\n')[0]!.replace(/\s+at line \d+, column \d+:?$/, '');
}

/** The offset of the last line before `end` that holds an odd number of `quote`s: where an unclosed quote opens. */
function openingQuote(source: string, end: number, quote: string): number | undefined {
  let found: number | undefined;
  let lineStart = 0;
  for (const line of source.slice(0, end).split('\n')) {
    const count = line.split(quote).length - 1;
    if (count % 2 === 1) found = lineStart + line.lastIndexOf(quote);
    lineStart += line.length + 1;
  }
  return found;
}

/** Of two nodes, the one that starts first in the text. */
function first(a: YamlNode | undefined, b: YamlNode): YamlNode {
  return a === undefined || (b.range?.[0] ?? 0) < (a.range?.[0] ?? 0) ? b : a;
}

/** A node of a YAML document, as far as the walk below needs one. */
interface YamlNode {
  range?: [number, number, number] | null;
  anchor?: string;
  type?: string;
}

/**
 * Turns a parsed YAML document into plain data, or into problems: the
 * library's errors by code, then nesting beyond the limit, aliases and anchors
 * (an issue needs none; `*` or `&` starting a value is a slip, and a chain of
 * them a "billion laughs" file), and plain values run on into the next line.
 */
function readDocument(document: Document, source: string, toPlace: (offset: number) => Place): { data: unknown; problems: FrontMatterProblem[] } {
  const problems: FrontMatterProblem[] = [];
  // One message a line: one slip (a tab, a missing space) often trips several of the library's checks.
  const lines = new Set<number>();
  for (const error of document.errors) {
    const place = toPlace(error.pos[0]);
    if (lines.has(place.line)) continue;
    lines.add(place.line);
    if (error.code === 'RESOURCE_EXHAUSTION') problems.push({ rule: 'limit-exceeded', args: { kind: 'yaml-nesting', limit: limits.yamlNesting }, place });
    else if (error.code === 'DUPLICATE_KEY') problems.push({ rule: 'yaml-invalid', args: { duplicate: /^[^:\n]*/.exec(source.slice(error.pos[0]))![0].trim() }, place });
    else {
      // The library finds a quote unclosed where the text ends: point at where it opens.
      const quote = error.code === 'MISSING_CHAR' ? /closing (["'])quote/.exec(error.message)?.[1] : undefined;
      const opening = quote === undefined ? undefined : openingQuote(source, error.pos[0], quote);
      problems.push({ rule: 'yaml-invalid', args: { code: error.code, detail: firstMessageLine(error.message) }, place: opening === undefined ? place : toPlace(opening) });
    }
  }
  if (problems.length > 0) return { data: {}, problems };

  // Walked without recursion, so no depth of nesting can overflow the stack here.
  let alias: YamlNode | undefined;
  let multiline: YamlNode | undefined;
  const stack: [unknown, number][] = [[document.contents, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limits.yamlNesting) {
      const at = (node as YamlNode | null)?.range?.[0] ?? 0;
      return { data: {}, problems: [{ rule: 'limit-exceeded', args: { kind: 'yaml-nesting', limit: limits.yamlNesting }, place: toPlace(at) }] };
    }
    if (isAlias(node) || (node as YamlNode | null)?.anchor) alias = first(alias, node as YamlNode);
    if (isMap(node)) for (const pair of node.items) stack.push([pair.key, depth + 1], [pair.value, depth + 1]);
    else if (isSeq(node)) for (const item of node.items) stack.push([item, depth + 1]);
    else if (isScalar(node) && node.type === 'PLAIN' && node.range && source.slice(node.range[0], node.range[1]).includes('\n')) multiline = first(multiline, node);
  }

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: limits.yamlAliases }) ?? {};
  } catch (error) {
    const place = toPlace(alias?.range?.[0] ?? 0);
    const excessive = /alias count/i.test((error as Error).message);
    problems.push(
      excessive
        ? { rule: 'limit-exceeded', args: { kind: 'aliases', limit: limits.yamlAliases }, place }
        : { rule: 'yaml-invalid', args: { code: 'ALIAS', detail: (error as Error).message }, place },
    );
    return { data: {}, problems };
  }
  if (alias) problems.push({ rule: 'yaml-invalid', args: { code: 'ALIAS', detail: 'alias or anchor' }, place: toPlace(alias.range?.[0] ?? 0) });
  if (multiline) problems.push({ rule: 'yaml-invalid', args: { code: 'MULTILINE', detail: 'plain value on two lines' }, place: toPlace(multiline.range![0]) });
  return { data: problems.length > 0 ? {} : data, problems };
}

/** YAML text as read after its full-width punctuation is made ASCII. */
export interface Repair {
  text: string;
  problems: Problem<'yaml-fullwidth'>[];
  /** Lines where a space was inserted after a colon, and the column it went in at. */
  inserted: Map<number, number>;
}

/**
 * Where `offset` of the repaired text, as `lineCounter` counted its lines,
 * stands in the text as typed: a column after a space the repair inserted
 * moves back by one.
 */
export function typedPlace(repair: Repair, lineCounter: LineCounter, offset: number): Place {
  const { line, col } = lineCounter.linePos(offset);
  const inserted = repair.inserted.get(line);
  return { line, column: inserted !== undefined && col > inserted ? col - 1 : col };
}

const fullWidthSuspect = /[：，、［］－—\u3000\uFF10-\uFF19]/;
/** A key (or list entry's key) followed by a full-width colon, or by an ASCII colon and a full-width space. */
const keyColon = /^([ \t\u3000]*(?:[-－—][ \t\u3000]+)?[A-Za-z_][A-Za-z0-9_-]*[ \t]*)(：|:(?=\u3000))(\u3000|[ \t])?/;
const numberField = /^(\s*(?:issue|total|date)\s*:\s*)(.*)$/;

/**
 * Finds full-width punctuation where YAML needs ASCII in the lines of `text`
 * from line index `from` up to offset `end` (for an issue, the lines between
 * the opening `---` and the first line starting with `---`, as gray-matter
 * splits them), reports each, and returns the text with it made ASCII:
 * `date：2023-06-08` → `date: 2023-06-08`, `[郝婕，柴亚文]` → `[郝婕,柴亚文]`,
 * `［…］` → `[…]`, a leading `－` → `-`, full-width spaces in the indentation
 * and full-width digits of issue, total and date → ASCII.
 */
export function repairFullWidth(text: string, from: number, end: number): Repair {
  const head = text.slice(0, end);
  const repair: Repair = { text, problems: [], inserted: new Map() };
  if (!fullWidthSuspect.test(head)) return repair;

  const lines = head.split('\n');
  for (let index = from; index < lines.length; index++) {
    let line = lines[index]!;
    if (!fullWidthSuspect.test(line) || /^\s*#/.test(line)) continue;
    const number = index + 1;
    const found: { typed: string; wanted: string; column: number }[] = [];
    const note = (typed: string, wanted: string, column: number) => found.push({ typed, wanted, column });

    // Indentation: full-width spaces, then a full-width list dash.
    line = line.replace(/^[ \t\u3000]+/, (indent) => {
      const at = indent.indexOf('\u3000');
      if (at !== -1) note('\u3000', ' ', at + 1);
      return indent.replace(/\u3000/g, ' ');
    });
    line = line.replace(/^([ \t]*)([－—])(?=[ \t\u3000])/, (_all, indent: string, dash: string) => {
      note(dash, '-', indent.length + 1);
      return `${indent}-`;
    });
    const colon = keyColon.exec(line);
    if (colon) {
      const [all, key, mark, after] = colon as unknown as [string, string, string, string | undefined];
      if (mark === '：') note('：', ':', key.length + 1);
      else note('\u3000', ' ', key.length + 2);
      const space = after === undefined || after === '\u3000' ? ' ' : after;
      if (after === '\u3000' && mark === '：') note('\u3000', ' ', key.length + 2);
      if (after === undefined) repair.inserted.set(number, key.length + 2);
      line = `${key}:${space}${line.slice(all.length)}`;
    }
    // Flow lists: full-width brackets, and full-width commas between the items.
    const open = line.search(/[[［]/);
    if (open !== -1 && /^[^"']*$/.test(line.slice(0, open))) {
      let inside = false;
      let rebuilt = line.slice(0, open);
      for (let at = open; at < line.length; at++) {
        let char = line[at]!;
        if (char === '［' || char === '］') {
          note(char, char === '［' ? '[' : ']', at + 1);
          char = char === '［' ? '[' : ']';
        }
        if (char === '[') inside = true;
        else if (char === ']') inside = false;
        else if (inside && (char === '，' || char === '、')) {
          note(char, ',', at + 1);
          char = ',';
        }
        rebuilt += char;
      }
      line = rebuilt;
    }
    const field = numberField.exec(line);
    if (field && /[\uFF10-\uFF19－／．]/.test(field[2]!)) {
      const typed = /[\uFF10-\uFF19－／．]/.exec(field[2]!)![0];
      note(typed, typed.normalize('NFKC'), field[1]!.length + field[2]!.indexOf(typed) + 1);
      line = field[1]! + field[2]!.normalize('NFKC');
    }
    if (found.length === 0) continue;
    lines[index] = line;
    // One message a line, at its first slip: the line it shows mends them all.
    const [{ typed, wanted, column }] = found.sort((a, b) => a.column - b.column) as [(typeof found)[number]];
    const shown = found.some((slip) => slip.wanted === ',') ? line.replace(/,(?=[^\s\]])/g, ', ') : line;
    repair.problems.push({ rule: 'yaml-fullwidth', args: { typed, wanted, line: clip(shown.trim(), 40) }, place: { line: number, column } });
  }
  repair.text = lines.join('\n') + text.slice(head.length);
  return repair;
}
