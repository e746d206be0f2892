/**
 * The masthead at the top of an issue, in the forms bulletins print it:
 * the publication's name (letter-spaced or not, under markings such as
 * 内部资料 / 注意保存), 第 N 期 (with a year, 总第 N 期, in Arabic, full-width
 * or Chinese numerals), the publisher (XX编印, XX 编, 主办：XX, or an office's
 * name alone) and the date, each on its own line or several on one line,
 * simplified or traditional.
 */
import type { DepartmentRegistry } from '../departments/department-registry.ts';
import { isoDate } from '../model/calendar-date.ts';
import { numeralChars, parseNumeral } from './chinese-numerals.ts';
import type { RemovedLine } from './layout-noise.ts';
import { isPageNumber, isRule, sentencePunctuation, type SourceLine } from './source-lines.ts';

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
  /** Markings printed above the name (内部资料, 注意保存): not fields, not text. */
  removed: RemovedLine[];
  /** Index of the first line after the masthead. */
  end: number;
}

type Fields = Omit<Masthead, 'lines' | 'removed' | 'end'>;

const n = `[${numeralChars}]+`;
const totalPart = `[（(]?\\s*[总總]\\s*第\\s*(${n})\\s*期\\s*[）)]?`;
// 第九期, 2017年第九十期, 第3期（总第516期）, （第 3 期）: found at the start or end of a segment.
const issuePattern = new RegExp(`[（(]?\\s*(?:(${n})\\s*年\\s*度?\\s*)?第\\s*(${n})\\s*期\\s*[）)]?(?:\\s*${totalPart})?`);
const totalPattern = new RegExp(`^${totalPart}$`);
const titlePattern = /^[（(【]?\s*([^（）()【】]{0,15}(?:专刊|專刊|特刊|增刊|专辑|專輯))\s*[）)】]?$/;
const datePattern = new RegExp(`(${n})\\s*年\\s*(${n})\\s*月\\s*(${n})\\s*[日号號]|(\\d{4})\\s*[.\\-/．]\\s*(\\d{1,2})\\s*[.\\-/．]\\s*(\\d{1,2})(?![\\d.])`);
// 编印, 主办 … say who compiles the bulletin; they are not part of the publisher's name.
const publisherVerbs = ['编印', '編印', '主办', '主辦', '编发', '編發', '印发', '印發', '编辑', '編輯'];
// 主办：XX, 编印单位：XX: a label before the publisher's name.
const publisherLabels = ['主办', '主辦', '主办单位', '主辦單位', '编印', '編印', '编印单位', '編印單位', '编发单位', '編發單位'];
// A lone 编 counts only after a space or an office's name (XX 编, XX办公室编), so that a name
// such as 信息汇编 stays whole.
const publisherVerb = new RegExp(`(?:\\s*(?:${publisherVerbs.join('|')})|\\s+(?:编|編)|(?<=(?:室|局|委|部|办|辦|厅|廳|中心|会|會|府))(?:编|編))$`);
const publisherLabel = new RegExp(`^(?:${publisherLabels.join('|')})\\s*[：:]\\s*(.+)$`);
/** The words a masthead prints around the publisher's name (XX编印, XX 编, 主办单位：XX): not part of the name. */
export const publisherWords: readonly string[] = [...new Set([...publisherLabels, ...publisherVerbs, '编', '編'])];
// The endings of an office's name, which a masthead may print alone as the publisher.
const officeEnding = /(?:办公室|辦公室|委员会|委員會|指挥部|指揮部|领导小组|領導小組|政府|党委|黨委|党组|黨組|办|辦|局|厅|廳|部|委|中心|协会|協會|联合会|聯合會|研究室|秘书处|秘書處)$/;
const markingWord = '(?:内部资料|內部資料|注意保存|内部刊物|內部刊物|内部参阅|內部參閱|内部文件|內部文件|仅供参考|僅供參考|请勿外传|請勿外傳|不得外传|不得外傳|秘密|机密|機密|内部|內部)';
const markingPattern = new RegExp(`^[（(【]?\\s*${markingWord}(?:[\\s·•，,、]*${markingWord})*\\s*[）)】]?$`);
// Wide gaps (two spaces, a full-width space, a tab) separate the parts of a line: 第9期    XX办公室    2015年3月5日.
const gap = /[\u3000\t]+|\s{2,}/;

/**
 * Reads the masthead from the first lines; stops at the first line that is
 * not part of it. Page numbers and rules among its lines are skipped (the
 * caller reports them). `registry` tells reporting departments, which are
 * never taken for the publisher.
 */
export function detectMasthead(lines: readonly SourceLine[], registry?: DepartmentRegistry): Masthead {
  const fields: Fields = {};
  const taken: SourceLine[] = [];
  const removed: RemovedLine[] = [];
  let index = 0;
  let end = 0;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.text === '' || isRule(line.text) || isPageNumber(line.text)) continue;
    const read = readLine(stripMarkup(line.text), fields, registry);
    if (!read) break;
    if (read === 'marking') removed.push({ line: line.line, text: line.text, kind: 'marking' });
    else taken.push(line);
    end = index + 1;
  }
  // A name alone is no masthead: it was more likely the first headline.
  if (fields.issue === undefined && fields.date === undefined && fields.total === undefined && fields.publisher === undefined) {
    return { lines: [], removed: [], end: 0 };
  }
  return { ...fields, lines: taken, removed, end };
}

/** Reads one line into `fields`; false when it is not a masthead line, 'marking' for 内部资料 and the like. */
function readLine(text: string, fields: Fields, registry: DepartmentRegistry | undefined): boolean | 'marking' {
  if (markingPattern.test(text.replace(/\s+/g, ' '))) return 'marking';
  const segments = text.split(gap).map((segment) => segment.trim()).filter(Boolean);
  // Every part of the line must be read, or the line is not the masthead's.
  const draft: Fields = { ...fields };
  for (const segment of segments) {
    if (!readSegment(segment, draft, registry)) return false;
  }
  Object.assign(fields, draft);
  return true;
}

function readSegment(segment: string, fields: Fields, registry: DepartmentRegistry | undefined): boolean {
  if (markingPattern.test(segment)) return true;
  const total = totalPattern.exec(segment);
  if (total) return fields.total === undefined && set(fields, 'total', parseNumeral(total[1]!));

  let rest = segment;
  let found = false;
  const issue = issuePattern.exec(rest);
  const number = issue ? parseNumeral(issue[2]!) : undefined;
  // The number printed again (a running head of page 1 above the masthead) is the same field.
  if (issue && atEdge(rest, issue) && number !== undefined && (fields.issue === undefined || fields.issue === number)) {
    fields.issue = number;
    const year = issue[1] ? parseNumeral(issue[1]) : undefined;
    if (year !== undefined) fields.issueYear = year;
    if (issue[3]) set(fields, 'total', parseNumeral(issue[3]));
    rest = cut(rest, issue);
    found = true;
  }
  const date = datePattern.exec(rest);
  const value = date ? readDate(date) : undefined;
  if (date && atEdge(rest, date) && value !== undefined && (fields.date === undefined || fields.date === value)) {
    fields.date = value;
    rest = cut(rest, date);
    found = true;
  }
  if (rest === '') return found;
  if (found) {
    // Beside the number or the date: the publisher (XX编印, an office), else the name (上街信息 2023年第35期).
    if (readPublisher(rest, fields, registry, false)) return true;
    const name = toPublication(rest);
    if ((fields.publication === undefined || fields.publication === name) && looksLikeName(rest) && [...name].length <= 20) {
      fields.publication = name;
      return true;
    }
    return readPublisher(rest, fields, registry, true);
  }

  const title = titlePattern.exec(rest);
  if (title && fields.title === undefined && fields.publication !== undefined) {
    fields.title = title[1]!.trim();
    return true;
  }
  // The name printed twice (a running head above the title, or the title repeated): the same field.
  const compact = toPublication(rest);
  if (fields.publication !== undefined && compact === fields.publication) return true;
  if (fields.publication === undefined && fields.issue === undefined && fields.date === undefined && fields.publisher === undefined) {
    if (looksLikeName(rest) && [...compact].length <= 20 && !publisherVerb.test(rest) && !publisherLabel.test(rest)) {
      fields.publication = compact;
      return compact !== '';
    }
  }
  return readPublisher(rest, fields, registry, false);
}

/**
 * The publisher: 主办：XX, XX编印, XX 编, or an office's name alone. Beside an
 * issue number or a date on the same line any name is the publisher's.
 */
function readPublisher(text: string, fields: Fields, registry: DepartmentRegistry | undefined, besideField: boolean): boolean {
  if (fields.publisher !== undefined || (fields.publication === undefined && !besideField)) return false;
  const label = publisherLabel.exec(text);
  const name = (label ? label[1]! : text.replace(publisherVerb, '')).trim();
  if (name === '' || !looksLikeName(name)) return false;
  const marked = label !== null || publisherVerb.test(text);
  // An office's name alone, unless it is a reporting department (the first item's heading line).
  const office = officeEnding.test(name) && registry?.resolve(name) === undefined;
  if (!marked && !office && !besideField) return false;
  fields.publisher = name;
  return true;
}

function set(fields: Fields, key: 'total', value: number | undefined): boolean {
  if (value === undefined) return false;
  fields[key] = value;
  return true;
}

/** The match stands at the start or the end of `text` (what is left is one piece). */
function atEdge(text: string, match: RegExpExecArray): boolean {
  return text.slice(0, match.index).trim() === '' || text.slice(match.index + match[0].length).trim() === '';
}

function cut(text: string, match: RegExpExecArray): string {
  return (text.slice(0, match.index) + text.slice(match.index + match[0].length)).trim();
}

/** The publication as the front matter holds it: letter-spacing and 《》 removed. */
function toPublication(text: string): string {
  return text.replace(/[《》]/g, '').replace(/[\s\u3000]+/g, '');
}

function readDate(match: RegExpExecArray): string | undefined {
  const [year, month, day] = (match[1] !== undefined ? [match[1], match[2]!, match[3]!] : [match[4]!, match[5]!, match[6]!]).map(parseNumeral);
  if (year === undefined || month === undefined || day === undefined || year < 1900 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return isoDate(year, month, day);
}

/** A date in the masthead forms `2023 年 6 月 1 日`, `二〇二三年六月一日`, `2023.6.1`, as YYYY-MM-DD; `before` is the text before it. */
export function toDate(text: string): { date: string; before: string } | undefined {
  const match = datePattern.exec(text);
  if (!match || text.slice(match.index + match[0].length).trim() !== '') return undefined;
  const date = readDate(match);
  return date === undefined ? undefined : { date, before: text.slice(0, match.index).trim() };
}

function looksLikeName(text: string): boolean {
  return text !== '' && !sentencePunctuation.test(text) && !/^[△▲◆◇●○■□★☆【]/.test(text) && [...text].length <= 40;
}

function stripMarkup(text: string): string {
  return text.replace(/^#{1,6}\s+/, '').replace(/^\*\*(.*)\*\*$/, '$1').trim();
}
