/**
 * A Word (.docx) file as text lines, through mammoth: each paragraph a line,
 * a bold lead kept as **…** (how headlines are set), headings as #, list
 * items with their number or a bullet, since Word keeps those out of the text.
 */
import mammoth from 'mammoth';

/** The text of a .docx, and what did not come across (images). */
export interface DocxText {
  text: string;
  images: number;
}

/** Converts the bytes of a .docx; throws when mammoth cannot read them. */
export async function docxToText(bytes: Uint8Array): Promise<DocxText> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { ignoreEmptyParagraphs: true });
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
