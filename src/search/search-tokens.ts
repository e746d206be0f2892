/**
 * Index tokens for substring search in Chinese. Pagefind splits text into
 * words with a dictionary segmenter at build time and with the browser's
 * Intl.Segmenter at query time; the two disagree, and a query that is not a
 * dictionary word (余家企业, 提标治理) then either misses items or matches
 * items that only contain its characters apart. So the index is given no
 * Chinese at all: every character of a run of letters and digits in the
 * normalised text becomes one ASCII word holding it and the next two
 * characters of its run (a trigram; shorter at the run's end). Pagefind
 * matches every query word as a prefix, so
 *
 * - a query run of 1–3 characters is one word, the prefix of the word where
 *   it starts: its candidates are exactly the items containing it;
 * - a longer run is covered by overlapping trigrams (coverOffsets), which must
 *   all occur (Pagefind ANDs words) and in a true match stand at positions
 *   p + offset, which the page checks before fetching anything.
 *
 * Trigrams rather than bigrams (measured at 1,000 issues): as many index
 * words (one per character) and about the same build time, memory and index
 * size, but a query needs fewer words (红管家: one instead of two), and the
 * browser loads one index chunk (~20–30 KB) per query word and bundle.
 *
 * Characters are written as base-36 code points in a prefix-free code: three
 * characters below U+B130 (all of CJK Unified Ideographs and Latin), `z` plus
 * four above. No code is a prefix of another, so a query word only matches
 * words that start with its characters. The words are plain [0-9a-z], which neither Pagefind's
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

/** Characters per index word: one word per character of text, holding it and the next two of its run. */
export const wordLength = 3;

/**
 * The index words of normalised text, in text order: one per character, that
 * character and the next two of its run (fewer at the run's end), so every
 * substring of up to three characters is a prefix of the word where it starts.
 */
export function toIndexTokens(normalized: string): string[] {
  const tokens: string[] = [];
  for (const chars of toRuns(normalized)) {
    const codes = chars.map(charCode);
    for (let index = 0; index < codes.length; index++) tokens.push(codes.slice(index, index + wordLength).join(''));
  }
  return tokens;
}

/**
 * Where the query words of a run of `length` characters start: every run up
 * to three characters is one word (a prefix); a longer one is covered by
 * trigrams two characters apart plus the last trigram, so that neighbouring
 * words overlap by at least one character (4 → 0 1, 5 → 0 2, 6 → 0 2 3).
 * Fewer words than one per character: each word costs the browser an index
 * chunk per bundle.
 */
export function coverOffsets(length: number): number[] {
  if (length <= wordLength) return [0];
  const offsets: number[] = [];
  for (let offset = 0; offset + wordLength < length; offset += wordLength - 1) offsets.push(offset);
  offsets.push(length - wordLength);
  return offsets;
}

/** The words Pagefind must find for one normalised query term: per run, the words at its cover offsets. */
export function toQueryTokens(normalizedTerm: string): string[] {
  const tokens: string[] = [];
  for (const chars of toRuns(normalizedTerm)) {
    const codes = chars.map(charCode);
    for (const offset of coverOffsets(codes.length)) tokens.push(codes.slice(offset, offset + wordLength).join(''));
  }
  return tokens;
}
