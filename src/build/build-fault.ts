/**
 * The faults a build reports as one line for the editor, instead of a stack
 * trace: no issues folder, an output folder it must not replace, a full disk,
 * a folder it may not write. Whatever the fault, the published site is left
 * as it was (output.ts publishes only a whole build).
 */
import path from 'node:path';
import { say } from '../messages/message.ts';
import { buildTexts, checkTexts } from '../messages/texts.ts';
import { isWithin } from '../paths.ts';

/** What went wrong. */
export type FaultKind = 'issues-missing' | 'output-not-ours' | 'output-overlaps-sources' | 'disk-full' | 'no-permission' | 'read-only';

/** A fault of the build's surroundings (not of an issue file), said in the editor's language. */
export class BuildFault extends Error {
  constructor(
    readonly kind: FaultKind,
    /** The folder or file concerned. */
    readonly path: string,
    cause?: unknown,
  ) {
    super(say(faultTexts[kind], { path: shown(path) }), cause === undefined ? {} : { cause });
    this.name = 'BuildFault';
  }
}

const faultTexts = {
  'issues-missing': { 'zh-CN': ({ path }: { path: string }) => say(checkTexts.noFolder, { dir: path }, 'zh-CN'), en: ({ path }: { path: string }) => say(checkTexts.noFolder, { dir: path }, 'en') },
  'output-not-ours': buildTexts.outputNotOurs,
  'output-overlaps-sources': buildTexts.outputOverlapsSources,
  'disk-full': buildTexts.diskFull,
  'no-permission': buildTexts.noPermission,
  'read-only': buildTexts.readOnly,
};

/** The error codes of a full disk, of a file or folder the build may not read or write, and of a read-only file system. */
const faultOfCode: Record<string, FaultKind> = { ENOSPC: 'disk-full', EDQUOT: 'disk-full', EACCES: 'no-permission', EPERM: 'no-permission', EROFS: 'read-only' };

/**
 * `error` as a BuildFault when it is one, or when it (or an error it wraps:
 * `cause`, Eleventy's `originalError`) is a file system call that failed for
 * a full disk or a folder that may not be written; else undefined.
 */
export function asBuildFault(error: unknown, fallbackPath: string): BuildFault | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth++) {
    if (current instanceof BuildFault) return current;
    const { code, path: where, cause, originalError } = current as { code?: unknown; path?: unknown; cause?: unknown; originalError?: unknown };
    const kind = typeof code === 'string' ? faultOfCode[code] : undefined;
    if (kind) return new BuildFault(kind, typeof where === 'string' ? shownFile(where) : fallbackPath, error);
    current = cause ?? originalError;
  }
  return undefined;
}

/** The file a call failed on, or its folder when it is one of the build's temporary names, which mean nothing to an editor. */
function shownFile(file: string): string {
  const name = path.basename(file);
  return name.startsWith('tmp-') ? path.dirname(file) : file;
}

/** A path as the editor typed it: relative to the working folder when inside it. */
function shown(target: string): string {
  const relative = path.relative(process.cwd(), target);
  return relative && isWithin(process.cwd(), target) ? relative : target;
}
