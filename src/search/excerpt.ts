/**
 * The excerpt under a search result: a window of the item's text around its
 * first match, as plain segments marked or not, so the page can build DOM
 * nodes from them (never HTML strings).
 */
import type { TextRange } from './search-query.ts';

/** A piece of an excerpt; `marked` pieces are matches. */
export interface ExcerptSegment {
  text: string;
  marked: boolean;
}

/**
 * About `length` characters of `text` around the first of `ranges` (the
 * start of the text when there is none), with every match inside marked and
 * an ellipsis where the text was cut. Whitespace runs become one space.
 */
export function toExcerpt(text: string, ranges: readonly TextRange[], length = 90): ExcerptSegment[] {
  const first = ranges[0];
  // Start a little before the first match so it reads in context.
  let start = first ? Math.max(0, first.start - Math.floor(length / 4)) : 0;
  let end = Math.min(text.length, start + length);
  if (end - start < length) start = Math.max(0, end - length);
  // Never cut a surrogate pair in half.
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;

  const segments: ExcerptSegment[] = [];
  const push = (piece: string, marked: boolean) => {
    const flat = piece.replace(/\s+/gu, ' ');
    if (flat === '') return;
    const last = segments[segments.length - 1];
    if (last && last.marked === marked) last.text += flat;
    else segments.push({ text: flat, marked });
  };
  if (start > 0) push('……', false);
  let cursor = start;
  for (const range of ranges) {
    if (range.end <= start || range.start >= end) continue;
    const from = Math.max(range.start, start);
    const to = Math.min(range.end, end);
    push(text.slice(cursor, from), false);
    push(text.slice(from, to), true);
    cursor = to;
  }
  push(text.slice(cursor, end), false);
  if (end < text.length) push('……', false);
  return segments;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
