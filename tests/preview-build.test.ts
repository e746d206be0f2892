/**
 * The preview's build mode (buildSite with `onCheckErrors: 'leave-out-issues'`)
 * and the overlay written from its messages: an issue with errors is left
 * out while the others build; an error of departments.yml, or no issue left,
 * stops it; each message is placed and its line quoted.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildSite } from '../src/build-site.ts';
import { setLanguage } from '../src/messages/language.ts';
import { toOverlay, toExcerpt } from '../src/preview/overlay.ts';
import { toPreviewProblems } from '../src/preview/problems.ts';
import { hashTree, listFiles, readOut, removeDir, tempDir, writeSampleArchive } from './site-support.ts';

let work: string;

before(async () => {
  work = await tempDir('preview-build');
});

after(() => removeDir(work));

/** The sample archive in `name`, with `edit` applied to the text of `file`. */
async function archiveWith(name: string, file: string, edit: (text: string) => string): Promise<string> {
  const dir = await writeSampleArchive(path.join(work, name));
  await writeFile(path.join(dir, file), edit(await readFile(path.join(dir, file), 'utf8')));
  return dir;
}

/** Every page of the output that links to `url`. */
async function pagesLinkingTo(outDir: string, url: string): Promise<string[]> {
  const pages = (await listFiles(outDir)).filter((file) => file.endsWith('.html'));
  const linking: string[] = [];
  for (const page of pages) if ((await readOut(outDir, page)).includes(`href="${url}"`)) linking.push(page);
  return linking;
}

describe("the preview's build", () => {
  it('leaves out an issue with errors and builds the others, with nothing of it anywhere in the site', async () => {
    const issuesDir = await archiveWith('one-broken', '2022/041.md', (text) => text.replace('（中心路街道）', '（中新路街道）'));
    const outDir = path.join(work, 'one-broken-site');
    const result = await buildSite({ issuesDir, outDir, cacheDir: false, onCheckErrors: 'leave-out-issues' });
    assert.equal(result.ok, true);
    assert.deepEqual(
      result.files.flatMap((file) => file.messages.map((message) => `${path.relative(issuesDir, file.path)} ${message.ruleId}`)),
      ['2022/041.md department-unknown'],
    );
    assert.deepEqual(
      result.bulletin.issues.map((issue) => issue.sourceFile),
      ['2022/040.md', '2023/034.md', '2023/035.md', '2023/036.md'],
    );
    const files = await listFiles(outDir);
    assert.ok(files.includes('issues/2023/35/index.html'));
    assert.ok(files.includes('issues/2022/40/index.html'));
    assert.deepEqual(files.filter((file) => file.startsWith('issues/2022/41/')), []);
    assert.deepEqual(await pagesLinkingTo(outDir, '/issues/2022/41/'), []);
    // The same archive is refused by npm run build's mode, the default.
    const published = path.join(work, 'one-broken-published');
    assert.equal((await buildSite({ issuesDir, outDir: published, cacheDir: false })).ok, false);
    assert.deepEqual(await listFiles(work).then((all) => all.filter((file) => file.startsWith('one-broken-published'))), []);
  });

  it('leaves out the second of two files with one number and keeps the first', async () => {
    const issuesDir = await writeSampleArchive(path.join(work, 'duplicate'));
    // A copy of issue 35 saved as 037.md that still says `issue: 35`.
    await writeFile(path.join(issuesDir, '2023/037.md'), await readFile(path.join(issuesDir, '2023/035.md'), 'utf8'));
    const outDir = path.join(work, 'duplicate-site');
    const result = await buildSite({ issuesDir, outDir, cacheDir: false, onCheckErrors: 'leave-out-issues' });
    assert.equal(result.ok, true);
    const ruled = result.files.filter((file) => file.messages.some((message) => message.fatal)).map((file) => path.relative(issuesDir, file.path));
    assert.deepEqual(ruled, ['2023/037.md']);
    assert.equal(result.bulletin.issues.filter((issue) => issue.number === 35).length, 1);
    assert.equal(result.bulletin.issues.find((issue) => issue.number === 35)!.sourceFile, '2023/035.md');
    assert.match(await readOut(outDir, 'issues/2023/35/index.html'), /第 35 期/);
  });

  it('stops, writing nothing, when departments.yml has an error', async () => {
    const issuesDir = await archiveWith('departments-broken', 'departments.yml', (text) => text.replace('- name: 区统计局', '- name: 区统计局\n  alias: [统计局]'));
    const outDir = path.join(work, 'departments-broken-site');
    const good = await buildSite({ issuesDir: await writeSampleArchive(path.join(work, 'departments-good')), outDir, cacheDir: false });
    assert.equal(good.ok, true);
    const before = await hashTree(outDir);
    const result = await buildSite({ issuesDir, outDir, cacheDir: false, onCheckErrors: 'leave-out-issues' });
    assert.equal(result.ok, false);
    assert.ok(result.files[0]!.messages.some((message) => message.ruleId === 'departments-invalid'));
    assert.deepEqual(await hashTree(outDir), before);
  });

  it('stops when no issue is left to show', async () => {
    const issuesDir = path.join(work, 'all-broken');
    await writeSampleArchive(issuesDir);
    for (const file of ['2022/040.md', '2022/041.md', '2023/034.md', '2023/035.md', '2023/036.md']) {
      await writeFile(path.join(issuesDir, file), (await readFile(path.join(issuesDir, file), 'utf8')).replace(/^issue: \d+$/m, 'issue: 三十五'));
    }
    const result = await buildSite({ issuesDir, outDir: path.join(work, 'all-broken-site'), cacheDir: false, onCheckErrors: 'leave-out-issues' });
    assert.equal(result.ok, false);
    assert.deepEqual(await listFiles(work).then((all) => all.filter((file) => file.startsWith('all-broken-site/'))), []);
  });
});

describe("the preview's overlay", () => {
  it('lists each message with its place, its hint, its rule and its line of the file, the error marked', async () => {
    const issuesDir = await archiveWith('overlay', '2022/041.md', (text) => text.replace('（中心路街道）', '（中新路街道）'));
    const result = await buildSite({ issuesDir, outDir: path.join(work, 'overlay-site'), cacheDir: false, onCheckErrors: 'leave-out-issues' });
    const problems = await toPreviewProblems(result.files, work);
    assert.equal(problems.length, 1);
    const [problem] = problems;
    assert.equal(problem!.file, 'overlay/2022/041.md');
    assert.equal(problem!.source, '对辖区沿街门店、小区楼院开展拉网式排查，发现并整改隐患 52 处。（中新路街道）');

    const overlay = toOverlay({ ok: true, problems, leftOut: ['overlay/2022/041.md'] })!;
    assert.equal(overlay.lang, 'zh-CN');
    assert.equal(overlay.heading, '检查发现 1 个错误');
    assert.equal(overlay.note, '有错误的文件没有放进预览：overlay/2022/041.md。其他期照常更新；改正并保存后，页面会自动刷新。');
    assert.deepEqual(overlay.problems, [
      {
        severity: 'error',
        severityLabel: '错误',
        place: `overlay/2022/041.md:${problem!.line}:${problem!.column}`,
        text: problem!.message + '：' + problem!.hint,
        rule: '规则 department-unknown，说明见 docs/editing.md#department-unknown',
        excerpt: { line: 20, before: '对辖区沿街门店、小区楼院开展拉网式排查，发现并整改隐患 52 处。', at: '（', after: '中新路街道）' },
      },
    ]);
    assert.match(overlay.problems[0]!.text, /^部门「中新路街道」不在 issues\/departments\.yml 的名单里：/);
  });

  it('says when the errors stopped the preview, and is written in English on request', () => {
    const problem = { file: 'issues/departments.yml', line: 3, column: 3, severity: 'error' as const, ruleId: 'departments-invalid', message: 'm', hint: 'h', url: 'docs/editing.md#departments-invalid' };
    assert.equal(toOverlay({ ok: false, problems: [problem], leftOut: [] })!.note, '因为这些错误，预览没有重新生成，仍是上一次成功生成的网站；改正并保存后，页面会自动刷新。');
    assert.equal(toOverlay({ ok: true, problems: [{ ...problem, severity: 'warning' }], leftOut: [] }), null, 'warnings alone show no overlay');
    setLanguage('en');
    try {
      const overlay = toOverlay({ ok: false, problems: [problem, { ...problem, severity: 'warning' }], leftOut: [] })!;
      assert.equal(overlay.lang, 'en');
      assert.equal(overlay.heading, 'The check found 1 error and 1 warning');
      assert.equal(overlay.problems[1]!.severityLabel, 'warning');
      assert.equal(toOverlay({ ok: false, problems: [], leftOut: [], failure: 'ENOSPC: no space left on device' })!.heading, 'The build failed');
    } finally {
      setLanguage('zh-CN');
    }
  });

  it('cuts a long line around the column, keeping a character outside the basic plane whole', () => {
    const line = `${'甲'.repeat(100)}（中新路街道）${'乙'.repeat(200)}`;
    const excerpt = toExcerpt(line, 7, 101);
    assert.equal(excerpt.at, '（');
    assert.equal(excerpt.before, `…${'甲'.repeat(60)}`);
    assert.equal(excerpt.after, `中新路街道）${'乙'.repeat(94)}…`);
    assert.deepEqual(toExcerpt('𠀀ab', 1, 1), { line: 1, before: '', at: '𠀀', after: 'ab' });
    assert.deepEqual(toExcerpt('', 1, 5), { line: 1, before: '', at: '', after: '' });
  });
});
