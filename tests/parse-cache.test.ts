/**
 * The load step's parse cache (src/build/parse-cache.ts) and the cache entry
 * format it writes (src/build/cache-entry.ts): a hit gives exactly what
 * parsing gives, and no state of the folder (damaged, foreign, altered,
 * unwritable) can change what a build gets.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deserialize } from 'node:v8';
import { after, before, describe, test } from 'node:test';
import { VFile } from 'vfile';
import { openParseCache, type ParseCache } from '../src/build/parse-cache.ts';
import { formatMessages } from '../src/messages/report.ts';
import { toRegistry, type DepartmentRegistry } from '../src/departments/department-registry.ts';
import { parseDepartments } from '../src/departments/parse-departments.ts';
import { loadArchive, readText } from '../src/load-archive.ts';
import { digestIssues } from '../src/model/digest.ts';
import { parseIssueBytes } from '../src/parse/parse-issue.ts';
import { listFiles, writeSampleArchive } from './site-support.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const sourceFile = '2023/035.md';
let bytes: Buffer;
let registry: DepartmentRegistry;
let dir: string;

before(async () => {
  bytes = await readFile(path.join(repoRoot, 'issues', sourceFile));
  const departmentsFile = new VFile({ path: 'departments.yml' });
  registry = toRegistry(parseDepartments(await readFile(path.join(repoRoot, 'issues', 'departments.yml'), 'utf8'), departmentsFile));
  dir = await mkdtemp(path.join(os.tmpdir(), 'parse-cache-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Parses with a fresh vfile, as loadArchive does for every file. */
function parseWith(parse: ParseCache['parseIssueBytes'], input: Uint8Array, options = { sourceFile, departments: registry }) {
  const file = new VFile({ path: path.join('/archive', options.sourceFile) });
  return { result: parse(input, file, options, readText), messages: formatMessages([file], '/archive') };
}

/** The text of the sample issue with `from` replaced by `to`, as bytes. */
function edited(from: string, to: string): Buffer {
  const text = bytes.toString('utf8');
  assert.ok(text.includes(from), from);
  return Buffer.from(text.replace(from, to));
}

/** The one entry file a cache folder holds. */
async function onlyEntry(cacheDir: string): Promise<string> {
  const files = await listFiles(cacheDir);
  assert.equal(files.length, 1, files.join(' '));
  return path.join(cacheDir, files[0]!);
}

describe('the parse cache', () => {
  test('a hit gives the same issue as parsing, and a miss comes first', () => {
    const cache = openParseCache(path.join(dir, 'same'));
    const direct = parseWith(parseIssueBytes, bytes);
    const first = parseWith(cache.parseIssueBytes, bytes);
    const second = parseWith(cache.parseIssueBytes, bytes);
    assert.deepEqual(cache.stats, { hits: 1, misses: 1 });
    assert.ok(direct.result?.issue);
    assert.deepEqual(first.result, direct.result);
    assert.deepEqual(second.result, direct.result);
    assert.equal(second.result?.issue?.items[0]?.department, '济源路街道');
  });

  test('a hit replays the same errors and warnings, with their places, on the file', () => {
    const cache = openParseCache(path.join(dir, 'messages'));
    const broken = Buffer.from(edited('（济源路街道）', '（济源路街到）').toString('utf8').replace('issue: 35', 'issue: 35\nauthor: 某某'));
    const direct = parseWith(parseIssueBytes, broken);
    assert.match(direct.messages, /department-unknown/);
    assert.match(direct.messages, /field-unknown/);
    parseWith(cache.parseIssueBytes, broken);
    const replayed = parseWith(cache.parseIssueBytes, broken);
    assert.equal(cache.stats.hits, 1);
    assert.equal(replayed.messages, direct.messages);
    assert.equal(replayed.result?.issue, undefined);
    assert.deepEqual(replayed.result?.header, direct.result?.header);
  });

  test('changing the bytes, the path or the registry misses', () => {
    const cache = openParseCache(path.join(dir, 'keys'));
    const other = edited('63 个', '64 个');
    parseWith(cache.parseIssueBytes, bytes);
    parseWith(cache.parseIssueBytes, other);
    parseWith(cache.parseIssueBytes, bytes, { sourceFile: '2023/036.md', departments: registry });
    const renamed = toRegistry(registry.departments.map((department) => (department.name === '区统计局' ? { ...department, slug: 'tongjiju' } : department)));
    parseWith(cache.parseIssueBytes, bytes, { sourceFile, departments: renamed });
    assert.deepEqual(cache.stats, { hits: 0, misses: 4 });
    parseWith(cache.parseIssueBytes, other);
    assert.deepEqual(cache.stats, { hits: 1, misses: 4 });
  });

  test('an entry cut short is parsed again and written anew', async () => {
    const cacheDir = path.join(dir, 'damaged');
    const cache = openParseCache(cacheDir);
    parseWith(cache.parseIssueBytes, bytes);
    await cache.flush();
    const entry = await onlyEntry(cacheDir);
    const whole = await readFile(entry);
    // Cut short, as by a crash in the middle of a write.
    await writeFile(entry, whole.subarray(0, 100));
    // The next build opens the cache afresh.
    const next = openParseCache(cacheDir);
    const again = parseWith(next.parseIssueBytes, bytes);
    await next.flush();
    assert.deepEqual(next.stats, { hits: 0, misses: 1 });
    assert.equal(again.result?.issue?.number, 35);
    assert.ok((await readFile(entry)).equals(whole), 'the entry is whole again');
    assert.deepEqual(await listFiles(cacheDir), [path.relative(cacheDir, entry)]);
  });

  test('an entry altered on disk but still well-formed is a miss, and its text is never served', async () => {
    const cacheDir = path.join(dir, 'altered');
    const cache = openParseCache(cacheDir);
    parseWith(cache.parseIssueBytes, bytes);
    await cache.flush();
    const entry = await onlyEntry(cacheDir);
    const stored = await readFile(entry);
    // The department's name as V8 stores it (UTF-16), changed to another of the same length.
    const [from, to] = [Buffer.from('济源路街道', 'utf16le'), Buffer.from('济源街街道', 'utf16le')];
    const altered = Buffer.from(stored);
    let found = 0;
    for (let at = altered.indexOf(from); at >= 0; at = altered.indexOf(from, at + 1), found++) to.copy(altered, at);
    assert.ok(found > 0, 'the entry holds the department name');
    await writeFile(entry, altered);
    // Still a well-formed entry for the same key: only its digest tells.
    const payload = altered.subarray(altered.indexOf(0x0a) + 1 + 32);
    const { key, value } = deserialize(payload) as { key: string; value: { result: { issue: { items: { department: string }[] } } } };
    assert.equal(key, path.basename(entry, '.entry'));
    assert.equal(value.result.issue.items[0]!.department, '济源街街道');
    const next = openParseCache(cacheDir);
    const again = parseWith(next.parseIssueBytes, bytes);
    assert.deepEqual(next.stats, { hits: 0, misses: 1 });
    assert.equal(again.result?.issue?.items[0]?.department, '济源路街道');
    assert.deepEqual(again.result, parseWith(parseIssueBytes, bytes).result);
  });

  test("another file's entry, copied under this file's name, is parsed again", async () => {
    const [oneDir, otherDir] = [path.join(dir, 'foreign-one'), path.join(dir, 'foreign-other')];
    const [one, other] = [openParseCache(oneDir), openParseCache(otherDir)];
    parseWith(one.parseIssueBytes, bytes);
    parseWith(other.parseIssueBytes, edited('63 个', '64 个'));
    await Promise.all([one.flush(), other.flush()]);
    await writeFile(await onlyEntry(oneDir), await readFile(await onlyEntry(otherDir)));
    const next = openParseCache(oneDir);
    const again = parseWith(next.parseIssueBytes, bytes);
    assert.deepEqual(next.stats, { hits: 0, misses: 1 });
    assert.deepEqual(again.result, parseWith(parseIssueBytes, bytes).result);
  });

  test('an entry that cannot be written fails flush with the reason', async () => {
    const cacheDir = path.join(dir, 'unwritable');
    const cache = openParseCache(cacheDir);
    // Where the entry's folder would go, a file: its mkdir fails.
    const probe = openParseCache(path.join(dir, 'probe'));
    parseWith(probe.parseIssueBytes, bytes);
    await probe.flush();
    const folder = path.basename(path.dirname(await onlyEntry(path.join(dir, 'probe'))));
    await writeFile(path.join(cacheDir, folder), 'not a folder');
    parseWith(cache.parseIssueBytes, bytes);
    await assert.rejects(cache.flush(), (error: NodeJS.ErrnoException) => error.code === 'EEXIST' || error.code === 'ENOTDIR');
  });

  test('a cache kept across builds (npm start) reads each entry from disk once, and gives each build objects of its own', async () => {
    const cacheDir = path.join(dir, 'kept');
    const cache = openParseCache(cacheDir);
    const first = parseWith(cache.parseIssueBytes, bytes);
    await cache.flush();
    await rm(cacheDir, { recursive: true });
    const second = parseWith(cache.parseIssueBytes, bytes);
    assert.deepEqual(cache.stats, { hits: 1, misses: 1 });
    assert.deepEqual(second.result, first.result);
    assert.notEqual(second.result, first.result);
  });

  test('loadArchive gives the same bulletin and messages with a cold cache, a warm cache and none', async () => {
    const issuesDir = await writeSampleArchive(path.join(dir, 'sample-issues'));
    const cacheDir = path.join(dir, 'archive');
    const load = async (parseCache?: ParseCache) => {
      const { bulletin, files } = await loadArchive(issuesDir, parseCache ? { parseCache } : {});
      await parseCache?.flush();
      return { bulletin: JSON.parse(JSON.stringify(bulletin)) as unknown, messages: formatMessages(files, issuesDir) };
    };
    const plain = await load();
    assert.ok((plain.bulletin as { issues: unknown[] }).issues.length > 0);
    const cold = openParseCache(cacheDir);
    assert.deepEqual(await load(cold), plain);
    assert.equal(cold.stats.hits, 0);
    const warm = openParseCache(cacheDir);
    assert.deepEqual(await load(warm), plain);
    assert.deepEqual(warm.stats, { hits: cold.stats.misses, misses: 0 });
  });

  test('an entry is served from memory while it is being written, and is on disk after flush', async () => {
    const cacheDir = path.join(dir, 'background');
    const cache = openParseCache(cacheDir);
    const first = parseWith(cache.parseIssueBytes, bytes);
    const second = parseWith(cache.parseIssueBytes, bytes);
    assert.deepEqual(cache.stats, { hits: 1, misses: 1 });
    assert.deepEqual(second, first);
    assert.notEqual(second.result, first.result, 'a hit is a copy, never the object returned before');
    await cache.flush();
    const reopened = openParseCache(cacheDir);
    assert.deepEqual(parseWith(reopened.parseIssueBytes, bytes), first);
    assert.deepEqual(reopened.stats, { hits: 1, misses: 0 });
  });

  test('a file that is not UTF-8 is reported by every load through the cache, and nothing is stored for it', async () => {
    const cacheDir = path.join(dir, 'gbk-cache');
    const gbk = Buffer.from([0xc9, 0xcf, 0xbd, 0xd6, 0xd0, 0xc5, 0xcf, 0xa2, 0x0a]); // 上街信息, GBK
    const cache = openParseCache(cacheDir);
    const first = parseWith(cache.parseIssueBytes, Buffer.concat([gbk, gbk, gbk]));
    assert.equal(first.result, undefined);
    assert.match(first.messages, /2023\/035\.md:1:1.*encoding-not-utf8/);
    assert.deepEqual(parseWith(cache.parseIssueBytes, Buffer.concat([gbk, gbk, gbk])), first);
    await cache.flush();
    assert.deepEqual(cache.stats, { hits: 0, misses: 2 });
    await mkdir(cacheDir, { recursive: true });
    assert.deepEqual(await readdir(cacheDir), []);
  });

  test('departments.yml is served from the cache too, with its messages', async () => {
    const cacheDir = path.join(dir, 'departments');
    const yaml = `${await readFile(path.join(repoRoot, 'issues', 'departments.yml'), 'utf8')}\n- name: 区统计局\n`;
    const parseWithCache = (cache: ParseCache) => {
      const file = new VFile({ path: '/archive/departments.yml' });
      return { result: cache.parseDepartmentsFile(yaml, file), messages: formatMessages([file], '/archive') };
    };
    const first = openParseCache(cacheDir);
    const direct = parseWithCache(first);
    await first.flush();
    assert.match(direct.messages, /department-duplicate/);
    const next = openParseCache(cacheDir);
    const replayed = parseWithCache(next);
    assert.deepEqual(next.stats, { hits: 1, misses: 0 });
    assert.equal(replayed.messages, direct.messages);
    assert.deepEqual(replayed.result, direct.result);
  });

  test('a hit brings the digests of its issue and items, equal to those computed from them', async () => {
    const cacheDir = path.join(dir, 'digests');
    const first = openParseCache(cacheDir);
    parseWith(first.parseIssueBytes, bytes);
    await first.flush();
    const next = openParseCache(cacheDir);
    const { result } = parseWith(next.parseIssueBytes, bytes);
    assert.deepEqual(next.stats, { hits: 1, misses: 0 });
    const issue = result!.issue!;
    assert.ok(issue.items.length > 5);
    const computed = digestIssues([issue]);
    assert.equal(next.digests.get(issue), computed.get(issue));
    for (const item of issue.items) assert.equal(next.digests.get(item), computed.get(item));
    // A digest changes with its item.
    const changed = parseWith(parseIssueBytes, edited('63 个', '64 个')).result!.issue!;
    assert.notEqual(digestIssues([changed]).get(changed), computed.get(issue));
  });
});
