/**
 * The search step of the build: the Pagefind bundles of search-paths.ts
 * (the newest year, and all older years) under `pagefind/<bundle>/`, written
 * through Pagefind's Node API from the model, and the search page's scripts
 * bundled with esbuild into `assets/`.
 *
 * A bundle whose records are unchanged is copied from the previous output
 * (`reuseFrom`) instead of being indexed again, so adding an issue to the
 * newest year re-indexes only that year. The search page loads the newest
 * bundle and merges the other with mergeIndex (one WebAssembly module).
 */
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import * as pagefind from 'pagefind';
import type { Bulletin } from '../model/schema.ts';
import { clientScripts, indexFolder, toIndexBundles } from './search-paths.ts';
import { toSearchRecord, type SearchRecord } from './search-record.ts';


/** Written into each bundle: the hash of the records it was built from. */
const recordsHashFile = 'records.sha256';

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

const clientDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'client');

/** How to build the search index. */
export interface BuildSearchIndexOptions {
  /** The site's path prefix (`/` at the root): result URLs include it. */
  pathPrefix?: string;
  /** A previous output folder: years whose records did not change are copied from it. */
  reuseFrom?: string;
}

/** What the step did, for the build's log and the benchmark. */
export interface SearchIndexSummary {
  /** Bundles indexed afresh, by name (e.g. `2026`). */
  indexed: string[];
  /** Bundles copied unchanged from `reuseFrom`. */
  reused: string[];
  records: number;
}

/** Builds the search index of `bulletin` into `outDir` (the site's output folder). */
export async function buildSearchIndex(bulletin: Bulletin, outDir: string, options: BuildSearchIndexOptions = {}): Promise<SearchIndexSummary> {
  const summary: SearchIndexSummary = { indexed: [], reused: [], records: 0 };
  const issues = [...bulletin.issues].sort((a, b) => a.year - b.year || a.number - b.number);
  const bundles = toIndexBundles(issues.map((issue) => issue.year)).map((bundle) => {
    const records = issues
      .filter((issue) => bundle.years.includes(issue.year))
      .flatMap((issue) => issue.items.map((item) => toSearchRecord(issue, item, options.pathPrefix)));
    return { name: bundle.name, records, hash: hashRecords(records), target: path.join(outDir, indexFolder, bundle.name) };
  });
  try {
    // The bundles are independent: Pagefind's service indexes them side by side.
    await Promise.all(
      bundles.map(async ({ name, records, hash, target }) => {
        summary.records += records.length;
        if (options.reuseFrom && (await reuseBundle(path.join(options.reuseFrom, indexFolder, name), target, hash))) {
          summary.reused.push(name);
          return;
        }
        await writeBundle(records, target);
        await writeFile(path.join(target, recordsHashFile), `${hash}\n`);
        summary.indexed.push(name);
      }),
    );
  } finally {
    await pagefind.close();
  }
  summary.indexed.sort();
  summary.reused.sort();
  await bundleClientScripts(outDir);
  return summary;
}

function hashRecords(records: readonly SearchRecord[]): string {
  // The Pagefind version is part of the hash: a new version must re-index everything.
  return createHash('sha256').update(pagefindVersion).update(JSON.stringify(records)).digest('hex');
}

async function reuseBundle(previous: string, target: string, hash: string): Promise<boolean> {
  const previousHash = await readFile(path.join(previous, recordsHashFile), 'utf8').catch(() => undefined);
  if (previousHash?.trim() !== hash) return false;
  await linkTree(previous, target);
  return true;
}

/**
 * Recreates `from` at `to` with hard links: thousands of fragment files
 * appear at once and take no space, and Pagefind's files are never written
 * in place, so the two trees cannot affect each other. Copies where links
 * are impossible (another file system).
 */
async function linkTree(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  await mkdir(to, { recursive: true });
  for (const entry of entries.filter((entry) => entry.isDirectory())) {
    await mkdir(path.join(to, path.relative(from, path.join(entry.parentPath, entry.name))), { recursive: true });
  }
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.relative(from, path.join(entry.parentPath, entry.name)));
  for (let start = 0; start < files.length; start += 256) {
    await Promise.all(
      files.slice(start, start + 256).map((file) =>
        link(path.join(from, file), path.join(to, file)).catch(() => copyFile(path.join(from, file), path.join(to, file))),
      ),
    );
  }
}

async function writeBundle(records: readonly SearchRecord[], target: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
  const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
  const addErrors = added.flatMap((response, position) => response.errors.map((error) => `${records[position]!.url}: ${error}`));
  if (addErrors.length > 0) throw new Error(`Pagefind refused records:\n${addErrors.join('\n')}`);
  // The files come back in memory and are written here: fragments lose their
  // content on the way (withoutContent) and unused files are never written.
  const { files, errors: fileErrors } = await index.getFiles();
  if (fileErrors.length > 0) throw new Error(`Pagefind could not build ${target}: ${fileErrors.join('; ')}`);
  await index.deleteIndex();
  const kept = files.filter((file) => !unusedBundleFiles.includes(file.path));
  for (const folder of new Set(kept.map((file) => path.dirname(path.join(target, file.path))))) await mkdir(folder, { recursive: true });
  // Synchronous on purpose: ~8,000 small files, and measured here one
  // writeFileSync after another took 2.4–4.2 s where batches of async
  // writeFile took 6.1–6.6 s (the thread pool's overhead dominates).
  for (const file of kept) {
    const content = file.path.startsWith('fragment/') ? withoutContent(file.content, file.path) : file.content;
    writeFileSync(path.join(target, file.path), content);
  }
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
