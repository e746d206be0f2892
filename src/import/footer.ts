/**
 * The footer at the end of an issue: distribution lines (本期送：…, 发：…,
 * 报：…, simplified or traditional) and 责任编辑：….
 */
import type { Distribution } from '../model/schema.ts';
import type { RemovedLine } from './layout-noise.ts';
import { isPageNumber, isRule, type SourceLine } from './source-lines.ts';

/** What the footer says. */
export interface Footer {
  distribution: Distribution[];
  editors: string[];
  /** The source lines read into these fields (they move into the front matter). */
  lines: SourceLine[];
  /** Index of the first footer line (the body ends before it). */
  start: number;
  /** The print run among the footer lines, （共印 60 份）: left out and reported. */
  removed: RemovedLine[];
}

// The print run, printed among the footer lines without belonging to the front matter.
const printCount = /^[（(]?\s*(?:共印|印|印数|印數)\s*[：:]?\s*[0-9０-９]+\s*份\s*[）)]?$/;

const distributionLabels = ['本期送', '报送', '報送', '抄送', '抄报', '抄報', '分送', '呈送', '送', '发', '發', '报', '報'];
const editorLabels = ['责任编辑', '責任編輯', '编辑', '編輯'];
/** The labels of the footer's lines (责任编辑：, 本期送：, 报：…): not part of the names after them. */
export const footerLabels: readonly string[] = [...editorLabels, ...distributionLabels];
const labelled = new RegExp(`^(${footerLabels.join('|')})\\s*[：:]\\s*(.*)$`);
// Several labels may share a line: 报：市委办公室 (full-width space) 送：区领导.
const labelStart = new RegExp(`[\\s\\u3000]+(?=(?:${footerLabels.join('|')})\\s*[：:])`);

/**
 * Reads the footer from the last lines; stops at the first line from the end
 * that is not part of it. Rules, page numbers and the lines in `skipped`
 * (running heads) are passed over: they are left out and reported elsewhere.
 */
export function detectFooter(lines: readonly SourceLine[], from: number, skipped: ReadonlySet<number> = new Set()): Footer {
  const footer: Footer = { distribution: [], editors: [], lines: [], start: lines.length, removed: [] };
  const parts: { label: string; value: string }[] = [];
  for (let index = lines.length - 1; index >= from; index--) {
    const line = lines[index]!;
    if (line.text === '' || skipped.has(line.line) || isRule(line.text) || isPageNumber(line.text)) continue;
    if (printCount.test(line.text)) {
      footer.removed.unshift({ line: line.line, text: line.text, kind: 'print-count' });
      continue;
    }
    const segments = line.text.split(labelStart).map((segment) => labelled.exec(segment));
    if (segments.some((segment) => !segment || segment[2]!.trim() === '')) break;
    parts.unshift(...segments.map((segment) => ({ label: segment![1]!, value: segment![2]! })));
    footer.lines.unshift(line);
    footer.start = index;
  }
  for (const { label, value } of parts) {
    if (editorLabels.includes(label)) footer.editors.push(...splitEditors(value));
    else footer.distribution.push({ label, to: splitRecipients(value) });
  }
  return footer;
}

/** Recipients are separated by 、，；, a full-width space or a wide gap. */
export function splitRecipients(value: string): string[] {
  return value
    .split(/[、，,；;\u3000]|[ \t]{2,}/)
    .map((name) => name.trim().replace(/[。.]$/, ''))
    .filter(Boolean);
}

/**
 * Editors' names, with the padding that aligns them removed: a two-character
 * name is printed with a space to take the width of three (`郝 婕 柴亚文` →
 * 郝婕, 柴亚文), so two single characters in a row are one name.
 */
export function splitEditors(value: string): string[] {
  const names: string[] = [];
  // Padding may be one space or several, so every gap separates; pairs are joined below.
  for (const group of value.split(/[、，,；;]/)) {
    const tokens = group.trim().split(/[\s\u3000]+/).filter(Boolean);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const following = tokens[i + 1];
      if ([...token].length === 1 && following !== undefined && [...following].length === 1) {
        names.push(token + following);
        i++;
      } else {
        names.push(token);
      }
    }
  }
  return names;
}
