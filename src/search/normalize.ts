/**
 * The one normalisation search applies to item text and to queries alike, so
 * that what a reader types matches what the bulletin prints: full-width forms
 * become half-width (ＡＢ１２ → ab12) and letters lower-case (NFKC per code
 * point, then toLowerCase), and the typographic spaces the bulletin sets
 * between Chinese and digits or Latin letters (`63 个`, `2021 年`) are
 * dropped, so `63个` finds `63 个`. Other whitespace runs become one space.
 *
 * Every normalised character remembers the UTF-16 offset of the character it
 * came from, so a match found in normalised text can be highlighted in the
 * original.
 */

/** Normalised text, and for each of its UTF-16 code units the offset in the original it came from. */
export interface NormalizedText {
  text: string;
  /** `origins[i]` is the offset in the original of the character that produced `text[i]`. */
  origins: number[];
  /** `ends[i]` is the offset in the original just after that character. */
  ends: number[];
}

const hanPattern = /\p{Script=Han}/u;
const spacePattern = /\s/u;

/** True for a Chinese character (any Han code point). */
function isHan(char: string): boolean {
  const code = char.charCodeAt(0);
  // The common CJK blocks answer without a regular expression.
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) return true;
  return code >= 0x2e80 && hanPattern.test(char);
}

/**
 * NFKC and lower case of one code point. ASCII letters, digits and common
 * Chinese characters are already in normal form, so they skip the costly
 * String#normalize (indexing 8,000 items calls this millions of times).
 */
function normalizeCodePoint(codePoint: string): string {
  const code = codePoint.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? codePoint.toLowerCase() : codePoint;
  if (code >= 0x4e00 && code <= 0x9fff) return codePoint;
  return codePoint.normalize('NFKC').toLowerCase();
}

/** Normalises `text` for searching, keeping the way back to the original offsets. */
export function normalizeWithOrigins(text: string): NormalizedText {
  let out = '';
  const origins: number[] = [];
  const ends: number[] = [];
  // A whitespace run is held back until the next character shows whether it stays.
  let pendingSpace: { origin: number; end: number } | null = null;
  let previous = '';
  let offset = 0;
  for (const codePoint of text) {
    const start = offset;
    offset += codePoint.length;
    const mapped = normalizeCodePoint(codePoint);
    for (const char of mapped) {
      if (char === ' ' || char === '\n' || spacePattern.test(char)) {
        pendingSpace ??= { origin: start, end: offset };
        continue;
      }
      if (pendingSpace && previous !== '' && !isHan(previous) && !isHan(char)) {
        out += ' ';
        origins.push(pendingSpace.origin);
        ends.push(pendingSpace.end);
      }
      pendingSpace = null;
      out += char;
      for (let unit = 0; unit < char.length; unit++) {
        origins.push(start);
        ends.push(offset);
      }
      previous = char;
    }
  }
  return { text: out, origins, ends };
}

/** Normalises `text` for searching (see the module comment). */
export function normalizeForSearch(text: string): string {
  return normalizeWithOrigins(text).text;
}
