/**
 * Writes an issue in the canonical file format: YAML front matter (through
 * the `yaml` package, never by pasting strings) and a Markdown body whose
 * text is escaped so that it reads back exactly as written.
 */
import { Document, isMap, isSeq } from 'yaml';
import type { issuePlaceholder } from '../model/placeholders.ts';
import type { Distribution } from '../model/schema.ts';
import type { DraftItem } from './split-items.ts';

/** The front matter to write; a missing required field is left out for the check to report. */
export interface DraftFrontMatter {
  publication?: string;
  issue: number | typeof issuePlaceholder;
  total?: number;
  title?: string;
  date: string;
  publisher?: string;
  distribution?: Distribution[];
  editors?: string[];
}

/** What goes into an issue file. */
export interface DraftIssue {
  frontMatter: DraftFrontMatter;
  preamble: readonly string[];
  items: readonly DraftItem[];
}

/** The issue file's text, front matter in the canonical field order. */
export function toIssueMarkdown(issue: DraftIssue): string {
  return `---\n${toFrontMatterYaml(issue.frontMatter)}---\n\n${toBodyMarkdown(issue.preamble, issue.items)}`;
}

/** The front matter as YAML: lists of names in flow style, `[a, b]`, as editors write them. */
function toFrontMatterYaml(frontMatter: DraftFrontMatter): string {
  const ordered: Record<string, unknown> = {};
  for (const key of ['publication', 'issue', 'total', 'title', 'date', 'publisher', 'distribution', 'editors'] as const) {
    const value = frontMatter[key];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) ordered[key] = value;
  }
  const document = new Document(ordered, { version: '1.2' });
  const flow = (node: unknown) => {
    if (isSeq(node)) node.flow = true;
  };
  flow(document.get('editors', true));
  const distribution = document.get('distribution', true);
  if (isSeq(distribution)) {
    for (const entry of distribution.items) if (isMap(entry)) flow(entry.get('to', true));
  }
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** The body: preamble paragraphs, then items, a `# 【section】` (or `# 一、section`) line where a section begins. */
function toBodyMarkdown(preamble: readonly string[], items: readonly DraftItem[]): string {
  const blocks: string[] = preamble.map(escapeParagraph);
  let section: string | null = null;
  for (const item of items) {
    // A section is written as printed: 【创文动态】 in its brackets, 一、重点工作 as it stands.
    if (item.section !== section && item.section !== null) blocks.push(/^[一二三四五六七八九十]+、/.test(item.section) ? `# ${escapeInline(item.section)}` : `# 【${escapeInline(item.section)}】`);
    section = item.section;
    if (item.kind === 'article') blocks.push(`## ${escapeInline(item.headline ?? '').replace(/#/g, '\\#')}`);
    item.paragraphs.forEach((paragraph, index) => {
      blocks.push(item.kind === 'brief' && index === 0 ? `△ ${escapeInline(paragraph)}` : escapeParagraph(paragraph));
    });
  }
  return `${blocks.join('\n\n')}\n`;
}

/**
 * Escapes what Markdown would read as markup inside a line of text: emphasis,
 * code, links, HTML and entities.
 */
function escapeInline(text: string): string {
  return text
    .replace(/[\\`*_[\]<]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** Escapes a paragraph, including what would make it a heading, list, quote or brief at its start. */
function escapeParagraph(text: string): string {
  return escapeInline(text)
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}
