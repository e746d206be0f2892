/**
 * The build under faults: kills at many points, two builds at once, outputs
 * it must not replace, a full disk, read-only folders, a missing issues
 * folder, altered cache files. Whatever happens, the published path holds a
 * whole site, nothing else is touched, a fault is one line in Chinese (exit
 * 1, no stack trace), and the next build equals a clean cold build byte for
 * byte.
 *
 * Faults are made in the build's own process by tests/support/fs-faults.js:
 * SIGKILL at a chosen file system call, calls that fail as on a full disk
 * (ENOSPC) or a read-only folder (EACCES, EROFS), a build held at one call.
 * Where this machine lets the tests mount file systems (root), the kernel's
 * own faults are tested too: a tmpfs too small for the next build, a
 * read-only bind mount.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it, type TestContext } from 'node:test';
import { BuildFault } from '../src/build/build-fault.ts';
import { buildSite } from '../src/build/build-site.ts';
import { hashTree, listFiles, removeDir, repoRoot, tempDir, writeSampleArchive } from './site-support.ts';

const execFileAsync = promisify(execFile);
const faults = path.join(repoRoot, 'tests/support/fs-faults.js');

let work: string;
/** The sample archive without its newest issue, and the whole sample archive. */
let older: string;
let full: string;
/** The files of a cold build of each. */
let coldOlder: Map<string, string>;
let coldFull: Map<string, string>;

before(async () => {
  work = await tempDir('build-faults');
  full = await writeSampleArchive(path.join(work, 'full'));
  older = await writeSampleArchive(path.join(work, 'older'));
  await rm(path.join(older, '2023/035.md'));
  coldOlder = await coldBuild(older, 'cold-older');
  coldFull = await coldBuild(full, 'cold-full');
  assert.notDeepEqual(coldOlder, coldFull);
});
after(() => removeDir(work));

async function coldBuild(issuesDir: string, name: string): Promise<Map<string, string>> {
  const out = path.join(work, name);
  assert.ok((await buildSite({ issuesDir, outDir: out, cacheDir: false, incremental: false })).ok);
  return hashTree(out);
}

/** What a command-line build did. */
interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** A command-line build under way. */
interface Started extends Promise<Run> {
  /** What it printed so far. */
  stderr(): string;
}

/** `npm run build` in a child process, with the faults of tests/support/fs-faults.js; killed if it takes over two minutes. */
function runBuild(issuesDir: string, out: string, cacheDir: string, fault: object = {}, args: readonly string[] = []): Started {
  const child = spawn(process.execPath, ['--import', faults, '--import', 'tsx', 'src/cli/build.ts', '--issues', issuesDir, '--out', out, '--cache', cacheDir, ...args], {
    cwd: repoRoot,
    env: { ...process.env, BULLETIN_LANG: 'zh-CN', BULLETIN_FS_FAULTS: JSON.stringify(fault) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const done = new Promise<Run>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr });
    }),
  );
  return Object.assign(done, { stderr: () => stderr });
}

/** The published site's files, or undefined when the path holds none. */
async function published(out: string): Promise<Map<string, string> | undefined> {
  if (!(await stat(out).then((stats) => stats.isDirectory(), () => false))) return undefined;
  return hashTree(out);
}

/** A rebuild of the whole archive in this process, which must give exactly a cold build's files and leave nothing behind. */
async function assertRecovers(out: string, cacheDir: string, message: string): Promise<void> {
  assert.ok((await buildSite({ issuesDir: full, outDir: out, cacheDir })).ok, message);
  assert.deepEqual(await published(out), coldFull, `${message}: the next build equals a cold build`);
  const left = await readdir(`${out}.builds`);
  assert.deepEqual(left.filter((name) => name.startsWith('tmp-') || name.startsWith('lock')), [], `${message}: nothing left over (${left.join(' ')})`);
  assert.ok(left.filter((name) => /^\d{8}-/.test(name)).length <= 2, `${message}: the published build and one previous (${left.join(' ')})`);
  const cached = await listFiles(cacheDir);
  assert.deepEqual(cached.filter((file) => !file.endsWith('.entry')), [], `${message}: the cache holds whole entries only`);
}

/** A fault's report: one line, in Chinese, with no stack trace. */
function assertOneLine(run: Run, pattern: RegExp): void {
  assert.equal(run.code, 1, run.stderr);
  const lines = run.stderr.split('\n').filter((line) => line.trim() !== '' && !/^ {2}\S.* +\d+(\.\d+ s| ms)$/.test(line));
  assert.equal(lines.length, 1, run.stderr);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(run.stderr, /^\s+at |Error/m);
}

/** A copy of `from` (an output, its `.builds` folder and a cache), so that every case starts from the same state. */
async function copyState(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true, verbatimSymlinks: true });
}

/** Every call a build makes to the file system under `root`, from a traced run: { op } in order. */
async function traceOf(run: () => Promise<Run>, trace: string): Promise<{ op: string }[]> {
  const result = await run();
  assert.equal(result.code, 0, result.stderr);
  return (await readFile(trace, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { op: string });
}

/**
 * Kill points spread over a trace: every rename, link and symlink (the steps that move whole folders and the
 * published link), and of each other call the first, middle and last (`spread`), or the middle one.
 */
function killPoints(trace: readonly { op: string }[], spread = true): { op: string; at: number }[] {
  const counts = new Map<string, number>();
  for (const { op } of trace) counts.set(op, (counts.get(op) ?? 0) + 1);
  const points: { op: string; at: number }[] = [];
  // Not `open`: Eleventy's copy of public/ opens a varying number of files.
  counts.delete('open');
  for (const [op, count] of counts) {
    const ats = ['rename', 'link', 'symlink'].includes(op) ? Array.from({ length: count }, (_, index) => index + 1) : spread ? [1, Math.ceil(count / 2), count] : [Math.ceil(count / 2)];
    for (const at of new Set(ats)) points.push({ op, at });
  }
  return points;
}

describe('a build killed at any instant', () => {
  it('leaves the published site whole, old or new, and the next build equals a cold build (a rebuild that takes over the previous build)', async (t) => {
    // The state before: the older archive published, built twice (so there is a previous build to take over), a warm cache.
    const state = path.join(work, 'kill-state');
    for (let build = 0; build < 2; build++) assert.ok((await buildSite({ issuesDir: older, outDir: path.join(state, 'site'), cacheDir: path.join(state, 'cache') })).ok);
    const traced = path.join(work, 'kill-traced');
    await copyState(state, traced);
    const trace = await traceOf(() => runBuild(full, path.join(traced, 'site'), path.join(traced, 'cache'), { root: traced, trace: path.join(work, 'kill-trace.jsonl') }), path.join(work, 'kill-trace.jsonl'));
    const points = killPoints(trace);
    assert.ok(points.length >= 12, JSON.stringify(points));
    for (const kill of points) await killOnce(t, state, kill);
  });

  it('leaves no site or a whole one, and the next build equals a cold build (a first build)', async (t) => {
    const state = path.join(work, 'kill-cold-state');
    await mkdir(state);
    const traced = path.join(work, 'kill-cold-traced');
    await copyState(state, traced);
    const trace = await traceOf(() => runBuild(full, path.join(traced, 'site'), path.join(traced, 'cache'), { root: traced, trace: path.join(work, 'kill-cold-trace.jsonl') }), path.join(work, 'kill-cold-trace.jsonl'));
    for (const kill of killPoints(trace, false)) await killOnce(t, state, kill);
  });

  /** Kills a build of the whole archive at one call, starting from `state`; checks what is published, then recovers. */
  async function killOnce(t: TestContext, state: string, kill: { op: string; at: number }): Promise<void> {
    await t.test(`killed at ${kill.op} #${kill.at}`, async () => {
      const dir = path.join(work, `killed-${path.basename(state)}-${kill.op}-${kill.at}`);
      await copyState(state, dir);
      const out = path.join(dir, 'site');
      const before = await published(out);
      const run = await runBuild(full, out, path.join(dir, 'cache'), { root: dir, kill });
      assert.equal(run.signal, 'SIGKILL', `the build was killed: ${run.stderr}`);
      const after = await published(out);
      if (after !== undefined) assert.ok([before, coldFull].some((site) => site !== undefined && isDeepEqual(site, after)), 'the published path holds the old site or the new one, whole');
      await assertRecovers(out, path.join(dir, 'cache'), `after a kill at ${kill.op} #${kill.at}`);
      await rm(dir, { recursive: true, force: true });
    });
  }
});

describe('two builds of one output at once', () => {
  it('run one after the other: the second waits, saying so, and neither publishes a mixed site', async () => {
    // Published: the older archive. Build A (the whole archive) is held at its first page link; meanwhile build B
    // publishes the older archive with one item of 2022 edited, a page that A would link unchanged from the published site.
    const dir = path.join(work, 'concurrent');
    const out = path.join(dir, 'site');
    const cacheDir = path.join(dir, 'cache');
    assert.ok((await buildSite({ issuesDir: older, outDir: out, cacheDir })).ok);
    const edited = await writeSampleArchive(path.join(dir, 'edited'));
    await rm(path.join(edited, '2023/035.md'));
    const file = path.join(edited, '2022/041.md');
    const text = await readFile(file, 'utf8');
    const headline = /^## (.+)$/m.exec(text)![1]!;
    await writeFile(file, text.replace(`## ${headline}`, `## ${headline}（更正）`));
    const coldEdited = await coldBuild(edited, 'cold-edited');

    const [go, paused] = [path.join(dir, 'go'), path.join(dir, 'paused')];
    const first = runBuild(full, out, cacheDir, { root: dir, pause: { variant: 'linkSync', at: 1, until: go, paused } });
    await waitFor(() => stat(paused).then(() => true, () => false), 60_000, 'build A reached its first link');
    const second = runBuild(edited, out, cacheDir);
    // B either finishes (no lock) or says it waits for A (the lock): A goes on then.
    let secondDone = false;
    void second.then(() => (secondDone = true));
    await waitFor(async () => secondDone || second.stderr().includes('另一个构建'), 60_000, 'build B finished or waits');
    await writeFile(go, '');
    const [a, b] = await Promise.all([first, second]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    const site = await published(out);
    assert.ok(isDeepEqual(site, coldFull) || isDeepEqual(site, coldEdited), 'the published site is one whole build, not a mix of both');
    // B waited for A and published last: the edited archive, exactly.
    assert.match(b.stderr, /另一个构建（进程 \d+）正在生成 .*site\/，等它完成后再开始/);
    assert.deepEqual(site, coldEdited);
    // And later builds trust nothing wrong: each equals its cold build.
    await assertRecovers(out, cacheDir, 'after two builds at once');
    assert.ok((await buildSite({ issuesDir: edited, outDir: out, cacheDir })).ok);
    assert.deepEqual(await published(out), coldEdited);
  });
});

describe('an output the build must not replace', () => {
  it('is refused when it exists and this tool did not make it, and its files are kept (twice)', async () => {
    const dir = path.join(work, 'not-ours');
    const site = path.join(dir, 'mysite');
    await mkdir(site, { recursive: true });
    await writeFile(path.join(site, 'CNAME'), 'x\n');
    for (let attempt = 1; attempt <= 2; attempt++) {
      const run = await runBuild(full, site, path.join(dir, 'cache'));
      assertOneLine(run, /^mysite|.*mysite 已经存在，但不是本工具生成的网站，构建不会替换或删除它/);
      assert.equal(await readFile(path.join(site, 'CNAME'), 'utf8'), 'x\n', `after build ${attempt}`);
      assert.deepEqual(await listFiles(site), ['CNAME']);
    }
    assert.deepEqual(await readdir(dir), ['mysite'], 'nothing made beside it');
  });

  it('is refused when it is, holds or is inside the issues folder, or holds the project', async () => {
    const dir = path.join(work, 'overlap');
    const issues = await writeSampleArchive(path.join(dir, 'issues'));
    const before = await hashTree(issues);
    // The builds folders beside the project and in it (e.g. of an earlier `npm run build` there).
    const builds = async () => [...(await readdir(path.dirname(repoRoot))), ...(await readdir(repoRoot)).map((name) => `project/${name}`)].filter((name) => name.endsWith('.builds')).sort();
    const buildsBefore = await builds();
    for (const out of [issues, dir, path.join(issues, 'site'), path.join(issues, '..site'), repoRoot, path.dirname(repoRoot)]) {
      const run = await runBuild(issues, out, path.join(dir, 'cache'));
      assertOneLine(run, /不能把网站生成到 .+：它与期刊文件夹或项目文件夹重叠/);
      assert.deepEqual(await hashTree(issues), before, out);
    }
    assert.deepEqual((await readdir(dir)).sort(), ['issues']);
    assert.deepEqual(await builds(), buildsBefore, 'nothing made beside the project or in it');
  });

  it('is adopted when an earlier version built it as a folder, its spare removed', async () => {
    const dir = path.join(work, 'legacy');
    const out = path.join(dir, '_site');
    // As earlier versions left it: the site in a folder with its JSON manifest, and the one before beside it.
    await cp(path.join(work, 'cold-older'), out, { recursive: true, dereference: true });
    await writeFile(path.join(out, '.build-manifest.json'), '{"version":1,"pages":{}}\n');
    await cp(out, `${out}.previous`, { recursive: true });
    assert.ok((await buildSite({ issuesDir: full, outDir: out, cacheDir: path.join(dir, 'cache') })).ok);
    assert.deepEqual(await published(out), coldFull);
    assert.deepEqual((await readdir(dir)).sort(), ['_site', '_site.builds', 'cache']);
    await assertRecovers(out, path.join(dir, 'cache'), 'after adopting a folder');
  });
});

describe('faults of the surroundings', () => {
  let state: string;
  before(async () => {
    // The older archive published (with a previous build) and a warm cache: each case then builds the whole archive.
    state = path.join(work, 'fault-state');
    for (let build = 0; build < 2; build++) assert.ok((await buildSite({ issuesDir: older, outDir: path.join(state, 'site'), cacheDir: path.join(state, 'cache') })).ok);
  });

  /** Runs a build of the whole archive from the state above with `fault`, checks the one-line report and the untouched site, then recovers. */
  async function faultOnce(name: string, fault: (dir: string) => object, pattern: RegExp, issuesDir = full): Promise<void> {
    const dir = path.join(work, `fault-${name}`);
    await copyState(state, dir);
    const out = path.join(dir, 'site');
    const [site, target] = [await published(out), await realpath(out)];
    const run = await runBuild(issuesDir, out, path.join(dir, 'cache'), { root: dir, ...fault(dir) });
    assertOneLine(run, pattern);
    assert.equal(await realpath(out), target, 'the same build is published');
    assert.deepEqual(await published(out), site, 'the published site is untouched');
    await assertRecovers(out, path.join(dir, 'cache'), name);
  }

  const diskFull = () => /^磁盘已满，无法写入 .+：请腾出空间后重新构建；已发布的网站保持原样$/;
  const noPermission = () => /^没有权限读写 .+：请检查它和它所在文件夹的权限后重新构建；已发布的网站保持原样$/;
  const readOnly = () => /^无法写入 .+：它所在的文件系统是只读的；请改用可写的位置（--out、--cache）后重新构建；已发布的网站保持原样$/;

  it('a full disk while writing the site (ENOSPC): one line, exit 1, the published site untouched', () =>
    faultOnce('enospc-site', (dir) => ({ fail: { code: 'ENOSPC', under: path.join(dir, 'site.builds'), after: 12 } }), diskFull()));

  it('a full disk while writing the cache (ENOSPC): the same', () => faultOnce('enospc-cache', (dir) => ({ fail: { code: 'ENOSPC', under: path.join(dir, 'cache') } }), diskFull()));

  it('a read-only output folder (EACCES, EROFS): the same', async () => {
    await faultOnce('eacces-site', (dir) => ({ fail: { code: 'EACCES', under: path.join(dir, 'site.builds') } }), noPermission());
    await faultOnce('erofs-site', (dir) => ({ fail: { code: 'EROFS', under: path.join(dir, 'site.builds'), after: 3 } }), readOnly());
  });

  it('a read-only cache folder (EACCES, EROFS): the same', async () => {
    await faultOnce('eacces-cache', (dir) => ({ fail: { code: 'EACCES', under: path.join(dir, 'cache') } }), noPermission());
    await faultOnce('erofs-cache', (dir) => ({ fail: { code: 'EROFS', under: path.join(dir, 'cache') } }), readOnly());
  });

  it('a missing issues folder: the command says so in one line, then its usage (exit 2), the published site untouched', async () => {
    const dir = path.join(work, 'fault-no-issues');
    await copyState(state, dir);
    const site = await published(path.join(dir, 'site'));
    for (const [args, line, usage] of [
      [[], /^.*no-such-issues：没有这个文件夹；请给出放 departments\.yml 和各年份文件夹的那个文件夹$/, /^用法：npm run build/],
      [['--lang', 'en'], /^.*no-such-issues: there is no such folder; give the folder that holds departments\.yml and the year folders$/, /^usage: npm run build/],
    ] as const) {
      const run = await runBuild(path.join(work, 'no-such-issues'), path.join(dir, 'site'), path.join(dir, 'cache'), {}, args);
      assert.equal(run.code, 2, run.stderr);
      const [first, blank, next] = run.stderr.split('\n');
      assert.match(first!, line);
      assert.equal(blank, '');
      assert.match(next!, usage);
      assert.doesNotMatch(run.stderr, /^\s+at |Error/m);
    }
    assert.deepEqual(await published(path.join(dir, 'site')), site);
  });

  it('a missing issues folder given to buildSite (npm start\'s build process) is a BuildFault, said in one line', async () => {
    const dir = path.join(work, 'fault-no-issues-api');
    await copyState(state, dir);
    await assert.rejects(buildSite({ issuesDir: path.join(work, 'no-such-issues'), outDir: path.join(dir, 'site'), cacheDir: path.join(dir, 'cache') }), (error: Error) => {
      assert.ok(error instanceof BuildFault);
      assert.match(error.message, /no-such-issues：没有这个文件夹；/);
      return true;
    });
  });

  it('a fault is said in English with --lang en', async () => {
    const dir = path.join(work, 'fault-english');
    await copyState(state, dir);
    const run = await runBuild(full, path.join(dir, 'site'), path.join(dir, 'cache'), { root: dir, fail: { code: 'ENOSPC', under: path.join(dir, 'site.builds'), after: 12 } }, ['--lang', 'en']);
    assertOneLine(run, /^The disk is full: .+ could not be written; free some space and build again\. The published site is as it was$/);
  });

  it('a lock left by a killed build is taken over', async () => {
    const dir = path.join(work, 'stale-lock');
    await copyState(state, dir);
    // The lock of a process that is gone.
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.on('close', resolve));
    await writeFile(path.join(dir, 'site.builds', 'lock'), `${gone.pid} 0123456789ab\n`);
    await assertRecovers(path.join(dir, 'site'), path.join(dir, 'cache'), 'with a stale lock');
  });
});

describe('altered files the build reuses', () => {
  it('a parse cache entry altered on disk (still well-formed) is not served: the next build equals a cold build', async () => {
    const dir = path.join(work, 'altered-cache');
    const [out, cacheDir] = [path.join(dir, 'site'), path.join(dir, 'cache')];
    assert.ok((await buildSite({ issuesDir: full, outDir: out, cacheDir })).ok);
    // Every cached text of the sample's first department altered in place, in every entry.
    const [from, to] = [Buffer.from('济源路街道', 'utf16le'), Buffer.from('济源街街道', 'utf16le')];
    let altered = 0;
    for (const file of await listFiles(cacheDir)) {
      const bytes = await readFile(path.join(cacheDir, file));
      for (let at = bytes.indexOf(from); at >= 0; at = bytes.indexOf(from, at + 1), altered++) to.copy(bytes, at);
      await writeFile(path.join(cacheDir, file), bytes);
    }
    assert.ok(altered > 0);
    // A build with no earlier build to reuse, so that every page is rendered from what the cache gives.
    await rm(out);
    await rm(`${out}.builds`, { recursive: true });
    assert.ok((await buildSite({ issuesDir: full, outDir: out, cacheDir })).ok);
    assert.deepEqual(await published(out), coldFull);
  });

  it("a build's manifest altered on disk is not trusted: nothing is reused from that build", async () => {
    const dir = path.join(work, 'altered-manifest');
    const [out, cacheDir] = [path.join(dir, 'site'), path.join(dir, 'cache')];
    assert.ok((await buildSite({ issuesDir: older, outDir: out, cacheDir })).ok);
    // A page replaced by hand, and the manifest edited to vouch for it: the digest tells.
    const page = path.join(out, 'issues/2022/41/1/index.html');
    await writeFile(page, 'altered');
    const manifest = path.join(out, '.build-manifest');
    const bytes = await readFile(manifest);
    const at = bytes.indexOf('"issues/2022/41/1/index.html":"') + '"issues/2022/41/1/index.html":"'.length;
    bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
    await writeFile(manifest, bytes);
    await assertRecovers(out, cacheDir, 'after the manifest was altered');
  });
});

describe("the kernel's own faults (root only: a tmpfs, a read-only bind mount)", () => {
  /** Runs `mount` with `args`; false when this machine does not let the tests mount (not root, or no CAP_SYS_ADMIN). */
  async function mount(...args: string[]): Promise<boolean> {
    return execFileAsync('mount', args).then(() => true, () => false);
  }

  it('a full tmpfs: one line, exit 1, the published site untouched; freed, the next build equals a cold build', async (t) => {
    const disk = path.join(work, 'tmpfs');
    await mkdir(disk);
    if (!(await mount('-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', disk))) return t.skip('mounting a tmpfs needs root: the full disk is tested by injection above');
    try {
      const [out, cacheDir] = [path.join(disk, 'site'), path.join(disk, 'cache')];
      assert.ok((await buildSite({ issuesDir: older, outDir: out, cacheDir })).ok);
      const site = await published(out);
      // Fill the disk but for a few blocks.
      const { stdout } = await execFileAsync('df', ['--output=avail', '-B1', disk]);
      const free = Number(stdout.trim().split('\n').at(-1));
      await execFileAsync('fallocate', ['-l', String(Math.max(0, free - 64 * 1024)), path.join(disk, 'filler')]).catch(() => execFileAsync('dd', ['if=/dev/zero', `of=${path.join(disk, 'filler')}`, 'bs=4096', `count=${Math.floor(free / 4096) - 16}`]));
      const run = await runBuild(full, out, cacheDir);
      assertOneLine(run, /^磁盘已满，无法写入 .+：请腾出空间后重新构建；已发布的网站保持原样$/);
      assert.deepEqual(await published(out), site);
      await rm(path.join(disk, 'filler'));
      await assertRecovers(out, cacheDir, 'after the disk was freed');
    } finally {
      await execFileAsync('umount', [disk]);
    }
  });

  it('a read-only file system: one line, exit 1, the published site untouched; writable again, the next build equals a cold build', async (t) => {
    const dir = path.join(work, 'read-only');
    const [out, cacheDir] = [path.join(dir, 'site'), path.join(dir, 'cache')];
    assert.ok((await buildSite({ issuesDir: older, outDir: out, cacheDir })).ok);
    const site = await published(out);
    if (!(await mount('--bind', dir, dir))) return t.skip('a read-only bind mount needs root: the read-only folder is tested by injection above');
    try {
      assert.ok(await mount('-o', 'remount,bind,ro', dir));
      const run = await runBuild(full, out, cacheDir);
      assertOneLine(run, /^无法写入 .+：它所在的文件系统是只读的；请改用可写的位置（--out、--cache）后重新构建；已发布的网站保持原样$/);
      assert.deepEqual(await published(out), site);
    } finally {
      await execFileAsync('umount', [dir]);
    }
    await assertRecovers(out, cacheDir, 'once writable again');
  });
});

/** Polls `probe` every 50 ms until it is true; fails after `ms`. */
async function waitFor(probe: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function isDeepEqual(a: unknown, b: unknown): boolean {
  try {
    assert.deepEqual(a, b);
    return true;
  } catch {
    return false;
  }
}
