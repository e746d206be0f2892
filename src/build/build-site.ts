/**
 * The build, as named steps, each timed:
 *
 * 1. **load**: read and check the issues folder (src/load-archive.ts), each
 *    file parsed once and then served from the parse cache (parse-cache.ts,
 *    `.cache/parse/`);
 * 2. **model**: the site model and every page's fingerprint (src/site/);
 * 3. **reuse**: take over the previous build as the working folder and link
 *    the pages that did not change from the published one (reuse.ts);
 * 4. **render**: the other pages, by Eleventy (src/eleventy/);
 * 5. **index**: the search bundles that changed, by Pagefind in a worker
 *    thread (search-index.ts, index-worker.js): alongside the model and the
 *    render when they are few, between the two when they are many;
 * 6. **publish**: the build's manifest, then the published path switched to
 *    it in one step (output.ts).
 *
 * What is kept between builds, and where (for `--out _site`):
 *
 *     .cache/parse/<xx>/<key>.entry    a parsed issue file (or departments.yml), by content
 *     _site                            a link to the published build
 *     _site.builds/<build>/            the published build and the previous one, each
 *                                      with `.build-manifest`: what each page and
 *                                      search bundle was made from
 *     _site.builds/lock                held by the build under way
 *
 * One build per output at a time (lock.ts); every key anything is reused by
 * includes the fingerprint of the code (code-fingerprint.ts); every cached
 * file is checked against its digest (cache-entry.ts). Any failure leaves
 * the published site as it was; a full disk, a folder that may not be written
 * and a missing issues folder are thrown as BuildFault, one line (build-fault.ts).
 * Called by `npm run build`, `npm start`, the tests and the benchmark.
 */
import { mkdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { siteConfig } from '../../site.config.ts';
import { countErrors } from '../messages/report.ts';
import { renderSite } from '../eleventy/render-site.ts';
import { toSiteData } from '../eleventy/site-input.ts';
import { loadArchive } from '../load-archive.ts';
import { digestIssues } from '../model/digest.ts';
import type { Bulletin } from '../model/schema.ts';
import { projectRoot } from '../paths.ts';
import { mayLeaveOutErrors } from '../preview/leave-out-errors.ts';
import { indexFolder } from '../search/search-paths.ts';
import { pageFingerprints, pagesToRender } from '../site/page-plan.ts';
import type { SiteSettings } from '../site/settings.ts';
import { toSiteModel } from '../site/site-model.ts';
import { normalizePrefix } from '../site/urls.ts';
import { asBuildFault, BuildFault } from './build-fault.ts';
import { codeFingerprint } from './code-fingerprint.ts';
import { openOutput, type Output } from './output.ts';
import { openParseCache, type ParseCache } from './parse-cache.ts';
import { isWorthTakingOver, linkUnchanged, listFilesInWorker, removeEmptyFolders, sweep } from './reuse.ts';
import { planSearchIndex } from './search-index.ts';

/**
 * Up to this many records to index, Pagefind indexes them while the site is
 * modelled and rendered (its peak stays under ~0.25 GB); more, and it indexes
 * them alone, between the two, so that its memory (~0.23 MB per record) and
 * the render's do not peak together.
 */
const recordsIndexedAlongside = 1000;

/** What to build, and where. */
export interface BuildSiteOptions {
  /** The issues folder (with departments.yml). */
  issuesDir: string;
  /** The published path: a link to the build folder, replaced only when the whole build succeeds. */
  outDir: string;
  /** Overrides of site.config.ts (tests use them for a path prefix). */
  settings?: Partial<SiteSettings>;
  /** Called when each step ends, e.g. to print its timing. */
  onStep?: (timing: StepTiming) => void;
  /** Called once, with its process id, if another build of the same output is under way: this one waits for it. */
  onWait?: (pid: number) => void;
  /**
   * The cache folder (parsed issues in `parse/`); `.cache/` in the project by
   * default, `false` for none. Only a speed-up: any state of it (empty, stale,
   * damaged, altered) gives the same output.
   */
  cacheDir?: string | false;
  /** An open parse cache to use instead of opening one in `cacheDir`: a long-lived process keeps one across builds. */
  parseCache?: ParseCache;
  /** Reuse what earlier builds made from the same inputs (true by default). The output is the same either way. */
  incremental?: boolean;
  /**
   * How a build no longer kept is deleted once the new one is published:
   * `wait` (default) before returning, `background` by a detached process, so
   * a command-line build can exit at once.
   */
  removeOldOutput?: 'wait' | 'background';
  /** Build the search index (true by default). False leaves out `pagefind/` and the search page's scripts: the benchmark's cold build without search. */
  searchIndex?: boolean;
  /** Stands in for the code fingerprint (tests use it to act out a change to the code). */
  codeFingerprint?: string;
  /**
   * What errors of the check do: `stop` (default) the build, publishing
   * nothing; `leave-out-issues` (npm start's preview) build without the issue
   * files that have errors, stopping only when src/preview/leave-out-errors.ts
   * says so.
   */
  onCheckErrors?: 'stop' | 'leave-out-issues';
}

/** The steps, in the order they start. */
export type StepName = 'load' | 'model' | 'reuse' | 'render' | 'index' | 'publish';

/** How long one step took. */
export interface StepTiming {
  step: StepName;
  ms: number;
}

/**
 * The outcome: `ok` false means the check found errors (see `files`) and
 * nothing was published. With `onCheckErrors: 'leave-out-issues'`, `ok` may be
 * true while `files` has errors: `bulletin` is then what was built.
 */
export interface BuildSiteResult {
  ok: boolean;
  /** Every checked file with its messages (errors and warnings). */
  files: VFile[];
  bulletin: Bulletin;
  timings: StepTiming[];
}

/**
 * Builds the site of `issuesDir` and publishes it at `outDir`. Throws a
 * BuildFault for a fault of its surroundings (build-fault.ts), and any other
 * error as it is; either way the published site is left as it was.
 */
export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const outDir = path.resolve(options.outDir);
  try {
    const issuesDir = path.resolve(options.issuesDir);
    const output = await openOutput(outDir, { issuesDir: await existingFolder(issuesDir), removeOld: options.removeOldOutput ?? 'wait', ...(options.onWait ? { onWait: options.onWait } : {}) });
    try {
      return await build(options, issuesDir, output);
    } finally {
      await output.close();
    }
  } catch (error) {
    throw asBuildFault(error, outDir) ?? error;
  }
}

async function build(options: BuildSiteOptions, issuesDir: string, output: Output): Promise<BuildSiteResult> {
  const timings: StepTiming[] = [];
  const step = async <T>(name: StepName, run: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    const result = await run();
    const timing = { step: name, ms: performance.now() - started };
    timings.push(timing);
    options.onStep?.(timing);
    return result;
  };
  const settings: SiteSettings = { ...siteConfig, ...options.settings };
  const code = options.codeFingerprint ?? codeFingerprint();
  const incremental = options.incremental !== false;
  const current = incremental ? output.current : undefined;
  const previous = incremental ? output.previous : undefined;
  const cacheDir = options.cacheDir === undefined ? path.join(projectRoot, '.cache') : options.cacheDir;
  // New cache entries are written in the background while the build goes on; the publish step waits for them.
  const parseCache = options.parseCache ?? (cacheDir === false ? undefined : openParseCache(path.resolve(cacheDir, 'parse')));
  // The previous build is listed in a worker thread while the issues load (taken over in the reuse step).
  const previousFiles = previous ? listFilesInWorker(previous.dir) : undefined;
  previousFiles?.catch(() => {});
  // Resolved once the working folder is ready for the search index's files, with the bundles already in place there;
  // rejected if the build stops first, so that they are never written.
  let ready: (inPlace: ReadonlySet<string>) => void = () => {};
  let stop: (reason: Error) => void = () => {};
  const folderReady = new Promise<ReadonlySet<string>>((resolve, reject) => ((ready = resolve), (stop = reject)));
  folderReady.catch(() => {});
  let indexing: Promise<unknown> | undefined;
  try {
    const { bulletin, files } = await step('load', () => loadArchive(issuesDir, parseCache ? { parseCache } : {}));
    if (countErrors(files) > 0 && !(options.onCheckErrors === 'leave-out-issues' && mayLeaveOutErrors(files, bulletin))) return { ok: false, files, bulletin, timings };

    // What the pages and the search bundles are made from, by digest: from the parse cache where it has them.
    const issueDigests = digestIssues(bulletin.issues, parseCache?.digests);
    const search =
      options.searchIndex === false
        ? undefined
        : planSearchIndex(bulletin, { pathPrefix: settings.pathPrefix, issueDigests, code, earlier: [current, previous].flatMap((build) => (build ? [{ dir: build.dir, bundles: build.manifest.bundles }] : [])) });
    const startIndexing = () => {
      indexing = step('index', () => search!.run(output.work, folderReady));
      indexing.catch(() => {});
    };
    const alongside = search !== undefined && search.recordsToIndex <= recordsIndexedAlongside;
    if (alongside) startIndexing();

    const { model, fingerprints } = await step('model', () => {
      const model = toSiteModel(bulletin, settings);
      const site = { ...settings, pathPrefix: normalizePrefix(settings.pathPrefix) };
      return { model, fingerprints: pageFingerprints(model, site, code, issueDigests) };
    });

    const { reused, emptied } = await step('reuse', async () => {
      await output.prepare();
      let kept = new Set<string>();
      let keptBundles = new Set<string>();
      let emptied = new Set<string>();
      if (previous && isWorthTakingOver(previous.manifest.pages, fingerprints)) {
        const files = new Set(await previousFiles!);
        await output.takeOverPrevious();
        // Its pages and search bundles made from the inputs this build has stay; every other file is unlinked.
        kept = new Set([...fingerprints].filter(([page, fingerprint]) => previous.manifest.pages.get(page) === fingerprint && files.has(page)).map(([page]) => page));
        keptBundles = new Set([...(search?.hashes ?? [])].filter(([name, hash]) => !search!.toIndex.has(name) && previous.manifest.bundles.get(name) === hash).map(([name]) => name));
        const keptFolders = [...keptBundles].map((name) => `${indexFolder}/${name}/`);
        emptied = sweep(output.work, files, (file) => kept.has(file) || keptFolders.some((folder) => file.startsWith(folder)));
      } else {
        await mkdir(output.work, { recursive: true });
      }
      // Pages rendered from the same inputs in the published build are hard-linked from it rather than rendered again.
      // Every other page is written as a new file: nothing ever writes into a file of a build once it is built.
      const reusable = current ? [...fingerprints].filter(([page, fingerprint]) => !kept.has(page) && current.manifest.pages.get(page) === fingerprint).map(([page]) => page) : [];
      // A page listed in a manifest but gone from its folder (deleted by hand) is rendered after all.
      const reused = new Set([...kept, ...(current ? linkUnchanged(current.dir, output.work, reusable) : [])]);
      ready(keptBundles);
      return { reused, emptied };
    });
    if (search && !alongside) {
      startIndexing();
      await indexing;
    }
    await step('render', () => renderSite(toSiteData(settings, model, issuesDir, pagesToRender(model, reused)), output.work));
    await indexing;
    await step('publish', async () => {
      // The folders of the previous build's pages that no longer exist (a cold build has none).
      removeEmptyFolders(output.work, emptied);
      // A cache entry that cannot be written (a full disk) fails the build before it is published.
      await parseCache?.flush();
      await output.publish({ pages: fingerprints, bundles: search?.hashes ?? new Map() });
    });
    return { ok: true, files, bulletin, timings };
  } finally {
    // A build that stopped early writes no search files; its folder is removed only once the indexer has stopped.
    stop(new Error('the build stopped before the search index could be written'));
    await indexing?.catch(() => {});
  }
}

/** The real path of the folder `dir`, or a BuildFault when there is none. */
async function existingFolder(dir: string): Promise<string> {
  const isFolder = await stat(dir).then((stats) => stats.isDirectory(), () => false);
  if (!isFolder) throw new BuildFault('issues-missing', dir);
  return realpath(dir);
}
