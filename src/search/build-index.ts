/**
 * The search step of the build: the Pagefind bundles of search-paths.ts
 * (the newest year alone, older years in blocks of five) under
 * `pagefind/<bundle>/`, indexed from the model by Pagefind (through its Node
 * API, in a worker thread: index-worker.js), and the search page's scripts
 * bundled with esbuild into `assets/`.
 *
 * A bundle whose records are unchanged is kept where it is (in a spare the
 * build took over) or linked from the previous output (`reuseFrom`) instead
 * of being indexed again, so adding an issue to the newest year re-indexes
 * only that year. The search page loads the newest
 * bundle and merges the others with mergeIndex (one WebAssembly module).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as esbuild from 'esbuild';
import { linkUnchanged } from '../incremental-output.ts';
import { digestIssues } from '../model/digest.ts';
import type { Bulletin, Issue } from '../model/schema.ts';
import { clientScripts, clientSources, indexFolder, toIndexBundles } from './search-paths.ts';
import { openBundleRecords } from './record-cache.ts';
import { toSearchRecord, type SearchRecord } from './search-record.ts';

/** Written into each bundle: the hash of what its records are made from (see hashInputs). */
const inputsHashFile = 'inputs.sha256';

/** The source folders (under src/) whose code decides what a record holds: the record, its words, URLs and labels, the model (and, in search/, how a bundle is written). */
const recordCodeFolders = ['search', 'site', 'model'];

const srcDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** How to build the search index. */
export interface BuildSearchIndexOptions {
  /** The site's path prefix (`/` at the root): result URLs include it. */
  pathPrefix?: string;
  /** A previous output folder: years whose records did not change are linked from it. */
  reuseFrom?: string;
  /** The digests of the issues and their items (src/model/digest.ts), when the caller has them. */
  issueDigests?: ReadonlyMap<object, string>;
  /** A folder where the records of the bundles indexed are kept for the next build (record-cache.ts); none by default. */
  cacheDir?: string;
}

/** What the step did, for the build's log and the benchmark. */
export interface SearchIndexSummary {
  /** Bundles indexed afresh, by name (e.g. `2026`). */
  indexed: string[];
  /** Bundles reused: kept in place or linked from `reuseFrom`. */
  reused: string[];
  records: number;
}

/** A search index build, planned: how much it will index, and the build itself. */
export interface SearchIndexPlan {
  /** Records of the bundles to index afresh: those that changed since `reuseFrom`. */
  recordsToIndex: number;
  /**
   * Builds the index as planned. Pagefind starts at once, on the bundles that
   * changed; nothing is written into `outDir` before `writable` resolves, and
   * nothing at all if it rejects (the build takes over its spare and clears it
   * meanwhile). The bundles that did not change are kept where they are (see
   * keepInPlace) or linked from `reuseFrom`.
   */
  run(writable?: Promise<unknown>): Promise<SearchIndexSummary>;
  /**
   * Of the bundles that did not change, those already in `outDir` (a spare the
   * build took over: call this once it has, before `writable` resolves), which
   * stay as they are: their folders, relative to `outDir` and `/`-separated.
   * Their files must be kept.
   */
  keepInPlace(): Promise<string[]>;
}

/** Builds the search index of `bulletin` into `outDir` (the site's output folder). */
export async function buildSearchIndex(bulletin: Bulletin, outDir: string, options: BuildSearchIndexOptions = {}): Promise<SearchIndexSummary> {
  return (await planSearchIndex(bulletin, outDir, options)).run();
}

/** Works out which bundles of `bulletin`'s index changed since `options.reuseFrom`: those are indexed, the others reused. */
export async function planSearchIndex(bulletin: Bulletin, outDir: string, options: BuildSearchIndexOptions = {}): Promise<SearchIndexPlan> {
  const issues = [...bulletin.issues].sort((a, b) => a.year - b.year || a.number - b.number);
  // A record also holds its department's other names (departments.yml), which no issue digest covers.
  const aliases = new Map(bulletin.departments.map((department) => [department.name, department.aliases]));
  const code = `${recordCodeFingerprint()}\naliases ${JSON.stringify([...aliases].filter(([, names]) => names.length > 0))}`;
  const digests = options.issueDigests ?? digestIssues(issues);
  const bundles: PlannedBundle[] = await Promise.all(
    toIndexBundles(issues.map((issue) => issue.year)).map(async (bundle) => {
      const bundleIssues = issues.filter((issue) => bundle.years.includes(issue.year));
      const hash = hashInputs(bundleIssues, digests, options.pathPrefix, code);
      const previous = options.reuseFrom === undefined ? undefined : path.join(options.reuseFrom, indexFolder, bundle.name);
      const unchanged = previous !== undefined && (await inputsHashOf(previous)) === hash;
      return {
        name: bundle.name,
        issues: bundleIssues,
        records: bundleIssues.reduce((sum, issue) => sum + issue.items.length, 0),
        hash,
        target: path.join(outDir, indexFolder, bundle.name),
        ...(unchanged ? { previous } : {}),
      };
    }),
  );
  // Decided by keepInPlace, if the build calls it; until then, every unchanged bundle is linked.
  let kept: Promise<Set<string>> = Promise.resolve(new Set());
  return {
    recordsToIndex: bundles.filter((bundle) => bundle.previous === undefined).reduce((sum, bundle) => sum + bundle.records, 0),
    run: (writable = Promise.resolve()) => {
      const saves: Promise<void>[] = [];
      const recordsOf = (bundle: PlannedBundle): SearchRecord[] => {
        const make = (issue: Issue) => issue.items.map((item) => toSearchRecord(issue, item, options.pathPrefix, aliases.get(item.department)));
        if (options.cacheDir === undefined) return bundle.issues.flatMap(make);
        const stored = openBundleRecords(options.cacheDir, bundle.name, `${code}\n${options.pathPrefix ?? '/'}`);
        const records = bundle.issues.flatMap((issue) => stored.recordsOf(digests.get(issue)!, () => make(issue)));
        saves.push(stored.save());
        return records;
      };
      return writeSearchIndex(bundles, outDir, writable, () => kept, recordsOf).finally(() => Promise.all(saves));
    },
    keepInPlace: () => {
      kept = Promise.all(bundles.map(async (bundle) => (bundle.previous !== undefined && (await inputsHashOf(bundle.target)) === bundle.hash ? [bundle.name] : []))).then((names) => new Set(names.flat()));
      return kept.then((names) => [...names].map((name) => `${indexFolder}/${name}`));
    },
  };
}

/** The inputs hash recorded in a bundle folder, if any. */
function inputsHashOf(bundleDir: string): Promise<string | undefined> {
  return readFile(path.join(bundleDir, inputsHashFile), 'utf8').then(
    (text) => text.trim(),
    () => undefined,
  );
}

interface PlannedBundle {
  name: string;
  issues: Issue[];
  records: number;
  hash: string;
  target: string;
  /** The bundle in `reuseFrom`, when it was made from the same inputs; else it is indexed. */
  previous?: string;
}

async function writeSearchIndex(bundles: readonly PlannedBundle[], outDir: string, writable: Promise<unknown>, kept: () => Promise<Set<string>>, recordsOf: (bundle: PlannedBundle) => SearchRecord[]): Promise<SearchIndexSummary> {
  const summary: SearchIndexSummary = { indexed: [], reused: [], records: bundles.reduce((sum, bundle) => sum + bundle.records, 0) };
  const toIndex = bundles.filter((bundle) => bundle.previous === undefined);
  const indexer = toIndex.length > 0 ? startIndexer(writable) : undefined;
  // Records are made only for the bundles indexed (and kept for the next build): turning text into index words is
  // most of a rebuild's search step otherwise. A bundle's are made while Pagefind indexes the one before, and sent
  // once it is done: at most two bundles' records are held at a time.
  let previous = Promise.resolve();
  for (const bundle of toIndex) {
    const records = recordsOf(bundle);
    await previous;
    previous = indexer!.index({ name: bundle.name, target: bundle.target, hash: bundle.hash, hashFile: inputsHashFile, records });
    summary.indexed.push(bundle.name);
  }
  const indexed = indexer?.end();
  indexed?.catch(() => {});
  await writable;
  const inPlace = await kept();
  for (const { name, target, previous } of bundles) {
    if (previous === undefined) continue;
    if (!inPlace.has(name)) linkTree(previous, target);
    summary.reused.push(name);
  }
  await bundleClientScripts(outDir);
  await indexed;
  summary.indexed.sort();
  summary.reused.sort();
  return summary;
}

/** A bundle to index, as sent to src/search/index-worker.js. */
interface IndexJob {
  name: string;
  target: string;
  /** Written into `hashFile` (in `target`) last, once the bundle's files are. */
  hash: string;
  hashFile: string;
  records: SearchRecord[];
}

/**
 * Starts src/search/index-worker.js, which indexes the bundles it is sent with
 * Pagefind and writes their files once `writable` resolves (or gives up when it
 * rejects). `index` resolves when Pagefind has indexed the bundle (its files
 * are written later); `end` when every bundle is written.
 */
function startIndexer(writable: Promise<unknown>): { index(job: IndexJob): Promise<void>; end(): Promise<void> } {
  // Read by the Pagefind process the worker starts (a worker's environment is a copy of this one's).
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(indexChunkSize);
  // No execArgv: the worker is plain JavaScript, and loads nothing of the build's preload or tsx.
  const worker = new Worker(new URL('./index-worker.js', import.meta.url), { execArgv: [] });
  // The bundles sent and not yet indexed, in order: the worker indexes them one after another.
  const waiting: (() => void)[] = [];
  const outcome = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: { type: 'indexed' } | { type: 'finished' } | { type: 'failed'; message: string }) => {
      if (message.type === 'indexed') waiting.shift()?.();
      else if (message.type === 'finished') resolve();
      else reject(new Error(message.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the search index worker stopped (exit code ${code}) before it finished`)));
  });
  outcome.catch(() => {});
  writable.then(
    () => worker.postMessage({ type: 'writable' }),
    () => worker.postMessage({ type: 'abort' }),
  );
  return {
    index: (job) => {
      const indexed = new Promise<void>((resolve) => waiting.push(resolve));
      worker.postMessage({ type: 'bundle', ...job });
      // A failure ends the wait too (and surfaces through `end`).
      return Promise.race([indexed, outcome.then(() => {}, () => {})]);
    },
    end: () => {
      worker.postMessage({ type: 'end' });
      return outcome;
    },
  };
}

/**
 * The hash of everything a bundle's records are made from: its issues (by
 * their digests, which cover their items), the path prefix, the code that
 * turns them into records and Pagefind's version and settings. Equal hashes
 * give equal bundles, so an equal one is reused without making its records at all.
 */
function hashInputs(issues: readonly Issue[], digests: ReadonlyMap<object, string>, pathPrefix: string | undefined, code: string): string {
  const hash = createHash('sha256').update(`pagefind ${pagefindVersion}\nchunks ${process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ?? indexChunkSize}\ncode ${code}\nprefix ${pathPrefix ?? '/'}\n`);
  for (const issue of issues) {
    const digest = digests.get(issue);
    if (digest === undefined) throw new Error(`No digest for issue ${issue.year}/${issue.number}`);
    hash.update(`${digest}\n`);
  }
  return hash.digest('hex');
}

let recordCode: string | undefined;

/** A hash of the source files of recordCodeFolders, read once per process. */
function recordCodeFingerprint(): string {
  if (recordCode !== undefined) return recordCode;
  const hash = createHash('sha256');
  for (const folder of recordCodeFolders) {
    for (const name of readdirSync(path.join(srcDir, folder)).filter((file) => /\.[jt]s$/.test(file)).sort()) {
      hash.update(`${folder}/${name}\n`).update(readFileSync(path.join(srcDir, folder, name)));
    }
  }
  recordCode = hash.digest('hex');
  return recordCode;
}

/**
 * Recreates the files of `from` at `to` with hard links (linkUnchanged; a
 * bundle has no empty folders): thousands of fragment files appear at once
 * and take no space, and Pagefind's files are never written in place, so the
 * two trees cannot affect each other. Copies where links are impossible
 * (another file system).
 */
function linkTree(from: string, to: string): void {
  const files = readdirSync(from, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(from, path.join(entry.parentPath, entry.name)));
  linkUnchanged(from, to, files);
}

/**
 * The size of Pagefind's index chunks, in its own unit (one per page a word
 * is on, plus one per position): 20,000 by default. A query word costs one
 * chunk per bundle, so smaller chunks make a first search lighter; they make
 * the list of chunks in each bundle's metadata (loaded with the page) longer.
 * Measured on a five-year bundle (1,725 items): 20,000 gives 73 chunks of
 * 19.6 KB (gzip, median) and 18.3 KB of metadata; 4,000 gives 324 chunks of
 * 4.5 KB and 22.4 KB of metadata. Pagefind reads it from its environment
 * (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE, not yet a stable option); a value
 * already set there wins.
 */
export const indexChunkSize = 4000;

/**
 * Bundles the browser code (TypeScript, sharing the query logic with the
 * build and the tests) with esbuild: minified ES modules, no source maps, no
 * absolute paths, so the same sources give the same bytes.
 */
async function bundleClientScripts(outDir: string): Promise<void> {
  const result = await esbuild.build({
    entryPoints: Object.fromEntries(
      (Object.keys(clientScripts) as (keyof typeof clientScripts)[]).map((name) => [clientScripts[name].replace(/\.js$/, ''), path.join(srcDir, clientSources[name])]),
    ),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    outdir: outDir,
    logLevel: 'silent',
  });
  for (const file of result.outputFiles) {
    await mkdir(path.dirname(file.path), { recursive: true });
    await writeFile(file.path, file.contents);
  }
}

const pagefindVersion: string = await readFile(new URL('../../node_modules/pagefind/package.json', import.meta.url), 'utf8').then(
  (text) => (JSON.parse(text) as { version: string }).version,
);
