/**
 * The source text as numbered lines, the unit every detector works on.
 */

/** One line of the source, trimmed, with its 1-based line number. */
export interface SourceLine {
  text: string;
  line: number;
}

/**
 * Splits decoded text into trimmed lines. Leading full-width spaces (Word's
 * paragraph indent) and trailing Markdown hard-break spaces are whitespace only.
 */
export function toSourceLines(text: string): SourceLine[] {
  return text.split('\n').map((raw, index) => ({ text: raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''), line: index + 1 }));
}

/** A `---`-style rule: only a separator, never text. */
export function isRule(text: string): boolean {
  return /^(?:-{3,}|\*{3,}|_{3,}|—{2,}|━{2,}|─{2,})$/.test(text.replace(/\s+/g, ''));
}

/** A page number printed in the margin, `— 2 —` or `-2-`: layout, not text. */
export function isPageNumber(text: string): boolean {
  return /^[—–\-－]+\s*[0-9０-９]{1,3}\s*[—–\-－]+$/.test(text.trim());
}

/** Sentence punctuation: a line holding any of it is prose, not a title or a name. */
export const sentencePunctuation = /[。，；！？：,;!?:]/;
