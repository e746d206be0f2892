/**
 * Reading and writing the files of the build's caches (the parse cache,
 * kept search records): a cache only saves time, so a file that cannot be
 * read is absent and one that cannot be written is left out. The code
 * fingerprint of the output's pages (hashCode in incremental-output.ts) reads
 * its source files the same way: one that cannot be read counts as missing.
 */
import { readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The bytes of `file`, or undefined when it cannot be read. */
export function readCacheFile(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes `bytes` to `file` (creating its folder), or nothing when that fails.
 * Written whole, then renamed into place: a reader never sees half a file,
 * even with two builds at once.
 */
export async function writeCacheFile(file: string, bytes: Uint8Array): Promise<void> {
  const partial = `${file}.${process.pid}.${++partials}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(partial, bytes);
    await rename(partial, file);
  } catch {
    await rm(partial, { force: true });
  }
}

let partials = 0;
