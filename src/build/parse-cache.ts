/**
 * The load step's cache (`.cache/parse/`): parsed issue files and
 * departments.yml by content, so that a rebuild parses only the files that
 * changed. A drop-in for parseIssueBytes and parseDepartmentsFile: the same
 * arguments, the same result and the same messages on the file, replayed from
 * the cache on a hit. Measured at 1,000 issues: parsing them takes 0.09 s from
 * a full cache against 1.69 s without it (2.03 s with an empty cache, whose
 * entries are written meanwhile); 12.8 MB of entries.
 *
 * The key is the SHA-256 of the code fingerprint (code-fingerprint.ts), the
 * language of the messages, the department registry, the file's path in the
 * archive and its bytes (a hit
 * decodes nothing: at 1,000 issues, decoding took 70 ms and hashing the
 * decoded text 50 ms). Any change to one of them is a miss, and an entry is
 * used only when its digest and key check out (cache-entry.ts), so no state
 * of the folder can change what a build publishes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { DepartmentRegistry } from '../departments/department-registry.ts';
import { parseDepartmentsFile as parseDepartmentsFileUncached, type ParsedDepartments } from '../departments/parse-departments.ts';
import { currentLanguage } from '../messages/language.ts';
import { digestIssue, type IssueDigests } from '../model/digest.ts';
import { parseIssueBytes as parseIssueBytesUncached, type ParseIssueOptions, type ParsedIssueFile } from '../parse/parse-issue.ts';
import { decodeEntry, encodeEntry, readEntryFile, removeLeftovers, writeEntryFile } from './cache-entry.ts';
import { codeFingerprint } from './code-fingerprint.ts';

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

interface Entry<T extends object> {
  result: T;
  messages: StoredMessage[];
  /** The digests of the issue and its items (src/model/digest.ts), when there is an issue. */
  digests?: IssueDigests;
}

/** What a cache did: the benchmark prints it. */
export interface ParseCacheStats {
  hits: number;
  misses: number;
}

/** A parse cache in one folder. */
export interface ParseCache {
  readonly stats: ParseCacheStats;
  /**
   * parseIssueBytes, served from the cache when the same bytes were parsed
   * before. On a miss, `decode` makes the text, or reports on the file why it
   * cannot: then the result is undefined, and nothing is stored.
   */
  parseIssueBytes(bytes: Uint8Array, file: VFile, options: ParseIssueOptions, decode: (bytes: Uint8Array, file: VFile) => string | undefined): ParsedIssueFile | undefined;
  /** parseDepartmentsFile (departments.yml), served from the cache when the same text was parsed before. */
  parseDepartmentsFile(text: string, file: VFile): ParsedDepartments;
  /**
   * The digests of the issues and items this cache returned (src/model/digest.ts),
   * computed once when an issue is parsed and stored with it: a build takes them
   * from here instead of serialising every item again (~0.2 s at 1,000 issues).
   */
  readonly digests: WeakMap<object, string>;
  /**
   * Resolves when every entry written so far is on disk; rejects with the
   * first write that failed (a full disk, a read-only folder). Entries are
   * written in the background while the build goes on; until then this cache
   * serves them from memory.
   */
  flush(): Promise<void>;
}

/** Opens (creating when needed) the cache folder `dir`, e.g. `.cache/parse`. */
export function openParseCache(dir: string): ParseCache {
  mkdirSync(dir, { recursive: true });
  // Entries are written under temporary names in `dir` itself, one folder to look in for what killed builds left.
  removeLeftovers(dir);
  const code = codeFingerprint();
  const stats: ParseCacheStats = { hits: 0, misses: 0 };
  // Entries read or written by this cache, encoded, by key: served from here (also while
  // still being written), so a long-lived process (npm start's build process) that keeps one
  // cache across builds reads each entry from disk once. Kept encoded, so that every build
  // gets objects of its own.
  const remembered = new Map<string, Buffer>();
  let writes: Promise<unknown>[] = [];
  const digests = new WeakMap<object, string>();
  const registryHashes = new WeakMap<DepartmentRegistry, string>();
  const registryHash = (registry: DepartmentRegistry) => {
    let hash = registryHashes.get(registry);
    if (hash === undefined) {
      const { departments, unreadable = false } = registry;
      hash = createHash('sha256').update(JSON.stringify({ departments, unreadable })).digest('hex');
      registryHashes.set(registry, hash);
    }
    return hash;
  };

  /** The result stored under `key`, its messages replayed on `file`; else `compute`'s, stored. */
  const serve = <T extends object>(key: string, file: VFile, compute: () => T | undefined, digestsOf: (result: T) => IssueDigests | undefined = () => undefined): Entry<T> | undefined => {
    const entryPath = path.join(dir, key.slice(0, 2), `${key}.entry`);
    const known = remembered.get(key);
    const stored = known ?? readEntryFile(entryPath);
    const entry = stored === undefined ? undefined : decodeEntry<Entry<T>>(stored, key);
    if (stored !== undefined && entry) {
      remembered.set(key, stored);
      stats.hits++;
      for (const message of entry.messages) replay(file, message);
      return entry;
    }
    stats.misses++;
    const before = file.messages.length;
    const result = compute();
    if (result === undefined) return undefined;
    const resultDigests = digestsOf(result);
    const fresh: Entry<T> = { result, messages: file.messages.slice(before).map(toStored), ...(resultDigests ? { digests: resultDigests } : {}) };
    const bytes = encodeEntry(key, fresh);
    remembered.set(key, bytes);
    const written = writeEntryFile(entryPath, bytes, dir);
    // Reported by flush, which the build awaits before it publishes.
    written.catch(() => {});
    writes.push(written);
    return fresh;
  };

  return {
    stats,
    digests,
    parseIssueBytes(bytes, file, options, decode) {
      const key = createHash('sha256')
        .update(`${code}\n${currentLanguage()}\n${registryHash(options.departments)}\n${options.sourceFile}\n`)
        .update(bytes)
        .digest('hex');
      const entry = serve(key, file, () => parseIssueBytesUncached(bytes, file, options, decode), ({ issue }) => (issue ? digestIssue(issue, new Map()) : undefined));
      if (!entry) return undefined;
      const { issue } = entry.result;
      if (issue && entry.digests && entry.digests.items.length === issue.items.length) {
        digests.set(issue, entry.digests.issue);
        issue.items.forEach((item, index) => digests.set(item, entry.digests!.items[index]!));
      }
      return entry.result;
    },
    parseDepartmentsFile(text, file) {
      const key = createHash('sha256').update(`${code}\n${currentLanguage()}\ndepartments\n`).update(text).digest('hex');
      return serve(key, file, () => parseDepartmentsFileUncached(text, file))!.result;
    },
    async flush() {
      const pending = writes;
      writes = [];
      await Promise.all(pending);
    },
  };
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
