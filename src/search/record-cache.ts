/**
 * The search records of a bundle's issues, kept between builds (one file per
 * bundle, e.g. `.cache/search/2026.v8`), so that re-indexing the newest bundle
 * after a new issue makes the records of that issue only. Making a record
 * (its index words, search-tokens.ts) is the search step's share of the
 * build's main thread: measured at 1,000 issues, 45–90 ms for the ~400 items
 * of a year.
 *
 * Records are kept by the digest of their issue (src/model/digest.ts), under
 * the fingerprint of the code that makes them and the path prefix: anything
 * else is a miss. Only a speed-up: a missing or damaged file gives the same
 * records, made afresh.
 */
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { readCacheFile, writeCacheFile } from '../cache-files.ts';
import type { SearchRecord } from './search-record.ts';

interface Stored {
  /** The code fingerprint and path prefix the records were made with. */
  key: string;
  records: Map<string, SearchRecord[]>;
}

/** The records of one bundle's issues, from its file where it has them. */
export interface BundleRecords {
  /** The records of the issue whose digest is `digest`: kept ones, or those `make` makes. */
  recordsOf(digest: string, make: () => SearchRecord[]): SearchRecord[];
  /** Writes the file anew with the records asked for since it was opened (written whole, then renamed into place). */
  save(): Promise<void>;
}

/** Opens the records file of bundle `name` in `dir`, valid only for `key` (code fingerprint and path prefix). */
export function openBundleRecords(dir: string, name: string, key: string): BundleRecords {
  const file = path.join(dir, `${name}.v8`);
  const kept = readStored(file, key);
  const used = new Map<string, SearchRecord[]>();
  return {
    recordsOf(digest, make) {
      const records = kept?.get(digest) ?? make();
      used.set(digest, records);
      return records;
    },
    save: () => writeCacheFile(file, serialize({ key, records: used } satisfies Stored)),
  };
}

function readStored(file: string, key: string): Map<string, SearchRecord[]> | undefined {
  const bytes = readCacheFile(file);
  if (bytes === undefined) return undefined;
  try {
    const stored = deserialize(bytes) as Partial<Stored> | null;
    return stored?.key === key && stored.records instanceof Map ? stored.records : undefined;
  } catch {
    return undefined;
  }
}
