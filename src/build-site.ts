/**
 * The build, as a sequence of named, timed steps: check the issues, model the
 * site, render it into a temporary sibling folder, then swap that folder into
 * place. Any failure leaves the previous output untouched. Called by
 * `npm run build`, `npm start`, the tests and the benchmark.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { siteConfig } from '../site.config.ts';
import { countErrors } from './check/report.ts';
import { projectRoot, renderSite } from './eleventy/render-site.ts';
import { codeFingerprint, linkUnchanged, readManifest, writeManifest } from './incremental-output.ts';
import { toSiteData } from './eleventy/site-input.ts';
import { loadArchive } from './load-archive.ts';
import { openParseCache, type ParseCache } from './parse-cache.ts';
import type { Bulletin } from './model/schema.ts';
import { planSearchIndex } from './search/build-index.ts';
import { pageFingerprints, pagesToRender } from './site/page-plan.ts';
import { toSiteModel } from './site/site-model.ts';
import type { SiteSettings } from './site/settings.ts';
import { normalizePrefix } from './site/urls.ts';

/**
 * Up to this many records to index, Pagefind indexes them while the pages
 * render (its peak stays under ~0.25 GB); more, and it indexes them first.
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
   * The cache folder (parsed issues in `parse/`); `.cache/` in the project by
   * default, `false` for none. Only a speed-up: any state of it (empty, stale,
   * damaged) gives the same output.
   */
  cacheDir?: string | false;
  /** An open parse cache to use instead of opening one in `cacheDir`: a long-lived process keeps one across builds. */
  parseCache?: ParseCache;
  /**
   * Reuse pages of the previous output in `outDir` whose inputs did not change
   * (see src/site/page-plan.ts); true by default. The output is the same either way.
   */
  incremental?: boolean;
  /**
   * How the previous output is removed once the new one is in place: `wait`
   * (default) before returning, `background` by a detached process, so a
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
}

/** How long one step took. */
export interface StepTiming {
  step: string;
  ms: number;
}

/** The outcome: `ok` false means the check found errors (see `files`) and nothing was written. */
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
    try {
      const { bulletin, files } = await step('load and check issues', () =>
        loadArchive(path.resolve(options.issuesDir), parseCache ? { parseIssueFile: parseCache.parseIssueFile } : {}),
      );
      if (countErrors(files) > 0) return { ok: false, files, bulletin, timings };

      const { model, fingerprints } = await step('model the site', async () => {
        const model = toSiteModel(bulletin, settings);
        const site = { ...settings, pathPrefix: normalizePrefix(settings.pathPrefix) };
        return { model, fingerprints: pageFingerprints(model, site, options.codeFingerprint ?? (await codeFingerprint(projectRoot))) };
      });

      if (options.searchIndex !== false) {
        // Bundles whose items did not change are linked from the previous output instead of being indexed again.
        const search = await planSearchIndex(bulletin, tmpOut, { pathPrefix: settings.pathPrefix, reuseFrom: outDir });
        // The index is built from the model, not the pages. A small job (a new issue) runs in Pagefind's
        // process while this one renders; a large one runs first, alone, so that Pagefind's memory
        // (~0.23 MB per record) is given back before rendering takes this process to its peak.
        indexing = step('build search index (Pagefind)', () => search.run());
        indexing.catch(() => {});
        if (search.recordsToIndex > recordsIndexedAlongside) await indexing;
      }
      // Pages rendered from the same inputs as in the previous output are hard-linked from it
      // rather than rendered again. Every other page is written as a new file: nothing ever
      // writes into a file of the previous output.
      const reusable = [...fingerprints].filter(([output, fingerprint]) => previous.get(output) === fingerprint).map(([output]) => output);
      const linked = await step('reuse unchanged pages', () => linkUnchanged(outDir, tmpOut, reusable));
      // A page listed in the manifest but gone from the previous output (deleted by hand) is rendered after all.
      await step('render pages (Eleventy)', () => renderSite(toSiteData(settings, model, pagesToRender(model, linked)), tmpOut));
      await writeManifest(tmpOut, fingerprints);
      await indexing;
      await step('swap into place', () => swapInto(tmpOut, outDir, options.removeOldOutput ?? 'wait'));
      return { ok: true, files, bulletin, timings };
    } finally {
      // Never remove the folder while Pagefind's files are still being written into it.
      await indexing?.catch(() => {});
      await rm(tmpOut, { recursive: true, force: true });
    }
  }
}

/**
 * Replaces `outDir` by `freshDir` with two renames, so the old site is served
 * until the new one is complete; the old copy is deleted afterwards.
 */
async function swapInto(freshDir: string, outDir: string, removeOld: 'wait' | 'background'): Promise<void> {
  await mkdir(path.dirname(outDir), { recursive: true });
  const oldDir = `${outDir}.old-${process.pid}-${randomBytes(4).toString('hex')}`;
  const hadOutput = await exists(outDir);
  if (hadOutput) await rename(outDir, oldDir);
  try {
    await rename(freshDir, outDir);
  } catch (error) {
    if (hadOutput) await rename(oldDir, outDir);
    throw error;
  }
  if (!hadOutput) return;
  if (removeOld === 'wait') await rm(oldDir, { recursive: true, force: true });
  else removeInBackground(oldDir);
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
