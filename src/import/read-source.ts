/**
 * Reads the editor's source file: text (.txt, .md) in UTF-8, GBK or UTF-16,
 * or a Word .docx. Anything else is refused with what to do instead.
 */
import path from 'node:path';
import { decodeGbk, decodeText, normalizeText } from '../parse/decode-text.ts';
import { docxToText } from './docx-text.ts';

/** The source as text, with notes on how it was read; or why it cannot be read. */
export type SourceText = { ok: true; text: string; notes: string[] } | { ok: false; reason: string };

const zipMagic = [0x50, 0x4b, 0x03, 0x04];

/** Reads `bytes` of the file `name` (the extension decides between text and Word). */
export async function readSource(bytes: Uint8Array, name: string): Promise<SourceText> {
  const extension = path.extname(name).toLowerCase();
  if (bytes.length === 0) return { ok: false, reason: 'The file is empty: copy the issue text into it (or export it from Word/WPS) and try again' };
  if (extension === '.doc' || extension === '.wps') {
    return { ok: false, reason: `${extension} files are not read: open it in Word or WPS and 另存为 “Word 文档 (*.docx)”, then import the .docx` };
  }
  if (extension === '.pdf') {
    return { ok: false, reason: 'PDF files are not read: open the PDF, select all text (Ctrl+A), copy it into a .txt file saved as UTF-8, and import that' };
  }
  if (extension === '.docx') return readDocx(bytes);
  return readPlainText(bytes);
}

async function readDocx(bytes: Uint8Array): Promise<SourceText> {
  if (!zipMagic.every((byte, index) => bytes[index] === byte)) {
    return { ok: false, reason: 'The file is named .docx but is not a Word document (a .docx is a zip archive, this is not): open it in Word/WPS and 另存为 .docx, or copy its text into a .txt file' };
  }
  try {
    const { text, images } = await docxToText(bytes);
    const notes = images > 0 ? [`The document has ${images} image(s); images are not imported: add them to the issue by hand if needed`] : [];
    if (text.trim() === '') return { ok: false, reason: 'The Word document has no text: check that it is the right file' };
    return { ok: true, text: normalizeText(text), notes };
  } catch (error) {
    return { ok: false, reason: `The file could not be read as a Word document (${(error as Error).message.split('\n')[0]}): open it in Word/WPS, 另存为 .docx again, and retry` };
  }
}

function readPlainText(bytes: Uint8Array): SourceText {
  // Windows Notepad's “Unicode” is UTF-16 with a byte-order mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(normalizeText(new TextDecoder('utf-16le').decode(bytes)), ['The file is UTF-16 (Windows “Unicode”); it was read as such']);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(normalizeText(new TextDecoder('utf-16be').decode(bytes)), ['The file is UTF-16 (big-endian); it was read as such']);
  const decoded = decodeText(bytes);
  if (decoded.ok) return checked(decoded.text, []);
  if (decoded.encoding === 'gbk') {
    return checked(decodeGbk(bytes), [
      'The file is not UTF-8 but looks like GBK (GB2312, as saved by older Chinese Windows editors); it was read as GBK: check the imported text, and save your sources as UTF-8 next time',
    ]);
  }
  if (decoded.encoding === 'binary') {
    return { ok: false, reason: 'The file is binary, not text: import a .txt/.md text file or a Word .docx (for a PDF, copy its text into a .txt file)' };
  }
  return {
    ok: false,
    reason: `The file is not UTF-8 text (line ${decoded.line}, column ${decoded.column}) and not GBK either: open it in the program that made it and save it as UTF-8 text (记事本: 另存为 → 编码 UTF-8; WPS/Word: 另存为 → 纯文本 → Unicode (UTF-8))`,
  };
}

function checked(text: string, notes: string[]): SourceText {
  if (text.trim() === '') return { ok: false, reason: 'The file has no text (only blank lines): copy the issue text into it and try again' };
  // An issue file already: importing it again would read its front matter as text.
  if (/^---[ \t]*\n(?:.*\n)*?(?:issue|publication)\s*:/.test(text)) {
    return { ok: false, reason: 'The file is already an issue file (it starts with front matter): put it under issues/YYYY/NNN.md and run npm run check instead' };
  }
  if (text.includes('\u0000')) return { ok: false, reason: 'The file is binary, not text: import a .txt/.md text file or a Word .docx' };
  return { ok: true, text, notes };
}
