/**
 * A Word (.docx) file as text lines, through mammoth: each paragraph a line,
 * a bold lead kept as **…** (how headlines are set), headings as #, list
 * items with their number or a bullet, since Word keeps those out of the text.
 * Before mammoth unpacks anything, the zip's central directory is read (by
 * yauzl) and a document whose XML would unpack past a sane size is refused.
 */
import mammoth from 'mammoth';
import yauzl from 'yauzl';

/**
 * How large a .docx's XML may unpack. An issue's document.xml is well under a
 * megabyte, a long report's a few; mammoth holds the XML as a DOM of about ten
 * times its size. Images are not unpacked at all.
 */
const docxLimits = {
  /** One XML part (word/document.xml, styles.xml …). */
  part: 32 * 1024 * 1024,
  /** All XML parts together. */
  total: 64 * 1024 * 1024,
};

/** The outcome of reading a .docx's zip directory. */
export type DocxSize =
  | { problem?: undefined }
  | { problem: 'too-large'; part: string; size: number; limit: number }
  | { problem: 'damaged'; detail: string };

/**
 * Reads the sizes the zip's central directory declares for the document's
 * XML parts and refuses past `docxLimits`; then unpacks those parts once,
 * counting, since a directory may lie: yauzl stops a part that unpacks past
 * its declared size.
 */
export async function checkDocxSize(bytes: Uint8Array, limits = docxLimits): Promise<DocxSize> {
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true, validateEntrySizes: true, autoClose: false }, (error, opened) => (error ? reject(error) : resolve(opened))),
    );
  } catch (error) {
    return { problem: 'damaged', detail: (error as Error).message };
  }
  try {
    const entries: yauzl.Entry[] = [];
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push(entry);
        zip.readEntry();
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    });
    const xml = entries.filter((entry) => /\.(?:xml|rels)$/i.test(entry.fileName));
    let total = 0;
    for (const entry of xml) {
      total += entry.uncompressedSize;
      if (entry.uncompressedSize > limits.part) return { problem: 'too-large', part: entry.fileName, size: entry.uncompressedSize, limit: limits.part };
      if (total > limits.total) return { problem: 'too-large', part: 'XML', size: total, limit: limits.total };
    }
    for (const entry of xml) await drain(zip, entry);
    return {};
  } catch (error) {
    return { problem: 'damaged', detail: (error as Error).message };
  } finally {
    zip.close();
  }
}

/** Unpacks an entry and throws away its bytes: yauzl checks them against the declared size. */
function drain(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      stream.on('data', () => {});
      stream.on('end', () => resolve());
      stream.on('error', reject);
    });
  });
}

/** The text of a .docx, and what did not come across (images). */
export interface DocxText {
  text: string;
  images: number;
}

/** Converts the bytes of a .docx; throws when mammoth cannot read them. */
export async function docxToText(bytes: Uint8Array): Promise<DocxText> {
  // Images are counted, never unpacked: an empty source is all the text needs.
  const convertImage = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { ignoreEmptyParagraphs: true, convertImage });
  return htmlToText(value);
}

/** Turns mammoth's simple HTML (p, h1–h6, strong, em, ol/ul/li, table, br, a, img) into text lines. */
export function htmlToText(html: string): DocxText {
  const images = html.match(/<img\b/g)?.length ?? 0;
  const lines: string[] = [];
  const counters: (number | undefined)[] = [];
  // One block element at a time: its opening tag and content up to the matching close.
  const blockPattern = /<(p|h[1-6]|li)\b[^>]*>([\s\S]*?)<\/\1>|<(ol|ul)\b[^>]*>|<\/(ol|ul)>/g;
  for (const match of html.matchAll(blockPattern)) {
    if (match[3]) {
      counters.push(match[3] === 'ol' ? 0 : undefined);
      continue;
    }
    if (match[4]) {
      counters.pop();
      continue;
    }
    const tag = match[1]!;
    const inner = match[2]!;
    if (tag === 'li' && /<(?:p|ol|ul)\b/.test(inner)) continue;
    let prefix = '';
    if (tag.startsWith('h')) prefix = `${'#'.repeat(Number(tag[1]))} `;
    if (tag === 'li') {
      const depth = counters.length - 1;
      const count = counters[depth];
      if (count === undefined) prefix = '● ';
      else {
        counters[depth] = count + 1;
        prefix = `${count + 1}、`;
      }
    }
    for (const line of inlineToText(inner).split('\n')) lines.push(line === '' ? '' : prefix + line);
    lines.push('');
  }
  return { text: lines.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n', images };
}

// A bold run opening the paragraph is the headline (**…**); other emphasis is only formatting.
function inlineToText(inner: string): string {
  const lead = /^(?:<a\b[^>]*><\/a>)*<strong>([\s\S]*?)<\/strong>/.exec(inner);
  const rest = lead ? inner.slice(lead[0].length) : inner;
  const text = (value: string) =>
    decodeEntities(
      value
        .replace(/<br\s*\/?>/g, '\n')
        .replace(/<[^>]+>/g, ''),
    );
  const head = lead ? text(lead[1]!).trim() : '';
  return head ? `**${head}**${text(rest)}` : text(rest);
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x([0-9a-f]+)|#(\d+));/gi, (_, name: string, hex?: string, dec?: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number(dec));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" } as Record<string, string>)[name.toLowerCase()]!;
  });
}
