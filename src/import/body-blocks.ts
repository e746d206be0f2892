/**
 * Classifies the body's lines into blocks: sections, department headings,
 * headlines, briefs and paragraphs, joining what page breaks and wrapping split.
 */
import type { DepartmentRegistry } from '../departments/department-registry.ts';
import { toAttributionLine, toDepartmentHeading } from './attribution.ts';
import { toFullWidthPunctuation } from './punctuation.ts';
import { joinLines, sentencePunctuation, type SourceLine } from './source-lines.ts';

/** A block of the body, with the source line it starts on. */
export type Block =
  | { kind: 'section'; text: string; line: number }
  /** A numbered group heading, 一、重点工作: a section, or a subheading inside an article. */
  | { kind: 'group'; text: string; line: number }
  | {
      kind: 'department';
      text: string;
      line: number;
      /** What the line says besides the name (a colon, 来源：, 供稿), left out. */
      dropped?: string;
      /** The line says it names the source (来源：XX, XX 供稿): it closes the item above it. */
      label?: boolean;
    }
  | { kind: 'headline'; text: string; line: number }
  | { kind: 'brief'; text: string; line: number }
  | { kind: 'paragraph'; text: string; line: number };

const sectionLine = /^(?:#{1,6}\s*)?【\s*([^【】]+?)\s*】$/;
// 一、重点工作: a Chinese-numbered heading without sentence punctuation.
const groupLine = /^(?:#{1,6}\s*)?([一二三四五六七八九十]{1,3}、\s*[^。，；！？,;!?]{1,30})$/;
const markdownHeading = /^#{1,6}\s+(.+?)(?:\s+#+)?$/;
const boldLead = /^(?:\*\*|__)(.+?)(?:\*\*|__)\s*(.*)$/;
const briefMarker = /^[△▲◆◇●○■□★☆▶►]\s*(.*)$/;
// 1、 1． 1. (not 3.5) and （1）.
const numbered = /^(?:[0-9０-９]{1,2}\s*(?:[、．]|\.(?![0-9]))|[（(][0-9０-９]{1,2}[）)])\s*(.+)$/;
// Where a sentence, or a paragraph closed by its attribution, ends; a colon ends a
// salutation (各镇（街道）：) or an announcement (现通报如下：). A closing quote does not
// end one: a line wrapped after “红管家” goes on.
const closedEnd = /[。！？!?…）)】：]$/;
const maxHeadlineLine = 40;
const maxHeadlineLines = 3;

/**
 * Splits the body lines into blocks; `registry` recognises department
 * headings. Blank lines are passed over: what joins or splits is the text.
 */
export function toBlocks(lines: readonly SourceLine[], registry: DepartmentRegistry): Block[] {
  const blocks: Block[] = [];
  // The paragraph or brief that a following plain line may still continue, and its pieces so far:
  // joined once it is complete, since a text re-joined line by line is copied once per line
  // (measured: a paragraph of 40,000 wrapped lines took 9.4 s to join, 1 ms as pieces).
  let open: Extract<Block, { kind: 'paragraph' | 'brief' }> | undefined;
  let pieces: string[] = [];
  const setOpen = (block: typeof open) => {
    if (open && pieces.length > 1) open.text = pieces.join('');
    open = block;
    pieces = block ? [block.text] : [];
  };
  const content = lines.filter((line) => line.text !== '').map((line) => ({ ...line, text: toFullWidthPunctuation(line.text) }));

  for (let index = 0; index < content.length; index++) {
    const { text, line } = content[index]!;
    const structural = toStructural(text, line);
    if (structural) {
      blocks.push(...structural);
      const last = structural.at(-1)!;
      setOpen(last.kind === 'paragraph' || last.kind === 'brief' ? last : undefined);
      continue;
    }
    const labelled = toAttributionLine(text, registry);
    if (labelled) {
      // 来源：区财政局, 区财政局供稿: the source of the item above, on a line of its own.
      blocks.push({ kind: 'department', text: labelled.name, line, dropped: labelled.dropped, label: true });
      setOpen(undefined);
      continue;
    }
    const tail = pieces.at(-1);
    if (open && tail !== undefined && !closedEnd.test(tail)) {
      // A sentence cut by a page break or a hard wrap goes on.
      pieces.push(joinLines(tail, text).slice(tail.length));
      continue;
    }
    const department = toDepartmentHeading(text, registry);
    const following = content[index + 1]?.text;
    // A name the registry does not know is a department line only where no body text follows it
    // (above a headline, a section, or at the end): above body text it is more likely a headline
    // ending in a name (走进区统计局).
    const standsAlone =
      following === undefined || sectionLine.test(following) || groupLine.test(following) || registry.resolve(department ?? '') !== undefined || isHeadlineAhead(content, index + 1);
    if (department && standsAlone) {
      const colon = /[：:]$/.exec(text)?.[0];
      blocks.push({ kind: 'department', text: department, line, ...(colon ? { dropped: colon } : {}) });
      setOpen(undefined);
      continue;
    }
    const headline = readHeadline(content, index);
    if (headline) {
      blocks.push({ kind: 'headline', text: headline.text, line });
      index += headline.lines - 1;
      setOpen(undefined);
      continue;
    }
    const paragraph: Block = { kind: 'paragraph', text, line };
    setOpen(paragraph);
    blocks.push(paragraph);
  }
  setOpen(undefined);
  return blocks;
}

/** Blocks that announce themselves by their markup: 【section】, ## or **headline**, △ or 1、 briefs. */
function toStructural(text: string, line: number): Block[] | undefined {
  const section = sectionLine.exec(text);
  if (section) return [{ kind: 'section', text: section[1]!, line }];
  const group = groupLine.exec(text);
  if (group) return [{ kind: 'group', text: group[1]!.trim(), line }];
  const heading = markdownHeading.exec(text);
  if (heading) return [{ kind: 'headline', text: heading[1]!.trim(), line }];
  const bold = boldLead.exec(text);
  if (bold) {
    const blocks: Block[] = [{ kind: 'headline', text: bold[1]!.trim(), line }];
    if (bold[2]) blocks.push({ kind: 'paragraph', text: bold[2], line });
    return blocks;
  }
  const marked = briefMarker.exec(text);
  if (marked) return [{ kind: 'brief', text: marked[1]!, line }];
  const number = numbered.exec(text);
  // A numbered line is a brief when it is prose; a short numbered title is left to the headline rule.
  if (number && sentencePunctuation.test(number[1]!)) return [{ kind: 'brief', text: number[1]!, line }];
  return undefined;
}

/**
 * An unmarked headline: a short line without sentence punctuation that body
 * text follows; up to two more such lines before the body continue it (a
 * title wrapped by the page's width).
 */
function readHeadline(content: readonly SourceLine[], index: number): { text: string; lines: number } | undefined {
  if (!isTitleLike(content[index]!.text)) return undefined;
  let lines = 1;
  while (lines < maxHeadlineLines && isTitleLike(content[index + lines]?.text)) lines++;
  const body = content[index + lines]?.text;
  if (!isPlain(body) || isTitleLike(body)) return undefined;
  const text = content.slice(index, index + lines).reduce((joined, line) => joinLines(joined, line.text), '');
  return { text, lines };
}

function isHeadlineAhead(content: readonly SourceLine[], index: number): boolean {
  const text = content[index]?.text;
  if (text === undefined) return false;
  const structural = toStructural(text, 0);
  return structural ? structural[0]!.kind === 'headline' : readHeadline(content, index) !== undefined;
}

// Headlines may hold a colon (区财政局：多措并举…) but no other sentence punctuation.
const notInHeadline = /[。，；！？,;!?]|[：:]$/;

function isTitleLike(text: string | undefined): boolean {
  return text !== undefined && [...text].length <= maxHeadlineLine && !notInHeadline.test(text) && !closedEnd.test(text) && isPlain(text);
}

/** A line of plain text: there is one, and no markup makes it a block of its own. */
function isPlain(text: string | undefined): boolean {
  return text !== undefined && toStructural(text, 0) === undefined;
}
