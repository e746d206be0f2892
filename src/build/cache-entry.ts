/**
 * The one format of every file the build keeps for a later build: the parse
 * cache's entries (`.cache/parse/`) and the manifest of each output
 * (output.ts). A file is a header line, the SHA-256 of the payload, then the
 * payload: the entry's key and value, written with V8's serializer (strings
 * are stored as they are held in memory, so reading one back decodes no
 * UTF-8: measured on 1,000 parse entries, 35 ms to read and 46 ms to
 * deserialize, against 155 ms to read as UTF-8 text and 54 ms for
 * JSON.parse).
 *
 * An entry is used only if it is whole and unaltered and was written for the
 * key asked: a file cut short, damaged, copied under another name or changed
 * by hand (even into another well-formed entry) is a miss, never served.
 * Checking the digests of the 1,000 entries (12.8 MB) a rebuild reads costs
 * 18–28 ms. Files are written whole
 * under a temporary name (`tmp-<pid>-<n>`), then renamed into place: a reader
 * never sees half a file, even with two builds at once; what a killed build
 * left under such a name is removed by the next (removeLeftovers).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { isAlive } from './lock.ts';

/** Bump when the layout of entries changes: older files are then misses. */
const header = Buffer.from('bulletin-archive cache entry 1\n');
const digestLength = 32;

/** The bytes of an entry: header, digest, payload. */
export function encodeEntry(key: string, value: unknown): Buffer {
  const payload = serialize({ key, value });
  return Buffer.concat([header, createHash('sha256').update(payload).digest(), payload]);
}

/** The value in `bytes`, if they are an unaltered entry written for `key`. */
export function decodeEntry<T>(bytes: Uint8Array, key: string): T | undefined {
  const start = header.length + digestLength;
  if (bytes.length <= start || !header.equals(bytes.subarray(0, header.length))) return undefined;
  const payload = bytes.subarray(start);
  if (!createHash('sha256').update(payload).digest().equals(bytes.subarray(header.length, start))) return undefined;
  try {
    const entry = deserialize(payload) as { key?: unknown; value?: unknown } | null;
    return entry?.key === key ? (entry.value as T) : undefined;
  } catch {
    return undefined;
  }
}

/** The bytes of `file`, or undefined when it cannot be read (missing, unreadable: a miss). */
export function readEntryFile(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes `bytes` (an encoded entry) to `file`, creating its folder: whole,
 * under a temporary name in `partialDir` (the file's folder by default; on the
 * same file system), then renamed into place. Throws when it cannot (a full
 * disk, a read-only folder): the build reports it.
 */
export async function writeEntryFile(file: string, bytes: Uint8Array, partialDir = path.dirname(file)): Promise<void> {
  const partial = path.join(partialDir, `${partialPrefix}${process.pid}-${++partials}`);
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(partial, bytes);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true }).catch(() => {});
    throw error;
  }
}

const partialPrefix = 'tmp-';
let partials = 0;

/**
 * Removes the temporary files in `dir` that writeEntryFile left when its
 * process was killed; those of a live process (another build writing into the
 * same cache) stay.
 */
export function removeLeftovers(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (name.startsWith(partialPrefix) && !isAlive(Number.parseInt(name.slice(partialPrefix.length), 10))) rmSync(path.join(dir, name), { force: true });
  }
}
