/**
 * Reads the path of a request to the preview into the names of the folders
 * and file it asks for, refusing anything that could name a file outside the
 * output folder: dot segments, encoded or not; encoded slashes and
 * backslashes; NUL and other control characters; malformed percent-encoding;
 * overlong paths. What passes can only be joined below the folder (symlinks
 * are the server's to check: see preview-server.ts).
 */

/** What a request's path asks for. */
export type RequestTarget =
  /** Files below the site's root: `segments` decoded, none empty, `.` or `..`; `folder` when the path ends with `/`. */
  | { kind: 'site'; segments: string[]; folder: boolean }
  /** A path outside the site's path prefix (`/` when the site lives in `/archive/`). */
  | { kind: 'outside-prefix' }
  /** A path that names nothing the preview could serve, whatever the folder holds. */
  | { kind: 'bad' };

/** Longer request targets are refused (the site's longest paths are well under 200 characters). */
export const maxTargetLength = 2048;

/**
 * Reads `target` (the request line's target, e.g. `/issues/2023/35/?q=x`)
 * against the site's path prefix (`/` or `/archive/`).
 */
export function toRequestTarget(target: string, pathPrefix = '/'): RequestTarget {
  // Only origin-form (`/path?query`): absolute-form and `*` name no file here.
  if (!target.startsWith('/') || target.length > maxTargetLength) return { kind: 'bad' };
  const rawPath = target.replace(/[?#].*$/s, '');
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: 'bad' };
    }
    // A segment is one name: no separator of any system, no control character, no dot segment.
    // eslint-disable-next-line no-control-regex
    if (/[/\\\u0000-\u001f\u007f]/.test(segment) || segment === '.' || segment === '..') return { kind: 'bad' };
    if (segment !== '') segments.push(segment);
  }
  const prefix = pathPrefix.split('/').filter(Boolean);
  if (prefix.some((name, index) => segments[index] !== name)) return { kind: 'outside-prefix' };
  return { kind: 'site', segments: segments.slice(prefix.length), folder: rawPath.endsWith('/') };
}

/** The URL path of `segments` below the prefix, each name percent-encoded: always one leading slash, never `//host`. */
export function toUrlPath(pathPrefix: string, segments: readonly string[], folder: boolean): string {
  const names = [...pathPrefix.split('/').filter(Boolean), ...segments].map(encodeURIComponent);
  return `/${names.join('/')}${folder && names.length > 0 ? '/' : ''}`;
}
