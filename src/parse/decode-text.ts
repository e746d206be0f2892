/**
 * Turns the bytes of an editor's file into text: UTF-8 only, with a BOM and
 * CRLF line ends accepted, and a clear diagnosis when the bytes are not UTF-8.
 */

/** The outcome of decoding: the text, or what the bytes look like instead. */
export type Decoded =
  | { ok: true; text: string }
  | { ok: false; encoding: 'gbk' | 'binary' | 'unknown'; line: number; column: number };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

/** Decodes UTF-8 bytes, dropping a BOM and turning CRLF/CR line ends into LF. */
export function decodeText(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: normalizeText(utf8.decode(bytes)) };
  } catch {
    const lenient = utf8Lenient.decode(bytes);
    const bad = lenient.indexOf('\uFFFD');
    const before = lenient.slice(0, Math.max(0, bad));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return { ok: false, encoding: sniffEncoding(bytes), line, column };
  }
}

/** Strips a BOM and turns CRLF and lone CR line ends into LF. */
export function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Decodes GBK (GB 18030) bytes, for importing files saved by older Chinese Windows editors. */
export function decodeGbk(bytes: Uint8Array): string {
  return normalizeText(new TextDecoder('gb18030').decode(bytes));
}

function sniffEncoding(bytes: Uint8Array): 'gbk' | 'binary' | 'unknown' {
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return 'binary';
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(sample.subarray(0, lastCompleteGbk(sample)));
    // Real Chinese text decoded as GBK is mostly CJK ideographs and punctuation.
    const cjk = text.match(/[\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFFEF]/g)?.length ?? 0;
    const nonAscii = [...text].filter((char) => char.charCodeAt(0) > 0x7f).length;
    return nonAscii > 0 && cjk / nonAscii > 0.9 ? 'gbk' : 'unknown';
  } catch {
    return 'unknown';
  }
}

// A sample cut at 8 KiB may end inside a two-byte GBK character.
function lastCompleteGbk(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const step = (bytes[i] ?? 0) >= 0x81 ? 2 : 1;
    if (i + step > bytes.length) break;
    i += step;
  }
  return i;
}
