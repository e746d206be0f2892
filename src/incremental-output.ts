/**
 * The I/O half of incremental rebuilds (the pure half is src/site/page-plan.ts):
 * the fingerprint of the site's code, the manifest recorded with each output
 * (output file → fingerprint of what it was rendered from), hard-linking
 * unchanged pages from the previous output into the new one, and the spare:
 * the output before the current one, which a build takes over and updates
 * instead of starting from an empty folder.
 *
 * Hard links share their file: nothing ever writes into a file of an output
 * folder once it is built. A rebuild links only pages it will not render, and
 * every page it renders is a new file: in a spare, every file that is not
 * kept as it is gets unlinked before anything is written (sweepSpare).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync, readdirSync, rmdirSync, unlinkSync, type Dirent } from 'node:fs';
import { readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { readCacheFile } from './cache-files.ts';

/** The manifest's file name inside an output folder. */
export const manifestFileName = '.build-manifest.json';

/** Bump when the manifest or the way fingerprints are computed changes. */
const manifestVersion = 1;

/**
 * What decides how a page renders besides its data: the templates and every
 * module they import (found by esbuild, so a change to, say, the search
 * step's indexer re-renders nothing), public/, the Eleventy glue, the
 * configuration and the exact dependency versions. Any change re-renders all.
 */
const codeFolders = ['public', 'src/eleventy'];
const codeFiles = ['.eleventy.ts', 'site.config.ts', 'package-lock.json', 'src/build-site.ts', 'src/incremental-output.ts'];
/** Where the templates' imports are not known (esbuild failed on a broken template): these whole folders. */
const fallbackFolders = ['templates', 'src'];

const codeFingerprints = new Map<string, Promise<string>>();

/** The fingerprint of the site's code under `projectRoot`, computed once per process. */
export function codeFingerprint(projectRoot: string): Promise<string> {
  let fingerprint = codeFingerprints.get(projectRoot);
  if (!fingerprint) {
    fingerprint = templateSources(projectRoot).then((sources) => hashCode(projectRoot, sources ? codeFolders : [...codeFolders, ...fallbackFolders], [...codeFiles, ...(sources ?? [])]));
    codeFingerprints.set(projectRoot, fingerprint);
  }
  return fingerprint;
}

/** The project's source files the templates import, directly or not (relative paths), or undefined if esbuild cannot tell. */
export async function templateSources(root: string): Promise<string[] | undefined> {
  try {
    const entries = (await readdir(path.join(root, 'templates'))).filter((name) => name.endsWith('.11ty.tsx')).map((name) => `templates/${name}`);
    const { metafile } = await build({
      absWorkingDir: root,
      entryPoints: entries,
      bundle: true,
      write: false,
      metafile: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      outdir: path.join(root, '.cache', 'template-imports'),
      logLevel: 'silent',
    });
    return Object.keys(metafile.inputs);
  } catch {
    return undefined;
  }
}

/**
 * Hashes the named folders (recursively) and files of `root`, by sorted path;
 * missing ones count as missing. Synchronous on purpose: the ~50 small files
 * take a few milliseconds, where reading them one await at a time made the
 * build's model step wait 80–140 ms for a main thread busy parsing.
 */
export function hashCode(root: string, folders: readonly string[], files: readonly string[]): string {
  const paths = [...files];
  for (const folder of folders) {
    for (const entry of readdirOrNone(path.join(root, folder))) if (entry.isFile()) paths.push(path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  }
  const hash = createHash('sha256').update(`manifest ${manifestVersion}\n`);
  for (const file of [...new Set(paths)].sort()) {
    const contents = readCacheFile(path.join(root, file));
    hash.update(`${file}\n${contents === undefined ? 'missing' : createHash('sha256').update(contents).digest('hex')}\n`);
  }
  return hash.digest('hex');
}

function readdirOrNone(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
}

/** The manifest of the output in `outDir`: empty when there is none or it is unreadable or of another version. */
export async function readManifest(outDir: string): Promise<Map<string, string>> {
  try {
    const manifest = JSON.parse(await readFile(path.join(outDir, manifestFileName), 'utf8')) as { version?: unknown; pages?: unknown };
    if (manifest.version !== manifestVersion || typeof manifest.pages !== 'object' || manifest.pages === null) return new Map();
    return new Map(Object.entries(manifest.pages as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return new Map();
  }
}

/** Writes the manifest of the output being built in `outDir` (a new file, as every file of a new output). */
export async function writeManifest(outDir: string, pages: ReadonlyMap<string, string>): Promise<void> {
  await writeFile(path.join(outDir, manifestFileName), `${JSON.stringify({ version: manifestVersion, pages: Object.fromEntries(pages) }, null, 0)}\n`);
}

/**
 * Hard-links each of `outputs` (paths relative to the folders) from `fromDir`
 * into `toDir`, creating their folders; copies where the file system refuses
 * links. Returns the outputs now in `toDir`: a file missing from `fromDir` is
 * left out, to be rendered.
 *
 * Synchronous on purpose: measured alone on 9,600 folders and files,
 * mkdirSync took 0.31 s and linkSync 0.12 s one after another, where
 * mkdir from fs/promises took 0.57 s all at once; in a benchmark rebuild, the
 * thread-pool version waited 1.5 s for its folders and linked for 1.0 s.
 */
export function linkUnchanged(fromDir: string, toDir: string, outputs: readonly string[]): Set<string> {
  const linked = new Set<string>();
  const made = new Set<string>();
  mkdirSync(toDir, { recursive: true });
  for (const output of [...outputs].sort()) {
    const from = path.join(fromDir, output);
    const to = path.join(toDir, output);
    const folder = path.dirname(to);
    if (!made.has(folder)) {
      // Sorted, so a page's parent folders are mostly made already: one mkdir call each.
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    try {
      linkSync(from, to);
      linked.add(output);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      // A file system without hard links: a copy is a new file too.
      copyFileSync(from, to);
      linked.add(output);
    }
  }
  return linked;
}

/**
 * Where the build keeps the output it replaces (`_site.previous` beside
 * `_site`): a complete site, never served, that the next build takes over
 * (claimSpare) and brings up to date in place, so only what changed in the
 * last two builds is written or unlinked, instead of linking every unchanged
 * page into an empty folder (~19,000 files at 1,000 issues).
 */
export function spareOf(outDir: string): string {
  return `${outDir}.previous`;
}

/** A spare taken over by a build: its folder, every file in it, and its pages still up to date. */
export interface ClaimedSpare {
  dir: string;
  /** Every file it held when taken over, relative and `/`-separated. */
  files: ReadonlySet<string>;
  /** The pages (outputs) whose fingerprint is the one the build wants, and which are there. */
  pages: Set<string>;
}

/** The spare of an output as found before the build claims it: its manifest and its files. */
export interface SpareListing {
  manifest: Map<string, string>;
  /** Every file in it, relative and `/`-separated. */
  files: ReadonlySet<string>;
  /** The inode of its manifest file, which a rename keeps: tells whether the folder claimed later is this one. */
  manifestInode: number;
}

/**
 * Lists the spare of `outDir`, if it has one, in a worker thread: the build
 * starts it first and claims the spare (claimSpare) once the issues are
 * modelled, so the listing runs on another core meanwhile. Measured at 1,000
 * issues: listing the spare's ~19,000 files took 0.31 s on the main thread.
 */
export async function listSpare(outDir: string): Promise<SpareListing | undefined> {
  const spare = spareOf(outDir);
  const manifestInode = await inodeOf(path.join(spare, manifestFileName));
  if (manifestInode === undefined) return undefined;
  const [manifest, files] = await Promise.all([readManifest(spare), listFilesInWorker(spare)]);
  return manifest.size === 0 ? undefined : { manifest, files: new Set(files), manifestInode };
}

/**
 * Takes over the spare of `outDir` by renaming it to `toDir` (atomic: two
 * builds never share one), given the fingerprints of the pages to build and
 * the spare's listing (listSpare, made while the build read the issues).
 * Undefined when there is none, it has no manifest of this version, or fewer
 * than a quarter of its pages are up to date (after a change to the templates
 * or settings none is, and sweeping it would unlink every file for nothing;
 * a kept page saves a folder and a link, an out-of-date one costs an unlink);
 * the swap then deletes it. Should another build have replaced the spare
 * since it was listed, the folder taken over is listed again.
 */
export async function claimSpare(outDir: string, toDir: string, fingerprints: ReadonlyMap<string, string>, listing?: Promise<SpareListing | undefined>): Promise<ClaimedSpare | undefined> {
  const listed = (await listing?.catch(() => undefined)) ?? undefined;
  const manifest = listed?.manifest ?? (await readManifest(spareOf(outDir)));
  if (!isWorthClaiming(manifest, fingerprints)) return undefined;
  try {
    await rename(spareOf(outDir), toDir);
  } catch {
    return undefined;
  }
  if (listed && (await inodeOf(path.join(toDir, manifestFileName))) === listed.manifestInode) return toClaimed(toDir, listed.manifest, listed.files, fingerprints);
  // Not the folder listed (or none was): list it now. It is ours, so it is taken over either way.
  return toClaimed(toDir, await readManifest(toDir), new Set(await listFilesInWorker(toDir)), fingerprints);
}

/** At least a quarter of the spare's pages are up to date (and at least one). */
function isWorthClaiming(manifest: ReadonlyMap<string, string>, fingerprints: ReadonlyMap<string, string>): boolean {
  let upToDate = 0;
  for (const [output, fingerprint] of fingerprints) if (manifest.get(output) === fingerprint) upToDate++;
  return upToDate > 0 && upToDate >= manifest.size / 4;
}

function toClaimed(dir: string, manifest: ReadonlyMap<string, string>, files: ReadonlySet<string>, fingerprints: ReadonlyMap<string, string>): ClaimedSpare {
  const pages = new Set<string>();
  for (const [output, fingerprint] of fingerprints) if (manifest.get(output) === fingerprint && files.has(output)) pages.add(output);
  return { dir, files, pages };
}

// Lists every file under `workerData`, relative and `/`-separated: a worker's CommonJS source (no module loader, no tsx, ~40 ms to start).
const listFilesWorker = `
const { parentPort, workerData: dir } = require('node:worker_threads');
const { readdirSync } = require('node:fs');
const path = require('node:path');
parentPort.postMessage(
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')),
);
`;

/** Every file under `dir`, relative and `/`-separated, listed in a worker thread. */
function listFilesInWorker(dir: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(listFilesWorker, { eval: true, workerData: dir, execArgv: [] });
    worker.once('message', (files: string[]) => resolve(files));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`listing ${dir} stopped with code ${code}`)));
  });
}

async function inodeOf(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).ino;
  } catch {
    return undefined;
  }
}

/**
 * Unlinks every file of a claimed spare that `keep` does not accept, so that
 * whatever the build then writes is a new file (a kept file may be a hard
 * link shared with the served output). Returns the folders it emptied files
 * from, for removeEmptyFolders once the build has written everything.
 */
export function sweepSpare(spare: ClaimedSpare, keep: (file: string) => boolean): Set<string> {
  const emptied = new Set<string>();
  for (const file of spare.files) {
    if (keep(file)) continue;
    try {
      unlinkSync(path.join(spare.dir, file));
    } catch (error) {
      // Listed before the spare was claimed, and deleted by hand since: already gone.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    emptied.add(path.posix.dirname(file));
  }
  return emptied;
}

/**
 * Removes those of `folders` (relative to `root`) that are empty, and their
 * parents that become empty: the folders of pages that no longer exist.
 * Deepest first, so a parent is tried after its children.
 */
export function removeEmptyFolders(root: string, folders: Iterable<string>): void {
  const candidates = new Set<string>();
  for (let folder of folders) {
    while (folder !== '.' && folder !== '' && !candidates.has(folder)) {
      candidates.add(folder);
      folder = path.posix.dirname(folder);
    }
  }
  const deepestFirst = [...candidates].sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : 1));
  for (const folder of deepestFirst) {
    try {
      rmdirSync(path.join(root, folder));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOENT') throw error;
    }
  }
}
