/**
 * The masthead at the top of an issue: publication title, 第 N 期 (with a
 * year or 总第 N 期), publisher (often with 编印) and date, in the forms
 * bulletins print them, simplified or traditional.
 */
import { numeralChars, parseNumeral } from './chinese-numerals.ts';
import { isRule, sentencePunctuation, type SourceLine } from './source-lines.ts';

/** What the masthead says; a field is missing when the masthead does not print it. */
export interface Masthead {
  publication?: string;
  issue?: number;
  total?: number;
  /** The year printed with the number (2017年第九十期), when there is one. */
  issueYear?: number;
  date?: string;
  publisher?: string;
  /** A special issue's name: 创文专刊, 疫情防控特刊. */
  title?: string;
  /** The source lines read into these fields (they move into the front matter). */
  lines: SourceLine[];
  /** Index of the first line after the masthead. */
  end: number;
}

const n = `[${numeralChars}]+`;
const total = `[（(]\\s*[总總]\\s*第\\s*(${n})\\s*期\\s*[）)]`;
const issuePattern = new RegExp(`^(?:(${n})\\s*年\\s*[度]?\\s*)?第\\s*(${n})\\s*期\\s*(?:${total})?$`);
const totalPattern = new RegExp(`^${total}$|^[总總]\\s*第\\s*(${n})\\s*期$`);
const titlePattern = /^[（(【]?\s*([^（）()【】]{0,15}(?:专刊|專刊|特刊|增刊|专辑|專輯))\s*[）)】]?$/;
const datePart = `(${n})\\s*年\\s*(${n})\\s*月\\s*(${n})\\s*[日号號]`;
const dateLine = new RegExp(`^(.*?)\\s*${datePart}$`);
const dottedDateLine = /^(.*?)\s*(\d{4})\s*[.\-/．]\s*(\d{1,2})\s*[.\-/．]\s*(\d{1,2})$/;
// 编印, 主办 … say who compiles the bulletin; they are not part of the publisher's name.
const publisherVerb = /\s*(?:编印|編印|主办|主辦|编发|編發|印发|印發|编|編)$/;

/** Reads the masthead from the first lines; stops at the first line that is not part of it. */
export function detectMasthead(lines: readonly SourceLine[]): Masthead {
  const masthead: Masthead = { lines: [], end: 0 };
  let index = 0;
  const next = () => {
    while (index < lines.length && (lines[index]!.text === '' || isRule(lines[index]!.text))) index++;
    return lines[index];
  };

  for (let line = next(); line; line = next()) {
    const text = stripMarkup(line.text);
    if (!readLine(text, masthead, nextText(lines, index + 1))) break;
    masthead.lines.push(line);
    index++;
  }
  masthead.end = index;
  // A title alone is no masthead: it was more likely the first headline.
  if (masthead.issue === undefined && masthead.date === undefined && masthead.total === undefined && masthead.publisher === undefined) {
    return { lines: [], end: 0 };
  }
  return masthead;
}

function readLine(text: string, masthead: Masthead, following: string | undefined): boolean {
  const issue = issuePattern.exec(text);
  const number = issue ? parseNumeral(issue[2]!) : undefined;
  if (issue && number !== undefined && masthead.issue === undefined) {
    masthead.issue = number;
    const year = issue[1] ? parseNumeral(issue[1]) : undefined;
    const total = issue[3] ? parseNumeral(issue[3]) : undefined;
    if (year !== undefined) masthead.issueYear = year;
    if (total !== undefined) masthead.total = total;
    return true;
  }
  const totalMatch = totalPattern.exec(text);
  const total = totalMatch ? parseNumeral(totalMatch[1] ?? totalMatch[2]!) : undefined;
  if (total !== undefined && masthead.total === undefined) {
    masthead.total = total;
    return true;
  }
  const title = titlePattern.exec(text);
  if (title && masthead.title === undefined && masthead.publication !== undefined) {
    masthead.title = title[1]!.trim();
    return true;
  }
  const date = toDate(text);
  if (date && masthead.date === undefined) {
    masthead.date = date.date;
    const publisher = date.before.replace(publisherVerb, '').trim();
    if (publisher && masthead.publisher === undefined) {
      if (!looksLikeName(publisher)) return false;
      masthead.publisher = publisher;
    }
    return true;
  }
  if (masthead.publication === undefined && masthead.issue === undefined && looksLikeName(text) && [...text].length <= 20) {
    // Mastheads space the title out: 上 街 信 息.
    masthead.publication = text.replace(/[《》]/g, '').replace(/\s+/g, '');
    return masthead.publication !== '';
  }
  if (masthead.publisher === undefined && masthead.date === undefined && looksLikeName(text)) {
    // A publisher line stands alone only when it says 编印 or the date follows it.
    if (publisherVerb.test(text) || (following !== undefined && toDate(stripMarkup(following))?.before === '')) {
      masthead.publisher = text.replace(publisherVerb, '').trim();
      return masthead.publisher !== '';
    }
  }
  return false;
}

/** A date in the masthead forms `2023 年 6 月 1 日`, `二〇二三年六月一日`, `2023.6.1`, as YYYY-MM-DD. */
export function toDate(text: string): { date: string; before: string } | undefined {
  const match = dateLine.exec(text) ?? dottedDateLine.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [match[2]!, match[3]!, match[4]!].map(parseNumeral);
  if (year === undefined || month === undefined || day === undefined || year < 1900 || month > 12 || day > 31) return undefined;
  return { date: `${year}-${pad(month)}-${pad(day)}`, before: match[1]! };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function looksLikeName(text: string): boolean {
  return text !== '' && !sentencePunctuation.test(text) && !/^[△▲◆◇●○■□★☆【]/.test(text) && [...text].length <= 40;
}

function stripMarkup(text: string): string {
  return text.replace(/^#{1,6}\s+/, '').replace(/^\*\*(.*)\*\*$/, '$1').trim();
}

function nextText(lines: readonly SourceLine[], from: number): string | undefined {
  for (let i = from; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (text !== '' && !isRule(text)) return text;
  }
  return undefined;
}
