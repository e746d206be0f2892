/**
 * How an item names its department: in parentheses at the end of its last
 * paragraph. Shared by the parser, which takes the department off, and by the
 * item checks, which look for departments standing anywhere else.
 */
import type { Paragraph, RootContent } from 'mdast';

/**
 * A department attribution closing an item: （济源路街道） or (济源路街道), widths
 * may mix, and the name may hold one bracketed part: （区委宣传部（区文明办））.
 */
export const attribution = /[（(]\s*((?:[^（）()]|[（(][^（）()]*[）)])+?)\s*[）)]\s*$/;
/** An attribution with punctuation after it: （区农委）。 */
export const punctuatedAttribution = /[（(]\s*([^（）()]+?)\s*[）)]\s*([。．.，,；;！!]+)\s*$/;
/** A department in the wrong brackets at the end: 【济源路街道】, [济源路街道], 〔济源路街道〕. */
export const bracketedAttribution = /([【[〔［〖])\s*([^【】[\]〔〕［］〖〗（）()]+?)\s*([】\]〕］〗])\s*$/;

/** The paragraph an item's text ends in, also inside a closing list or quote. */
export function lastParagraph(node: RootContent): Paragraph | undefined {
  if (node.type === 'paragraph') return node;
  if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') {
    const child = node.children.at(-1);
    return child ? lastParagraph(child) : undefined;
  }
  return undefined;
}

/** Every paragraph of `nodes`, also inside lists and quotes, in document order. */
export function paragraphsOf(nodes: readonly RootContent[]): Paragraph[] {
  const found: Paragraph[] = [];
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'paragraph') found.push(node);
    else if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') {
      for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
    }
  }
  return found;
}
