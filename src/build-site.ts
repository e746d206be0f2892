/**
 * The build, as a sequence of named, timed steps: check the issues, model the
 * site, render it into a temporary sibling folder, then swap that folder into
 * place. Any failure leaves the previous output untouched. Called by
 * `npm run build`, `npm start`, the tests and the benchmark.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { siteConfig } from '../site.config.ts';
import { countErrors } from './check/report.ts';
import { renderSite } from './eleventy/render-site.ts';
import { toSiteData } from './eleventy/site-input.ts';
import { loadArchive } from './load-archive.ts';
import type { Bulletin } from './model/schema.ts';
import { buildSearchIndex } from './search/build-index.ts';
import { toSiteModel } from './site/site-model.ts';
import type { SiteSettings } from './site/settings.ts';

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

  const { bulletin, files } = await step('load and check issues', () => loadArchive(path.resolve(options.issuesDir)));
  if (countErrors(files) > 0) return { ok: false, files, bulletin, timings };

  const data = await step('model the site', () => toSiteData(settings, toSiteModel(bulletin, settings)));

  // A sibling of the output folder, so the final rename stays on one file system.
  const tmpOut = `${outDir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await step('render pages (Eleventy)', () => renderSite(data, tmpOut));
    // Years whose items did not change are copied from the previous output instead of being indexed again.
    await step('build search index (Pagefind)', () => buildSearchIndex(bulletin, tmpOut, { pathPrefix: settings.pathPrefix, reuseFrom: outDir }));
    await step('swap into place', () => swapInto(tmpOut, outDir));
  } finally {
    await rm(tmpOut, { recursive: true, force: true });
  }
  return { ok: true, files, bulletin, timings };
}

/**
 * Replaces `outDir` by `freshDir` with two renames, so the old site is served
 * until the new one is complete; the old copy is deleted afterwards.
 */
async function swapInto(freshDir: string, outDir: string): Promise<void> {
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
  if (hadOutput) await rm(oldDir, { recursive: true, force: true });
}

async function exists(target: string): Promise<boolean> {
  try {
    await stat(target);
    return true;
  } catch {
    return false;
  }
}
