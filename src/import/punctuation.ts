/**
 * Half-width punctuation typed in Chinese text, turned into the full-width
 * forms the bulletin prints. Only marks that touch Chinese text change:
 * `0.2`, `3,000`, `9:30` and Latin text keep theirs.
 */

const cjk = '\\u3400-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef“”‘’';
const nearCjk = (mark: string) => new RegExp(`(?<=[${cjk}])\\s*${mark}\\s*|\\s*${mark}\\s*(?=[${cjk}])`, 'g');

const marks: [RegExp, string][] = [
  [nearCjk(','), '，'],
  [nearCjk(';'), '；'],
  [nearCjk(':'), '：'],
  [nearCjk('\\?'), '？'],
  [nearCjk('!'), '！'],
];

/** Normalises half-width punctuation next to Chinese text to full width. */
export function toFullWidthPunctuation(text: string): string {
  // Quotes first, so that marks next to them count as next to Chinese text.
  let result = toCurlyQuotes(text);
  for (const [pattern, replacement] of marks) result = result.replace(pattern, replacement);
  // Parentheses are changed as a pair, and only around Chinese content.
  result = result.replace(new RegExp(`\\(([^()]*[${cjk}][^()]*)\\)`, 'g'), '（$1）');
  // A full stop ends a Chinese sentence when Chinese text precedes it and no digit follows.
  result = result.replace(new RegExp(`(?<=[${cjk}])\\.(?![0-9A-Za-z])`, 'g'), '。');
  return result;
}

// Straight double quotes in Chinese text become “…” pairs, in order.
function toCurlyQuotes(text: string): string {
  if (!/"/.test(text) || !new RegExp(`[${cjk}]`).test(text)) return text;
  let open = true;
  return text.replace(/"/g, () => {
    const quote = open ? '“' : '”';
    open = !open;
    return quote;
  });
}
