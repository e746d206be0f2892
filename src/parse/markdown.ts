/**
 * The one Markdown processor: remark-parse for the body, remark-html (sanitising,
 * its default) for each item's HTML. Frozen once, reused for every file.
 */
import type { Root, RootContent } from 'mdast';
import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** The processor itself, frozen: configuring it again throws instead of rebuilding it per file. */
export const markdownProcessor = unified().use(remarkParse).use(remarkHtml).freeze();
const processor = markdownProcessor;

/** Parses Markdown into an mdast tree with positions. */
export function parseMarkdown(markdown: string): Root {
  return processor.parse(markdown);
}

/** Renders block nodes to sanitised HTML: raw HTML is dropped, ids are prefixed. */
export function renderHtml(children: RootContent[]): string {
  const tree: Root = { type: 'root', children };
  return String(processor.stringify(processor.runSync(tree) as Root)).trim();
}
