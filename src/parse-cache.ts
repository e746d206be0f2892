/**
 * A content-hash cache of parsed issue files (and of departments.yml), so that
 * a rebuild parses only the files that changed. Drop-in for parseIssueFile,
 * parseIssueBytes and parseDepartmentsFile: the same arguments, the same
 * result and the same messages on the file, replayed from the cache on a hit.
 *
 * The key is the SHA-256 of the parser's fingerprint (its own source files and
 * the versions of the libraries it depends on), the messages' language, the department registry, the
 * file's path in the archive and its bytes (its text for parseIssueFile;
 * departments.yml: the fingerprint and its text): any change to one of them
 * is a miss, so a stale entry can never be served. Entries are content-addressed files,
 * written atomically; nothing ever needs invalidating by hand.
 *
 * An entry is stored with V8's serializer (node:v8), not as JSON: strings are
 * stored as they are held in memory, so reading one back decodes no UTF-8.
 * Measured on 1,000 entries: 35 ms to read and 46 ms to deserialize, against
 * 155 ms to read as UTF-8 text and 54 ms for JSON.parse. V8's version is part
 * of the key: another Node's entries are misses, never misread.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { VFile } from 'vfile';
import { readCacheFile, writeCacheFile } from './cache-files.ts';
import type { DepartmentRegistry } from './departments/department-registry.ts';
import { parseDepartmentsFile as parseDepartmentsFileUncached, type ParsedDepartments } from './departments/parse-departments.ts';
import { currentLanguage } from './messages/language.ts';
import { digestIssue, type IssueDigests } from './model/digest.ts';
import { parseIssueBytes as parseIssueBytesUncached, parseIssueFile as parseIssueFileUncached, type ParseIssueOptions, type ParsedIssueFile } from './parse/parse-issue.ts';

/** Bump to drop every entry written by an older layout of this cache. */
const formatVersion = 3;

const sourceRoot = path.dirname(fileURLToPath(import.meta.url));
/** The source folders whose code decides what parseIssueFile returns and reports. */
const parserFolders = ['parse', 'check', 'departments', 'model', 'messages'];
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

interface Entry<T extends object = ParsedIssueFile> {
  /** The entry's own key: an entry read under another name (copied, foreign, damaged) is a miss. */
  key: string;
  result: T;
  messages: StoredMessage[];
  /** The digests of the issue and its items (src/model/digest.ts), when there is an issue. */
  digests?: IssueDigests;
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
   * parseIssueFile from a file's bytes, keyed by the bytes: a hit decodes
   * nothing (measured at 1,000 issues: decoding took 70 ms and hashing the
   * decoded text 50 ms). On a miss, `decode` makes the text, or reports on the
   * file why it cannot: then the result is undefined, and nothing is stored.
   */
  parseIssueBytes(bytes: Uint8Array, file: VFile, options: ParseIssueOptions, decode: (bytes: Uint8Array, file: VFile) => string | undefined): ParsedIssueFile | undefined;
  /** parseDepartmentsFile (departments.yml), served from the cache when the same text was parsed before. */
  parseDepartmentsFile(text: string, file: VFile): ParsedDepartments;
  /**
   * The digests of the issues and items this cache returned (src/model/digest.ts),
   * computed once when an issue is parsed and stored with it: a build takes them
   * from here instead of serialising every item again.
   */
  readonly digests: WeakMap<object, string>;
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
  const hash = createHash('sha256').update(`format ${formatVersion}\nv8 ${process.versions.v8}\n`);
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

/** The key of one parse: fingerprint, registry, path and text (or the file's bytes, which the text is decoded from). */
export function parseCacheKey(source: string | Uint8Array, options: ParseIssueOptions, fingerprint = parserFingerprint()): string {
  let registry = registryHashes.get(options.departments);
  if (registry === undefined) {
    const { departments, unreadable = false } = options.departments;
    registry = createHash('sha256').update(JSON.stringify({ departments, unreadable })).digest('hex');
    registryHashes.set(options.departments, registry);
  }
  return createHash('sha256')
    .update(`${fingerprint}\n${currentLanguage()}\n${registry}\n${options.sourceFile}\n${typeof source === 'string' ? 'text' : 'bytes'}\n`)
    .update(source)
    .digest('hex');
}

/** Opens (creating when needed) the cache folder `dir`, e.g. `.cache/parse`. */
export function openParseCache(dir: string): ParseCache {
  mkdirSync(dir, { recursive: true });
  const stats: ParseCacheStats = { hits: 0, misses: 0 };
  // Entries read or written by this cache, serialized, by path: served from here (also while
  // still being written), so a long-lived process (npm start's build process) that keeps one
  // cache across builds reads each entry from disk once. Kept serialized, so that every build
  // gets objects of its own.
  const remembered = new Map<string, Buffer>();
  const writes: Promise<void>[] = [];
  const digests = new WeakMap<object, string>();
  const remember = (issue: ParsedIssueFile['issue'], known: IssueDigests | undefined) => {
    if (!issue || !known || known.items.length !== issue.items.length) return;
    digests.set(issue, known.issue);
    issue.items.forEach((item, index) => digests.set(item, known.items[index]!));
  };
  /** The result stored under `key`, its messages replayed on `file`; else `compute`'s, stored. */
  const serve = <T extends object>(key: string, file: VFile, compute: () => T | undefined, digestsOf: (result: T) => IssueDigests | undefined = () => undefined): Entry<T> | undefined => {
    const entryPath = path.join(dir, key.slice(0, 2), `${key}${entryExtension}`);
    const stored = remembered.get(entryPath) ?? readCacheFile(entryPath);
    const entry = stored === undefined ? undefined : readEntry<T>(stored, key);
    if (stored !== undefined && entry) {
      remembered.set(entryPath, stored);
      stats.hits++;
      for (const message of entry.messages) replay(file, message);
      return entry;
    }
    stats.misses++;
    const before = file.messages.length;
    const result = compute();
    if (result === undefined) return undefined;
    const resultDigests = digestsOf(result);
    const fresh: Entry<T> = { key, result, messages: file.messages.slice(before).map(toStored), ...(resultDigests ? { digests: resultDigests } : {}) };
    const written = serialize(fresh);
    remembered.set(entryPath, written);
    // An entry that cannot be written is parsed again next time.
    writes.push(writeCacheFile(entryPath, written));
    return fresh;
  };
  const parseIssue = (key: string, file: VFile, parse: () => ParsedIssueFile | undefined): ParsedIssueFile | undefined => {
    const entry = serve(key, file, parse, ({ issue }) => (issue ? digestIssue(issue, new Map()) : undefined));
    if (!entry) return undefined;
    remember(entry.result.issue, entry.digests);
    return entry.result;
  };
  return {
    dir,
    stats,
    digests,
    parseIssueFile(text, file, options) {
      return parseIssue(parseCacheKey(text, options), file, () => parseIssueFileUncached(text, file, options))!;
    },
    parseIssueBytes(bytes, file, options, decode) {
      return parseIssue(parseCacheKey(bytes, options), file, () => parseIssueBytesUncached(bytes, file, options, decode));
    },
    parseDepartmentsFile(text, file) {
      const key = createHash('sha256').update(`${parserFingerprint()}\n${currentLanguage()}\ndepartments\n`).update(text).digest('hex');
      return serve(key, file, () => parseDepartmentsFileUncached(text, file))!.result;
    },
    async flush() {
      await Promise.all(writes.splice(0));
    },
  };
}

/** The extension of an entry file (V8's serializer; the JSON entries of older layouts are never read). */
export const entryExtension = '.v8';

/** The entry in `bytes`, if it is one written for `key`. */
function readEntry<T extends object>(bytes: Buffer, key: string): Entry<T> | undefined {
  try {
    const entry = deserialize(bytes) as Partial<Entry<T>> | null;
    // Anything but an entry written for this very key is ignored: the file is parsed again.
    if (!entry || entry.key !== key || typeof entry.result !== 'object' || entry.result === null || !Array.isArray(entry.messages)) return undefined;
    return entry as Entry<T>;
  } catch {
    // Unreadable (damaged, or cut short by a crash before writes were atomic): parse again.
    return undefined;
  }
}

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
