import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadArchive } from '../src/load-archive.ts';
import { digestIssues } from '../src/model/digest.ts';
import type { Bulletin } from '../src/model/schema.ts';
import { planSearchIndex, type SearchIndexOptions, type SearchIndexSummary } from '../src/build/search-index.ts';
import { defaultArchiveOptions, writeArchive, type ArchiveOptions } from '../bench/generate-archive.ts';
import { readSampleText } from '../bench/sample-text.ts';
import { clientScripts, indexFolder, toIndexBundles } from '../src/search/search-paths.ts';
import { searchLanguage } from '../src/search/search-record.ts';
import { makeSearchArchive } from './support/search-site.ts';

let issuesDir: string;
let workDir: string;
let bulletin: Bulletin;

before(async () => {
  issuesDir = await makeSearchArchive();
  workDir = await mkdtemp(path.join(os.tmpdir(), 'search-index-'));
  ({ bulletin } = await loadArchive(issuesDir));
});
after(async () => {
  await rm(issuesDir, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
});

/** The index step as the build runs it, into `outDir`, with nothing in place there. */
async function buildSearchIndex(bulletin: Bulletin, outDir: string, options: Partial<SearchIndexOptions> = {}): Promise<SearchIndexSummary> {
  const plan = planSearchIndex(bulletin, { issueDigests: digestIssues(bulletin.issues), code: 'code', ...options });
  return plan.run(outDir, Promise.resolve(new Set()));
}

/** The inputs hash of each bundle of `bulletin`'s index. */
function hashes(bulletin: Bulletin, options: Partial<SearchIndexOptions> = {}): ReadonlyMap<string, string> {
  return planSearchIndex(bulletin, { issueDigests: digestIssues(bulletin.issues), code: 'code', ...options }).hashes;
}

/** Every file under `dir`, relative path → contents. */
async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, Buffer>();
  for (const entry of entries.filter((entry) => entry.isFile()).sort((a, b) => path.join(a.parentPath, a.name).localeCompare(path.join(b.parentPath, b.name)))) {
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full), await readFile(full));
  }
  return files;
}

describe('the search index build', () => {
  test('bundles are the newest year alone and older years in blocks of five calendar years', () => {
    assert.deepEqual(toIndexBundles([2023, 2022, 2024, 2023]), [
      { name: '2024', years: [2024] },
      { name: '2022-2023', years: [2023, 2022] },
    ]);
    assert.deepEqual(toIndexBundles([2021, 2023]), [
      { name: '2023', years: [2023] },
      { name: '2021', years: [2021] },
    ]);
    assert.deepEqual(toIndexBundles([2023]), [{ name: '2023', years: [2023] }]);
    const twentyThreeYears = Array.from({ length: 23 }, (_, index) => 2003 + index);
    assert.deepEqual(
      toIndexBundles(twentyThreeYears).map((bundle) => bundle.name),
      ['2025', '2020-2024', '2015-2019', '2010-2014', '2005-2009', '2003-2004'],
    );
    // Blocks are aligned on the calendar, not on the newest year: a new year never reshuffles the older blocks.
    assert.deepEqual(
      toIndexBundles([2019, 2020, 2021]).map((bundle) => bundle.name),
      ['2021', '2020', '2019'],
    );
    assert.deepEqual(toIndexBundles([]), []);
  });

  test('writes the Pagefind bundles with one record per item, and the page scripts', async () => {
    const out = path.join(workDir, 'first');
    const summary = await buildSearchIndex(bulletin, out);
    assert.deepEqual(summary.indexed, ['2022-2023', '2024']);
    assert.deepEqual(summary.reused, []);
    assert.equal(summary.records, 15);
    assert.deepEqual(await readdir(path.join(out, indexFolder)).then((names) => names.sort()), ['2022-2023', '2024']);
    for (const [name, items] of [['2022-2023', 12], ['2024', 3]] as const) {
      const bundle = path.join(out, indexFolder, name);
      const names = await readdir(bundle);
      assert.ok(names.includes('pagefind.js') && names.includes('pagefind-entry.json') && names.includes('wasm.unknown.pagefind'), names.join(' '));
      assert.ok(!names.some((file) => file.includes('-ui') || file.includes('worker') || file.includes('highlight')), `unused Pagefind files left: ${names.join(' ')}`);
      const entry = JSON.parse(await readFile(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
      assert.deepEqual(Object.keys(entry.languages), [searchLanguage]);
      assert.equal(entry.languages[searchLanguage]?.page_count, items);
    }
    const script = await readFile(path.join(out, clientScripts.searchPage), 'utf8');
    assert.match(script, /createInstance/);
    assert.ok((await readFile(path.join(out, clientScripts.itemHighlight), 'utf8')).length > 0);
  });

  test('the same bulletin gives byte-identical output', async () => {
    const second = path.join(workDir, 'second');
    await buildSearchIndex(bulletin, second);
    const [a, b] = await Promise.all([readTree(path.join(workDir, 'first')), readTree(second)]);
    assert.deepEqual([...b.keys()], [...a.keys()]);
    for (const [name, bytes] of a) assert.ok(bytes.equals(b.get(name)!), `${name} differs between two builds`);
  });

  test("index chunks are cut at the build's chunk size, a fifth of Pagefind's default, so a query word costs ~5 KB per bundle", async () => {
    // 50 generated issues (~400 items, all in one year: one bundle) hold enough index words for many chunks.
    const archiveDir = path.join(workDir, 'fifty');
    const options: ArchiveOptions = { ...defaultArchiveOptions, issues: 50, startYear: 2024 };
    await writeArchive(archiveDir, await readSampleText(), options);
    const { bulletin: fifty } = await loadArchive(archiveDir);
    const out = path.join(workDir, 'fifty-out');
    const summary = await buildSearchIndex({ ...fifty, issues: fifty.issues.filter((issue) => issue.year === 2024) }, out);
    assert.deepEqual(summary.indexed, ['2024']);
    const chunks = await readdir(path.join(out, indexFolder, '2024', 'index'));
    const sizes = (await Promise.all(chunks.map((chunk) => readFile(path.join(out, indexFolder, '2024', 'index', chunk))))).map((bytes) => bytes.length).sort((a, b) => a - b);
    const median = sizes[Math.floor(sizes.length / 2)]!;
    // Pagefind's default (20,000 postings) gives chunks of ~20 KB gzip; 4,000 gives ~4.5 KB.
    assert.ok(sizes.length >= 15, `${sizes.length} chunks`);
    assert.ok(median < 8000, `median chunk ${median} bytes`);
  });

  test("a bundle's inputs hash changes with its issues, the path prefix and the code, and only with them", () => {
    const base = hashes(bulletin);
    assert.deepEqual([...base.keys()], ['2024', '2022-2023']);
    assert.deepEqual(hashes(bulletin), base);
    const edited: Bulletin = {
      ...bulletin,
      issues: bulletin.issues.map((issue) => (issue.year === 2024 ? { ...issue, items: issue.items.map((item, index) => (index === 0 ? { ...item, text: `${item.text}新增一句。` } : item)) } : issue)),
    };
    const after = hashes(edited);
    assert.notEqual(after.get('2024'), base.get('2024'));
    assert.equal(after.get('2022-2023'), base.get('2022-2023'));
    for (const options of [{ pathPrefix: '/archive/' }, { code: 'other code' }]) {
      const other = hashes(bulletin, options);
      for (const [name, hash] of base) assert.notEqual(other.get(name), hash, `${name} with ${JSON.stringify(options)}`);
    }
  });

  test('bundles that cannot be written fail the build with the reason', async () => {
    const out = path.join(workDir, 'unwritable');
    await mkdir(out, { recursive: true });
    // A file where the bundles' folder should be: every bundle's first mkdir fails.
    await writeFile(path.join(out, indexFolder), 'not a folder');
    // The error's code crosses from the worker thread, so that the build can say what went wrong.
    await assert.rejects(buildSearchIndex(bulletin, out), (error: NodeJS.ErrnoException) => error.code === 'ENOTDIR' || error.code === 'EEXIST');
  });

  test('a rebuild copies unchanged bundles from the previous output and re-indexes only the changed one', async () => {
    const first = { dir: path.join(workDir, 'first'), bundles: hashes(bulletin) };
    const unchanged = await buildSearchIndex(bulletin, path.join(workDir, 'reused'), { earlier: [first] });
    assert.deepEqual(unchanged.reused, ['2022-2023', '2024']);
    assert.deepEqual(unchanged.indexed, []);

    const changed: Bulletin = {
      ...bulletin,
      issues: bulletin.issues.map((issue) =>
        issue.year === 2024 ? { ...issue, items: issue.items.map((item, index) => (index === 0 ? { ...item, text: `${item.text}新增一句。` } : item)) } : issue,
      ),
    };
    const rebuilt = await buildSearchIndex(changed, path.join(workDir, 'rebuilt'), { earlier: [{ ...first, dir: path.join(workDir, 'reused') }] });
    assert.deepEqual(rebuilt.indexed, ['2024']);
    assert.deepEqual(rebuilt.reused, ['2022-2023']);
    const [before2024, after2024] = await Promise.all([
      readTree(path.join(workDir, 'first', indexFolder, '2024')),
      readTree(path.join(workDir, 'rebuilt', indexFolder, '2024')),
    ]);
    assert.notDeepEqual([...after2024.keys()], [...before2024.keys()]);
    assert.deepEqual(await readTree(path.join(workDir, 'rebuilt', indexFolder, '2022-2023')), await readTree(path.join(workDir, 'first', indexFolder, '2022-2023')));
  });
});
