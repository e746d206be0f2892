/**
 * On an item page reached from a search result (`?highlight=余家企业`): marks
 * every occurrence of the query's terms in the item (the element marked
 * data-pagefind-body, without its data-pagefind-ignore parts) with the same
 * substring semantics as the search, and scrolls to the first. Text is only
 * split and wrapped, never parsed as HTML.
 */
import { findMatchRanges, toQueryTerms } from '../search-query.ts';

const blockSelector = 'p,h1,h2,h3,h4,h5,h6,li,dd,dt,blockquote,td,th,div,section,article,header,footer';

const query = new URLSearchParams(location.search).get('highlight') ?? '';
const root = document.querySelector<HTMLElement>('[data-pagefind-body]');
const terms = toQueryTerms(query);
if (root && terms.length > 0) highlight(root, terms);

function highlight(container: HTMLElement, queryTerms: readonly string[]): void {
  // The text nodes in reading order, joined into one string (a line break
  // between blocks, as in the searchable text), so a match may span inline markup.
  const nodes: { node: Text; start: number }[] = [];
  let text = '';
  let previousBlock: Element | null = null;
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('[data-pagefind-ignore], script, style, noscript') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const block = node.parentElement?.closest(blockSelector) ?? null;
    if (previousBlock && block !== previousBlock) text += '\n';
    previousBlock = block;
    nodes.push({ node: node as Text, start: text.length });
    text += node.nodeValue ?? '';
  }
  const ranges = findMatchRanges(queryTerms, text);
  const marks: HTMLElement[] = [];
  // From the last node back, so splitting one node never moves the offsets of those still to do.
  for (let index = nodes.length - 1; index >= 0; index--) {
    const { node, start } = nodes[index]!;
    const end = start + (node.nodeValue ?? '').length;
    for (let r = ranges.length - 1; r >= 0; r--) {
      const range = ranges[r]!;
      const from = Math.max(range.start, start);
      const to = Math.min(range.end, end);
      if (from >= to) continue;
      const hit = node.splitText(from - start);
      hit.splitText(to - from);
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      hit.replaceWith(mark);
      mark.append(hit);
      marks.unshift(mark);
    }
  }
  marks[0]?.scrollIntoView({ block: 'center' });
}
