import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readdir, readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deserialize } from 'node:v8';
import { after, before, describe, test } from 'node:test';
import { VFile } from 'vfile';
import { formatMessages } from '../src/messages/report.ts';
import { toRegistry, type DepartmentRegistry } from '../src/departments/department-registry.ts';
import { parseDepartments } from '../src/departments/parse-departments.ts';
import { writeSampleArchive } from './site-support.ts';
import { loadArchive } from '../src/load-archive.ts';
import { digestIssues } from '../src/model/digest.ts';
import { entryExtension, openParseCache, parseCacheKey, parserFingerprint } from '../src/parse-cache.ts';
import { parseIssueFile } from '../src/parse/parse-issue.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const sourceFile = '2023/035.md';
let text: string;
let registry: DepartmentRegistry;
let dir: string;

before(async () => {
  text = await readFile(path.join(repoRoot, 'issues', sourceFile), 'utf8');
  const departmentsFile = new VFile({ path: 'departments.yml' });
  registry = toRegistry(parseDepartments(await readFile(path.join(repoRoot, 'issues', 'departments.yml'), 'utf8'), departmentsFile));
  dir = await mkdtemp(path.join(os.tmpdir(), 'parse-cache-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Parses with a fresh vfile, as loadArchive does for every file. */
function parseWith(parse: typeof parseIssueFile, input: string, options = { sourceFile, departments: registry }) {
  const file = new VFile({ path: path.join('/archive', options.sourceFile) });
  return { result: parse(input, file, options), messages: formatMessages([file], '/archive') };
}

describe('the parse cache', () => {
  test('a hit gives the same issue as parsing, and a miss comes first', () => {
    const cache = openParseCache(path.join(dir, 'same'));
    const direct = parseWith(parseIssueFile, text);
    const first = parseWith(cache.parseIssueFile, text);
    const second = parseWith(cache.parseIssueFile, text);
    assert.deepEqual(cache.stats, { hits: 1, misses: 1 });
    assert.ok(direct.result.issue);
    assert.deepEqual(first.result, direct.result);
    assert.deepEqual(second.result, direct.result);
    assert.equal(second.result.issue?.items[0]?.department, '济源路街道');
  });

  test('a hit replays the same errors and warnings, with their places, on the file', () => {
    const cache = openParseCache(path.join(dir, 'messages'));
    const broken = text.replace('（济源路街道）', '（济源路街到）').replace('issue: 35', 'issue: 35\nauthor: 某某');
    const direct = parseWith(parseIssueFile, broken);
    assert.match(direct.messages, /department-unknown/);
    assert.match(direct.messages, /field-unknown/);
    parseWith(cache.parseIssueFile, broken);
    const replayed = parseWith(cache.parseIssueFile, broken);
    assert.equal(cache.stats.hits, 1);
    assert.equal(replayed.messages, direct.messages);
    assert.equal(replayed.result.issue, undefined);
    assert.deepEqual(replayed.result.header, direct.result.header);
  });

  test('changing the text, the path or the registry misses', () => {
    const cache = openParseCache(path.join(dir, 'keys'));
    parseWith(cache.parseIssueFile, text);
    parseWith(cache.parseIssueFile, text.replace('63 个', '64 个'));
    parseWith(cache.parseIssueFile, text, { sourceFile: '2023/036.md', departments: registry });
    const renamed = toRegistry(registry.departments.map((department) => (department.name === '区统计局' ? { ...department, slug: 'tongjiju' } : department)));
    parseWith(cache.parseIssueFile, text, { sourceFile, departments: renamed });
    assert.deepEqual(cache.stats, { hits: 0, misses: 4 });
    parseWith(cache.parseIssueFile, text.replace('63 个', '64 个'));
    assert.deepEqual(cache.stats, { hits: 1, misses: 4 });
  });

  test('a damaged entry is parsed again and rewritten', async () => {
    const cacheDir = path.join(dir, 'damaged');
    const cache = openParseCache(cacheDir);
    parseWith(cache.parseIssueFile, text);
    await cache.flush();
    const key = parseCacheKey(text, { sourceFile, departments: registry });
    const entry = path.join(cacheDir, key.slice(0, 2), `${key}${entryExtension}`);
    // Cut short, as by a crash in the middle of a write.
    await writeFile(entry, readFileSync(entry).subarray(0, 100));
    // The next build opens the cache afresh.
    const next = openParseCache(cacheDir);
    const again = parseWith(next.parseIssueFile, text);
    await next.flush();
    assert.deepEqual(next.stats, { hits: 0, misses: 1 });
    assert.equal(again.result.issue?.number, 35);
    assert.equal((deserialize(readFileSync(entry)) as { key: string }).key, key);
    assert.deepEqual(await readdir(path.dirname(entry)), [`${key}${entryExtension}`]);
  });

  test("another file's entry, copied under this file's key, is parsed again", async () => {
    const cacheDir = path.join(dir, 'foreign');
    const cache = openParseCache(cacheDir);
    const other = text.replace('63 个', '64 个');
    parseWith(cache.parseIssueFile, text);
    parseWith(cache.parseIssueFile, other);
    await cache.flush();
    const keyOf = (input: string) => parseCacheKey(input, { sourceFile, departments: registry });
    const entryOf = (input: string) => path.join(cacheDir, keyOf(input).slice(0, 2), `${keyOf(input)}${entryExtension}`);
    await writeFile(entryOf(text), await readFile(entryOf(other)));
    const next = openParseCache(cacheDir);
    const again = parseWith(next.parseIssueFile, text);
    assert.deepEqual(next.stats, { hits: 0, misses: 1 });
    assert.deepEqual(again.result, parseWith(parseIssueFile, text).result);
  });

  test('a cache kept across builds (npm start) reads each entry from disk once, and gives each build objects of its own', async () => {
    const cacheDir = path.join(dir, 'kept');
    const cache = openParseCache(cacheDir);
    const first = parseWith(cache.parseIssueFile, text);
    await cache.flush();
    await rm(cacheDir, { recursive: true });
    const second = parseWith(cache.parseIssueFile, text);
    assert.deepEqual(cache.stats, { hits: 1, misses: 1 });
    assert.deepEqual(second.result, first.result);
    assert.notEqual(second.result, first.result);
  });

  test('loadArchive gives the same bulletin and messages with a cold cache, a warm cache and none', async () => {
    const issuesDir = await writeSampleArchive(path.join(dir, 'sample-issues'));
    const cacheDir = path.join(dir, 'archive');
    const load = async (options: { cacheDir?: string }) => {
      const { bulletin, files } = await loadArchive(issuesDir, options);
      return { bulletin: JSON.parse(JSON.stringify(bulletin)) as unknown, messages: formatMessages(files, issuesDir) };
    };
    const plain = await load({});
    assert.ok((plain.bulletin as { issues: unknown[] }).issues.length > 0);
    assert.deepEqual(await load({ cacheDir }), plain);
    assert.deepEqual(await load({ cacheDir }), plain);
    assert.ok((await readdir(cacheDir)).length > 0, 'entries were written');
  });

  test('an entry is served from memory while it is being written, and is on disk after flush', async () => {
    const cacheDir = path.join(dir, 'background');
    const cache = openParseCache(cacheDir);
    const first = parseWith(cache.parseIssueFile, text);
    const second = parseWith(cache.parseIssueFile, text);
    assert.deepEqual(cache.stats, { hits: 1, misses: 1 });
    assert.deepEqual(second, first);
    assert.notEqual(second.result, first.result, 'a hit is a copy, never the object returned before');
    await cache.flush();
    const reopened = openParseCache(cacheDir);
    assert.deepEqual(parseWith(reopened.parseIssueFile, text), first);
    assert.deepEqual(reopened.stats, { hits: 1, misses: 0 });
  });

  test('a file that is not UTF-8 is reported by every load through the cache, and nothing is stored for it', async () => {
    const issuesDir = await writeSampleArchive(path.join(dir, 'gbk-issues'));
    const gbk = Buffer.from([0xc9, 0xcf, 0xbd, 0xd6, 0xd0, 0xc5, 0xcf, 0xa2, 0x0a]); // 上街信息, GBK
    await writeFile(path.join(issuesDir, '2023/036.md'), Buffer.concat([gbk, gbk, gbk]));
    const cacheDir = path.join(dir, 'gbk-cache');
    const load = async () => {
      const { files } = await loadArchive(issuesDir, { cacheDir });
      return formatMessages(files, issuesDir);
    };
    const first = await load();
    assert.match(first, /2023\/036\.md:1:1.*encoding-not-utf8/);
    assert.equal(await load(), first);
    const cache = openParseCache(cacheDir);
    assert.equal(cache.parseIssueBytes(await readFile(path.join(issuesDir, '2023/036.md')), new VFile(), { sourceFile: '2023/036.md', departments: registry }, () => undefined), undefined);
    assert.deepEqual(cache.stats, { hits: 0, misses: 1 });
  });

  test('departments.yml is served from the cache too, with its messages', async () => {
    const cacheDir = path.join(dir, 'departments');
    const yaml = `${await readFile(path.join(repoRoot, 'issues', 'departments.yml'), 'utf8')}\n- name: 区统计局\n`;
    const parseWithCache = (cache: ReturnType<typeof openParseCache>) => {
      const file = new VFile({ path: '/archive/departments.yml' });
      return { result: cache.parseDepartmentsFile(yaml, file), messages: formatMessages([file], '/archive') };
    };
    const first = openParseCache(cacheDir);
    const direct = parseWithCache(first);
    await first.flush();
    assert.match(direct.messages, /department-duplicate|duplicate/);
    const next = openParseCache(cacheDir);
    const replayed = parseWithCache(next);
    assert.deepEqual(next.stats, { hits: 1, misses: 0 });
    assert.equal(replayed.messages, direct.messages);
    assert.deepEqual(replayed.result, direct.result);
  });

  test('a hit brings the digests of its issue and items, equal to those computed from them', async () => {
    const cacheDir = path.join(dir, 'digests');
    const first = openParseCache(cacheDir);
    parseWith(first.parseIssueFile, text);
    await first.flush();
    const next = openParseCache(cacheDir);
    const { result } = parseWith(next.parseIssueFile, text);
    assert.deepEqual(next.stats, { hits: 1, misses: 0 });
    const issue = result.issue!;
    assert.ok(issue.items.length > 5);
    const computed = digestIssues([issue]);
    assert.equal(next.digests.get(issue), computed.get(issue));
    for (const item of issue.items) assert.equal(next.digests.get(item), computed.get(item));
    // A digest changes with its item.
    const changed = parseWith(parseIssueFile, text.replace('63 个', '64 个')).result.issue!;
    assert.notEqual(digestIssues([changed]).get(changed), computed.get(issue));
  });

  test('the key depends on the parser fingerprint', () => {
    const options = { sourceFile, departments: registry };
    assert.match(parserFingerprint(), /^[0-9a-f]{64}$/);
    assert.equal(parseCacheKey(text, options), parseCacheKey(text, options));
    assert.notEqual(parseCacheKey(text, options, 'another parser'), parseCacheKey(text, options));
  });
});
