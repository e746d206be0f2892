/**
 * The project's folder, and whether a path lies in a folder: the one test
 * behind every guard that keeps a file inside or outside a folder (the
 * build's output against the issues and the project, the preview's files
 * against its output folder, paths shown relative to the working folder).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: where .eleventy.ts, templates/, public/ and src/ live. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Whether `inner` is `outer` or lies inside it, both absolute and already
 * resolved as the caller needs (real paths for a guard). A name that merely
 * starts with two dots (`..site`) is inside; `..` and `../x` are not.
 */
export function isWithin(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
