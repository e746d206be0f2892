/**
 * The build, as a sequence of named, timed steps: check the issues, model the
 * site, render it into a temporary sibling folder (the spare of the output
 * before, brought up to date, when there is one), then swap that folder into
 * place. Any failure leaves the previous output untouched. Called by
 * `npm run build`, `npm start`, the tests and the benchmark.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { siteConfig } from '../site.config.ts';
import { countErrors } from './messages/report.ts';
import { projectRoot, renderSite } from './eleventy/render-site.ts';
import { claimSpare, codeFingerprint, linkUnchanged, listSpare, readManifest, removeEmptyFolders, spareOf, sweepSpare, writeManifest } from './incremental-output.ts';
import { toSiteData } from './eleventy/site-input.ts';
import { loadArchive } from './load-archive.ts';
import { openParseCache, type ParseCache } from './parse-cache.ts';
import { digestIssues } from './model/digest.ts';
import type { Bulletin } from './model/schema.ts';
import { mayLeaveOutErrors } from './preview/leave-out-errors.ts';
import { planSearchIndex } from './search/build-index.ts';
import { pageFingerprints, pagesToRender } from './site/page-plan.ts';
import { toSiteModel } from './site/site-model.ts';
import type { SiteSettings } from './site/settings.ts';
import { normalizePrefix } from './site/urls.ts';

/**
 * Up to this many records to index, Pagefind indexes them while the site is
 * modelled and rendered (its peak stays under ~0.25 GB); more, and it indexes
 * them alone, between the two.
 */
const recordsIndexedAlongside = 1000;

/** What to build, and where. */
export interface BuildSiteOptions {
  /** The issues folder (with departments.yml). */
  issuesDir: string;
  /** The output folder; replaced only when the whole build succeeds. */
  outDir: string;
  /** Overrides of site.config.ts (tests use them for a path prefix). */
  settings?: Partial<SiteSettings>;
  /** Called when each step ends, e.g. to print its timing. */
  onStep?: (timing: StepTiming) => void;
  /**
   * The cache folder (parsed issues in `parse/`, search records in `search/`); `.cache/` in the project by
   * default, `false` for none. Only a speed-up: any state of it (empty, stale,
   * damaged) gives the same output.
   */
  cacheDir?: string | false;
  /** An open parse cache to use instead of opening one in `cacheDir`: a long-lived process keeps one across builds. */
  parseCache?: ParseCache;
  /**
   * Reuse pages of the previous output in `outDir` and its spare whose inputs
   * did not change (see src/site/page-plan.ts); true by default. The output is
   * the same either way.
   */
  incremental?: boolean;
  /**
   * How an output that is no longer kept (a spare this build did not take
   * over, see src/incremental-output.ts) is removed once the new one is in
   * place: `wait` (default) before returning, `background` by a detached process, so a
   * command-line build can exit at once.
   */
  removeOldOutput?: 'wait' | 'background';
  /**
   * Build the search index (true by default). False leaves out the search
   * step (`pagefind/` and the search page's scripts): the benchmark's cold
   * build without search.
   */
  searchIndex?: boolean;
  /** Stands in for the fingerprint of the site's code (tests use it to act out a template change). */
  codeFingerprint?: string;
  /**
   * What errors of the check do: `stop` (default) the build, writing nothing;
   * `leave-out-issues` (npm start's preview) build without the issue files that
   * have errors, stopping only when src/preview/leave-out-errors.ts says so.
   */
  onCheckErrors?: 'stop' | 'leave-out-issues';
}

/** How long one step took. */
export interface StepTiming {
  step: string;
  ms: number;
}

/**
 * The outcome: `ok` false means the check found errors (see `files`) and
 * nothing was written. With `onCheckErrors: 'leave-out-issues'`, `ok` may be
 * true while `files` has errors: `bulletin` is then what was built.
 */
export interface BuildSiteResult {
  ok: boolean;
  /** Every checked file with its messages (errors and warnings). */
  files: VFile[];
  bulletin: Bulletin;
  timings: StepTiming[];
}

/** Builds the site of `issuesDir` into `outDir`. Throws on a failure other than a failed check. */
export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const timings: StepTiming[] = [];
  const step = async <T>(name: string, run: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    const result = await run();
    const timing = { step: name, ms: performance.now() - started };
    timings.push(timing);
    options.onStep?.(timing);
    return result;
  };

  const outDir = path.resolve(options.outDir);
  const settings: SiteSettings = { ...siteConfig, ...options.settings };

  const cacheDir = options.cacheDir === undefined ? path.join(projectRoot, '.cache') : options.cacheDir;
  // New cache entries are written in the background while the build goes on; awaited before returning.
  const parseCache = options.parseCache ?? (cacheDir === false ? undefined : openParseCache(path.resolve(cacheDir, 'parse')));
  try {
    return await buildWith(parseCache);
  } finally {
    await parseCache?.flush();
  }

  async function buildWith(parseCache: ParseCache | undefined): Promise<BuildSiteResult> {
    // A sibling of the output folder, so the final rename stays on one file system.
    const tmpOut = `${outDir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    // The previous output's manifest says which pages it holds and what they were rendered from.
    const previous = options.incremental === false ? new Map<string, string>() : await readManifest(outDir);
    let indexing: Promise<unknown> | undefined;
    // Resolved once the temporary folder is ready for the search index's files (the spare is cleared);
    // rejected if the build stops first, so that they are never written.
    let clear: (stopped?: Error) => void = () => {};
    const cleared = new Promise<void>((resolve, reject) => (clear = (stopped) => (stopped ? reject(stopped) : resolve())));
    cleared.catch(() => {});
    // Started now: esbuild reads the templates' imports in its own process while this one parses the issues.
    const code = options.codeFingerprint === undefined ? codeFingerprint(projectRoot) : Promise.resolve(options.codeFingerprint);
    code.catch(() => {});
    // Started now too: the spare is listed in a worker thread while the issues load (claimed below).
    const spareListing = options.incremental === false ? undefined : listSpare(outDir);
    spareListing?.catch(() => {});
    try {
      const { bulletin, files } = await step('load and check issues', () =>
        loadArchive(path.resolve(options.issuesDir), parseCache ? { parseCache } : {}),
      );
      if (countErrors(files) > 0 && !(options.onCheckErrors === 'leave-out-issues' && mayLeaveOutErrors(files, bulletin))) return { ok: false, files, bulletin, timings };

      // What the pages and the search bundles are made from, by digest: from the parse cache where it has them.
      const issueDigests = digestIssues(bulletin.issues, parseCache?.digests);
      // The index is built from the bulletin, not the pages, by Pagefind in its own process (driven by a worker thread).
      // A small job (a new issue) starts now, on the bundles that changed since the previous output, and runs while this
      // process models and renders the site. A large one runs alone, once the site is modelled: Pagefind's memory
      // (~0.23 MB per record) and the model's then do not peak together, and it is given back before rendering takes
      // this process to its own peak.
      const search = options.searchIndex === false ? undefined : await planSearchIndex(bulletin, tmpOut, { pathPrefix: settings.pathPrefix, reuseFrom: outDir, issueDigests, ...(cacheDir === false ? {} : { cacheDir: path.resolve(cacheDir, 'search') }) });
      const startIndexing = () => {
        indexing = step('build search index (Pagefind)', () => search!.run(cleared));
        indexing.catch(() => {});
      };
      const alongside = search !== undefined && search.recordsToIndex <= recordsIndexedAlongside;
      if (alongside) startIndexing();

      const { model, fingerprints } = await step('model the site', async () => {
        const model = toSiteModel(bulletin, settings);
        const site = { ...settings, pathPrefix: normalizePrefix(settings.pathPrefix) };
        return { model, fingerprints: pageFingerprints(model, site, await code, issueDigests) };
      });

      const { reused, emptied } = await step('reuse unchanged pages', async () => {
        // The output before the previous one, if the last build kept it: this build takes it over as
        // its temporary folder, keeps what is still right in it and replaces the rest.
        const spare = options.incremental === false ? undefined : await claimSpare(outDir, tmpOut, fingerprints, spareListing);
        const kept = spare?.pages ?? new Set<string>();
        let emptied = new Set<string>();
        if (spare) {
          // Search bundles that did not change stay in the spare; the others are unlinked with the out-of-date pages.
          const keptFolders = (search ? await search.keepInPlace() : []).map((folder) => `${folder}/`);
          emptied = sweepSpare(spare, (file) => kept.has(file) || keptFolders.some((folder) => file.startsWith(folder)));
        }
        // Pages rendered from the same inputs as in the previous output are hard-linked from it rather
        // than rendered again. Every other page is written as a new file: nothing ever writes into a
        // file of the previous output (or, through a link, of the one before).
        const reusable = [...fingerprints].filter(([output, fingerprint]) => !kept.has(output) && previous.get(output) === fingerprint).map(([output]) => output);
        // A page listed in a manifest but gone from its output (deleted by hand) is rendered after all.
        const reused = new Set([...kept, ...linkUnchanged(outDir, tmpOut, reusable)]);
        clear();
        return { reused, emptied };
      });
      if (search && !alongside) {
        startIndexing();
        await indexing;
      }
      await step('render pages (Eleventy)', () => renderSite(toSiteData(settings, model, path.resolve(options.issuesDir), pagesToRender(model, reused)), tmpOut));
      await writeManifest(tmpOut, fingerprints);
      await indexing;
      // The folders of the spare's pages that no longer exist (a cold build has none).
      removeEmptyFolders(tmpOut, emptied);
      await step('swap into place', () => swapInto(tmpOut, outDir, options.removeOldOutput ?? 'wait'));
      return { ok: true, files, bulletin, timings };
    } finally {
      // A build that stopped early writes no search files; never remove the folder while they are still being written.
      clear(new Error('the build stopped before the search index could be written'));
      await indexing?.catch(() => {});
      await rm(tmpOut, { recursive: true, force: true });
    }
  }
}

/**
 * Replaces `outDir` by `freshDir` with two renames, so the old site is served
 * until the new one is complete. The old site becomes the spare, which the
 * next build takes over; a spare this build did not take (a cold build, or
 * one of an older version) is deleted.
 */
async function swapInto(freshDir: string, outDir: string, removeOld: 'wait' | 'background'): Promise<void> {
  await mkdir(path.dirname(outDir), { recursive: true });
  const spareDir = spareOf(outDir);
  if (await exists(spareDir)) {
    const oldDir = `${outDir}.old-${process.pid}-${randomBytes(4).toString('hex')}`;
    await rename(spareDir, oldDir);
    if (removeOld === 'wait') await rm(oldDir, { recursive: true, force: true });
    else removeInBackground(oldDir);
  }
  const hadOutput = await exists(outDir);
  if (hadOutput) await rename(outDir, spareDir);
  try {
    await rename(freshDir, outDir);
  } catch (error) {
    if (hadOutput) await rename(spareDir, outDir);
    throw error;
  }
}

/** Deletes `dir` in a detached process that outlives this one: deleting ~18,000 files takes seconds. */
function removeInBackground(dir: string): void {
  const child = spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', dir], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
}

async function exists(target: string): Promise<boolean> {
  try {
    await stat(target);
    return true;
  } catch {
    return false;
  }
}
