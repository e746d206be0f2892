/**
 * The render step's reuse of earlier builds (which pages changed is decided
 * by src/site/page-plan.ts, purely). Two mechanisms, each measured at 1,000
 * issues:
 *
 * - **Unchanged pages are hard-linked** from the published build instead of
 *   rendered: a rebuild after one new issue renders ~110 of ~9,600 pages
 *   (the render step 0.38 s against 6.03 s).
 * - **The previous build is taken over** as the working folder when at
 *   least a quarter of its pages are still up to date (output.ts keeps it
 *   beside the published one): the build unlinks its out-of-date files and
 *   keeps the rest, so it touches what changed in the last two builds instead
 *   of linking ~19,000 files into an empty folder (the whole rebuild 1.61 s
 *   against 2.20 s, the reuse step 0.12 s against 0.83 s).
 *
 * Hard links share their file, so nothing ever writes into a file of a build
 * once it is built: a rebuild links only pages it will not render, and in a
 * taken-over build every file that is not kept as it is gets unlinked before
 * anything is written (sweep).
 */
import { copyFileSync, linkSync, mkdirSync, rmdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Whether a build with these page fingerprints should take over an earlier
 * build whose manifest records `recorded`: at least a quarter of its pages
 * (and at least one) are up to date. After a change to the templates or the
 * settings none is, and sweeping it would unlink every file for nothing: a
 * kept page saves a folder and a link, an out-of-date one costs an unlink.
 */
export function isWorthTakingOver(recorded: ReadonlyMap<string, string>, fingerprints: ReadonlyMap<string, string>): boolean {
  let upToDate = 0;
  for (const [output, fingerprint] of fingerprints) if (recorded.get(output) === fingerprint) upToDate++;
  return upToDate > 0 && upToDate >= recorded.size / 4;
}

/**
 * Hard-links each of `outputs` (paths relative to the folders) from `fromDir`
 * into `toDir`, creating their folders; copies where the file system refuses
 * links. Returns the outputs now in `toDir`: a file missing from `fromDir` is
 * left out, to be rendered.
 *
 * Synchronous on purpose: measured alone on 9,600 folders and files,
 * mkdirSync took 0.31 s and linkSync 0.12 s one after another, where
 * mkdir from fs/promises took 0.57 s all at once.
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
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') continue;
      // A file system without hard links: a copy is a new file too.
      if (code !== 'EPERM' && code !== 'EXDEV' && code !== 'EMLINK' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
      copyFileSync(from, to);
      linked.add(output);
    }
  }
  return linked;
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

/**
 * Every file under `dir`, relative and `/`-separated, listed in a worker
 * thread: the build lists the previous build while it loads the issues
 * (~19,000 files at 1,000 issues took 0.31 s on the main thread).
 */
export function listFilesInWorker(dir: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(listFilesWorker, { eval: true, workerData: dir, execArgv: [] });
    worker.once('message', (files: string[]) => resolve(files));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`listing ${dir} stopped with code ${code}`)));
  });
}

/**
 * Unlinks every file of `files` (relative to `dir`: a taken-over build) that
 * `keep` does not accept, so that whatever the build then writes is a new
 * file (a kept file may be a hard link shared with the published build).
 * Returns the folders it emptied files from, for removeEmptyFolders once the
 * build has written everything.
 */
export function sweep(dir: string, files: Iterable<string>, keep: (file: string) => boolean): Set<string> {
  const emptied = new Set<string>();
  for (const file of files) {
    if (keep(file)) continue;
    try {
      unlinkSync(path.join(dir, file));
    } catch (error) {
      // Deleted by hand since it was listed: gone already.
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
