/**
 * The build as a whole: reproducible to the byte, and all-or-nothing — a
 * failing check (or any failure) leaves the previous site untouched.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { appendFile, link, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { buildSite } from '../src/build-site.ts';
import { claimSpare, listSpare, readManifest } from '../src/incremental-output.ts';
import { departmentFeedUrl } from '../src/site/urls.ts';
import { hashTree, listFiles, removeDir, repoRoot, tempDir, writeSampleArchive } from './site-support.ts';

const run = promisify(execFile);
let work: string;
let issuesDir: string;
/** A good build of the sample archive, which the failing builds below must leave as it is. */
let good: string;
let goodHashes: Map<string, string>;

before(async () => {
  work = await tempDir('site-build');
  issuesDir = await writeSampleArchive(path.join(work, 'issues'));
  good = path.join(work, 'good');
  assert.ok((await buildSite({ issuesDir, outDir: good, cacheDir: path.join(work, 'cache-good') })).ok);
  goodHashes = await hashTree(good);
});

after(() => removeDir(work));

describe('npm run build', () => {
  it('gives byte-identical output for the same input, file by file', async () => {
    const second = path.join(work, 'second');
    // The same cache, now warm: parsed issues come from it.
    assert.ok((await buildSite({ issuesDir, outDir: second, cacheDir: path.join(work, 'cache-good') })).ok);
    const a = goodHashes;
    const b = await hashTree(second);
    assert.ok(a.size > 50, `${a.size} files`);
    assert.deepEqual([...a.keys()], [...b.keys()]);
    for (const [file, hash] of a) assert.equal(b.get(file), hash, file);
  });

  it('leaves the previous output untouched when the check finds errors', async () => {
    const broken = path.join(work, 'broken');
    await writeSampleArchive(broken);
    const file = path.join(broken, '2023/034.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('（区督查局）', '（区督察局）').replace('date: 2023-05-25', 'date: 2023-02-30'));

    const result = await buildSite({ issuesDir: broken, outDir: good, cacheDir: path.join(work, 'cache-good') });
    assert.equal(result.ok, false);
    const rules = result.files.flatMap((f) => f.messages.map((m) => m.ruleId)).sort();
    assert.deepEqual(rules, ['date-invalid', 'department-unknown']);
    assert.deepEqual(await hashTree(good), goodHashes);
    assert.deepEqual((await readdir(work)).filter((name) => name.startsWith('good.')), [], 'no temporary folder left behind');
  });

  it('leaves the previous output untouched when a later step throws', async () => {
    // A page size of 0 passes the check but makes the site model throw.
    await assert.rejects(buildSite({ issuesDir, outDir: good, cacheDir: false, settings: { departmentPageSize: 0 } }), RangeError);
    assert.deepEqual(await hashTree(good), goodHashes);
    assert.deepEqual((await readdir(work)).filter((name) => name.startsWith('good.')), []);
  });

  it('prints every message with its place and exits 1, output untouched', async () => {
    const broken = path.join(work, 'cli-broken');
    await writeSampleArchive(broken);
    const file = path.join(broken, '2022/041.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('（中心路街道）', '（中新路街道）'));

    const failure = await run(process.execPath, ['--import', 'tsx', 'src/cli/build.ts', '--issues', broken, '--out', good, '--cache', path.join(work, 'cache-cli')], { cwd: repoRoot }).then(
      () => assert.fail('the build should fail'),
      (error: { code: number; stderr: string }) => error,
    );
    assert.equal(failure.code, 1);
    assert.match(failure.stderr, /2022\/041\.md:\d+:\d+ {2}error {2}部门「中新路街道」不在 issues\/departments\.yml 的名单里/);
    assert.match(failure.stderr, /没有发布，.* 保持原样/);
    assert.deepEqual(await hashTree(good), goodHashes);
  });

  it('prints its steps with their times and builds into --out', async () => {
    const out = path.join(work, 'cli-good');
    const { stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/build.ts', '--issues', issuesDir, '--out', out, '--cache', path.join(work, 'cache-cli')], { cwd: repoRoot });
    assert.match(stderr, /读取并检查期刊 +\d+ ms/);
    assert.match(stderr, /生成页面（Eleventy） +\d+(\.\d+ s| ms)/);
    assert.match(stderr, /已生成 5 期、20 条，写入 /);
    assert.match(await readFile(path.join(out, 'issues/2023/35/index.html'), 'utf8'), /第 35 期/);
  });
});

/** The sample archive without its newest issue, 2023/035.md, written to `dir`. */
async function writeOlderArchive(dir: string): Promise<string> {
  const older = await writeSampleArchive(dir);
  await rm(path.join(older, '2023/035.md'));
  return older;
}

/** Every folder under `dir`, as sorted relative paths. */
async function folders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort();
}

/** The inode of every file under `dir`: a file linked from a previous output keeps its inode. */
async function inodes(dir: string): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  for (const file of await listFiles(dir)) result.set(file, (await stat(path.join(dir, file))).ino);
  return result;
}

/** The files of `after` that are the very files (same inode) of `before`. */
function shared(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after].filter(([file, ino]) => before.get(file) === ino).map(([file]) => file);
}

describe('rebuilds', () => {
  let out: string;
  let cacheDir: string;
  let fullArchive: string;

  before(async () => {
    out = path.join(work, 'incremental');
    cacheDir = path.join(work, 'cache');
    // Without its newest issue, 2023/035.md (added below).
    const older = await writeOlderArchive(path.join(work, 'older'));
    fullArchive = await writeSampleArchive(path.join(work, 'full'));
    // And a department that has not reported yet: its feed shows the newest issue's date.
    for (const archive of [older, fullArchive]) await appendFile(path.join(archive, 'departments.yml'), '- name: 区档案馆\n');
    assert.ok((await buildSite({ issuesDir: older, outDir: out, cacheDir })).ok);
  });

  /** A cold build of `issuesDir` (no cache, no previous output) to compare with. */
  async function coldBuild(name: string, settings: { departmentPageSize?: number } = {}): Promise<Map<string, string>> {
    const cold = path.join(work, name);
    assert.ok((await buildSite({ issuesDir: fullArchive, outDir: cold, cacheDir: false, incremental: false, settings })).ok);
    return hashTree(cold);
  }

  it('after adding an issue, give exactly the files of a cold build, reusing the unchanged pages', async () => {
    const previous = await inodes(out);
    const result = await buildSite({ issuesDir: fullArchive, outDir: out, cacheDir });
    assert.ok(result.ok);
    const rebuilt = await hashTree(out);
    const cold = await coldBuild('cold-full');
    assert.deepEqual([...rebuilt.keys()], [...cold.keys()]);
    for (const [file, hash] of cold) assert.equal(rebuilt.get(file), hash, file);

    const reused = shared(previous, await inodes(out));
    // The items and the issue page of 2022 are unchanged; the page of 2023/34, whose "next issue" is new, is not.
    assert.ok(reused.includes('issues/2022/41/1/index.html'), reused.join(' '));
    assert.ok(reused.includes('issues/2022/41/index.html'));
    assert.ok(!reused.includes('issues/2023/34/index.html'));
    assert.ok(!reused.includes('index.html'), 'the home page is always rendered');
    assert.ok(!reused.includes('.build-manifest.json'));

    // Department feeds: only those of the new issue's departments change. (Those of departments without items show
    // the newest issue's date, and 2023/036 stays the newest: see site-incremental.test.ts for when it changes.)
    const feedOf = (slug: string) => departmentFeedUrl({ slug }).slice(1);
    const newIssue = result.bulletin.issues.find((issue) => issue.year === 2023 && issue.number === 35)!;
    const inNewIssue = new Set(newIssue.items.map((item) => item.department));
    const withItems = new Set(result.bulletin.issues.flatMap((issue) => issue.items.map((item) => item.department)));
    const [touched, untouched, empty] = [
      result.bulletin.departments.filter((department) => inNewIssue.has(department.name)),
      result.bulletin.departments.filter((department) => withItems.has(department.name) && !inNewIssue.has(department.name)),
      result.bulletin.departments.filter((department) => !withItems.has(department.name)),
    ];
    assert.ok(touched.length > 0 && untouched.length > 0 && empty.length > 0, `${touched.length} ${untouched.length} ${empty.length}`);
    for (const department of [...untouched, ...empty]) assert.ok(reused.includes(feedOf(department.slug)), department.name);
    for (const department of touched) assert.ok(!reused.includes(feedOf(department.slug)), department.name);
  });

  it('re-render every page when the templates change, with the same result', async () => {
    const previous = await inodes(out);
    assert.ok((await buildSite({ issuesDir: fullArchive, outDir: out, cacheDir, codeFingerprint: 'a template changed' })).ok);
    const after = await inodes(out);
    assert.ok(after.size > 50);
    // Search bundles are reused by the search step on their own terms; every page is rendered anew.
    assert.deepEqual(
      shared(previous, after).filter((file) => !file.startsWith('pagefind')),
      [],
    );
    // Every page is the same; only the manifest records the other code fingerprint.
    const withoutManifest = (hashes: Map<string, string>) => [...hashes].filter(([file]) => file !== '.build-manifest.json');
    assert.deepEqual(withoutManifest(await hashTree(out)), withoutManifest(await coldBuild('cold-full-2')));
  });

  it('re-render the pages a settings change affects, with the same result as a cold build', async () => {
    assert.ok((await buildSite({ issuesDir: fullArchive, outDir: out, cacheDir, settings: { departmentPageSize: 3 } })).ok);
    assert.deepEqual(await hashTree(out), await coldBuild('cold-paged', { departmentPageSize: 3 }));
  });

  it('render a page the manifest lists but the previous output lost', async () => {
    await rm(path.join(out, 'issues/2022/41/1/index.html'));
    const result = await buildSite({ issuesDir: fullArchive, outDir: out, cacheDir, settings: { departmentPageSize: 3 } });
    assert.ok(result.ok);
    // Rendered again, with the other pages linked: the output is a cold build's.
    assert.deepEqual(await hashTree(out), await coldBuild('cold-lost', { departmentPageSize: 3 }));
  });

  it('leave no folder of a page that no longer exists', async () => {
    // From 3 items per department page to 20: most department pages go.
    assert.ok((await buildSite({ issuesDir: fullArchive, outDir: out, cacheDir })).ok);
    await coldBuild('cold-unpaged');
    assert.deepEqual(await hashTree(out), await hashTree(path.join(work, 'cold-unpaged')));
    assert.deepEqual(await folders(out), await folders(path.join(work, 'cold-unpaged')));
  });

  it('never change a file of the previous output, which a reader may be served', async () => {
    const kept = path.join(work, 'kept');
    assert.ok((await buildSite({ issuesDir: fullArchive, outDir: kept, cacheDir })).ok);
    const hashes = await hashTree(kept);
    // Keep the previous output's files alive through a second name, then rebuild with other settings.
    const snapshot = path.join(work, 'snapshot');
    await linkTree(kept, snapshot);
    assert.ok((await buildSite({ issuesDir: fullArchive, outDir: kept, cacheDir, settings: { departmentPageSize: 2 } })).ok);
    assert.deepEqual(await hashTree(snapshot), hashes);
  });
});

describe('rebuilds over a spare (the output before the previous one)', () => {
  let out: string;
  let cacheDir: string;
  let fullArchive: string;

  before(async () => {
    out = path.join(work, 'spared');
    cacheDir = path.join(work, 'cache-spared');
    const older = await writeOlderArchive(path.join(work, 'spared-older'));
    fullArchive = await writeSampleArchive(path.join(work, 'spared-full'));
    // Two builds: the second keeps the first's output as the spare.
    assert.ok((await buildSite({ issuesDir: older, outDir: out, cacheDir })).ok);
    assert.ok((await buildSite({ issuesDir: fullArchive, outDir: out, cacheDir })).ok);
  });

  it('keep the replaced output beside the new one, as it was', async () => {
    const before = await hashTree(out);
    assert.ok((await buildSite({ issuesDir: fullArchive, outDir: out, cacheDir, settings: { departmentPageSize: 2 } })).ok);
    assert.deepEqual(await hashTree(`${out}.previous`), before);
    assert.deepEqual((await readdir(work)).filter((name) => name.startsWith('spared.')), ['spared.previous'], 'no other folder left behind');
  });

  it('give exactly the files and folders of a cold build, writing only what changed', async () => {
    // The spare holds the archive at 20 items per department page, the output at 2: back to 20, with one item edited.
    const edited = await writeSampleArchive(path.join(work, 'spared-edited'));
    const file = path.join(edited, '2023/035.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('身边事 400 余件', '身边事 500 余件'));
    const [current, spare] = [await inodes(out), await inodes(`${out}.previous`)];
    const spareFolder = (await stat(`${out}.previous/issues/2022/41/1`)).ino;
    // Second names keep the unlinked files alive, so that no new file can reuse their inode numbers.
    await linkTree(out, path.join(work, 'spared-alive'));
    await linkTree(`${out}.previous`, path.join(work, 'spared-alive-previous'));
    assert.ok((await buildSite({ issuesDir: edited, outDir: out, cacheDir })).ok);
    const cold = path.join(work, 'spared-cold');
    assert.ok((await buildSite({ issuesDir: edited, outDir: cold, cacheDir: false, incremental: false })).ok);
    assert.deepEqual(await hashTree(out), await hashTree(cold));
    assert.deepEqual(await folders(out), await folders(cold));

    // The spare was taken over: its folders are the new output's (a fresh folder is made while the spare still exists).
    assert.equal((await stat(path.join(out, 'issues/2022/41/1'))).ino, spareFolder);
    const after = await inodes(out);
    const kept = shared(spare, after);
    assert.ok(kept.includes('issues/2023/34/1/index.html'), kept.join(' '));
    assert.ok(kept.some((file) => file.startsWith('pagefind/2022') && file.endsWith('inputs.sha256')), kept.join(' '));
    // The home page is always rendered: a new file, not the spare's or the current output's.
    assert.ok(!kept.includes('index.html'));
    assert.ok(!shared(current, after).includes('index.html'));
    // Of the item pages, of 2022 and of the index, only the edited issue's items (each is rendered from its whole issue) and the newest year's bundle are written anew.
    const written = [...after.keys()].filter((file) => spare.get(file) !== after.get(file) && current.get(file) !== after.get(file));
    assert.deepEqual(
      written.filter((file) => /^issues\/\d+\/\d+\/\d+\//.test(file) || file.includes('2022') || (file.startsWith('pagefind/') && !file.startsWith('pagefind/2023/'))),
      Array.from({ length: 8 }, (_, index) => `issues/2023/35/${index + 1}/index.html`),
    );
  });

  it('never change a file of the output being replaced, nor of the spare', async () => {
    const [current, spare] = [await hashTree(out), await hashTree(`${out}.previous`)];
    // Their files stay alive through second names while a build with other settings takes the spare over.
    const [currentSnapshot, spareSnapshot] = [path.join(work, 'spared-snapshot'), path.join(work, 'spared-snapshot-previous')];
    await linkTree(out, currentSnapshot);
    await linkTree(`${out}.previous`, spareSnapshot);
    assert.ok((await buildSite({ issuesDir: fullArchive, outDir: out, cacheDir, settings: { departmentPageSize: 3 } })).ok);
    assert.deepEqual(await hashTree(currentSnapshot), current);
    assert.deepEqual(await hashTree(spareSnapshot), spare);
    assert.deepEqual(await hashTree(`${out}.previous`), current);
  });

  it('list the spare again when another build replaced it after it was listed', async () => {
    // A build lists the spare while it reads the issues and claims it later; meanwhile another build may have swapped in a new one.
    const scratch = path.join(work, 'relisted');
    await linkTree(out, scratch);
    await linkTree(`${out}.previous`, `${scratch}.previous`);
    const listing = listSpare(scratch);
    const listed = await listing;
    assert.ok(listed);
    assert.deepEqual([...listed.files].sort(), await listFiles(`${scratch}.previous`));
    // The spare is replaced by the output (with one more file, made by hand): the listing is now out of date.
    await rm(`${scratch}.previous`, { recursive: true });
    await linkTree(out, `${scratch}.previous`);
    await writeFile(path.join(`${scratch}.previous`, 'extra.txt'), 'made by hand');
    // The build wants the pages of the spare it listed; those of the spare it claims are judged on that spare's own manifest.
    const wanted = listed.manifest;
    const claimedManifest = await readManifest(out);
    const claimed = await claimSpare(scratch, path.join(work, 'relisted-claimed'), wanted, listing);
    assert.ok(claimed);
    assert.deepEqual([...claimed.files].sort(), await listFiles(path.join(work, 'relisted-claimed')));
    assert.ok(claimed.files.has('extra.txt'));
    const upToDate = [...wanted].filter(([page, fingerprint]) => claimedManifest.get(page) === fingerprint).map(([page]) => page);
    assert.ok(upToDate.length < wanted.size, 'the two spares differ');
    assert.deepEqual([...claimed.pages].sort(), upToDate.sort());
  });

  it('leave the output as it was when the check fails, and the spare too', async () => {
    const [current, spare] = [await hashTree(out), await hashTree(`${out}.previous`)];
    const broken = await writeSampleArchive(path.join(work, 'spared-broken'));
    const file = path.join(broken, '2023/034.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('date: 2023-05-25', 'date: 2023-02-30'));
    assert.equal((await buildSite({ issuesDir: broken, outDir: out, cacheDir })).ok, false);
    assert.deepEqual(await hashTree(out), current);
    assert.deepEqual(await hashTree(`${out}.previous`), spare);
  });
});

/** Recreates `from` at `to` with hard links to the same files. */
async function linkTree(from: string, to: string): Promise<void> {
  for (const file of await listFiles(from)) {
    await mkdir(path.dirname(path.join(to, file)), { recursive: true });
    await link(path.join(from, file), path.join(to, file));
  }
}
