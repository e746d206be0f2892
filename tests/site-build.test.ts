/**
 * The build as a whole: reproducible to the byte, and all-or-nothing — a
 * failing check (or any failure) leaves the previous site untouched.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { buildSite } from '../src/build-site.ts';
import { hashTree, removeDir, repoRoot, tempDir, writeSampleArchive } from './site-support.ts';

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
  assert.ok((await buildSite({ issuesDir, outDir: good })).ok);
  goodHashes = await hashTree(good);
});

after(() => removeDir(work));

describe('npm run build', () => {
  it('gives byte-identical output for the same input, file by file', async () => {
    const second = path.join(work, 'second');
    assert.ok((await buildSite({ issuesDir, outDir: second })).ok);
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

    const result = await buildSite({ issuesDir: broken, outDir: good });
    assert.equal(result.ok, false);
    const rules = result.files.flatMap((f) => f.messages.map((m) => m.ruleId)).sort();
    assert.deepEqual(rules, ['date-invalid', 'department-unknown']);
    assert.deepEqual(await hashTree(good), goodHashes);
    assert.deepEqual((await readdir(work)).filter((name) => name.startsWith('good.')), [], 'no temporary folder left behind');
  });

  it('leaves the previous output untouched when a later step throws', async () => {
    // A page size of 0 passes the check but makes the site model throw.
    await assert.rejects(buildSite({ issuesDir, outDir: good, settings: { departmentPageSize: 0 } }), RangeError);
    assert.deepEqual(await hashTree(good), goodHashes);
    assert.deepEqual((await readdir(work)).filter((name) => name.startsWith('good.')), []);
  });

  it('prints every message with its place and exits 1, output untouched', async () => {
    const broken = path.join(work, 'cli-broken');
    await writeSampleArchive(broken);
    const file = path.join(broken, '2022/041.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('（中心路街道）', '（中新路街道）'));

    const failure = await run(process.execPath, ['--import', 'tsx', 'src/cli/build.ts', '--issues', broken, '--out', good], { cwd: repoRoot }).then(
      () => assert.fail('the build should fail'),
      (error: { code: number; stderr: string }) => error,
    );
    assert.equal(failure.code, 1);
    assert.match(failure.stderr, /2022\/041\.md:\d+:\d+ {2}error {2}The department 「中新路街道」 is not in issues\/departments\.yml/);
    assert.match(failure.stderr, /build stopped/);
    assert.deepEqual(await hashTree(good), goodHashes);
  });

  it('prints its steps with their times and builds into --out', async () => {
    const out = path.join(work, 'cli-good');
    const { stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/build.ts', '--issues', issuesDir, '--out', out], { cwd: repoRoot });
    assert.match(stderr, /load and check issues +\d+ ms/);
    assert.match(stderr, /render pages \(Eleventy\) +\d+(\.\d+ s| ms)/);
    assert.match(stderr, /Built 5 issues, 20 items into /);
    assert.match(await readFile(path.join(out, 'issues/2023/35/index.html'), 'utf8'), /第 35 期/);
  });
});
