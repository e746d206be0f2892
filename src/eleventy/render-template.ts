/**
 * Renders what an .11ty.tsx template returns: a Preact element becomes HTML
 * through preact-render-to-string (which escapes every string it is given),
 * a string (XML feeds, robots.txt) is written as is.
 */
import { isValidElement, type VNode } from 'preact';
import { renderToStaticMarkup } from 'preact-render-to-string';

/** Turns a template's result into the text of its output file. */
export function toOutput(result: unknown): string {
  if (typeof result === 'string') return result;
  if (isValidElement(result)) {
    const html = renderToStaticMarkup(result as VNode);
    // A full page (its root is <html>) gets the doctype JSX cannot express.
    return html.startsWith('<html') ? `<!DOCTYPE html>\n${html}\n` : html;
  }
  throw new TypeError(`A template returned ${typeof result}: return JSX or a string`);
}
