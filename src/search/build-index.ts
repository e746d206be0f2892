/**
 * The search step of the build: the Pagefind bundles of search-paths.ts
 * (the newest year alone, older years in blocks of five) under
 * `pagefind/<bundle>/`, written through Pagefind's Node API from the model,
 * and the search page's scripts bundled with esbuild into `assets/`.
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
import { gunzipSync, gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import * as pagefind from 'pagefind';
import { linkUnchanged } from '../incremental-output.ts';
import type { Bulletin, Issue } from '../model/schema.ts';
import { clientScripts, indexFolder, toIndexBundles } from './search-paths.ts';
import { toSearchRecord, type SearchRecord } from './search-record.ts';


/** Written into each bundle: the hash of what its records are made from (see hashInputs). */
const inputsHashFile = 'inputs.sha256';

/** The source folders (under src/) whose code decides what a record holds: the record, its words, URLs and labels, the model. */
const recordCodeFolders = ['search', 'site', 'model'];

/** Pagefind's browser files the site does not use (its ready-made UIs, the highlight script, the worker). */
const unusedBundleFiles = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  'pagefind-worker.js',
];

const srcDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const clientDir = path.join(srcDir, 'search', 'client');

/** How to build the search index. */
export interface BuildSearchIndexOptions {
  /** The site's path prefix (`/` at the root): result URLs include it. */
  pathPrefix?: string;
  /** A previous output folder: years whose records did not change are linked from it. */
  reuseFrom?: string;
  /**
   * `outDir` already holds bundles (a spare taken over by the build, see
   * src/incremental-output.ts): those whose records did not change stay as they are.
   */
  keepInPlace?: boolean;
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
  /** Records of the bundles to index afresh; the others are kept in place or linked from `reuseFrom`. */
  recordsToIndex: number;
  /** The folders (relative to `outDir`, `/`-separated) of the bundles kept in place: their files must stay. */
  keptFolders: string[];
  /** Builds the index as planned. */
  run(): Promise<SearchIndexSummary>;
}

/** Builds the search index of `bulletin` into `outDir` (the site's output folder). */
export async function buildSearchIndex(bulletin: Bulletin, outDir: string, options: BuildSearchIndexOptions = {}): Promise<SearchIndexSummary> {
  return (await planSearchIndex(bulletin, outDir, options)).run();
}

/** Works out which bundles of `bulletin`'s index can be linked from `options.reuseFrom` and which must be indexed. */
export async function planSearchIndex(bulletin: Bulletin, outDir: string, options: BuildSearchIndexOptions = {}): Promise<SearchIndexPlan> {
  const issues = [...bulletin.issues].sort((a, b) => a.year - b.year || a.number - b.number);
  const code = recordCodeFingerprint();
  const bundles = await Promise.all(
    toIndexBundles(issues.map((issue) => issue.year)).map(async (bundle) => {
      const bundleIssues = issues.filter((issue) => bundle.years.includes(issue.year));
      const hash = hashInputs(bundleIssues, options.pathPrefix, code);
      const target = path.join(outDir, indexFolder, bundle.name);
      const previous = options.reuseFrom === undefined ? undefined : path.join(options.reuseFrom, indexFolder, bundle.name);
      const reuse: BundleReuse = options.keepInPlace && (await inputsHashOf(target)) === hash ? 'keep' : previous !== undefined && (await inputsHashOf(previous)) === hash ? { linkFrom: previous } : undefined;
      return { name: bundle.name, issues: bundleIssues, records: bundleIssues.reduce((sum, issue) => sum + issue.items.length, 0), hash, target, reuse };
    }),
  );
  return {
    recordsToIndex: bundles.filter((bundle) => bundle.reuse === undefined).reduce((sum, bundle) => sum + bundle.records, 0),
    keptFolders: bundles.filter((bundle) => bundle.reuse === 'keep').map((bundle) => `${indexFolder}/${bundle.name}`),
    run: () => writeSearchIndex(bundles, outDir, options.pathPrefix),
  };
}

/** The inputs hash recorded in a bundle folder, if any. */
function inputsHashOf(bundleDir: string): Promise<string | undefined> {
  return readFile(path.join(bundleDir, inputsHashFile), 'utf8').then(
    (text) => text.trim(),
    () => undefined,
  );
}

/** How a bundle is reused: kept where it is, linked from the previous output, or not at all (indexed). */
type BundleReuse = 'keep' | { linkFrom: string } | undefined;

interface PlannedBundle {
  name: string;
  issues: Issue[];
  records: number;
  hash: string;
  target: string;
  reuse: BundleReuse;
}

async function writeSearchIndex(bundles: readonly PlannedBundle[], outDir: string, pathPrefix: string | undefined): Promise<SearchIndexSummary> {
  const summary: SearchIndexSummary = { indexed: [], reused: [], records: 0 };
  // One bundle after another, each with its own Pagefind process, closed when the bundle is
  // written: the indexer's memory grows with its records (see search-paths.ts), and only
  // one bundle's worth is ever held.
  const writes: Promise<void>[] = [];
  for (const { name, issues: bundleIssues, records: count, hash, target, reuse } of bundles) {
    summary.records += count;
    if (reuse !== undefined) {
      if (reuse !== 'keep') linkTree(reuse.linkFrom, target);
      summary.reused.push(name);
      continue;
    }
    // Made only for the bundles indexed: turning text into index words is most of a rebuild's search step otherwise.
    const records = bundleIssues.flatMap((issue) => issue.items.map((item) => toSearchRecord(issue, item, pathPrefix)));
    let files: BundleFile[];
    try {
      files = await indexBundle(records, target);
    } finally {
      await pagefind.close();
    }
    // Written on libuv's threads while Pagefind indexes the next bundle; awaited below.
    const written = writeBundleFiles(files, target).then(() => writeFile(path.join(target, inputsHashFile), `${hash}\n`));
    written.catch(() => {});
    writes.push(written);
    summary.indexed.push(name);
  }
  await Promise.all(writes);
  summary.indexed.sort();
  summary.reused.sort();
  await bundleClientScripts(outDir);
  return summary;
}

/**
 * The hash of everything a bundle's records are made from: its issues, the
 * path prefix, the code that turns them into records and Pagefind's version
 * and settings. Equal hashes give equal bundles, so an equal one is reused
 * without making its records at all.
 */
function hashInputs(issues: readonly Issue[], pathPrefix: string | undefined, code: string): string {
  return createHash('sha256')
    .update(`pagefind ${pagefindVersion}\nchunks ${process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ?? indexChunkSize}\ncode ${code}\nprefix ${pathPrefix ?? '/'}\n`)
    .update(JSON.stringify(issues))
    .digest('hex');
}

let recordCode: string | undefined;

/** A hash of the source files of recordCodeFolders, read once per process. */
function recordCodeFingerprint(): string {
  if (recordCode !== undefined) return recordCode;
  const hash = createHash('sha256');
  for (const folder of recordCodeFolders) {
    for (const name of readdirSync(path.join(srcDir, folder)).filter((file) => file.endsWith('.ts')).sort()) {
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

/** A file of a Pagefind bundle, as getFiles returns it. */
interface BundleFile {
  path: string;
  content: Uint8Array;
}

/** Indexes `records` with Pagefind and returns the bundle's files (those the site uses). */
async function indexBundle(records: readonly SearchRecord[], target: string): Promise<BundleFile[]> {
  // Read by the Pagefind process that createIndex starts.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(indexChunkSize);
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
  const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
  const addErrors = added.flatMap((response, position) => response.errors.map((error) => `${records[position]!.url}: ${error}`));
  if (addErrors.length > 0) throw new Error(`Pagefind refused records:\n${addErrors.join('\n')}`);
  // The files come back in memory and are written by writeBundleFiles: fragments
  // lose their content on the way (withoutContent) and unused files are never written.
  const { files, errors: fileErrors } = await index.getFiles();
  if (fileErrors.length > 0) throw new Error(`Pagefind could not build ${target}: ${fileErrors.join('; ')}`);
  await index.deleteIndex();
  return files.filter((file) => !unusedBundleFiles.includes(file.path));
}

// Writes in flight per bundle: enough to keep libuv's threads busy.
const writeConcurrency = 16;

/**
 * Writes a bundle's files into `target`. Measured here, the ~1,800 small
 * files of a bundle take 0.3–2 s to create on this file system, so they are
 * written in the background while Pagefind indexes the next bundle. Each
 * fragment loses its content just before it is written, spreading that work
 * over the same time.
 */
async function writeBundleFiles(files: readonly BundleFile[], target: string): Promise<void> {
  for (const folder of new Set(files.map((file) => path.dirname(path.join(target, file.path))))) await mkdir(folder, { recursive: true });
  let next = 0;
  const writer = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      await writeFile(path.join(target, file.path), file.path.startsWith('fragment/') ? withoutContent(file.content, file.path) : file.content);
    }
  };
  await Promise.all(Array.from({ length: writeConcurrency }, writer));
}

/** Pagefind's fragments are gzip of this signature followed by JSON. */
const fragmentSignature = 'pagefind_dcd';

/**
 * A fragment with an empty `content`. Pagefind stores a record's content in
 * its fragment for its own excerpts; ours is the index words
 * (search-tokens.ts), which the page never reads (it verifies and cuts
 * excerpts from `meta.text`), and they are more than half of each fragment's
 * bytes (measured: 2,010 → 883 bytes gzip on average at 1,000 issues). Every
 * result a reader sees loads one fragment. The file keeps its name: Pagefind
 * names fragments by a hash of their original content, which still changes
 * whenever the record does.
 */
function withoutContent(gzipped: Uint8Array, name: string): Buffer {
  const text = gunzipSync(gzipped).toString('utf8');
  if (!text.startsWith(fragmentSignature)) throw new Error(`${name} is not a Pagefind fragment`);
  const fragment = JSON.parse(text.slice(fragmentSignature.length)) as { content?: string };
  fragment.content = '';
  // Node's gzip header has no time stamp: the same fragment gives the same bytes.
  return gzipSync(`${fragmentSignature}${JSON.stringify(fragment)}`, { level: 9 });
}

/**
 * Bundles the browser code (TypeScript, sharing the query logic with the
 * build and the tests) with esbuild: minified ES modules, no source maps, no
 * absolute paths, so the same sources give the same bytes.
 */
async function bundleClientScripts(outDir: string): Promise<void> {
  const result = await esbuild.build({
    entryPoints: {
      [clientScripts.searchPage.replace(/\.js$/, '')]: path.join(clientDir, 'search-page.ts'),
      [clientScripts.itemHighlight.replace(/\.js$/, '')]: path.join(clientDir, 'item-highlight.ts'),
    },
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
