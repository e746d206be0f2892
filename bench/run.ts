/**
 * `npm run bench [-- --issues N] [--runs R] [--scaling] [--json FILE] [--profile]`:
 * generates a synthetic archive, builds it with bulletin-archive and, side by
 * side, the same items with a plain Eleventy 3 (plus Pagefind's CLI), each
 * step in its own child process, and prints the medians and the ratios. The
 * rebuilds after one new issue are measured as an editor meets them: in a new
 * process, in npm start's warm build process, and in a fresh checkout whose
 * cache a CI run restored (docs/examples/pages.yml).
 */
import { execFileSync } from 'node:child_process';
import { readFile, readdir, rm, stat, writeFile, mkdtemp, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeBaselineInput, eleventyCli, pagefindCli } from './baseline/to-baseline.ts';
import { launchChromium } from '../tests/support/browser.ts';
import { measureFirstSearch, pagefindUiSearch, type FirstSearch, type SearchPage } from './first-search.ts';
import { defaultArchiveOptions, startYearFor, writeArchive, writeNextIssue, type ArchiveOptions } from './generate-archive.ts';
import { folderSize, median, runNode, type Measured } from './measure.ts';
import { summariseProfile, type CpuProfile, type ProfileSummary } from './profile.ts';
import { readSampleText, repoRoot } from './sample-text.ts';
import { loadArchive } from '../src/load-archive.ts';
import { buildNodeFlags } from '../src/cli/node-flags.ts';

const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: String(defaultArchiveOptions.issues) },
    runs: { type: 'string', default: '3' },
    scaling: { type: 'boolean', default: false },
    json: { type: 'string' },
    seed: { type: 'string', default: defaultArchiveOptions.seed },
    departments: { type: 'string', default: String(defaultArchiveOptions.departments) },
    query: { type: 'string', default: '红管家' },
    'skip-baseline': { type: 'boolean', default: false },
    'skip-browser': { type: 'boolean', default: false },
    'skip-parse-cache': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    // Node flags for our build's process (space-separated; tsx is added): by default those of `npm run build`.
    'node-flags': { type: 'string' },
    'search-path': { type: 'string', default: '/search/' },
    'search-input': { type: 'string', default: '#search-q' },
    'search-result': { type: 'string', default: '[data-search-result], .search-result, .pagefind-ui__result' },
  },
});

const runs = positive(values.runs, '--runs');
const childFlags = values['node-flags'] === undefined ? buildNodeFlags : [...values['node-flags'].split(' ').filter(Boolean), '--import', 'tsx'];
const sizes = values.scaling ? [100, 1000, 3000] : [positive(values.issues, '--issues')];
const ourSearch: SearchPage = { path: values['search-path'], input: values['search-input'], result: values['search-result'] };

/** The steps of one bulletin-archive build, as buildSite reports them. */
interface BuildRun {
  wallMs: number;
  startupMs: number;
  steps: Record<string, number>;
  parseMs: number;
  siteMs: number;
  searchMs: number;
  nodeMaxRss: number;
  treePeakRss: number;
}

/** A rebuild in npm start's build process: its time (request to reply), steps, and the process tree's memory over its two builds. */
interface WatchRun {
  wallMs: number;
  steps: Record<string, number>;
  nodeMaxRss: number;
  treePeakRss: number;
}

interface BaselineRun {
  eleventyMs: number;
  eleventyRss: number;
  pagefindMs: number;
  pagefindRss: number;
}

interface Figures {
  issues: number;
  items: number;
  runs: number;
  /** Load average (1 min) before each run: the machine is shared. */
  loadBefore: number[];
  cold: BuildRun[];
  /** A cold build without the search step (empty output and cache), measured on its own. */
  coldNoSearch?: BuildRun[];
  /**
   * A rebuild after adding one issue, the build before it not the first: the
   * build before the published one is there to take over (src/build/reuse.ts).
   */
  rebuild: BuildRun[];
  /** The first rebuild after a cold build, adding one issue: there is no previous build to take over yet, every unchanged file is linked. */
  rebuildAfterCold?: BuildRun[];
  /** A rebuild after adding one issue in npm start's long-lived build process (src/cli/build-server.ts), on an output built before. */
  watchRebuild?: WatchRun[];
  /**
   * The same rebuild as `rebuild`, in a fresh checkout with the cache restored as docs/examples/pages.yml does on CI:
   * the builds folder and .cache/ copied from the run before (new inodes, hard links kept, as tar restores them), no published link.
   */
  restoredRebuild?: BuildRun[];
  baseline: BaselineRun[];
  output: { bytes: number; files: number; searchBytes: number; searchFiles: number };
  baselineOutput?: { bytes: number; files: number; searchBytes: number; searchFiles: number };
  firstSearch?: FirstSearch[] | string;
  baselineFirstSearch?: FirstSearch[] | string;
  profile?: ProfileSummary;
  /** Parsing every issue file without src/build/parse-cache.ts, then with an empty, a full and a full-but-one cache. */
  parseCache?: { uncachedMs: number; emptyMs: number; fullMs: number; addedOneMs: number; entriesBytes: number };
}

const sample = await readSampleText();
const report: { date: string; machine: Record<string, unknown>; options: Record<string, unknown>; results: Figures[] } = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  },
  options: { runs, seed: values.seed, departments: Number(values.departments), query: values.query },
  results: [],
};

for (const issues of sizes) {
  const figures = await benchmark(issues);
  report.results.push(figures);
  printFigures(figures);
}
if (values.scaling) printScaling(report.results);
if (values.json) {
  await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nJSON written to ${values.json}`);
}

async function benchmark(issues: number): Promise<Figures> {
  const work = await mkdtemp(path.join(os.tmpdir(), `bulletin-bench-${issues}-`));
  const issuesDir = path.join(work, 'issues');
  const outDir = path.join(work, 'site');
  const cacheDir = path.join(work, 'cache');
  const baselineIn = path.join(work, 'baseline-src');
  const baselineOut = path.join(work, 'baseline-site');
  const options: ArchiveOptions = { issues, seed: values.seed, departments: Number(values.departments), startYear: startYearFor(issues) };
  try {
    progress(`\n[${issues} issues] generating the archive in ${work}`);
    await writeArchive(issuesDir, sample, options);
    const { bulletin } = await loadArchive(issuesDir);
    const items = bulletin.issues.reduce((sum, issue) => sum + issue.items.length, 0);
    if (!values['skip-baseline']) await writeBaselineInput(bulletin, baselineIn);

    const figures: Figures = {
      issues,
      items,
      runs,
      loadBefore: [],
      cold: [],
      coldNoSearch: [],
      rebuild: [],
      rebuildAfterCold: [],
      watchRebuild: [],
      restoredRebuild: [],
      baseline: [],
      output: { bytes: 0, files: 0, searchBytes: 0, searchFiles: 0 },
    };
    for (let run = 1; run <= runs; run++) {
      figures.loadBefore.push(os.loadavg()[0]!);
      progress(`[${issues} issues] run ${run}/${runs}: cold build`);
      await removeOutput(outDir);
      // Cold: no previous output and an empty cache; the rebuild then has both.
      await rm(cacheDir, { recursive: true, force: true });
      figures.cold.push(await buildOnce(issuesDir, outDir, cacheDir));
      if (run === 1) figures.output = await outputSize(outDir);

      progress(`[${issues} issues] run ${run}/${runs}: cold build without the search index`);
      // Its own output and cache folders, both empty: the rebuild below reuses those of the cold build.
      const [noSearchOut, noSearchCache] = [path.join(work, 'out-no-search'), path.join(work, 'cache-no-search')];
      await Promise.all([removeOutput(noSearchOut), rm(noSearchCache, { recursive: true, force: true })]);
      figures.coldNoSearch!.push(await buildOnce(issuesDir, noSearchOut, noSearchCache, [], 'no-search'));
      await Promise.all([removeOutput(noSearchOut), rm(noSearchCache, { recursive: true, force: true })]);

      // An editor adds one issue after another: the first rebuild after the cold build has no previous build to
      // take over; the next takes over the cold build's.
      progress(`[${issues} issues] run ${run}/${runs}: first rebuild after the cold build, adding one issue`);
      const added = await writeNextIssue(issuesDir, sample, options);
      figures.rebuildAfterCold!.push(await buildOnce(issuesDir, outDir, cacheDir));
      // What a CI cache holds after that deployment: the builds folder and .cache/ (not the published link).
      const restored = path.join(work, 'restored');
      await rm(restored, { recursive: true, force: true });
      await mkdir(restored);
      execFileSync('cp', ['-a', `${outDir}.builds`, path.join(restored, 'site.builds')]);
      execFileSync('cp', ['-a', cacheDir, path.join(restored, 'cache')]);
      progress(`[${issues} issues] run ${run}/${runs}: rebuild after adding one more issue`);
      const addedNext = await writeNextIssue(issuesDir, sample, { ...options, issues: issues + 1 });
      figures.rebuild.push(await buildOnce(issuesDir, outDir, cacheDir));
      progress(`[${issues} issues] run ${run}/${runs}: the same rebuild in a fresh checkout with the CI cache restored`);
      figures.restoredRebuild!.push(await buildOnce(issuesDir, path.join(restored, 'site'), path.join(restored, 'cache')));
      await rm(restored, { recursive: true, force: true });
      await Promise.all([added, addedNext].map((file) => rm(path.join(issuesDir, file))));

      // On the output just built, as when npm start is run in a project built before.
      progress(`[${issues} issues] run ${run}/${runs}: npm start's build process: a build, then a rebuild after adding one issue`);
      figures.watchRebuild!.push(await watchRebuildOnce(issuesDir, outDir, cacheDir, path.join(work, 'next-issue'), options));

      if (!values['skip-baseline']) {
        progress(`[${issues} issues] run ${run}/${runs}: baseline Eleventy, then Pagefind's CLI`);
        await rm(baselineOut, { recursive: true, force: true });
        // Run from its input folder with no config file: stock Eleventy, nothing of ours.
        flushDisk();
        const eleventy = await runNode([eleventyCli, '--input=.', `--output=${baselineOut}`, '--quiet'], { cwd: baselineIn });
        flushDisk();
        const pagefind = await runNode([pagefindCli, '--site', baselineOut], { cwd: work });
        figures.baseline.push({
          eleventyMs: eleventy.ms,
          eleventyRss: eleventy.nodeMaxRss,
          pagefindMs: pagefind.ms,
          pagefindRss: Math.max(pagefind.nodeMaxRss, pagefind.treePeakRss),
        });
        if (run === 1) figures.baselineOutput = await outputSize(baselineOut);
      }
    }
    if (!values['skip-browser']) {
      // The rebuilds left N+1 issues in the output: the browser measures a cold build of N.
      await removeOutput(outDir);
      await buildOnce(issuesDir, outDir, cacheDir);
      progress(`[${issues} issues] first search in headless Chromium (“${values.query}”)`);
      figures.firstSearch = await searchRuns(outDir, ourSearch);
      if (!values['skip-baseline']) figures.baselineFirstSearch = await searchRuns(baselineOut, pagefindUiSearch);
    }
    if (!values['skip-parse-cache']) figures.parseCache = await parseCacheRuns(issuesDir, path.join(work, 'parse-cache'), options);
    if (values.profile && issues === sizes.at(-1)) figures.profile = await profileBuild(issuesDir, path.join(work, 'profile'));
    return figures;
  } finally {
    if (values.keep) progress(`kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
}

/** Removes a build's output: the published link and every build beside it (src/build/output.ts). */
async function removeOutput(outDir: string): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  await rm(`${outDir}.builds`, { recursive: true, force: true });
}

/**
 * Writes every dirty page to disk (sync(1)) before a measured step: a build
 * writes ~19,000 files, and on this machine a step that starts while the
 * previous one's writes are still being flushed was measured up to 2× slower.
 */
function flushDisk(): void {
  execFileSync('sync');
}

/** One build in a child process, its steps split into parse/validate, site and search index. */
async function buildOnce(issuesDir: string, outDir: string, cacheDir: string, nodeFlags: string[] = [], mode?: 'no-search'): Promise<BuildRun> {
  flushDisk();
  const resultFile = path.join(path.dirname(outDir), 'build-result.json');
  const measured: Measured = await runNode([...nodeFlags, ...childFlags, path.join(repoRoot, 'bench/child/build-site.ts'), resultFile, issuesDir, outDir, cacheDir, ...(mode ? [mode] : [])], {
    cwd: repoRoot,
  });
  const result = JSON.parse(await readFile(resultFile, 'utf8')) as { startupMs: number; timings: { step: string; ms: number }[] };
  const steps: Record<string, number> = {};
  let parseMs = 0;
  let searchMs = 0;
  let siteMs = 0;
  for (const { step, ms } of result.timings) {
    steps[step] = ms;
    if (/search|pagefind|index/i.test(step)) searchMs += ms;
    else if (/load|check|parse/i.test(step)) parseMs += ms;
    else siteMs += ms;
  }
  return { wallMs: measured.ms, startupMs: result.startupMs, steps, parseMs, siteMs, searchMs, nodeMaxRss: measured.nodeMaxRss, treePeakRss: measured.treePeakRss };
}

/**
 * npm start's rebuild: bench/child/watch-rebuild.ts drives the real build
 * process (src/cli/build-server.ts) through a build of the archive and a
 * rebuild after the next issue is added (then removed again here).
 */
async function watchRebuildOnce(issuesDir: string, outDir: string, cacheDir: string, nextDir: string, options: ArchiveOptions): Promise<WatchRun> {
  await rm(nextDir, { recursive: true, force: true });
  const added = await writeNextIssue(nextDir, sample, options);
  const resultFile = path.join(path.dirname(outDir), 'watch-result.json');
  try {
    flushDisk();
    const measured = await runNode(['--import', 'tsx', path.join(repoRoot, 'bench/child/watch-rebuild.ts'), resultFile, issuesDir, outDir, cacheDir, nextDir, added], { cwd: repoRoot });
    const result = JSON.parse(await readFile(resultFile, 'utf8')) as { rebuild: { ms: number; timings: { step: string; ms: number }[] } };
    return {
      wallMs: result.rebuild.ms,
      steps: Object.fromEntries(result.rebuild.timings.map(({ step, ms }) => [step, ms])),
      nodeMaxRss: measured.nodeMaxRss,
      treePeakRss: measured.treePeakRss,
    };
  } finally {
    await rm(path.join(issuesDir, added), { force: true });
  }
}

/** The parse step with and without the content-hash cache (the build uses it through `cacheDir`; measured here on its own). */
async function parseCacheRuns(issuesDir: string, cacheDir: string, options: ArchiveOptions): Promise<NonNullable<Figures['parseCache']>> {
  progress(`[${options.issues} issues] parse cache: parsing without it, then with an empty, a full and a full-but-one cache`);
  const parseOnce = async (cache?: string): Promise<number> => {
    const resultFile = path.join(path.dirname(cacheDir), 'parse-result.json');
    await runNode(['--import', 'tsx', path.join(repoRoot, 'bench/child/parse-issues.ts'), resultFile, issuesDir, ...(cache ? [cache] : [])], { cwd: repoRoot });
    return (JSON.parse(await readFile(resultFile, 'utf8')) as { ms: number }).ms;
  };
  const uncached: number[] = [];
  const empty: number[] = [];
  const full: number[] = [];
  const addedOne: number[] = [];
  for (let run = 0; run < runs; run++) {
    await rm(cacheDir, { recursive: true, force: true });
    uncached.push(await parseOnce());
    empty.push(await parseOnce(cacheDir));
    full.push(await parseOnce(cacheDir));
    const added = await writeNextIssue(issuesDir, sample, options);
    addedOne.push(await parseOnce(cacheDir));
    await rm(path.join(issuesDir, added));
  }
  const entriesBytes = (await folderSize(cacheDir)).bytes;
  await rm(cacheDir, { recursive: true, force: true });
  return { uncachedMs: median(uncached), emptyMs: median(empty), fullMs: median(full), addedOneMs: median(addedOne), entriesBytes };
}

async function outputSize(dir: string): Promise<{ bytes: number; files: number; searchBytes: number; searchFiles: number }> {
  const all = await folderSize(dir);
  const search = { bytes: 0, files: 0 };
  // Wherever the index lives (pagefind/, or one per year), its folders are named pagefind*.
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isDirectory() || !/^pagefind/.test(entry.name)) continue;
    const inside = path.join(entry.parentPath, entry.name);
    if (path.relative(dir, inside).split(path.sep).slice(0, -1).some((part) => /^pagefind/.test(part))) continue;
    const size = await folderSize(inside);
    search.bytes += size.bytes;
    search.files += size.files;
  }
  return { bytes: all.bytes, files: all.files, searchBytes: search.bytes, searchFiles: search.files };
}

async function searchRuns(siteDir: string, page: SearchPage): Promise<FirstSearch[] | string> {
  const searchPage = path.join(siteDir, page.path, 'index.html');
  if (!(await stat(searchPage).catch(() => undefined))) return `no search page at ${page.path} yet`;
  const browser = await launchChromium();
  try {
    const results: FirstSearch[] = [];
    for (let run = 0; run < runs; run++) results.push(await measureFirstSearch(browser, siteDir, page, values.query));
    return results;
  } catch (error) {
    return `first search failed: ${(error as Error).message.split('\n')[0]}`;
  } finally {
    await browser.close();
  }
}

/** A cold build under `node --cpu-prof`; summarises the main thread's profile. */
async function profileBuild(issuesDir: string, profileDir: string): Promise<ProfileSummary> {
  progress('profiling one more cold build (node --cpu-prof)');
  await mkdir(profileDir, { recursive: true });
  const outDir = path.join(profileDir, 'site');
  await buildOnce(issuesDir, outDir, path.join(profileDir, 'cache'), ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
  // tsx runs its loader in a worker thread, which writes a profile of its own: the
  // build is the one with the least idle time.
  const summaries: ProfileSummary[] = [];
  for (const name of (await readdir(profileDir)).filter((file) => file.endsWith('.cpuprofile'))) {
    summaries.push(summariseProfile(JSON.parse(await readFile(path.join(profileDir, name), 'utf8')) as CpuProfile, repoRoot));
  }
  const idle = (summary: ProfileSummary) => summary.areas.find((area) => area.name.startsWith('idle'))?.ms ?? 0;
  const main = summaries.sort((a, b) => idle(a) - idle(b))[0];
  if (!main) throw new Error(`node --cpu-prof wrote no profile into ${profileDir}`);
  if (values.keep) progress(`profiles kept in ${profileDir}`);
  return { ...main, functions: main.functions.slice(0, 40), modules: main.modules.slice(0, 40) };
}

// ---------------------------------------------------------------- printing

function printFigures(figures: Figures): void {
  const cold = medianOf(figures.cold);
  const rebuild = medianOf(figures.rebuild);
  const base = figures.baseline.length > 0 ? medianOfBaseline(figures.baseline) : undefined;
  // Measured on its own where the run did; older result files only have the cold build's wall time less its search step.
  const noSearch = figures.coldNoSearch && figures.coldNoSearch.length > 0 ? medianOf(figures.coldNoSearch) : undefined;
  const withoutSearch = noSearch ? noSearch.wallMs : cold.wallMs - cold.searchMs;
  const rows: [string, string, string, string, string][] = [];
  const row = (name: string, ours: string, baseline = '', ratio = '', target = '') => rows.push([name, ours, baseline, ratio, target]);

  row('cold build, wall (whole process)', s(cold.wallMs), base ? s(base.eleventyMs + base.pagefindMs) : '', base ? x(cold.wallMs / (base.eleventyMs + base.pagefindMs)) : '', '≤ 1.50');
  row('  process start (Node, tsx, imports)', s(cold.startupMs));
  row('  parse/validate', s(cold.parseMs));
  row('  site (model, render, write)', s(cold.siteMs), base ? s(base.eleventyMs) : '');
  row('  search index', s(cold.searchMs), base ? s(base.pagefindMs) : '', base && cold.searchMs > 0 ? x(cold.searchMs / base.pagefindMs) : '');
  row('cold build without search index', s(withoutSearch), base ? s(base.eleventyMs) : '', base ? x(withoutSearch / base.eleventyMs) : '', '≤ 0.60');
  if (noSearch) {
    row('  process start, parse/validate', `${s(noSearch.startupMs)}, ${s(noSearch.parseMs)}`);
    row('  site (model, render, write)', s(noSearch.siteMs), base ? s(base.eleventyMs) : '', base ? x(noSearch.siteMs / base.eleventyMs) : '');
  }
  row('rebuild after adding one issue', s(rebuild.wallMs), '', `${pct(rebuild.wallMs / cold.wallMs)} of cold`, '≤ 10%');
  // Each rebuild against the cold build of its own run: the host's load moves the two differently.
  if (figures.rebuild.length > 1) row('  per run', figures.rebuild.map((run) => s(run.wallMs)).join(', '), '', figures.rebuild.map((run, index) => pct(run.wallMs / figures.cold[index]!.wallMs)).join(', '));
  // What a new process spends before any work (Node, tsx, the libraries): the part no cache removes.
  row('  process start (Node, tsx, imports)', s(rebuild.startupMs), '', `${pct(rebuild.startupMs / cold.wallMs)} of cold`);
  const afterCold = figures.rebuildAfterCold && figures.rebuildAfterCold.length > 0 ? medianOf(figures.rebuildAfterCold) : undefined;
  if (afterCold) row('  the first after a cold build (no previous build yet)', s(afterCold.wallMs), '', `${pct(afterCold.wallMs / cold.wallMs)} of cold`);
  const restored = figures.restoredRebuild && figures.restoredRebuild.length > 0 ? medianOf(figures.restoredRebuild) : undefined;
  if (restored) row('  the same in a fresh checkout, CI cache restored', s(restored.wallMs), '', `${pct(restored.wallMs / cold.wallMs)} of cold`);
  const watch = figures.watchRebuild && figures.watchRebuild.length > 0 ? figures.watchRebuild : undefined;
  const watchMs = watch ? median(watch.map((run) => run.wallMs)) : undefined;
  if (watch && watchMs !== undefined) {
    row('  the same in npm start (warm build process)', s(watchMs), '', `${pct(watchMs / cold.wallMs)} of cold`, '≤ 10%');
    row('  peak RSS of npm start\'s build process (2 builds)', mb(median(watch.map((run) => run.nodeMaxRss))));
  }
  row('peak RSS, Node process (exact)', mb(cold.nodeMaxRss), base ? mb(base.eleventyRss) : '', base ? x(cold.nodeMaxRss / base.eleventyRss) : '', '≤ 1 GB');
  row('peak RSS, process tree (sampled)', mb(cold.treePeakRss), base ? mb(base.pagefindRss) + ' (Pagefind)' : '');
  row('time per issue (cold, wall)', `${(cold.wallMs / figures.issues).toFixed(1)} ms`, base ? `${((base.eleventyMs + base.pagefindMs) / figures.issues).toFixed(1)} ms` : '');
  const out = figures.output;
  const baseOut = figures.baselineOutput;
  row('output size (files)', `${mb(out.bytes)} (${out.files})`, baseOut ? `${mb(baseOut.bytes)} (${baseOut.files})` : '', baseOut ? x(out.bytes / baseOut.bytes) : '');
  row('search index size (files)', `${mb(out.searchBytes)} (${out.searchFiles})`, baseOut ? `${mb(baseOut.searchBytes)} (${baseOut.searchFiles})` : '', baseOut && out.searchBytes > 0 ? x(out.searchBytes / baseOut.searchBytes) : '');
  const ours = searchMedian(figures.firstSearch);
  const theirs = searchMedian(figures.baselineFirstSearch);
  row('first search: bytes after page load', ours.bytes, theirs.bytes, ours.bytesRaw && theirs.bytesRaw ? x(ours.bytesRaw / theirs.bytesRaw) : '', '≤ 100 KB');
  row('  of which sent by the time results showed', ours.toResults, theirs.toResults);
  row('first search: page load bytes', ours.page, theirs.page);
  row('first search: time to results', ours.time, theirs.time, ours.timeRaw && theirs.timeRaw ? x(ours.timeRaw / theirs.timeRaw) : '', '≤ 300 ms');
  row('first search: results shown, first has the query', ours.results, theirs.results);

  console.log(`\nbulletin-archive vs plain Eleventy 3 + Pagefind CLI — ${figures.issues} issues, ${figures.items} items; median of ${figures.runs} run${figures.runs === 1 ? '' : 's'}; load average before runs: ${figures.loadBefore.map((load) => load.toFixed(1)).join(', ')}`);
  printTable(['figure', 'bulletin-archive', 'baseline', 'ratio', 'target'], rows);
  console.log('steps (median ms):', Object.entries(cold.steps).map(([step, ms]) => `${step} ${Math.round(ms)}`).join(' · '));
  console.log('rebuild steps (median ms):', Object.entries(rebuild.steps).map(([step, ms]) => `${step} ${Math.round(ms)}`).join(' · '));
  if (afterCold) console.log('first rebuild after a cold build, steps (median ms):', Object.entries(afterCold.steps).map(([step, ms]) => `${step} ${Math.round(ms)}`).join(' · '));
  if (restored) console.log('rebuild in a fresh checkout with the CI cache restored, steps (median ms):', Object.entries(restored.steps).map(([step, ms]) => `${step} ${Math.round(ms)}`).join(' · '));
  if (watch) {
    const steps = Object.keys(watch[0]!.steps).map((step) => `${step} ${Math.round(median(watch.map((run) => run.steps[step] ?? 0)))}`);
    console.log('npm start rebuild steps (median ms):', steps.join(' · '));
  }
  if (typeof figures.firstSearch === 'string') console.log(`first search (bulletin-archive): ${figures.firstSearch}`);
  if (typeof figures.baselineFirstSearch === 'string') console.log(`first search (baseline): ${figures.baselineFirstSearch}`);
  if (figures.parseCache) {
    const cache = figures.parseCache;
    console.log(
      `parse step with src/build/parse-cache.ts (used by rebuilds): without ${s(cache.uncachedMs)}; empty cache ${s(cache.emptyMs)}; ` +
        `full cache ${s(cache.fullMs)}; one new issue ${s(cache.addedOneMs)} (${pct(cache.addedOneMs / cache.uncachedMs)} of uncached); cache ${mb(cache.entriesBytes)}`,
    );
  }
  if (figures.profile) printProfile(figures.profile);
}

function printScaling(results: readonly Figures[]): void {
  console.log('\nScaling (median wall times; time per issue should stay flat)');
  const rows = results.map((figures): [string, string, string, string, string, string, string, string] => {
    const cold = medianOf(figures.cold);
    const rebuild = medianOf(figures.rebuild);
    const base = figures.baseline.length > 0 ? medianOfBaseline(figures.baseline) : undefined;
    return [
      String(figures.issues),
      String(figures.items),
      s(cold.wallMs),
      `${(cold.wallMs / figures.issues).toFixed(1)} ms`,
      `${((cold.wallMs - cold.startupMs) / figures.issues).toFixed(1)} ms`,
      s(rebuild.wallMs),
      mb(cold.nodeMaxRss),
      base ? `${s(base.eleventyMs + base.pagefindMs)} (${((base.eleventyMs + base.pagefindMs) / figures.issues).toFixed(1)} ms/issue)` : '',
    ];
  });
  printTable(['issues', 'items', 'cold', 'per issue', 'per issue w/o start', 'rebuild', 'peak RSS', 'baseline with search'], rows);
}

function printProfile(profile: ProfileSummary): void {
  console.log(`\nCPU profile of one cold build (main thread, ${s(profile.totalMs)}): self time by area`);
  printTable(['area', 'self time', 'share'], profile.areas.slice(0, 12).map((area) => [area.name, s(area.ms), pct(area.ms / profile.totalMs)]));
  console.log('\ntop functions by self time');
  printTable(['function', 'self time'], profile.functions.slice(0, 20).map((fn) => [fn.name, s(fn.ms)]));
}

function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const width = header.map((title, column) => Math.max(textWidth(title), ...rows.map((row) => textWidth(row[column] ?? ''))));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell + ' '.repeat(width[column]! - textWidth(cell))).join('  ').trimEnd();
  console.log(line(header));
  console.log(width.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

// CJK characters take two columns in a terminal.
function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 2 : 1;
  return width;
}

function medianOf(runs: readonly BuildRun[]): BuildRun {
  const steps: Record<string, number> = {};
  for (const step of Object.keys(runs[0]?.steps ?? {})) steps[step] = median(runs.map((run) => run.steps[step] ?? 0));
  const of = (key: keyof Omit<BuildRun, 'steps'>) => median(runs.map((run) => run[key]));
  return {
    wallMs: of('wallMs'),
    startupMs: of('startupMs'),
    steps,
    parseMs: of('parseMs'),
    siteMs: of('siteMs'),
    searchMs: of('searchMs'),
    nodeMaxRss: of('nodeMaxRss'),
    treePeakRss: of('treePeakRss'),
  };
}

function medianOfBaseline(runs: readonly BaselineRun[]): BaselineRun {
  const of = (key: keyof BaselineRun) => median(runs.map((run) => run[key]));
  return { eleventyMs: of('eleventyMs'), eleventyRss: of('eleventyRss'), pagefindMs: of('pagefindMs'), pagefindRss: of('pagefindRss') };
}

function searchMedian(runs: FirstSearch[] | string | undefined): { bytes: string; toResults: string; page: string; time: string; results: string; bytesRaw?: number; timeRaw?: number } {
  if (runs === undefined) return { bytes: 'not measured', toResults: '', page: '', time: '', results: '' };
  if (typeof runs === 'string') return { bytes: 'n/a', toResults: 'n/a', page: 'n/a', time: 'n/a', results: 'n/a' };
  const bytesRaw = median(runs.map((run) => run.searchBytes));
  const timeRaw = median(runs.map((run) => run.timeToResults));
  const first = runs[0]!;
  const parts = Object.entries(first.searchBreakdown).map(([kind, bytes]) => `${kind} ${kb(bytes)}`).join(', ');
  const results = `${first.results}, ${runs.every((run) => run.firstHasQuery) ? 'yes' : 'no'}`;
  return {
    bytes: `${kb(bytesRaw)} (${parts})`,
    // Older result files have no bytesToResults.
    toResults: runs.every((run) => typeof run.bytesToResults === 'number') ? kb(median(runs.map((run) => run.bytesToResults))) : '',
    page: kb(median(runs.map((run) => run.pageBytes))),
    time: `${Math.round(timeRaw)} ms`,
    results,
    bytesRaw,
    timeRaw,
  };
}

function s(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
function x(ratio: number): string {
  return `${ratio.toFixed(2)}×`;
}
function pct(ratio: number): string {
  return `${(ratio * 100).toFixed(0)}%`;
}
function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}
function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function progress(message: string): void {
  console.error(message);
}

function positive(value: string, name: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    console.error(`${name} must be a positive whole number, not ${value}`);
    process.exit(2);
  }
  return number;
}

