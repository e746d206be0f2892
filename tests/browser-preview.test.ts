/**
 * The preview in a browser: with `npm start` running on a copy of an issues
 * folder, a save that breaks an issue shows the overlay with its message on
 * every open page; an edit to another issue meanwhile shows up; the fix
 * removes the overlay and shows the change. Throughout, the pages keep to a
 * strict Content-Security-Policy (no inline script or style), which the
 * preview's client and overlay must not break.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { editIssueFile, servedUrl, startPreview, type RunningPreview } from './support/start-preview.ts';
import { removeDir, tempDir, writeSampleArchive } from './site-support.ts';

/** The policy the published pages carry, put on every page the preview serves here. */
const policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";
const overlay = '#bulletin-preview-overlay';
/** Long enough for a rebuild on a busy machine. */
const timeout = 60_000;

let work: string;
let issuesDir: string;
let preview: RunningPreview;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
/** Every report of the browser that a policy blocked something, and every script error. */
const violations: string[] = [];

before(async () => {
  work = await tempDir('browser-preview');
  issuesDir = await writeSampleArchive(path.join(work, 'issues'));
  preview = startPreview(['--issues', issuesDir, '--out', path.join(work, '_preview'), '--port', '0', '--host', '127.0.0.1']);
  baseUrl = await servedUrl(preview);
  browser = await launchChromium();
  context = await browser.newContext();
  // Every document gets the strict policy (the event stream is left alone: a route would buffer it).
  await context.route(
    (url) => url.origin === new URL(baseUrl).origin && !url.pathname.startsWith('/.preview/'),
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      return route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
    },
  );
});

after(async () => {
  await browser?.close();
  await preview?.stop();
  await removeDir(work);
});

async function open(url: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => violations.push(`${page.url()}: ${error.message}`));
  await page.goto(new URL(url, baseUrl).href);
  return page;
}

/** Replaces `from` by `to` in an issue file, as an editor's save. */
const edit = (file: string, from: string, to: string) => editIssueFile(issuesDir, file, from, to);

describe('the preview in a browser', () => {
  it('shows a broken issue\'s message on every page, keeps other edits coming, and clears it when fixed', async () => {
    const brokenIssue = await open('issues/2023/35/5/');
    const otherIssue = await open('issues/2022/41/2/');
    assert.match(await brokenIssue.locator('h1').innerText(), /区农委多措并举全力护航“三夏”生产/);
    assert.equal(await brokenIssue.locator(overlay).count(), 0);

    // The save that breaks issue 35: a department not in departments.yml.
    await edit('2023/035.md', '（区农委）', '（区农业局）');
    for (const page of [brokenIssue, otherIssue]) {
      const problem = page.locator(`${overlay} .problem`);
      await problem.first().waitFor({ timeout });
      assert.equal(await problem.count(), 1);
      assert.equal(await page.locator(`${overlay} h2`).innerText(), '检查发现 1 个错误');
      assert.match(await page.locator(`${overlay} .note`).innerText(), /^有错误的文件没有放进预览：.*2023\/035\.md。其他期照常更新/);
      assert.match(await problem.locator('.where').innerText(), /^错误 .*2023\/035\.md:\d+:\d+$/);
      assert.match(await problem.locator('.text').innerText(), /^部门「区农业局」不在 issues\/departments\.yml 的名单里：如果是新部门/);
      // The offending line, quoted, the column marked.
      assert.match(await problem.locator('.excerpt').innerText(), /^\d+\s*.*在加油站设立小药箱.*（区农业局）$/s);
      assert.equal(await problem.locator('.excerpt mark').innerText(), '（');
      assert.match(await problem.locator('.rule').innerText(), /department-unknown/);
      assert.ok(await page.locator(overlay).isVisible());
    }
    // The issue with errors is left out of the preview: its page is gone, the overlay says why.
    assert.equal((await brokenIssue.reload())?.status(), 404);
    await brokenIssue.locator(`${overlay} .problem`).waitFor({ timeout });

    // Readable by everyone: no serious accessibility violation in the overlay. (In a page without the policy:
    // axe applies styles of its own, which the policy would report.)
    const plain = await browser.newContext();
    const audited = await plain.newPage();
    await audited.goto(otherIssue.url());
    await audited.locator(`${overlay} .problem`).waitFor({ timeout });
    const { violations: barriers } = await new AxeBuilder({ page: audited }).include(overlay).analyze();
    await plain.close();
    assert.deepEqual(
      barriers.filter((barrier) => barrier.impact === 'serious' || barrier.impact === 'critical').map((barrier) => `${barrier.id}: ${barrier.help}`),
      [],
    );

    // Hidden on request; back with the next build's messages.
    await otherIssue.getByRole('button', { name: '收起' }).click();
    assert.equal(await otherIssue.locator(overlay).count(), 0);

    // Meanwhile, an edit to another issue shows up in the preview, the overlay still there.
    await edit('2022/041.md', '## 中心路街道开展消防安全隐患大排查', '## 中心路街道开展消防安全隐患大排查（续）');
    await otherIssue.locator('h1', { hasText: '消防安全隐患大排查（续）' }).waitFor({ timeout });
    await otherIssue.locator(`${overlay} .problem`).waitFor({ timeout });

    // The fix, with a change to see: the overlay goes, the page shows the change.
    const fixed = await readFile(path.join(issuesDir, '2023/035.md'), 'utf8');
    await writeFile(path.join(issuesDir, '2023/035.md'), fixed.replace('（区农业局）', '（区农委）').replace('## 区农委多措并举全力护航“三夏”生产', '## 区农委多措并举全力护航“三夏”生产（修订）'));
    await brokenIssue.locator('h1', { hasText: '全力护航“三夏”生产（修订）' }).waitFor({ timeout });
    for (const page of [brokenIssue, otherIssue]) await page.locator(overlay).waitFor({ state: 'detached', timeout });
    assert.match(await otherIssue.locator('h1').innerText(), /消防安全隐患大排查（续）/);

    assert.deepEqual(violations, []);
  });
});
