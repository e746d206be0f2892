/**
 * Places the brief mark and the department inside an item's sanitised HTML the
 * way the paper prints them: △ opens the first paragraph, （济源路街道） closes
 * the last one.
 */

/** HTML fragments to put at the start and the end of an item's body. */
export interface BodyMarks {
  /** Goes right after the opening <p> of the first paragraph. */
  lead?: string | undefined;
  /** Goes right before the closing </p> of the last paragraph. */
  tail?: string | undefined;
}

/**
 * Inserts the marks into `html`. Both must already be safe HTML (rendered by
 * the templates, which escape); `html` is remark-html's sanitised output.
 * When the body does not start or end with a paragraph (a list, a table), the
 * mark gets a paragraph of its own.
 */
export function decorateBody(html: string, marks: BodyMarks): string {
  let body = html.trim();
  if (marks.lead) {
    body = body.startsWith('<p>') ? `<p>${marks.lead}${body.slice(3)}` : `<p>${marks.lead}</p>\n${body}`;
  }
  if (marks.tail) {
    body = body.endsWith('</p>') ? `${body.slice(0, -4)}${marks.tail}</p>` : `${body}\n<p>${marks.tail}</p>`;
  }
  return body;
}
