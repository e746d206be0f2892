/**
 * Index tokens for substring search in Chinese. Pagefind splits text into
 * words with a dictionary segmenter at build time and with the browser's
 * Intl.Segmenter at query time; the two disagree, and a query that is not a
 * dictionary word (余家企业, 提标治理) then either misses items or matches
 * items that only contain its characters apart. So the index is given no
 * Chinese at all: every run of letters and digits in the normalised text
 * becomes its overlapping character pairs (bigrams) plus its last character,
 * each written as an ASCII word. Pagefind matches every query word as a
 * prefix, so
 *
 * - a 2-character query is exactly one bigram: its candidates are exactly the
 *   items containing it;
 * - a longer query is its bigrams, which must all occur (Pagefind ANDs words),
 *   and in a true match they stand at consecutive positions;
 * - a 1-character query is one word too: every character of the text is also
 *   written once on its own (after the bigrams, see toIndexTokens), so the
 *   items containing it are exactly the pages of that word.
 *
 * The lone characters are needed because Pagefind, for each query word, loads
 * only the one index chunk whose word range holds it: a prefix whose
 * extensions fill several chunks (the bigrams of a common character) matches
 * only those of that chunk. Pagefind never splits a word's pages between
 * chunks, so an exact word is always matched in full.
 *
 * Characters are written as base-36 code points in a prefix-free code: three
 * characters below U+B130 (all of CJK Unified Ideographs and Latin), `z` plus
 * four above. No code is a prefix of another, so a bigram word only ever
 * matches itself. The words are plain [0-9a-z], which neither Pagefind's
 * indexer nor Intl.Segmenter splits further.
 */

/** Letters and digits of any script: the characters that make up words. */
const runPattern = /[\p{L}\p{N}\p{M}]+/gu;

/** Code points below this get a three-character code (36³ − 36², keeping `z…` free for the escape). */
const shortCodeLimit = 35 * 36 * 36;

/** The prefix-free ASCII code of one character (one code point). */
export function charCode(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  return codePoint < shortCodeLimit ? codePoint.toString(36).padStart(3, '0') : `z${codePoint.toString(36).padStart(4, '0')}`;
}

/** The runs of letters and digits of already normalised text, as arrays of code points. */
export function toRuns(normalized: string): string[][] {
  return (normalized.match(runPattern) ?? []).map((run) => [...run]);
}

/**
 * The index words of normalised text: for each run, in text order, its
 * bigrams then its last character (so the bigrams of two runs never stand at
 * consecutive positions); then every other character of the text, once each,
 * in order of first appearance. Every character of the text is thus a word of
 * its own, which a 1-character query matches exactly; written once per item,
 * the lone characters cost one position each, not one per occurrence.
 */
export function toIndexTokens(normalized: string): string[] {
  const tokens: string[] = [];
  const alone = new Set<string>();
  const characters: string[] = [];
  for (const chars of toRuns(normalized)) {
    const codes = chars.map(charCode);
    for (let index = 0; index + 1 < codes.length; index++) tokens.push(codes[index]! + codes[index + 1]!);
    tokens.push(codes[codes.length - 1]!);
    alone.add(codes[codes.length - 1]!);
    characters.push(...codes);
  }
  for (const code of characters) {
    if (alone.has(code)) continue;
    alone.add(code);
    tokens.push(code);
  }
  return tokens;
}

/** The words Pagefind must find for one normalised query term: its bigrams, or the lone character of a one-character run. */
export function toQueryTokens(normalizedTerm: string): string[] {
  const tokens: string[] = [];
  for (const chars of toRuns(normalizedTerm)) {
    const codes = chars.map(charCode);
    if (codes.length === 1) tokens.push(codes[0]!);
    for (let index = 0; index + 1 < codes.length; index++) tokens.push(codes[index]! + codes[index + 1]!);
  }
  return tokens;
}
