/**
 * Reads the editor's source file: text (.txt, .md) in UTF-8, GBK or UTF-16,
 * a Word .docx, or a PDF. Anything else is refused with what to do instead.
 */
import path from 'node:path';
import { say } from '../messages/message.ts';
import { decodeGbk, decodeText, normalizeText } from '../parse/decode-text.ts';
import { checkDocxSize, docxToText } from './docx-text.ts';
import type { Finding } from './findings.ts';
import { importTexts } from '../messages/texts.ts';
import { PdfReadError, pdfToText } from './pdf-text.ts';

/** Why the source cannot be read: a finding of the import rules, at the file's start. */
export type SourceProblem = Extract<Finding, { ruleId: 'import-source-unreadable' | 'import-docx-too-large' | 'import-pdf-no-text' }>;

/** The source as text, with notes on how it was read; or why it cannot be read. */
export type SourceText = { ok: true; text: string; notes: string[] } | { ok: false; problem: SourceProblem };

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const pdfMagic = [0x25, 0x50, 0x44, 0x46]; // %PDF

function unreadable(args: Extract<SourceProblem, { ruleId: 'import-source-unreadable' }>['args']): SourceText {
  return { ok: false, problem: { line: 1, ruleId: 'import-source-unreadable', args } };
}

/** Reads `bytes` of the file `name` (the extension, or a PDF's own signature, decides the format). */
export async function readSource(bytes: Uint8Array, name: string): Promise<SourceText> {
  const extension = path.extname(name).toLowerCase();
  if (bytes.length === 0) return unreadable({ problem: 'empty' });
  if (extension === '.doc' || extension === '.wps') return unreadable({ problem: 'old-format', extension });
  if (extension === '.pdf' || pdfMagic.every((byte, index) => bytes[index] === byte)) return readPdf(bytes);
  if (extension === '.docx') return readDocx(bytes);
  return readPlainText(bytes);
}

async function readPdf(bytes: Uint8Array): Promise<SourceText> {
  try {
    const pdf = await pdfToText(bytes);
    const notes = [say(importTexts.pdfRead, { pages: pdf.pages })];
    if (pdf.radicals > 0) notes.push(say(importTexts.pdfRadicals, { count: pdf.radicals }));
    if (pdf.emptyPages.length > 0) notes.push(say(importTexts.pdfEmptyPages, { pages: pdf.emptyPages }));
    return checked(normalizeText(pdf.text), notes);
  } catch (error) {
    if (!(error instanceof PdfReadError)) throw error;
    if (error.problem === 'pdf-no-text') return { ok: false, problem: { line: 1, ruleId: 'import-pdf-no-text', args: { pages: error.pages } } };
    if (error.problem === 'pdf-encrypted') return unreadable({ problem: 'pdf-encrypted' });
    return unreadable({ problem: 'pdf-damaged', detail: error.message });
  }
}

async function readDocx(bytes: Uint8Array): Promise<SourceText> {
  if (!zipMagic.every((byte, index) => bytes[index] === byte)) return unreadable({ problem: 'not-zip' });
  // The zip's own directory says how large each part unpacks: a bomb is refused before mammoth unpacks it.
  const size = await checkDocxSize(bytes);
  if (size.problem === 'too-large') return { ok: false, problem: { line: 1, ruleId: 'import-docx-too-large', args: { part: size.part, size: size.size, limit: size.limit } } };
  if (size.problem === 'damaged') return unreadable({ problem: 'docx-damaged', detail: size.detail });
  try {
    const { text, images } = await docxToText(bytes);
    const notes = images > 0 ? [say(importTexts.images, { count: images })] : [];
    if (text.trim() === '') return unreadable({ problem: 'docx-empty' });
    return { ok: true, text: normalizeText(text), notes };
  } catch (error) {
    return unreadable({ problem: 'docx-damaged', detail: (error as Error).message.split('\n')[0] ?? '' });
  }
}

function readPlainText(bytes: Uint8Array): SourceText {
  // Windows Notepad's “Unicode” is UTF-16 with a byte-order mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(normalizeText(new TextDecoder('utf-16le').decode(bytes)), [say(importTexts.utf16)]);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(normalizeText(new TextDecoder('utf-16be').decode(bytes)), [say(importTexts.utf16)]);
  const decoded = decodeText(bytes);
  if (decoded.ok) return checked(decoded.text, []);
  if (decoded.encoding === 'gbk') return checked(decodeGbk(bytes), [say(importTexts.notUtf8)]);
  if (decoded.encoding === 'binary') return unreadable({ problem: 'binary' });
  return unreadable({ problem: 'encoding', line: decoded.line, column: decoded.column });
}

function checked(text: string, notes: string[]): SourceText {
  if (text.trim() === '') return unreadable({ problem: 'blank' });
  // An issue file already: importing it again would read its front matter as text.
  if (/^---[ \t]*\n/.test(text) && /^(?:issue|publication)\s*:/m.test(text.slice(0, text.indexOf('\n---', 3) + 1 || text.length))) return unreadable({ problem: 'issue-file' });
  if (text.includes('\u0000')) return unreadable({ problem: 'binary' });
  return { ok: true, text, notes };
}
