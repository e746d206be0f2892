/**
 * Splits an issue file into front matter and body with gray-matter, reading the
 * YAML with `yaml` so that every value keeps its line and column.
 */
import matter from 'gray-matter';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { Place } from '../messages/report.ts';
import type { RuleArgs } from '../messages/rules.ts';

/** A front-matter problem found while splitting, before any validation: a rule of the catalogue and its arguments. */
export type FrontMatterProblem = { place: Place } & (
  | { rule: 'front-matter-missing'; args: RuleArgs<'front-matter-missing'> }
  | { rule: 'front-matter-language'; args: RuleArgs<'front-matter-language'> }
  | { rule: 'yaml-invalid'; args: RuleArgs<'yaml-invalid'> }
);

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
export function splitFrontMatter(text: string): SplitFile {
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

  let document: Document | undefined;
  let source = '';
  const lineCounter = new LineCounter();
  const parsed = matter(text, {
    language: 'yaml',
    engines: {
      ...refusedEngines,
      yaml: {
        parse: (raw: string) => {
          source = raw;
          document = parseDocument(raw, { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: false });
          return (document.errors.length > 0 ? {} : (document.toJS() ?? {})) as object;
        },
      },
    },
  });

  // gray-matter hands the engine the text after `---`, starting with that line's
  // newline, so YAML line N is file line N.
  const toPlace = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  const headLength = text.length - parsed.content.length;
  const closed = parsed.content.length > 0 || /\n---[ \t]*\n?$/.test(text.slice(3));
  if (!closed) {
    // The body was read as YAML too, so its YAML errors would only mislead.
    return failed(undefined, { rule: 'front-matter-missing', args: { unclosed: true }, place: start });
  }

  const problems: FrontMatterProblem[] = [];
  for (const error of document?.errors ?? []) {
    const args = error.code === 'DUPLICATE_KEY' ? { duplicate: /^[^:\n]*/.exec(source.slice(error.pos[0]))![0].trim() } : { detail: firstMessageLine(error.message) };
    problems.push({ rule: 'yaml-invalid', args, place: toPlace(error.pos[0]) });
  }

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

  return { data: parsed.data, body, locate, end, problems };
}

function failed(body: string | undefined, problem: FrontMatterProblem): SplitFile {
  return { data: {}, body, locate: () => problem.place, end: problem.place, problems: [problem] };
}

function firstMessageLine(message: string): string {
  return message.split('\n')[0]!.replace(/\s+at line \d+, column \d+:?$/, '');
}
