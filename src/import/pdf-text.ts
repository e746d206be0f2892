/**
 * A PDF's text, read through PDF.js (pdfjs-dist) as an editor would copy it
 * out, but with the page's geometry used: text pieces grouped into lines by
 * their baseline and read left to right, top to bottom; the lines of a
 * paragraph that the page's width (or a page break) cut joined into one line;
 * a wide gap kept as two spaces, so a masthead line `第9期   XX办公室   日期`
 * keeps its parts apart. Page numbers and running heads are kept as lines of
 * their own (after the paragraph a page break cut), for the importer to leave
 * out and report; each page after the first starts with a form feed.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { replaceRadicals } from './radicals.ts';
import { isPageNumber, joinLines } from './source-lines.ts';

/** The text of a PDF and how it was read. */
export interface PdfText {
  text: string;
  pages: number;
  /** Radical characters read as the characters they stand for (see radicals.ts). */
  radicals: number;
  /** Paragraphs a page break cut, joined. */
  pageJoins: number;
  /** The numbers of the pages without any text (scanned pages), whose content cannot be imported. */
  emptyPages: number[];
}

/** Why a PDF's text cannot be read. */
export class PdfReadError extends Error {
  constructor(
    readonly problem: 'pdf-encrypted' | 'pdf-damaged' | 'pdf-no-text',
    readonly pages: number,
    detail: string,
  ) {
    super(detail);
  }
}

interface Piece {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A line of a page as printed: where it starts and ends, and its font size. */
interface PageLine {
  text: string;
  x: number;
  end: number;
  y: number;
  size: number;
  page: number;
}

/** Reads the text of the PDF `bytes`; throws a PdfReadError when there is none to read. */
export async function pdfToText(bytes: Uint8Array): Promise<PdfText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const data = new Uint8Array(bytes);
  let document;
  try {
    document = await pdfjs.getDocument({
      data,
      // CJK fonts without their own Unicode table are read through Adobe's character maps.
      cMapUrl: `${pathToFileURL(path.join(root, 'cmaps')).href}/`,
      cMapPacked: true,
      standardFontDataUrl: `${pathToFileURL(path.join(root, 'standard_fonts')).href}/`,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException') throw new PdfReadError('pdf-encrypted', 0, (error as Error).message);
    throw new PdfReadError('pdf-damaged', 0, (error as Error).message.split('\n')[0] ?? name);
  }
  try {
    const pages: PageLine[][] = [];
    let radicals = 0;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const pieces: Piece[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const read = replaceRadicals(item.str);
        radicals += read.count;
        const [a, b, c, d, x, y] = item.transform as number[];
        pieces.push({ text: read.text, x: x!, y: y!, width: item.width, size: Math.hypot(c!, d!) || Math.hypot(a!, b!) || 1 });
      }
      pages.push(toPageLines(pieces, number));
      page.cleanup();
    }
    const emptyPages = pages.flatMap((lines, index) => (lines.every((line) => line.text.trim() === '') ? [index + 1] : []));
    if (emptyPages.length === pages.length) throw new PdfReadError('pdf-no-text', pages.length, 'no text layer');
    const { text, pageJoins } = toParagraphs(pages);
    return { text, pages: pages.length, radicals, pageJoins, emptyPages };
  } catch (error) {
    if (error instanceof PdfReadError) throw error;
    // A page PDF.js cannot read: the file is damaged, whatever the page.
    throw new PdfReadError('pdf-damaged', document.numPages, (error as Error).message.split('\n')[0] ?? 'unreadable page');
  } finally {
    await document.destroy();
  }
}

/** Groups a page's pieces into lines by baseline, top to bottom, each read left to right. */
function toPageLines(pieces: Piece[], page: number): PageLine[] {
  const sorted = [...pieces].sort((p, q) => q.y - p.y || p.x - q.x);
  const rows: Piece[][] = [];
  for (const piece of sorted) {
    const row = rows.at(-1);
    // Pieces whose baselines are within half a character's height share a line.
    if (row && Math.abs(row[0]!.y - piece.y) <= Math.min(row[0]!.size, piece.size) * 0.5) row.push(piece);
    else rows.push([piece]);
  }
  return rows.map((row) => {
    row.sort((p, q) => p.x - q.x);
    let text = '';
    let end = row[0]!.x;
    for (const piece of row) {
      const gapWidth = piece.x - end;
      // A wide gap parts a line's fields; a narrow one is a space the PDF did not write.
      if (text !== '' && !/\s$/.test(text) && !/^\s/.test(piece.text)) {
        if (gapWidth > piece.size * 1.5) text += '  ';
        else if (gapWidth > piece.size * 0.3) text += ' ';
      }
      text += piece.text;
      end = Math.max(end, piece.x + piece.width);
    }
    const size = Math.max(...row.map((piece) => piece.size));
    return { text: text.replace(/\s+$/, ''), x: row[0]!.x, end, y: row[0]!.y, size, page };
  }).filter((line) => line.text.trim() !== '');
}

/**
 * The lines of every page as text: a line that fills the page's width and is
 * followed by a line at the left margin (not indented, same size, close below
 * or at the top of the next page) goes on in that line.
 */
function toParagraphs(pages: PageLine[][]): { text: string; pageJoins: number } {
  const heads = repeatedEdges(pages);
  const spaced = spacesNumbers(pages.flatMap((lines) => lines.map((line) => line.text))) ?? false;
  const margins = pages.map((lines) => {
    const body = lines.filter((line) => !isFurniture(line, heads));
    return { left: Math.min(...body.map((line) => line.x)), right: Math.max(...body.map((line) => line.end)) };
  });
  const fills = (line: PageLine) => line.end >= margins[line.page - 1]!.right - line.size * 1.5;
  const atLeft = (line: PageLine) => line.x <= margins[line.page - 1]!.left + line.size * 0.5;

  const out: string[] = [];
  // Page furniture met inside a paragraph cut by a page break: written after the paragraph.
  let pending: string[] = [];
  let current: { text: string; last: PageLine } | undefined;
  let pageJoins = 0;
  const flush = () => {
    if (current) out.push(current.text);
    out.push(...pending);
    current = undefined;
    pending = [];
  };
  for (const lines of pages) {
    lines.forEach((line, index) => {
      const mark = index === 0 && line.page > 1 ? '\f' : '';
      if (isFurniture(line, heads)) {
        (current ? pending : out).push(mark + line.text);
        return;
      }
      const previous = current?.last;
      const continues =
        previous !== undefined &&
        fills(previous) &&
        atLeft(line) &&
        Math.abs(line.size - previous.size) < 0.5 &&
        (line.page !== previous.page || (previous.y > line.y && previous.y - line.y <= line.size * 2));
      if (current && continues) {
        if (line.page !== previous!.page) pageJoins++;
        current.text = joinText(current.text, line.text, spaced);
        current.last = line;
        if (mark !== '') pending.push(mark);
        return;
      }
      flush();
      current = { text: mark + line.text, last: line };
    });
  }
  flush();
  return { text: `${out.join('\n')}\n`, pageJoins };
}

/** Lines at the top or bottom of two pages or more with the same text: running heads and feet. */
function repeatedEdges(pages: PageLine[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    for (const line of new Set([lines[0], lines.at(-1)])) {
      if (!line) continue;
      const key = compact(line.text);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return new Set([...counts].filter(([, count]) => count >= 2).map(([key]) => key));
}

function isFurniture(line: PageLine, heads: ReadonlySet<string>): boolean {
  return isPageNumber(line.text) || heads.has(compact(line.text));
}

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

const cjk = '[\\u3400-\\u9fff\\uf900-\\ufaff]';
const spacedPattern = new RegExp(`${cjk} [A-Za-z0-9]|[A-Za-z0-9] ${cjk}`, 'g');
const tightPattern = new RegExp(`${cjk}[A-Za-z0-9]|[A-Za-z0-9]${cjk}`, 'g');
const cjkStart = new RegExp(`^${cjk}`);
const cjkEnd = new RegExp(`${cjk}$`);

/**
 * Whether `texts` set numbers and Latin words apart from Chinese text with a
 * space (`共 63 个`) rather than not (`共63个`); undefined when they hold
 * neither.
 */
function spacesNumbers(texts: readonly string[]): boolean | undefined {
  let spaced = 0;
  let tight = 0;
  for (const text of texts) {
    spaced += text.match(spacedPattern)?.length ?? 0;
    tight += text.match(tightPattern)?.length ?? 0;
  }
  return spaced + tight === 0 ? undefined : spaced >= tight * 4 && spaced > 0;
}

/**
 * Joins two pieces of a line cut in two as joinLines does (Chinese runs on,
 * Latin words keep a space), and keeps a space between a number and Chinese
 * text too where the paragraph (or, when it has no such pair, the document)
 * sets them apart: the line was then broken at such a space, which the page
 * no longer shows.
 */
function joinText(before: string, after: string, documentSpaced: boolean): string {
  const mixed = (/[A-Za-z0-9]$/.test(before) && cjkStart.test(after)) || (/^[A-Za-z0-9]/.test(after) && cjkEnd.test(before));
  return mixed && (spacesNumbers([before, after]) ?? documentSpaced) ? `${before} ${after}` : joinLines(before, after);
}
