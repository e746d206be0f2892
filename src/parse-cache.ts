/**
 * A content-hash cache of parsed issue files, so that a rebuild parses only the
 * files that changed. Drop-in for parseIssueFile: the same arguments, the same
 * result and the same messages on the file, replayed from the cache on a hit.
 *
 * The key is the SHA-256 of the parser's fingerprint (its own source files and
 * the versions of the libraries it depends on), the department registry, the
 * file's path in the archive and its text: any change to one of them is a miss,
 * so a stale entry can never be served. Entries are content-addressed JSON
 * files, written atomically; nothing ever needs invalidating by hand.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VFile } from 'vfile';
import type { DepartmentRegistry } from './departments/department-registry.ts';
import { parseIssueFile as parseIssueFileUncached, type ParseIssueOptions, type ParsedIssueFile } from './parse/parse-issue.ts';

/** Bump to drop every entry written by an older layout of this cache. */
const formatVersion = 2;

const sourceRoot = path.dirname(fileURLToPath(import.meta.url));
/** The source folders whose code decides what parseIssueFile returns and reports. */
const parserFolders = ['parse', 'check', 'departments', 'model'];
/** The libraries whose versions decide it too. */
const parserPackages = ['unified', 'remark-parse', 'remark-html', 'gray-matter', 'yaml', 'zod', 'pinyin-pro', 'vfile', 'mdast-util-to-string', 'unist-util-visit'];

/** A message as stored: everything vfile's message carries that a report sets. */
interface StoredMessage {
  reason: string;
  fatal: boolean | null | undefined;
  ruleId: string | undefined;
  source: string | undefined;
  line: number | undefined;
  column: number | undefined;
  note?: string;
  url?: string;
  expected?: string[];
  actual?: string;
}

interface Entry {
  /** The entry's own key: an entry read under another name (copied, foreign, damaged) is a miss. */
  key: string;
  result: ParsedIssueFile;
  messages: StoredMessage[];
}

/** What a cache did, for the build's timings. */
export interface ParseCacheStats {
  hits: number;
  misses: number;
}

/** A parse cache in one folder. */
export interface ParseCache {
  readonly dir: string;
  readonly stats: ParseCacheStats;
  /** parseIssueFile, served from the cache when the same input was parsed before. */
  parseIssueFile(text: string, file: VFile, options: ParseIssueOptions): ParsedIssueFile;
  /**
   * Resolves when every entry written so far is on disk. Entries are written in
   * the background (on libuv's threads, while the build goes on); until then
   * this cache serves them from memory.
   */
  flush(): Promise<void>;
}

/**
 * The fingerprint of the parser: a hash of its source files and of its
 * libraries' versions, computed once per process.
 */
export const parserFingerprint: () => string = once(() => {
  const hash = createHash('sha256').update(`format ${formatVersion}\n`);
  for (const folder of parserFolders) {
    const dir = path.join(sourceRoot, folder);
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.ts')).sort()) {
      hash.update(`${folder}/${name}\n`).update(readFileSync(path.join(dir, name)));
    }
  }
  for (const name of parserPackages) {
    const manifest = readFileSync(path.join(sourceRoot, '..', 'node_modules', name, 'package.json'), 'utf8');
    hash.update(`${name}@${(JSON.parse(manifest) as { version: string }).version}\n`);
  }
  return hash.digest('hex');
});

const registryHashes = new WeakMap<DepartmentRegistry, string>();

/** The key of one parse: fingerprint, registry, path and text. */
export function parseCacheKey(text: string, options: ParseIssueOptions, fingerprint = parserFingerprint()): string {
  let registry = registryHashes.get(options.departments);
  if (registry === undefined) {
    const { departments, unreadable = false } = options.departments;
    registry = createHash('sha256').update(JSON.stringify({ departments, unreadable })).digest('hex');
    registryHashes.set(options.departments, registry);
  }
  return createHash('sha256')
    .update(`${fingerprint}\n${registry}\n${options.sourceFile}\n`)
    .update(text)
    .digest('hex');
}

/** Opens (creating when needed) the cache folder `dir`, e.g. `.cache/parse`. */
export function openParseCache(dir: string): ParseCache {
  mkdirSync(dir, { recursive: true });
  const stats: ParseCacheStats = { hits: 0, misses: 0 };
  // Entries read or written by this cache, as JSON by path: served from here (also while
  // still being written), so a long-lived process (npm start's build process) that keeps one
  // cache across builds reads each entry from disk once. Kept as text, so that every build
  // gets objects of its own.
  const remembered = new Map<string, string>();
  const writes: Promise<void>[] = [];
  return {
    dir,
    stats,
    parseIssueFile(text, file, options) {
      const key = parseCacheKey(text, options);
      const entryPath = path.join(dir, key.slice(0, 2), `${key}.json`);
      const json = remembered.get(entryPath) ?? readText(entryPath);
      const entry = json === undefined ? undefined : readEntry(json, key);
      if (json !== undefined && entry) {
        remembered.set(entryPath, json);
        stats.hits++;
        for (const message of entry.messages) replay(file, message);
        return entry.result;
      }
      stats.misses++;
      const before = file.messages.length;
      const result = parseIssueFileUncached(text, file, options);
      const stored = JSON.stringify({ key, result, messages: file.messages.slice(before).map(toStored) } satisfies Entry);
      remembered.set(entryPath, stored);
      writes.push(writeEntry(entryPath, stored));
      return result;
    },
    async flush() {
      await Promise.all(writes.splice(0));
    },
  };
}

/** The text of the file at `file`, or undefined when it cannot be read. */
function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The entry in `json`, if it is one written for `key`. */
function readEntry(json: string, key: string): Entry | undefined {
  try {
    const entry = JSON.parse(json) as Partial<Entry> | null;
    // Anything but an entry written for this very key is ignored: the file is parsed again.
    if (!entry || entry.key !== key || typeof entry.result !== 'object' || entry.result === null || !Array.isArray(entry.messages)) return undefined;
    return entry as Entry;
  } catch {
    // Unreadable (a crash mid-write of an older layout): parse again.
    return undefined;
  }
}

async function writeEntry(entryPath: string, json: string): Promise<void> {
  // Write then rename: a reader never sees half an entry, even with two builds at once.
  const partial = `${entryPath}.${process.pid}.${++partials}.tmp`;
  try {
    await mkdir(path.dirname(entryPath), { recursive: true });
    await writeFile(partial, json);
    await rename(partial, entryPath);
  } catch {
    // The cache only saves time: an entry that cannot be written is parsed again next time.
    await rm(partial, { force: true });
  }
}

let partials = 0;

function toStored(message: VFile['messages'][number]): StoredMessage {
  return {
    reason: message.reason,
    fatal: message.fatal,
    ruleId: message.ruleId,
    source: message.source,
    line: message.line,
    column: message.column,
    ...(message.note !== undefined ? { note: message.note } : {}),
    ...(message.url !== undefined ? { url: message.url } : {}),
    ...(message.expected !== undefined ? { expected: message.expected } : {}),
    ...(message.actual !== undefined ? { actual: message.actual } : {}),
  };
}

function replay(file: VFile, stored: StoredMessage): void {
  const { reason, fatal, ruleId, source, line, column, ...extra } = stored;
  const message = file.message(reason, {
    ...(ruleId !== undefined ? { ruleId } : {}),
    ...(source !== undefined ? { source } : {}),
    ...(line !== undefined ? { place: { line, column: column ?? 1 } } : {}),
  });
  message.fatal = fatal;
  Object.assign(message, extra);
}

function once<T>(compute: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: compute() }).v;
}
