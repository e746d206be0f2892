/**
 * The source text as numbered lines, the unit every detector works on.
 */

/** One line of the source, trimmed, with its 1-based line number. */
export interface SourceLine {
  text: string;
  line: number;
  /** The line starts a new page (a form feed, as PDF text extractors print page breaks). */
  pageBreak?: boolean;
}

/**
 * Splits decoded text into trimmed lines. Leading full-width spaces (Word's
 * paragraph indent) and trailing Markdown hard-break spaces are whitespace only;
 * a form feed marks a page break.
 */
export function toSourceLines(text: string): SourceLine[] {
  return text.split('\n').map((raw, index) => {
    const line: SourceLine = { text: raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''), line: index + 1 };
    if (raw.includes('\f')) line.pageBreak = true;
    return line;
  });
}

/**
 * A rule drawn across the page (`---`, `━━━━`, `★★★`): the masthead's and
 * footer's separators, layout only, never text.
 */
export function isRule(text: string): boolean {
  return /^(?:-{3,}|\*{3,}|_{3,}|—{2,}|━{2,}|─{2,}|═{2,}|＿{2,}|－{3,}|={3,}|＝{3,}|[★☆]{3,}|[·•]{3,})$/.test(text.replace(/\s+/g, ''));
}

/**
 * A page number printed in the margin: `— 2 —`, `-2-`, `- 2 -`, `第 2 页`,
 * `第 2 页 共 4 页`, `2 / 4`: layout, not text.
 */
export function isPageNumber(text: string): boolean {
  const compact = text.replace(/[\s\u3000]+/g, '');
  return (
    /^[—–\-－‒―─]+[0-9０-９]{1,3}[—–\-－‒―─]+$/.test(compact) ||
    /^第[0-9０-９]{1,3}[页頁](?:[，,]?共[0-9０-９]{1,3}[页頁])?$/.test(compact) ||
    /^[0-9０-９]{1,3}[/／][0-9０-９]{1,3}$/.test(compact)
  );
}

/** Joins two pieces of a line cut in two: Chinese runs on, Latin words keep a space. */
export function joinLines(before: string, after: string): string {
  return /[A-Za-z0-9]$/.test(before) && /^[A-Za-z0-9]/.test(after) ? `${before} ${after}` : before + after;
}

/** Sentence punctuation: a line holding any of it is prose, not a title or a name. */
export const sentencePunctuation = /[。，；！？：,;!?:]/;
