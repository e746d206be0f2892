/**
 * The search step of the build: one Pagefind bundle per year of issues under
 * `pagefind/<year>/`, written through Pagefind's Node API from the model, and
 * the search page's scripts bundled with esbuild into `assets/`.
 *
 * One bundle per year keeps rebuilds incremental: a year whose records are
 * unchanged is copied from the previous output (`reuseFrom`) instead of being
 * indexed again, so adding an issue re-indexes only its year. The search page
 * loads the newest year's bundle and merges the others with mergeIndex (one
 * WebAssembly module for all of them).
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import * as pagefind from 'pagefind';
import type { Bulletin, Issue } from '../model/schema.ts';
import { clientScripts, indexFolder } from './search-paths.ts';
import { toSearchRecord, type SearchRecord } from './search-record.ts';

export { clientScripts, indexFolder };


/** Written next to each year's bundle: the hash of the records it was built from. */
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
  /** Years indexed afresh. */
  indexedYears: number[];
  /** Years copied unchanged from `reuseFrom`. */
  reusedYears: number[];
  records: number;
}

/** Builds the search index of `bulletin` into `outDir` (the site's output folder). */
export async function buildSearchIndex(bulletin: Bulletin, outDir: string, options: BuildSearchIndexOptions = {}): Promise<SearchIndexSummary> {
  const summary: SearchIndexSummary = { indexedYears: [], reusedYears: [], records: 0 };
  const byYear = groupByYear(bulletin.issues);
  try {
    for (const [year, issues] of byYear) {
      const records = issues.flatMap((issue) => issue.items.map((item) => toSearchRecord(issue, item, options.pathPrefix)));
      summary.records += records.length;
      const target = path.join(outDir, indexFolder, String(year));
      const hash = hashRecords(records);
      if (options.reuseFrom && (await reuseYear(path.join(options.reuseFrom, indexFolder, String(year)), target, hash))) {
        summary.reusedYears.push(year);
        continue;
      }
      await writeYearBundle(records, target);
      await writeFile(path.join(target, recordsHashFile), `${hash}\n`);
      summary.indexedYears.push(year);
    }
  } finally {
    await pagefind.close();
  }
  await bundleClientScripts(outDir);
  return summary;
}

/** The years of the archive, newest first: the order the search page merges their bundles in. */
export function indexYears(bulletin: Pick<Bulletin, 'issues'>): number[] {
  return [...groupByYear(bulletin.issues).keys()].sort((a, b) => b - a);
}

function groupByYear(issues: readonly Issue[]): Map<number, Issue[]> {
  const byYear = new Map<number, Issue[]>();
  for (const issue of [...issues].sort((a, b) => a.year - b.year || a.number - b.number)) {
    const list = byYear.get(issue.year) ?? [];
    list.push(issue);
    byYear.set(issue.year, list);
  }
  return byYear;
}

function hashRecords(records: readonly SearchRecord[]): string {
  // The Pagefind version is part of the hash: a new version must re-index everything.
  return createHash('sha256').update(pagefindVersion).update(JSON.stringify(records)).digest('hex');
}

async function reuseYear(previous: string, target: string, hash: string): Promise<boolean> {
  const previousHash = await readFile(path.join(previous, recordsHashFile), 'utf8').catch(() => undefined);
  if (previousHash?.trim() !== hash) return false;
  await cp(previous, target, { recursive: true });
  return true;
}

async function writeYearBundle(records: readonly SearchRecord[], target: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
  const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
  const addErrors = added.flatMap((response, position) => response.errors.map((error) => `${records[position]!.url}: ${error}`));
  if (addErrors.length > 0) throw new Error(`Pagefind refused records:\n${addErrors.join('\n')}`);
  await mkdir(target, { recursive: true });
  const written = await index.writeFiles({ outputPath: target });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write ${target}: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  await Promise.all(unusedBundleFiles.map((name) => rm(path.join(target, name), { force: true })));
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
