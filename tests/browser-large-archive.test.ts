/**
 * The reader's archive at 1,000 issues, in headless Chromium, on a desktop
 * (1280 px) and a phone (390 px): a synthetic archive of 1,000 issues (7,900
 * items, 200 departments; bench/generate-archive.ts) is built once, with the
 * search index, into a temporary folder and served gzipped, as a host would.
 * Every test measures what a reader would see: page heights and sizes, the
 * issue found from the search box, recall against a scan of the archive, the
 * bytes of a first search, the citation and the printout, link styles, layout
 * shift, the printed original, and the content security policy.
 *
 * With SCREENSHOT_DIR set, each page looked at is also saved there as a PNG
 * (for a person to look at; never committed).
 */
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import jsqr from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { measureFirstSearch } from '../bench/first-search.ts';
import { defaultArchiveOptions, issuePath, startYearFor, writeArchive } from '../bench/generate-archive.ts';
import { readSampleText } from '../bench/sample-text.ts';
import { buildSite } from '../src/build-site.ts';
import { formatMessages } from '../src/messages/report.ts';
import type { Bulletin, Issue, Item } from '../src/model/schema.ts';
import { isPlausibleByPositions, matchesAllTerms, toPagefindQuery, toQueryTerms, toSearchableText } from '../src/search/search-query.ts';
import { firstSentence, formatDate } from '../src/site/format.ts';
import { departmentUrl, issueUrl, itemUrl } from '../src/site/urls.ts';
import { collectPageErrors, cumulativeShift, launchChromium, watchCspViolations, watchLayoutShifts } from './support/browser.ts';
import { pdfPageTexts } from './support/pdf.ts';
import { repoRoot } from './support/search-site.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';

const baseUrl = 'https://xinxi.example.gov.cn';
const viewports = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;
type Viewport = (typeof viewports)[number];

let work: string;
let outDir: string;
let bulletin: Bulletin;
let server: StaticServer;
let browser: Browser;
/** Every item with its issue and its department's other names. */
let entries: { issue: Issue; item: Item; aliases: string[] }[];
/** The newest issue, which has its printed original beside it. */
let newest: Issue;

before(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'large-archive-'));
  const issuesDir = path.join(work, 'issues');
  outDir = path.join(work, 'site');
  const { plans } = await writeArchive(issuesDir, await readSampleText(), { ...defaultArchiveOptions, issues: 1000, startYear: startYearFor(1000) });
  // The newest issue has its printed original beside it.
  await copyFile(path.join(repoRoot, 'tests/fixtures/site/2023/034.pdf'), path.join(issuesDir, issuePath(plans.at(-1)!).replace(/\.md$/, '.pdf')));
  const built = await buildSite({ issuesDir, outDir, cacheDir: false, settings: { baseUrl, pathPrefix: '/' } });
  if (!built.ok) throw new Error(`The 1,000-issue archive did not build:\n${formatMessages(built.files)}`);
  bulletin = built.bulletin;
  newest = bulletin.issues.at(-1)!;
  assert.ok(newest.original, 'the newest issue has its original');
  const aliases = new Map(bulletin.departments.map((department) => [department.name, department.aliases]));
  entries = bulletin.issues.flatMap((issue) => issue.items.map((item) => ({ issue, item, aliases: aliases.get(item.department) ?? [] })));
  server = await serveStatic(outDir, { gzip: true });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** A page at a viewport, with its errors collected. */
async function open(viewport: Viewport, options: { permissions?: string[] } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, ...(options.permissions ? { permissions: options.permissions } : {}) });
  const page = await context.newPage();
  return { context, page, errors: collectPageErrors(page) };
}

/** Saves a screenshot when SCREENSHOT_DIR is set. */
async function shoot(page: Page, viewport: Viewport, name: string, fullPage = false): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${viewport.width}-${name}.png`), fullPage });
}

/** The page's height in CSS pixels. */
function heightOf(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollHeight);
}

/** Waits until the search page has finished the search for `query` (its status names it) or, without one, any search. */
async function waitForSearch(page: Page, query?: string): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const status = document.querySelector('[data-search-status]')?.textContent ?? '';
      const busy = document.querySelector('[data-search-results]')?.getAttribute('aria-busy');
      const settled = busy === 'false' && status !== '' && !status.startsWith('正在') && !status.startsWith('请输入');
      return settled && (expected === null || status.includes(`“${expected}”`));
    },
    query ?? null,
    { timeout: 30_000 },
  );
}

/** The count the status line announces (找到…N 条). */
async function announcedCount(page: Page): Promise<number> {
  const status = (await page.locator('[data-search-status]').textContent()) ?? '';
  return Number(/ (\d+) 条/.exec(status)?.[1] ?? (status.includes('没有找到') ? 0 : NaN));
}

/** The items that contain every term of `query`, by URL: the substring truth, from a scan of the archive. */
function truth(query: string): Set<string> {
  const terms = toQueryTerms(query);
  return new Set(entries.filter(({ item, aliases }) => matchesAllTerms(terms, toSearchableText({ ...item, aliases }))).map(({ issue, item }) => itemUrl(issue, item)));
}

describe('the archive of 1,000 issues', () => {
  test('/issues/ is a compact index by year: at most 5,000 px tall on a desktop and 150 KB, every issue linked with its number and date', async (t) => {
    const bytes = (await stat(path.join(outDir, 'issues/index.html'))).size;
    assert.ok(bytes <= 150 * 1024, `/issues/ is ${bytes} bytes`);
    for (const viewport of viewports) {
      const { context, page, errors } = await open(viewport);
      await page.goto(`${server.origin}/issues/`);
      const height = await heightOf(page);
      t.diagnostic(`/issues/ at ${viewport.width} px: ${height} px tall, ${bytes} bytes`);
      if (viewport.width === 1280) assert.ok(height <= 5000, `/issues/ is ${height} px tall at 1280 px`);
      assert.equal(await page.locator('.issue-index__list a').count(), 1000);
      const first = page.locator('.issue-index__list a').first();
      assert.equal(await first.evaluate((link) => (link as HTMLAnchorElement).pathname), issueUrl(newest));
      assert.equal(await first.textContent(), `第 ${newest.number} 期 ${formatDate(newest.date).replace(/^\d+ 年 /, '')}`);
      // Nothing overflows sideways on a phone.
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
      await shoot(page, viewport, 'issues');
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  test('a year page of 50 issues is at most 8,000 px tall on a desktop: each issue with its item count and first headlines, the others folded', async (t) => {
    const byYear = new Map<number, Issue[]>();
    for (const issue of bulletin.issues) byYear.set(issue.year, [...(byYear.get(issue.year) ?? []), issue]);
    const [year, issues] = [...byYear].sort((a, b) => b[1].length - a[1].length)[0]!;
    assert.ok(issues.length >= 48, `the fullest year has ${issues.length} issues`);
    for (const viewport of viewports) {
      const { context, page, errors } = await open(viewport);
      await page.goto(`${server.origin}/issues/${year}/`);
      const height = await heightOf(page);
      t.diagnostic(`/issues/${year}/ (${issues.length} issues) at ${viewport.width} px: ${height} px tall`);
      if (viewport.width === 1280) assert.ok(height <= 8000, `the year page is ${height} px tall at 1280 px`);
      assert.equal(await page.locator('.issue-card').count(), issues.length);
      const card = page.locator('.issue-card').first();
      const shown = issues.at(-1)!;
      assert.match((await card.locator('.issue-card__meta').textContent()) ?? '', new RegExp(`${shown.items.length} 条信息$`));
      // Two headlines show; the rest open from the fold.
      const visibleHeadlines = () => card.locator('.issue-card__items a:visible').count();
      assert.equal(await visibleHeadlines(), 2);
      await card.locator('summary').click();
      assert.equal(await visibleHeadlines(), shown.items.length);
      await shoot(page, viewport, 'year');
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  test('a department page groups its items by year, jumps to any year and numbers its pages', async (t) => {
    const counts = new Map<string, number>();
    for (const { item } of entries) counts.set(item.department, (counts.get(item.department) ?? 0) + 1);
    const [name, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const department = bulletin.departments.find((entry) => entry.name === name)!;
    const pages = Math.ceil(count / 20);
    const years = [...new Set(entries.filter(({ item }) => item.department === name).map(({ issue }) => issue.year))].sort((a, b) => b - a);
    for (const viewport of viewports) {
      const { context, page, errors } = await open(viewport);
      await page.goto(`${server.origin}${departmentUrl(department)}`);
      t.diagnostic(`${name}: ${count} items on ${pages} pages, ${years.length} years; page 1 at ${viewport.width} px: ${await heightOf(page)} px tall`);
      assert.deepEqual(await page.locator('.year-jump a').evaluateAll((links) => links.map((link) => Number.parseInt(link.textContent ?? '', 10))), years);
      assert.deepEqual(await page.locator('.pagination a').allTextContents(), ['1', '2', '3', String(pages - 1), String(pages)]);
      assert.equal(await page.locator('.pagination a[aria-current="page"]').textContent(), '1');
      // The items of the page stand under their year.
      const groupYears = await page.locator('.year-group__title').allTextContents();
      assert.ok(groupYears.length >= 1 && groupYears[0]!.startsWith(`${years[0]} 年`), groupYears.join());
      // The jump to the oldest year leads to the page where its items begin, to its heading.
      const oldest = years.at(-1)!;
      await page.locator('.year-jump a').last().click();
      await page.waitForURL((url) => url.hash === `#year-${oldest}`, { waitUntil: 'load' });
      assert.match(new URL(page.url()).pathname, /\/page\/\d+\/$/);
      assert.equal(await page.locator(`#year-${oldest}`).textContent(), `${oldest} 年`);
      const top = await page.locator(`#year-${oldest}`).evaluate((heading) => heading.getBoundingClientRect().top);
      assert.ok(top > -2 && top < viewport.height, `the year's heading is at ${top} px`);
      await shoot(page, viewport, 'department-year-jump');
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  test('an issue number or date typed in the search box leads with the issue itself, above the item results', async () => {
    const issue35 = bulletin.issues.find((issue) => issue.year === 2023 && issue.number === 35)!;
    const newest35 = bulletin.issues.filter((issue) => issue.number === 35).at(-1)!;
    const [year, month, day] = issue35.date.split('-').map(Number);
    const queries: [string, Issue][] = [
      ['第35期', newest35],
      ['35期', newest35],
      ['2023年第35期', issue35],
      ['2023 年第 35 期', issue35],
      [issue35.date, issue35],
      [`${year}年${month}月${day}日`, issue35],
    ];
    for (const viewport of viewports) {
      const { context, page, errors } = await open(viewport);
      for (const [query, issue] of queries) {
        await page.goto(`${server.origin}/search/`);
        await page.fill('#search-q', query);
        await page.press('#search-q', 'Enter');
        // An issue's items are listed under it: the status names the issue, not the query.
        await waitForSearch(page);
        const lead = page.locator('[data-search-lookup] a').first();
        assert.equal(await lead.evaluate((link) => (link as HTMLAnchorElement).pathname), issueUrl(issue), `${query} at ${viewport.width} px`);
        assert.equal(await lead.textContent(), `${issue.year} 年第 ${issue.number} 期`);
        // The lead is on the first screen, above the first item result (if any).
        const leadBox = (await lead.boundingBox())!;
        assert.ok(leadBox.y + leadBox.height <= viewport.height, `${query}: the issue is on the first screen at ${viewport.width} px`);
        const firstResult = page.locator('[data-search-results] > li').first();
        if ((await firstResult.count()) > 0) assert.ok((await firstResult.boundingBox())!.y > leadBox.y);
        if (query === '2023 年第 35 期') await shoot(page, viewport, 'search-issue');
      }
      // Each year's issue 35 is listed for 第35期, newest first, and their items under them.
      await page.goto(`${server.origin}/search/?q=${encodeURIComponent('第35期')}`);
      await waitForSearch(page);
      const all = bulletin.issues.filter((issue) => issue.number === 35).reverse();
      assert.deepEqual(
        await page.locator('[data-search-lookup] a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname)),
        all.map((issue) => issueUrl(issue)),
      );
      assert.equal(await announcedCount(page), all.reduce((sum, issue) => sum + issue.items.length, 0));
      const firstItems = await page.locator('[data-search-results] > li h2 a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
      assert.deepEqual(firstItems, all[0]!.items.map((item) => itemUrl(all[0]!, item)).concat(all[1]!.items.map((item) => itemUrl(all[1]!, item))).slice(0, 10));
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  test("a department's other name finds its items in search and in the filter; its page shows the name (又称)", async () => {
    const department = bulletin.departments.find((entry) => entry.name === '区检察院')!;
    assert.deepEqual(department.aliases, ['区人民检察院']);
    const own = entries.filter(({ item }) => item.department === department.name).length;
    assert.ok(own > 20, `${own} items`);
    for (const viewport of viewports) {
      const { context, page, errors } = await open(viewport);
      await page.goto(`${server.origin}/search/?q=${encodeURIComponent('区人民检察院')}`);
      await waitForSearch(page, '区人民检察院');
      assert.equal(await announcedCount(page), truth('区人民检察院').size);
      assert.equal(truth('区人民检察院').size, own);
      assert.equal(await page.locator('[data-search-lookup] a').evaluate((link) => (link as HTMLAnchorElement).pathname), departmentUrl(department));
      for (const given of ['区人民检察院', department.slug]) {
        await page.goto(`${server.origin}/search/?department=${encodeURIComponent(given)}`);
        await waitForSearch(page);
        assert.equal(await page.inputValue('#search-department'), '区检察院');
        assert.equal(await announcedCount(page), own, given);
      }
      await page.goto(`${server.origin}${departmentUrl(department)}`);
      assert.equal(await page.locator('.aliases').textContent(), '又称：区人民检察院');
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  test('search finds every item that holds the query, one-character terms and several of them included', async (t) => {
    const queries = ['管', '检', '5 月', '区 检', '8 日', '63个', '余家企业', '区人民检察院'];
    const { context, page, errors } = await open(viewports[0]);
    await page.goto(`${server.origin}/search/`);
    let found = 0;
    let relevant = 0;
    for (const query of queries) {
      const terms = toQueryTerms(query);
      const expected = truth(query);
      // Every candidate Pagefind returns, with its text, fetched in the page; then verified as the page verifies.
      const candidates = await page.evaluate(async (pagefindQuery) => {
        const app = document.querySelector<HTMLElement>('[data-search-app]')!;
        const base = app.dataset.indexBase!;
        const bundles = app.dataset.bundles!.split(' ');
        type Result = { words: number[]; data(): Promise<{ url: string; meta: Record<string, string> }> };
        type Instance = { init(): Promise<void>; mergeIndex(url: string): Promise<void>; search(query: string): Promise<{ results: Result[] }> };
        const holder = window as unknown as { testIndex?: Instance };
        if (!holder.testIndex) {
          const module = (await import(`${base}${bundles[0]}/pagefind.js`)) as { createInstance(options: object): Instance };
          const index = module.createInstance({ basePath: `${base}${bundles[0]}/`, noWorker: true });
          await index.init();
          for (const bundle of bundles.slice(1)) await index.mergeIndex(`${base}${bundle}/`);
          holder.testIndex = index;
        }
        const { results } = await holder.testIndex.search(pagefindQuery);
        const out: { url: string; words: number[]; meta: Record<string, string> }[] = [];
        for (let start = 0; start < results.length; start += 250) {
          const batch = results.slice(start, start + 250);
          const fragments = await Promise.all(batch.map((result) => result.data()));
          fragments.forEach((fragment, index) => out.push({ url: fragment.url, words: batch[index]!.words, meta: fragment.meta }));
        }
        return out;
      }, toPagefindQuery(terms)!);
      const shown = candidates.filter(
        (candidate) =>
          isPlausibleByPositions(terms, candidate.words) &&
          matchesAllTerms(terms, toSearchableText({ headline: candidate.meta.title ?? '', text: candidate.meta.text ?? '', department: candidate.meta.department ?? '', aliases: candidate.meta.aliases?.split('、') ?? [] })),
      );
      const urls = new Set(shown.map((candidate) => candidate.url));
      const missed = [...expected].filter((url) => !urls.has(url));
      const wrong = [...urls].filter((url) => !expected.has(url));
      t.diagnostic(`${query}: ${urls.size} found of ${expected.size} (${candidates.length} candidates)`);
      assert.deepEqual({ query, missed: missed.length, wrong: wrong.length }, { query, missed: 0, wrong: 0 });
      found += urls.size;
      relevant += expected.size;
    }
    t.diagnostic(`recall ${found}/${relevant} over ${queries.length} queries`);
    // And the page announces exactly as many, without a word about single characters.
    for (const query of ['管', '5 月']) {
      await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
      await waitForSearch(page, query);
      assert.equal(await announcedCount(page), truth(query).size, query);
      assert.doesNotMatch((await page.locator('[data-search-status]').textContent()) ?? '', /单字/);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a first search loads at most 100 KB after the page', async (t) => {
    for (const query of ['红管家', '余家企业', '提标治理', '管', '5 月', '2023年第35期']) {
      const first = await measureFirstSearch(browser, outDir, { path: '/search/', input: '#search-q', result: '.search-result, .search-lookup:not([hidden])' }, query);
      t.diagnostic(`${query}: page ${(first.pageBytes / 1024).toFixed(1)} KB, first search ${(first.searchBytes / 1024).toFixed(1)} KB ${JSON.stringify(first.searchBreakdown)}`);
      assert.ok(first.searchBytes <= 100 * 1024, `${query}: ${first.searchBytes} bytes`);
    }
  });

  test('an item cites itself in full with its address, copies the citation, and describes itself by its first sentence', async () => {
    const { issue, item } = entries.find(({ issue }) => issue === newest)!;
    const url = `${baseUrl}${itemUrl(issue, item)}`;
    const citation = `《${issue.publication}》${issue.year} 年第 ${issue.number} 期《${item.headline}》（${item.department}），${url}`;
    for (const viewport of viewports) {
      const { context, page, errors } = await open(viewport, { permissions: ['clipboard-read', 'clipboard-write'] });
      await page.goto(`${server.origin}${itemUrl(issue, item)}`);
      assert.equal((await page.locator('[data-citation-text]').textContent())?.trim(), citation);
      await page.locator('[data-citation-copy]').click();
      await page.waitForFunction(() => document.querySelector('[data-citation-status]')?.textContent === '已复制到剪贴板。');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), citation);
      assert.equal(await page.locator('meta[name="description"]').getAttribute('content'), firstSentence(item.text));
      assert.equal(await page.locator('meta[property="og:url"]').getAttribute('content'), url);
      assert.equal(await page.locator('meta[property="og:title"]').getAttribute('content'), item.headline);
      await page.locator('.citation').scrollIntoViewIfNeeded();
      await shoot(page, viewport, 'item-citation');
      assert.deepEqual(errors, []);
      await context.close();
    }
    // Every page has its own description.
    const descriptions = new Set<string>();
    for (const file of ['index.html', 'issues/index.html', `issues/${newest.year}/index.html`, `${issueUrl(newest).slice(1)}index.html`, `${itemUrl(newest, newest.items[0]!).slice(1)}index.html`, 'departments/index.html', 'search/index.html']) {
      const html = await readFile(path.join(outDir, file), 'utf8');
      descriptions.add(/<meta name="description" content="([^"]*)"/.exec(html)![1]!);
    }
    assert.equal(descriptions.size, 7);
  });

  test('a printed issue numbers its pages — 1 —, — 2 — and ends with its address as text and as a QR code that scans to it', async (t) => {
    const { context, page, errors } = await open(viewports[0]);
    const issue = bulletin.issues.reduce((most, candidate) => (candidate.items.length > most.items.length ? candidate : most));
    const address = `${baseUrl}${issueUrl(issue)}`;
    await page.goto(`${server.origin}${issueUrl(issue)}`);
    // As a reader's print dialog does: the stylesheet's own page margins, where the page numbers go.
    const pdf = await page.pdf({ preferCSSPageSize: true, margin: { top: '2.5cm', bottom: '2.2cm', left: '2.6cm', right: '2.6cm' } });
    const pages = (await pdfPageTexts(pdf)).map((text) => text.normalize('NFKC').replace(/\s+/g, ''));
    t.diagnostic(`${issueUrl(issue)} (${issue.items.length} items) prints on ${pages.length} A4 pages`);
    assert.ok(pages.length >= 2);
    pages.forEach((text, index) => assert.ok(text.includes(`—${index + 1}—`), `page ${index + 1} is numbered`));
    // (NFKC made the full-width colon of 本页网址： a plain one; the PDF's text has 页 as the radical ⻚.)
    assert.ok(pages.at(-1)!.includes(`网址:${address}`), pages.at(-1));
    // The QR code, as printed, scans to the address.
    await page.emulateMedia({ media: 'print' });
    const qr = page.locator('.print-address__qr');
    assert.equal(await qr.isVisible(), true);
    const png = PNG.sync.read(await qr.screenshot({ scale: 'device' }));
    // jsqr is a CommonJS module whose function is also its `default`.
    assert.equal(jsqr.default(new Uint8ClampedArray(png.data), png.width, png.height)?.data, address);
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await qr.isVisible(), false);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('links look like links, 上一期 / 下一期 lead an issue, names stay whole on a phone, and the first search result is on the first screen', async () => {
    for (const viewport of viewports) {
      const { context, page, errors } = await open(viewport);
      await page.goto(`${server.origin}${issueUrl(newest)}`);
      const headline = page.locator('.issue-item__headline a').first();
      const style = () => headline.evaluate((link) => ({ ...getComputedStyle(link), after: getComputedStyle(link, '::after').content }));
      const body = await page.evaluate(() => getComputedStyle(document.querySelector('.item-body')!).color);
      const resting = await style();
      assert.match(resting.textDecorationLine, /underline/);
      assert.notEqual(resting.color, body, 'a headline link has the link colour, not the text colour');
      assert.equal(resting.after, '" ›"');
      await headline.hover();
      const hovered = await style();
      assert.notEqual(`${hovered.color} ${hovered.textDecorationColor}`, `${resting.color} ${resting.textDecorationColor}`, 'hovering changes the link');
      await headline.focus();
      assert.notEqual((await style()).outlineStyle, 'none');
      // 上一期 on the first screen, before the masthead.
      const previous = page.locator('.issue-tools a[rel="prev"]');
      assert.equal(await previous.evaluate((link) => (link as HTMLAnchorElement).pathname), issueUrl(bulletin.issues.at(-2)!));
      assert.ok((await previous.boundingBox())!.y < viewport.height);
      await shoot(page, viewport, 'issue-top');

      await page.goto(`${server.origin}/departments/`);
      const broken = await page.locator('.department-list__name > a').evaluateAll((links) => links.filter((link) => link.getClientRects().length !== 1).map((link) => link.textContent));
      assert.deepEqual(broken, [], 'department names that break over lines');
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
      await shoot(page, viewport, 'departments');

      await page.goto(`${server.origin}/search/?q=${encodeURIComponent('招商')}`);
      await waitForSearch(page, '招商');
      assert.equal(await page.locator('input[type="search"]').count(), 1, 'one search box on the search page');
      const first = (await page.locator('[data-search-results] > li').first().boundingBox())!;
      assert.ok(first.y + 40 <= viewport.height, `the first result's title starts at ${first.y} px of ${viewport.height}`);
      await shoot(page, viewport, 'search');
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  test('the search page does not jump while results arrive: its cumulative layout shift stays at most 0.05', async (t) => {
    for (const viewport of viewports) {
      for (const scenario of ['a link to a search', 'a link to an issue number', 'a query typed in']) {
        const { context, page, errors } = await open(viewport);
        const shifts = await watchLayoutShifts(page);
        if (scenario === 'a query typed in') {
          await page.goto(`${server.origin}/search/`);
          await page.waitForLoadState('networkidle');
          await page.click('#search-q');
          await page.keyboard.insertText('红管家');
          await waitForSearch(page, '红管家');
        } else {
          const query = scenario === 'a link to a search' ? '街道' : '2023年第35期';
          await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
          await waitForSearch(page, scenario === 'a link to a search' ? query : undefined);
        }
        // Late arrivals (the other fragments, the filters' counts) have time to land.
        await page.waitForTimeout(1500);
        const seen = await shifts();
        const cls = cumulativeShift(seen);
        t.diagnostic(`${scenario} at ${viewport.width} px: CLS ${cls.toFixed(4)} (${seen.length} shifts: ${seen.map((shift) => `${shift.value.toFixed(4)}${shift.hadRecentInput ? ' after input' : ''} ${shift.sources.join('+')}`).join('; ')})`);
        assert.ok(cls <= 0.05, `${scenario} at ${viewport.width} px: CLS ${cls}`);
        assert.deepEqual(errors, []);
        await context.close();
      }
    }
  });

  test('an issue with its printed original beside its file offers it for download, copied byte for byte', async () => {
    const original = await readFile(path.join(repoRoot, 'tests/fixtures/site/2023/034.pdf'));
    for (const viewport of viewports) {
      const { context, page, errors } = await open(viewport);
      await page.goto(`${server.origin}${issueUrl(newest)}`);
      const link = page.locator('.original-link a');
      assert.equal(await link.textContent(), '下载原件（PDF，1 KB）');
      assert.ok((await link.boundingBox())!.y < viewport.height, 'the download is on the first screen');
      const response = await page.request.get(new URL((await link.getAttribute('href'))!, server.origin).href);
      assert.equal(response.headers()['content-type'], 'application/pdf');
      assert.deepEqual(Buffer.from(await response.body()), original);
      // Issues without one offer none.
      await page.goto(`${server.origin}${issueUrl(bulletin.issues.at(-2)!)}`);
      assert.equal(await page.locator('.original-link').count(), 0);
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  test('every page type, search included, keeps to its content security policy and logs no error at both widths, and axe finds no serious violation on the lists', async (t: TestContext) => {
    const item = newest.items[0]!;
    const department = bulletin.departments.find((entry) => entry.name === '区检察院')!;
    const pages = [
      { path: '/' },
      { path: '/issues/', axe: true },
      { path: `/issues/${newest.year}/`, axe: true },
      { path: issueUrl(newest) },
      { path: itemUrl(newest, item) },
      { path: `${itemUrl(newest, item)}?highlight=${encodeURIComponent(item.headline.slice(0, 2))}`, ready: 'mark.search-hit' },
      { path: '/departments/', axe: true },
      { path: departmentUrl(department), axe: true },
      { path: departmentUrl(department, 2) },
      { path: '/search/', ready: '[data-search-status]:not(:empty)' },
      { path: `/search/?q=${encodeURIComponent('招商')}&sort=date`, ready: '[data-search-results][aria-busy="false"] > li' },
      { path: `/search/?q=${encodeURIComponent('第35期')}`, ready: '[data-search-lookup]:not([hidden])', axe: true },
      { path: '/no-such-page/', status: 404 },
    ];
    for (const viewport of viewports) {
      for (const entry of pages) {
        const { context, page, errors } = await open(viewport);
        const violations = await watchCspViolations(page);
        const response = await page.goto(`${server.origin}${entry.path}`);
        assert.equal(response?.status(), entry.status ?? 200, entry.path);
        if (entry.ready) await page.waitForSelector(entry.ready, { timeout: 30_000 });
        assert.deepEqual(await violations(), [], `${entry.path} at ${viewport.width} px`);
        const expectedErrors = entry.status === 404 ? errors.filter((error) => !error.includes('404')) : errors;
        assert.deepEqual(expectedErrors, [], entry.path);
        // axe reads the same markup at both widths: once, at 1280 px (on /issues/ alone it takes ~7 s).
        if (entry.axe && viewport.width === 1280) {
          const { violations: found } = await new AxeBuilder({ page }).analyze();
          const serious = found.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.nodes.length} nodes`);
          assert.deepEqual(serious, [], `axe on ${entry.path} at ${viewport.width} px`);
        }
        await context.close();
      }
    }
    t.diagnostic(`${pages.length} page types at ${viewports.length} widths`);
  });
});
