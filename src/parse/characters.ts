/**
 * Characters an editor cannot see: NUL bytes, the line breaks Word leaves
 * (U+2028, vertical tab, form feed), other control characters, and invisible
 * format characters (zero-width spaces, soft hyphens, direction marks). The
 * first are errors: Markdown does not break a line at them, so text runs on
 * (a △ after one starts no brief). The others are warnings: the page looks
 * right, but a search for the words around one misses them.
 */
import type { VFile } from 'vfile';
import type { Language } from '../messages/language.ts';
import { report } from '../messages/report.ts';

// Control characters are what this pattern is for.
// eslint-disable-next-line no-control-regex
const suspect = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u00AD\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const lineBreaks = new Set(['\x0B', '\x0C', '\x85', '\u2028', '\u2029']);

/** The invisible format characters, by name. */
const invisibleNames: Record<string, { readonly [L in Language]: string }> = {
  '\u00AD': { 'zh-CN': '软连字符', en: 'soft hyphen' },
  '\u180E': { 'zh-CN': '蒙古文元音分隔符', en: 'Mongolian vowel separator' },
  '\u200B': { 'zh-CN': '零宽空格', en: 'zero-width space' },
  '\u200C': { 'zh-CN': '零宽不连字', en: 'zero-width non-joiner' },
  '\u200D': { 'zh-CN': '零宽连字', en: 'zero-width joiner' },
  '\u2060': { 'zh-CN': '零宽不换行空格', en: 'word joiner' },
  '\uFEFF': { 'zh-CN': '零宽不换行空格（BOM）', en: 'zero-width no-break space (BOM)' },
};
const directionName = { 'zh-CN': '文字方向控制符', en: 'text direction mark' };
const invisibleName = { 'zh-CN': '不可见的格式字符', en: 'invisible format character' };

/** `U+200B`. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Reports every such character of `text` (a whole file, decoded), the first
 * of each kind on each line.
 */
export function checkCharacters(text: string, file: VFile): void {
  suspect.lastIndex = 0;
  if (!suspect.test(text)) return;
  suspect.lastIndex = 0;
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  const said = new Set<string>();
  for (const match of text.matchAll(suspect)) {
    const at = match.index;
    for (let next = text.indexOf('\n', scanned); next !== -1 && next < at; next = text.indexOf('\n', next + 1)) {
      line++;
      lineStart = next + 1;
    }
    scanned = at;
    const char = match[0];
    const code = codePoint(char);
    const place = { line, column: at - lineStart + 1 };
    const kind = char === '\0' ? 'nul' : lineBreaks.has(char) ? 'line-break' : char <= '\x9F' ? 'control' : undefined;
    const key = `${line} ${kind ?? code}`;
    if (said.has(key)) continue;
    said.add(key);
    if (kind) report(file, 'control-character', { code, kind }, place);
    else {
      const name = invisibleNames[char] ?? (/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/.test(char) ? directionName : invisibleName);
      report(file, 'invisible-character', { code, name }, place);
    }
  }
}
