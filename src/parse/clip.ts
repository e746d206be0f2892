/**
 * Cuts an editor's text short for a title or a message.
 */

/**
 * `text` cut to at most `max` characters, counted as code points (so no
 * surrogate pair is split), its last one an ellipsis when it was cut.
 */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}
