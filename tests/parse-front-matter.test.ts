import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import matter from 'gray-matter';
import { splitFrontMatter } from '../src/parse/front-matter.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const text = '---\npublication: 上街信息\nissue: 35\ndate: 2023-01-01\neditors: [郝婕, 柴亚文]\n---\n\n## 标题\n';

test('gray-matter without options shares one cached result between callers', () => {
  // The trap the splitter avoids: this is why it always passes an options object.
  const first = matter(`${text}\n<!-- trap -->\n`);
  (first.data as { issue: number }).issue = 99;
  const second = matter(`${text}\n<!-- trap -->\n`);
  assert.equal((second.data as { issue: number }).issue, 99);
});

test('the same content split twice gives two independent results', () => {
  const first = splitFrontMatter(text);
  const data = first.data as { issue: number; editors: string[] };
  data.issue = 99;
  data.editors.push('某某');
  const second = splitFrontMatter(text);
  assert.deepEqual(second.data, { publication: '上街信息', issue: 35, date: '2023-01-01', editors: ['郝婕', '柴亚文'] });
  assert.notEqual(first.data, second.data);
});

test('a YAML date stays the written day, as text', () => {
  const { data } = splitFrontMatter(text);
  assert.equal((data as { date: unknown }).date, '2023-01-01');
});

test('the body keeps the line numbers of the file', () => {
  const { body, end } = splitFrontMatter(text);
  assert.equal(body!.split('\n')[7], '## 标题');
  assert.deepEqual(end, { line: 6, column: 1 });
});

test('a front-matter value and its key are located at their line and column', () => {
  const split = splitFrontMatter(text);
  assert.deepEqual(split.locate(['date']), { line: 4, column: 7 });
  assert.deepEqual(split.locate(['editors', 1]), { line: 5, column: 15 });
  assert.deepEqual(split.locate(['issue'], true), { line: 3, column: 1 });
});

test('a js front matter is refused and its code never runs', () => {
  const global = globalThis as { frontMatterRan?: boolean };
  for (const opening of ['---js', '---javascript', '--- js', '---JSON', '---coffee']) {
    const split = splitFrontMatter(`${opening}\n{ issue: (globalThis.frontMatterRan = true) }\n---\n`);
    assert.equal(split.problems[0]?.rule, 'front-matter-language', opening);
    assert.equal(split.body, undefined);
  }
  assert.equal(global.frontMatterRan, undefined);
});

test('---yaml and ---yml openings are read as YAML', () => {
  for (const opening of ['---yaml', '---yml']) {
    const split = splitFrontMatter(`${opening}\nissue: 35\n---\n`);
    assert.deepEqual(split.problems, []);
    assert.deepEqual(split.data, { issue: 35 });
  }
});

test('an unclosed front matter is one problem, not a list of YAML errors from the body', () => {
  const split = splitFrontMatter('---\nissue: 35\n\n## 标题\n\n正文：（济源路街道）\n');
  assert.deepEqual(split.problems.map((p) => [p.rule, p.args]), [['front-matter-missing', { unclosed: true }]]);
});

test('a date is never shifted by the time zone', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bulletin-tz-'));
  try {
    await writeFile(path.join(dir, 'departments.yml'), '- name: 济源路街道\n');
    await writeFile(path.join(dir, 'probe.mts'), [
      `import { loadArchive } from ${JSON.stringify(pathToFileURL(path.join(repoRoot, 'src/load-archive.ts')).href)};`,
      `const { bulletin, files } = await loadArchive(${JSON.stringify(dir)});`,
      'console.log(JSON.stringify({ dates: bulletin.issues.map((i) => i.date), ids: bulletin.issues.flatMap((i) => i.items.map((it) => it.id)), messages: files.flatMap((f) => f.messages.map(String)), offset: new Date(2023, 0, 1).getTimezoneOffset() }));',
    ].join('\n'));
    await mkdir(path.join(dir, '2023'));
    await writeFile(path.join(dir, '2023', '001.md'), '---\npublication: 上街信息\nissue: 1\ndate: 2023-01-01\npublisher: 中共上街区委办公室\n---\n\n## 元旦\n\n正文。（济源路街道）\n');
    const run = async (tz: string) => {
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(dir, 'probe.mts')], { cwd: repoRoot, env: { ...process.env, TZ: tz } });
      return JSON.parse(stdout) as { dates: string[]; ids: string[]; messages: string[]; offset: number };
    };
    const west = await run('America/Los_Angeles');
    const east = await run('Asia/Shanghai');
    // The two processes really ran in different zones.
    assert.equal(west.offset, 480);
    assert.equal(east.offset, -480);
    for (const result of [west, east]) {
      assert.deepEqual(result.messages, []);
      assert.deepEqual(result.dates, ['2023-01-01']);
      assert.deepEqual(result.ids, ['2023-001-01']);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
