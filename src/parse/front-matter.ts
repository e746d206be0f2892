/**
 * Splits an issue file into front matter and body with gray-matter, reading the
 * YAML with `yaml` so that every value keeps its line and column.
 */
import matter from 'gray-matter';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { Place } from '../check/report.ts';

/** A front-matter problem found while splitting, before any validation. */
export interface FrontMatterProblem {
  kind: 'missing' | 'language' | 'yaml';
  reason: string;
  place: Place;
}

/** A split issue file. */
export interface SplitFile {
  /** The front matter as plain data (YAML 1.2 core schema: dates stay strings). */
  data: unknown;
  /** The body, padded with blank lines so that its line numbers are the file's. */
  body: string;
  /** Finds where a front-matter value (or, with `key`, its key) stands in the file. */
  locate(path: readonly (string | number)[], key?: boolean): Place;
  problems: FrontMatterProblem[];
}

class FrontMatterLanguageError extends Error {}

const refuse = (language: string) => () => {
  throw new FrontMatterLanguageError(language);
};

/**
 * Splits `text` (already decoded and normalised to LF) into front matter and body.
 * gray-matter always gets an options object: without one it caches results by
 * content and hands the same object to every caller. Its JavaScript engine is
 * replaced, since it evaluates the front matter as code.
 */
export function splitFrontMatter(text: string): SplitFile {
  const problems: FrontMatterProblem[] = [];
  const start: Place = { line: 1, column: 1 };
  let document: Document | undefined;
  const lineCounter = new LineCounter();

  if (!/^---[ \t]*(?:\n|$)/.test(text) && !/^---[A-Za-z]+[ \t]*\n/.test(text)) {
    problems.push({
      kind: 'missing',
      reason: 'The file has no front matter: start it with a line `---`, the fields (publication, issue, date, publisher …) and another `---`',
      place: start,
    });
    return { data: {}, body: text, locate: () => start, problems };
  }

  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, {
      language: 'yaml',
      engines: {
        yaml: {
          parse: (raw: string) => {
            document = parseDocument(raw, { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: false });
            return (document.errors.length > 0 ? {} : (document.toJS() ?? {})) as object;
          },
        },
        json: { parse: refuse('json') },
        javascript: { parse: refuse('javascript') },
        js: { parse: refuse('js') },
        coffee: { parse: refuse('coffee') },
      },
    });
  } catch (error) {
    const language = error instanceof FrontMatterLanguageError ? error.message : String((error as Error).message);
    problems.push({
      kind: 'language',
      reason: `The front matter is declared as \`${language}\`; only YAML is read (other languages would run code or are not supported): write the first line as \`---\``,
      place: start,
    });
    return { data: {}, body: '', locate: () => start, problems };
  }

  // gray-matter hands the engine the text after `---`, starting with that line's
  // newline, so YAML line N is file line N.
  const toPlace = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  for (const error of document?.errors ?? []) {
    const place = toPlace(error.pos[0]);
    problems.push({
      kind: 'yaml',
      reason: `The front matter is not valid YAML (${firstLine(error.message)}): check indentation, the \`key: value\` form and matching quotes and brackets`,
      place,
    });
  }

  const closed = parsed.matter !== undefined && text.length - parsed.content.length > parsed.matter.length + 3;
  if (!closed) {
    problems.push({
      kind: 'missing',
      reason: 'The front matter is not closed: add a line `---` after the last field, before the body',
      place: start,
    });
  }

  const headLines = text.slice(0, text.length - parsed.content.length).split('\n').length - 1;
  const body = '\n'.repeat(headLines) + parsed.content;

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
    }
    return { line: 2, column: 1 };
  };

  return { data: parsed.data, body, locate, problems };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/\s+at line \d+, column \d+:?$/, '');
}
