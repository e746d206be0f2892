/**
 * The output folder, and the publish step. The published path (`_site`, or
 * `--out`) is a symbolic link to a whole build in `<out>.builds/`:
 *
 *     _site  →  _site.builds/20261129-034012-123-1a2b3c/
 *     _site.builds/
 *       .bulletin-archive     marker: this folder belongs to bulletin-archive
 *       lock                  the build under way (lock.ts): one at a time
 *       20261129-…/           the published build and the one before it (the
 *                             previous build, which the next build takes over),
 *                             each whole, with its manifest
 *       tmp-…                 a build under way, or what a killed one left
 *
 * A build writes into a temporary folder (a new one, or the previous build
 * taken over), gives it its final name once it holds everything and its
 * manifest, then points the published path at it by renaming a new link over
 * the old one: one atomic step, so the published path always holds a whole
 * site, and a build killed at any instant leaves either the old site or the
 * new one published. Whatever is not a whole build goes under a `tmp-` name
 * before it is deleted, and the next build deletes every `tmp-` entry it
 * finds. Nothing outside the published path and its `.builds` folder is ever
 * written, and an existing path that this tool did not make is refused.
 *
 * The manifest of a build records what each of its pages and search bundles
 * was made from (fingerprints, src/site/page-plan.ts and search-index.ts).
 * It is written last, by the build that wrote every file of the folder and
 * held the lock all along, and a later build reads it from that same folder
 * (never through the published path, which may move): so a build reuses a
 * file only when the folder's own manifest says it was made from the inputs
 * the build has now.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readlink, realpath, rename, rm, rmdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isWithin, projectRoot } from '../paths.ts';
import { BuildFault } from './build-fault.ts';
import { decodeEntry, encodeEntry, readEntryFile, writeEntryFile } from './cache-entry.ts';
import { acquireLock } from './lock.ts';

/** What a build was made from, recorded in it. */
export interface Manifest {
  /** Output file (relative, `/`-separated) → fingerprint of what it was rendered from. */
  pages: ReadonlyMap<string, string>;
  /** Search bundle name → hash of what it was indexed from. */
  bundles: ReadonlyMap<string, string>;
}

/** A whole build in the `.builds` folder. */
export interface BuildFolder {
  dir: string;
  manifest: Manifest;
}

/**
 * The output of one build, opened. When its `.builds` folder exists, the lock
 * is taken at once (the earlier builds are read and listed while the issues
 * load); else only by `prepare`, once the check has passed, so that a first
 * build the check stops makes nothing at all. Held until `close`.
 */
export interface Output {
  /** The published build, if there is one (its manifest empty when unreadable). */
  readonly current: BuildFolder | undefined;
  /** The build before it, which this build may take over as its working folder. */
  readonly previous: BuildFolder | undefined;
  /** The temporary folder this build writes into (created by the caller, or by takeOverPrevious). */
  readonly work: string;
  /** Makes the `.builds` folder and takes the lock if opening did not: before anything is written. */
  prepare(): Promise<void>;
  /** Renames the previous build to the working folder: a build killed from now on leaves only a `tmp-` folder. */
  takeOverPrevious(): Promise<void>;
  /** Writes the manifest into the working folder, names it as a whole build and publishes it. */
  publish(manifest: Manifest): Promise<void>;
  /** Removes the working folder if it was not published and the previous build if it was not taken over, then releases the lock. */
  close(): Promise<void>;
}

/** How to open an output. */
export interface OpenOutputOptions {
  /** The issues folder, which the output may not overlap. */
  issuesDir: string;
  /** How builds no longer kept are deleted: before `close` returns, or by a detached process. */
  removeOld: 'wait' | 'background';
  /** Told once, with its process id, when another build holds the lock and this one waits. */
  onWait?: (pid: number) => void;
}

const markerName = '.bulletin-archive';
const markerText = 'This folder holds the builds of bulletin-archive; the published folder is a link to one of them.\nDelete it only when no build is running.\n';
const lockName = 'lock';
const manifestName = '.build-manifest';
const manifestKey = 'build manifest';
/** The manifest of earlier versions, which wrote the output as a folder: such a folder is adopted. */
const legacyManifestName = '.build-manifest.json';
/** A whole build's folder name: its UTC time of publishing and a random part. */
const buildName = /^\d{8}-\d{6}-\d{3}-[0-9a-f]{6}$/;
const temporary = 'tmp-';

/**
 * Opens `outDir` for a build: refuses a path that overlaps the issues or the
 * project, or that exists and was not made by this tool; then, when there are
 * builds already, takes the lock (waiting for another build), reads them and
 * deletes what killed builds left.
 */
export async function openOutput(outDir: string, options: OpenOutputOptions): Promise<Output> {
  const out = path.resolve(outDir);
  const builds = `${out}.builds`;
  await refuseOverlap(out, options.issuesDir);
  // Refused before anything is made, then looked at again under the lock: it may have changed meanwhile.
  await inspectPublished(out, builds);
  const work = path.join(builds, uniqueName(temporary));
  let release: (() => Promise<void>) | undefined;
  let current: BuildFolder | undefined;
  let previous: BuildFolder | undefined;
  let takenOver = false;
  let published = false;
  /** Takes the lock and tidies the `.builds` folder; `reuse`: reads the published and the previous build. */
  const open = async (reuse: boolean) => {
    await openBuildsFolder(builds);
    release = await acquireLock(path.join(builds, lockName), options.onWait);
    try {
      ({ current, previous } = await readBuilds(out, builds, reuse, options.removeOld));
    } catch (error) {
      await release();
      release = undefined;
      throw error;
    }
  };
  if (await lstat(builds).then((stats) => stats.isDirectory(), () => false)) await open(true);
  return {
    get current() {
      return current;
    },
    get previous() {
      return previous;
    },
    work,
    async prepare() {
      // A first build (or one whose builds folder appeared meanwhile: it builds afresh).
      if (!release) await open(false);
    },
    async takeOverPrevious() {
      if (!previous) throw new Error('there is no previous build to take over');
      await rename(previous.dir, work);
      takenOver = true;
    },
    async publish(manifest) {
      await writeEntryFile(path.join(work, manifestName), encodeManifest(manifest));
      const final = path.join(builds, newBuildName());
      await rename(work, final);
      const link = path.join(builds, uniqueName(`${temporary}link-`));
      await symlink(path.relative(path.dirname(out), final), link);
      await rename(link, out);
      published = true;
    },
    async close() {
      try {
        // A build named whole but not published (its link failed) stays: the next build may take it over.
        if (!published) await rm(work, { recursive: true, force: true });
        else if (previous && !takenOver) await discard(builds, [previous.dir], options.removeOld);
      } finally {
        await release?.();
      }
    },
  };
}

/**
 * Under the lock: makes the published path this tool's link, deletes what
 * killed builds left, and (`reuse`) reads the published build and the
 * previous one, deleting older whole builds.
 */
async function readBuilds(out: string, builds: string, reuse: boolean, removeOld: 'wait' | 'background'): Promise<{ current: BuildFolder | undefined; previous: BuildFolder | undefined }> {
  const currentDir = await adoptPublished(out, builds);
  const garbage: string[] = [];
  const finished: string[] = [];
  for (const entry of await readdir(builds, { withFileTypes: true })) {
    if (entry.name.startsWith(temporary)) garbage.push(entry.name);
    else if (entry.isDirectory() && buildName.test(entry.name) && path.join(builds, entry.name) !== currentDir) finished.push(entry.name);
  }
  // The newest whole build that is not published is the previous one; older ones (a build killed after naming its
  // folder and before publishing it leaves one more) are deleted.
  let previous: BuildFolder | undefined;
  if (reuse) {
    for (const name of finished.sort().reverse()) {
      const manifest = previous ? undefined : readManifest(path.join(builds, name));
      if (manifest) previous = { dir: path.join(builds, name), manifest };
      else garbage.push(name);
    }
  }
  await discard(builds, garbage.map((name) => path.join(builds, name)), removeOld);
  if (!reuse || currentDir === undefined) return { current: undefined, previous };
  return { current: { dir: currentDir, manifest: readManifest(currentDir) ?? { pages: new Map(), bundles: new Map() } }, previous };
}

/** Refuses an output that is, holds or is inside the issues folder, or that holds the project. */
async function refuseOverlap(out: string, issuesDir: string): Promise<void> {
  const [real, issues, root] = await Promise.all([realpathOfPath(out), realpath(issuesDir), realpath(projectRoot)]);
  if (isWithin(real, issues) || isWithin(issues, real) || isWithin(real, root)) throw new BuildFault('output-overlaps-sources', out);
}

/** What the published path is: nothing, this tool's link, an empty folder or a folder an earlier version built. Anything else is refused. */
async function inspectPublished(out: string, builds: string): Promise<'none' | 'link' | 'empty' | 'legacy'> {
  let stats;
  try {
    stats = await lstat(out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
    throw error;
  }
  if (stats.isSymbolicLink()) {
    const target = path.resolve(path.dirname(out), await readlink(out));
    if (path.dirname(target) === builds && buildName.test(path.basename(target))) return 'link';
  } else if (stats.isDirectory()) {
    const names = await readdir(out);
    if (names.length === 0) return 'empty';
    if (names.includes(legacyManifestName)) return 'legacy';
  }
  throw new BuildFault('output-not-ours', out);
}

/**
 * Makes the published path this tool's link, under the lock, and returns the
 * folder it points to (undefined when there is none). An empty folder is
 * removed; a folder built by an earlier version is moved into the `.builds`
 * folder (the one moment the path is empty: a folder cannot be replaced by a
 * link in one step).
 */
async function adoptPublished(out: string, builds: string): Promise<string | undefined> {
  const kind = await inspectPublished(out, builds);
  if (kind === 'none') return undefined;
  if (kind === 'empty') {
    await rmdir(out);
    return undefined;
  }
  if (kind === 'legacy') {
    const adopted = path.join(builds, newBuildName());
    await rename(out, adopted);
    await symlink(path.relative(path.dirname(out), adopted), out);
    // Its spare, if any (`<out>.previous`), goes with it, to be deleted.
    const spare = `${out}.previous`;
    if (await lstat(path.join(spare, legacyManifestName)).then(() => true, () => false)) await rename(spare, path.join(builds, uniqueName(temporary)));
    return adopted;
  }
  const target = path.resolve(path.dirname(out), await readlink(out));
  return (await lstat(target).then((stats) => stats.isDirectory(), () => false)) ? target : undefined;
}

/** Creates the `.builds` folder with its marker, or checks that an existing one has it. */
async function openBuildsFolder(builds: string): Promise<void> {
  try {
    await mkdir(builds, { recursive: true });
    const names = await readdir(builds);
    if (names.includes(markerName)) return;
    if (names.length > 0) throw new BuildFault('output-not-ours', builds);
    await writeFile(path.join(builds, markerName), markerText);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new BuildFault('output-not-ours', builds);
    throw error;
  }
}

/** The manifest in build folder `dir`, if it is whole and unaltered. */
function readManifest(dir: string): Manifest | undefined {
  const bytes = readEntryFile(path.join(dir, manifestName));
  const json = bytes === undefined ? undefined : decodeEntry<Uint8Array>(bytes, manifestKey);
  if (!(json instanceof Uint8Array)) return undefined;
  try {
    const { pages, bundles } = JSON.parse(Buffer.from(json).toString('utf8')) as { pages: Record<string, string>; bundles: Record<string, string> };
    return { pages: new Map(Object.entries(pages)), bundles: new Map(Object.entries(bundles)) };
  } catch {
    return undefined;
  }
}

/**
 * The manifest as an entry whose value is its JSON text, as bytes: equal
 * manifests give equal files (V8 writes a string in whichever of its two
 * representations it has in memory, which differs between a cold build and
 * a rebuild for the same text).
 */
function encodeManifest(manifest: Manifest): Buffer {
  const json = JSON.stringify({ pages: Object.fromEntries(manifest.pages), bundles: Object.fromEntries(manifest.bundles) });
  return encodeEntry(manifestKey, new Uint8Array(Buffer.from(json, 'utf8')));
}

/**
 * Deletes `dirs` (inside `builds`): each is first renamed to a `tmp-` name, so
 * that a build killed while deleting it leaves something the next build
 * deletes, never a half-deleted build that looks whole.
 */
async function discard(builds: string, dirs: readonly string[], how: 'wait' | 'background'): Promise<void> {
  for (const dir of dirs) {
    let doomed = dir;
    if (!path.basename(dir).startsWith(temporary)) {
      doomed = path.join(builds, uniqueName(temporary));
      await rename(dir, doomed);
    }
    if (how === 'wait') await rm(doomed, { recursive: true, force: true });
    else removeInBackground(doomed);
  }
}

/** Deletes `dir` in a detached process that outlives this one: deleting ~19,000 files takes seconds, and the new site is published already. */
function removeInBackground(dir: string): void {
  const child = spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', dir], { detached: true, stdio: 'ignore' });
  child.unref();
}

function newBuildName(): string {
  const time = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').replace('Z', '');
  return `${time}-${randomBytes(3).toString('hex')}`;
}

function uniqueName(prefix: string): string {
  return `${prefix}${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** The real path of `target`, which need not exist: its deepest existing folder resolved, the rest as given. */
async function realpathOfPath(target: string): Promise<string> {
  let existing = target;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(await realpath(existing), ...rest.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return target;
      rest.push(path.basename(existing));
      existing = parent;
    }
  }
}
