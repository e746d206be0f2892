/**
 * The index step: the Pagefind bundles of src/search/search-paths.ts (the
 * newest year alone, older years in blocks of five) under
 * `pagefind/<bundle>/`, indexed from the model by Pagefind (through its Node
 * API, in a worker thread: index-worker.js), and the search page's scripts
 * bundled with esbuild into `assets/`.
 *
 * Each bundle has an inputs hash (its issues' digests, the departments' other
 * names, the path prefix, the code fingerprint and the chunk size), recorded in the build's manifest. A
 * bundle whose hash is that of the published build or of the previous one is
 * not indexed again: it stays where it is in the previous build, if the build
 * took it over, or is hard-linked from the build that has it (the published
 * one first). Adding an issue to the
 * newest year re-indexes that year only: at 1,000 issues, 0.69 s against
 * 13.5 s for every bundle.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as esbuild from 'esbuild';
import type { Bulletin, Issue } from '../model/schema.ts';
import { projectRoot } from '../paths.ts';
import { clientScripts, clientSources, indexFolder, toIndexBundles } from '../search/search-paths.ts';
import { toSearchRecord, type SearchRecord } from '../search/search-record.ts';
import { linkUnchanged } from './reuse.ts';

const srcDir = path.join(projectRoot, 'src');

/** What the index is built from besides the bulletin. */
export interface SearchIndexOptions {
  /** The site's path prefix (`/` at the root): result URLs include it. */
  pathPrefix?: string;
  /** The digests of the issues (src/model/digest.ts). */
  issueDigests: ReadonlyMap<object, string>;
  /** The code fingerprint (code-fingerprint.ts). */
  code: string;
  /** Earlier builds, each its folder and the inputs hash of each of its bundles (from its manifest): the published one first, then the previous one. */
  earlier?: readonly { dir: string; bundles: ReadonlyMap<string, string> }[];
}

/** What the step did, for the tests and the benchmark. */
export interface SearchIndexSummary {
  /** Bundles indexed afresh, by name (e.g. `2026`). */
  indexed: string[];
  /** Bundles reused: kept in place or linked from the published build. */
  reused: string[];
  records: number;
}

/** The index step, planned: how much it will index, and the step itself. */
export interface SearchIndexPlan {
  /** The inputs hash of every bundle, by name: the build's manifest records them. */
  hashes: ReadonlyMap<string, string>;
  /** The bundles no earlier build has with the same hash: they are indexed, the others reused. */
  toIndex: ReadonlySet<string>;
  /** How many records the bundles to index hold. */
  recordsToIndex: number;
  /**
   * Builds the index into `workDir`. Pagefind starts at once; nothing is
   * written into `workDir` before `ready` resolves (the build clears the
   * folder meanwhile), with the bundles already in place there (left by the
   * previous build it took over, same hash): those stay as they are; the
   * other unchanged ones are linked from the earlier build that has them. If
   * `ready` rejects, nothing is written at all.
   */
  run(workDir: string, ready: Promise<ReadonlySet<string>>): Promise<SearchIndexSummary>;
}

/** Plans the index of `bulletin`: the bundles, their hashes, and which changed since the published build. */
export function planSearchIndex(bulletin: Bulletin, options: SearchIndexOptions): SearchIndexPlan {
  const issues = [...bulletin.issues].sort((a, b) => a.year - b.year || a.number - b.number);
  // A record also holds its department's other names (departments.yml), which no issue digest covers.
  const aliases = new Map(bulletin.departments.map((department) => [department.name, department.aliases]));
  const aliasesKey = JSON.stringify([...aliases].filter(([, names]) => names.length > 0));
  const bundles = toIndexBundles(issues.map((issue) => issue.year)).map((bundle) => {
    const bundleIssues = issues.filter((issue) => bundle.years.includes(issue.year));
    return { name: bundle.name, issues: bundleIssues, hash: hashInputs(bundleIssues, aliasesKey, options) };
  });
  const sourceOf = (name: string, hash: string) => options.earlier?.find((build) => build.bundles.get(name) === hash);
  const toIndex = bundles.filter((bundle) => sourceOf(bundle.name, bundle.hash) === undefined);
  return {
    hashes: new Map(bundles.map((bundle) => [bundle.name, bundle.hash])),
    toIndex: new Set(toIndex.map((bundle) => bundle.name)),
    recordsToIndex: toIndex.reduce((sum, bundle) => sum + bundle.issues.reduce((count, issue) => count + issue.items.length, 0), 0),
    run: async (workDir, ready) => {
      const summary: SearchIndexSummary = { indexed: [], reused: [], records: issues.reduce((sum, issue) => sum + issue.items.length, 0) };
      const target = (name: string) => path.join(workDir, indexFolder, name);
      const indexer = toIndex.length > 0 ? startIndexer(ready) : undefined;
      // Records are made only for the bundles indexed. A bundle's are made while Pagefind indexes the one before, and
      // sent once it is done: at most two bundles' records are held at a time.
      let previous = Promise.resolve();
      for (const bundle of toIndex) {
        const records = bundle.issues.flatMap((issue) => issue.items.map((item) => toSearchRecord(issue, item, options.pathPrefix, aliases.get(item.department))));
        await previous;
        previous = indexer!.index({ target: target(bundle.name), records });
        summary.indexed.push(bundle.name);
      }
      const indexed = indexer?.end();
      indexed?.catch(() => {});
      const inPlace = await ready;
      for (const bundle of bundles) {
        if (summary.indexed.includes(bundle.name)) continue;
        if (!inPlace.has(bundle.name)) linkTree(path.join(sourceOf(bundle.name, bundle.hash)!.dir, indexFolder, bundle.name), target(bundle.name));
        summary.reused.push(bundle.name);
      }
      await bundleClientScripts(workDir);
      await indexed;
      summary.indexed.sort();
      summary.reused.sort();
      return summary;
    },
  };
}

/** A bundle to index, as sent to index-worker.js. */
interface IndexJob {
  target: string;
  records: SearchRecord[];
}

/**
 * Starts index-worker.js, which indexes the bundles it is sent with Pagefind
 * and writes their files once `ready` resolves (or gives up when it rejects).
 * `index` resolves when Pagefind has indexed the bundle (its files are written
 * later); `end` when every bundle is written.
 */
function startIndexer(ready: Promise<unknown>): { index(job: IndexJob): Promise<void>; end(): Promise<void> } {
  // Read by the Pagefind process the worker starts (a worker's environment is a copy of this one's).
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(indexChunkSize);
  // No execArgv: the worker is plain JavaScript, and loads nothing of the build's preload or tsx.
  const worker = new Worker(new URL('./index-worker.js', import.meta.url), { execArgv: [] });
  // The bundles sent and not yet indexed, in order: the worker indexes them one after another.
  const waiting: (() => void)[] = [];
  const outcome = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: { type: 'indexed' } | { type: 'finished' } | { type: 'failed'; message: string; code?: string; path?: string }) => {
      if (message.type === 'indexed') waiting.shift()?.();
      else if (message.type === 'finished') resolve();
      // The error's code and path survive the thread boundary, so a full disk is reported as one.
      else reject(Object.assign(new Error(message.message), message.code === undefined ? {} : { code: message.code, path: message.path }));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the search index worker stopped (exit code ${code}) before it finished`)));
  });
  outcome.catch(() => {});
  ready.then(
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
 * The hash of everything a bundle is made from: its issues (by their
 * digests, which cover their items), the departments' other names, the path
 * prefix, the code (Pagefind's version included) and the chunk size. Equal
 * hashes give equal bundles, so an equal one is reused without making its
 * records at all.
 */
function hashInputs(issues: readonly Issue[], aliases: string, options: SearchIndexOptions): string {
  const chunks = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ?? indexChunkSize;
  const hash = createHash('sha256').update(`code ${options.code}\nchunks ${chunks}\nprefix ${options.pathPrefix ?? '/'}\naliases ${aliases}\n`);
  for (const issue of issues) {
    const digest = options.issueDigests.get(issue);
    if (digest === undefined) throw new Error(`No digest for issue ${issue.year}/${issue.number}`);
    hash.update(`${digest}\n`);
  }
  return hash.digest('hex');
}

/**
 * Recreates the files of `from` at `to` with hard links (linkUnchanged; a
 * bundle has no empty folders): thousands of fragment files appear at once
 * and take no space, and Pagefind's files are never written in place, so the
 * two trees cannot affect each other.
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
const indexChunkSize = 4000;

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
