import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Item } from '../src/model/schema.ts';
import { itemUrl } from '../src/site/urls.ts';
import { collectPageErrors, launchChromium } from './support/browser.ts';
import { buildSearchSite, repoRoot, type SearchSite } from './support/search-site.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';

const querySetDir = path.join(repoRoot, 'tests/fixtures/search/query-set');

let site: SearchSite;
let server: StaticServer;
let browser: Browser;
/** Item id by URL path, and every item with its department. */
let idByUrl: Map<string, string>;
let items: Item[];

before(async () => {
  site = await buildSearchSite();
  server = await serveStatic(site.outDir);
  browser = await launchChromium();
  idByUrl = new Map(site.bulletin.issues.flatMap((issue) => issue.items.map((item) => [itemUrl(issue, item), item.id] as const)));
  items = site.bulletin.issues.flatMap((issue) => issue.items);
});
after(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

/**
 * The substring truth, written independently of src/search: NFKC, lower
 * case, whitespace next to a Chinese character dropped; every
 * space-separated term must occur in headline, text, department or one of
 * the department's other names.
 */
function truth(query: string): string[] {
  const normalize = (text: string) =>
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/\s+/gu, ' ')
      .replace(/ (?=\p{Script=Han})|(?<=\p{Script=Han}) /gu, '');
  const terms = query.normalize('NFKC').toLowerCase().split(/\s+/u).filter(Boolean);
  return items
    .filter((item) => {
      const aliases = site.bulletin.departments.find((department) => department.name === item.department)?.aliases ?? [];
      const text = normalize([item.headline, item.text, item.department, ...aliases].join('\n'));
      return terms.length > 0 && terms.every((term) => text.includes(term));
    })
    .map((item) => item.id);
}

async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  return { page, errors: collectPageErrors(page) };
}

/**
 * Waits until the search page has finished the search for `query` (the status
 * names it); `null`: any search but the empty page's (the status names an
 * issue rather than the query when the query names one).
 */
async function waitForResults(page: Page, query?: string | null): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const status = document.querySelector('[data-search-status]')?.textContent ?? '';
      const busy = document.querySelector('[data-search-results]')?.getAttribute('aria-busy');
      // The prompt (请输入…) is the answer only to an empty query: for any other it is an earlier state.
      const answers =
        expected === undefined ? true : expected === null ? !status.startsWith('请输入') && !status.startsWith('正在') : expected === '' ? status.includes('请输入') : status.includes(`“${expected}”`);
      return busy === 'false' && status !== '' && answers;
    },
    query === undefined ? undefined : query === null ? null : query.trim(),
    { timeout: 15_000 },
  );
}

/** Clicks 加载更多 until every result is shown; returns the item ids in order. */
async function allResultIds(page: Page): Promise<string[]> {
  for (let guard = 0; guard < 50 && (await page.locator('[data-search-more]').isVisible()); guard++) {
    const before = await page.locator('[data-search-results] > li').count();
    await page.locator('[data-search-more]').click();
    await waitForResults(page);
    assert.ok((await page.locator('[data-search-results] > li').count()) > before, '加载更多 added results');
  }
  const hrefs = await page.locator('[data-search-results] > li h2 a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
  return hrefs.map((href) => idByUrl.get(href) ?? `unknown ${href}`);
}

/** The count the status line announces (找到…N 条), or 0 for 没有找到. */
async function announcedCount(page: Page): Promise<number> {
  const status = (await page.locator('[data-search-status]').textContent()) ?? '';
  return Number(/ (\d+) 条/.exec(status)?.[1] ?? (status.includes('没有') ? 0 : NaN));
}

describe('search in the browser', () => {
  test('the query set finds exactly the items that contain each query: recall and precision are 100%', async () => {
    const queries = (await readFile(path.join(querySetDir, 'queries.txt'), 'utf8'))
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    const expected = Object.fromEntries(queries.map((query) => [query, truth(query)]));
    const expectedFile = path.join(querySetDir, 'expected.json');
    if (process.env.UPDATE) await writeFile(expectedFile, `${JSON.stringify(expected, null, 2)}\n`);
    assert.deepEqual(expected, JSON.parse(await readFile(expectedFile, 'utf8')), 'the substring truth changed: check it, then UPDATE=1');
    assert.ok(queries.filter((query) => expected[query]!.length > 0).length >= queries.length - 2, 'almost every query must have items to find');

    const { page, errors } = await newPage();
    await page.goto(`${server.origin}/search/`);
    let found = 0;
    let relevant = 0;
    let correct = 0;
    const mismatches: string[] = [];
    for (const query of queries) {
      await page.fill('#search-q', query);
      await waitForResults(page, query);
      const ids = await allResultIds(page);
      const want = expected[query]!;
      found += ids.length;
      relevant += want.length;
      correct += ids.filter((id) => want.includes(id)).length;
      if ([...ids].sort().join() !== [...want].sort().join() || new Set(ids).size !== ids.length) {
        mismatches.push(`${query}: found [${ids.join(', ')}], expected [${want.join(', ')}]`);
      }
      assert.equal(await announcedCount(page), ids.length, `the announced count for ${query}`);
    }
    const recall = relevant === 0 ? 1 : correct / relevant;
    const precision = found === 0 ? 1 : correct / found;
    assert.deepEqual(mismatches, []);
    assert.equal(recall, 1);
    assert.equal(precision, 1);
    assert.ok(relevant > 50, `the query set exercises ${relevant} expected results`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('searching 红管家 lists the 济源路街道 item first, with the match marked', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent('红管家')}`);
    await waitForResults(page, '红管家');
    const ids = await allResultIds(page);
    assert.deepEqual(ids, ['2023-035-01', '2024-003-01']);
    const first = page.locator('[data-search-results] > li').first();
    assert.match((await first.locator('.search-result__meta').textContent()) ?? '', /^济源路街道 · 2023 年第 35 期 · 2023 年 6 月 1 日$/);
    assert.deepEqual(await first.locator('.search-result__excerpt mark').allTextContents(), ['红管家', '红管家']);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a query of single characters finds every item that has them, and says nothing of single characters', async () => {
    const { page, errors } = await newPage();
    for (const query of ['管', '5 月']) {
      await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
      await waitForResults(page, query);
      assert.deepEqual((await allResultIds(page)).sort(), truth(query).sort(), query);
      assert.doesNotMatch((await page.locator('[data-search-status]').textContent()) ?? '', /单字/);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('an issue number or date typed in the box leads with that issue, and lists its items', async () => {
    const { page, errors } = await newPage();
    const lookup = page.locator('[data-search-lookup]');
    const issue35 = site.bulletin.issues.find((issue) => issue.year === 2023 && issue.number === 35)!;
    for (const query of ['第35期', '35期', '2023年第35期', '2023 年第 35 期', '2023-06-01', '2023年6月1日', '第三十五期']) {
      await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
      await waitForResults(page, null);
      assert.equal(await lookup.isVisible(), true, query);
      assert.deepEqual(await lookup.locator('a').evaluateAll((links) => links.map((link) => [(link as HTMLAnchorElement).pathname, link.textContent])), [['/issues/2023/35/', '2023 年第 35 期']], query);
      assert.match((await lookup.textContent()) ?? '', /2023 年 6 月 1 日 · 8 条信息/);
      assert.equal(await page.locator('[data-search-status]').textContent(), '刊期 2023 年第 35 期（见下）：共 8 条信息。', query);
      // Its items follow, in the issue's order; the lookup stands between the status and them.
      assert.deepEqual(await allResultIds(page), issue35.items.map((item) => item.id), query);
      assert.equal(await page.evaluate(() => document.querySelector('[data-search-lookup]')!.compareDocumentPosition(document.querySelector('[data-search-results]')!) & Node.DOCUMENT_POSITION_FOLLOWING), 4);
    }
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent('2023年第99期')}`);
    await waitForResults(page, null);
    assert.equal(await lookup.textContent(), '刊期档案中没有 2023 年第 99 期。');
    assert.equal(await page.locator('[data-search-status]').textContent(), '档案中没有 2023 年第 99 期。');
    // A reference leads to the issue itself.
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent('第40期')}`);
    await waitForResults(page, null);
    await lookup.locator('a').first().click();
    await page.waitForURL((url) => url.pathname === '/issues/2022/40/');
    // Other queries have no lookup.
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent('招商')}`);
    await waitForResults(page, '招商');
    assert.equal(await lookup.isVisible(), false);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a department's other name finds its items, leads with the department, and filters by it, as its slug does", async () => {
    const { page, errors } = await newPage();
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent('区人民检察院')}`);
    await waitForResults(page, '区人民检察院');
    const byDepartment = site.bulletin.issues.flatMap((issue) => issue.items).filter((item) => item.department === '区检察院').map((item) => item.id);
    assert.deepEqual((await allResultIds(page)).sort(), byDepartment.sort());
    assert.ok(byDepartment.length >= 2);
    const lookup = page.locator('[data-search-lookup]');
    assert.equal(await lookup.textContent(), `部门区检察院（又称区人民检察院），共 ${byDepartment.length} 条信息`);
    assert.equal(await lookup.locator('a').evaluate((link) => (link as HTMLAnchorElement).pathname), '/departments/qujianchayuan/');
    for (const given of ['区人民检察院', 'qujianchayuan']) {
      await page.goto(`${server.origin}/search/?department=${encodeURIComponent(given)}`);
      await waitForResults(page);
      assert.equal(await page.inputValue('#search-department'), '区检察院', given);
      assert.equal(new URL(page.url()).searchParams.get('department'), '区检察院', given);
      assert.deepEqual((await allResultIds(page)).sort(), byDepartment.sort(), given);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the filters count the results per department and year, and a department filter narrows them and goes into the URL', async () => {
    const { page, errors } = await newPage();
    const requestsBefore = server.requests.length;
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent('招商')}`);
    await waitForResults(page, '招商');
    assert.deepEqual((await allResultIds(page)).sort(), truth('招商').sort());
    // Until the reader reaches for a filter, the values have no counts (the lists are not loaded).
    assert.equal(await page.locator('#search-department option[value="新安路街道"]').textContent(), '新安路街道');
    const filterLists = () => server.requests.slice(requestsBefore).filter((request) => request.path.endsWith('.pf_filter')).length;
    assert.equal(filterLists(), 0, 'no filter list is loaded before the filters are used');
    // Then they count the query's results per value, once their lists have loaded.
    await page.focus('#search-department');
    await page.waitForFunction(() => document.querySelector('#search-department option[value="新安路街道"]')?.textContent === '新安路街道（2）');
    assert.ok(filterLists() > 0);
    const label = (value: string) => page.locator(`#search-department option[value="${value}"]`).textContent();
    assert.equal(await label('峡窝镇'), '峡窝镇（1）');
    assert.equal(await label('济源路街道'), '济源路街道（0）');
    assert.equal(await page.locator('#search-year option[value="2022"]').textContent(), '2022 年（1）');
    await page.selectOption('#search-department', '新安路街道');
    await page.waitForURL((url) => url.searchParams.get('department') === '新安路街道');
    await waitForResults(page, '招商');
    const ids = await allResultIds(page);
    const wanted = items.filter((item) => item.department === '新安路街道' && truth('招商').includes(item.id)).map((item) => item.id);
    assert.deepEqual(ids.sort(), wanted.sort());
    assert.equal(wanted.length, 2);

    // 工业路街道's item holds 余家, 家企 and 企业 apart: Pagefind's per-value
    // counts would include it, so the values are shown without numbers.
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent('余家企业')}`);
    await waitForResults(page, '余家企业');
    assert.deepEqual(await allResultIds(page), ['2023-035-06']);
    await page.hover('#search-year');
    await page.waitForSelector('form[data-filter-counts="none"]');
    assert.equal(await label('工业路街道'), '工业路街道');
    assert.equal(await label('市生态环境局上街分局'), '市生态环境局上街分局');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the first result shows while the fragments of the others are still on their way', async () => {
    const { page, errors } = await newPage();
    // The first fragment asked for (the first result's) goes through; the others wait until released.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    await page.route('**/*.pf_fragment', async (route) => {
      if (asked++ > 0) await released;
      await route.continue();
    });
    await page.goto(`${server.origin}/search/?kind=${encodeURIComponent('文章')}`);
    await page.waitForSelector('[data-search-results] > li', { timeout: 10_000 });
    assert.equal(await page.locator('[data-search-results] > li').count(), 1);
    assert.equal(await page.locator('[data-search-results]').getAttribute('aria-busy'), 'true');
    release();
    await waitForResults(page);
    assert.equal(await page.locator('[data-search-results] > li').count(), 10);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a department can be browsed without a query, newest first, with 加载更多', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${server.origin}/search/?kind=${encodeURIComponent('文章')}`);
    await waitForResults(page);
    assert.equal(await page.locator('[data-search-results] > li').count(), 10);
    assert.equal(await page.locator('[data-search-more]').isVisible(), true);
    await page.locator('[data-search-more]').click();
    await waitForResults(page);
    assert.equal(await page.locator('[data-search-more]').isVisible(), false);
    const articles = items.filter((item) => item.kind === 'article').length;
    assert.equal(await page.locator('[data-search-results] > li').count(), articles);
    // Focus moves to the first added result, so a keyboard reader continues there.
    assert.equal(await page.evaluate(() => document.activeElement?.closest('li') === document.querySelectorAll('[data-search-results] > li')[10]), true);
    const dates = await page.locator('[data-search-results] time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
    assert.deepEqual(dates, [...dates].sort().reverse());

    await page.goto(`${server.origin}/search/?department=${encodeURIComponent('区农委')}`);
    await waitForResults(page);
    assert.deepEqual(await allResultIds(page), ['2023-035-05', '2022-040-02']);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a deep link restores the query, the filters and the order', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent('街道')}&year=2023&kind=${encodeURIComponent('文章')}&sort=date`);
    await waitForResults(page, '街道');
    assert.equal(await page.inputValue('#search-q'), '街道');
    assert.equal(await page.inputValue('#search-year'), '2023');
    assert.equal(await page.inputValue('#search-kind'), '文章');
    assert.equal(await page.inputValue('#search-department'), '');
    assert.equal(await page.inputValue('#search-sort'), 'date');
    assert.deepEqual(await allResultIds(page), ['2023-035-01', '2023-035-02']);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the back button returns to the previous search', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${server.origin}/search/`);
    await page.fill('#search-q', '招商');
    await page.press('#search-q', 'Enter');
    await waitForResults(page, '招商');
    // This time the search runs from typing alone before Enter: still a history entry of its own.
    await page.fill('#search-q', '管家');
    await page.waitForURL((url) => url.searchParams.get('q') === '管家');
    await waitForResults(page, '管家');
    await page.press('#search-q', 'Enter');
    await waitForResults(page, '管家');
    assert.equal(new URL(page.url()).searchParams.get('q'), '管家');
    await page.goBack();
    await waitForResults(page, '招商');
    assert.equal(new URL(page.url()).searchParams.get('q'), '招商');
    assert.equal(await page.inputValue('#search-q'), '招商');
    assert.deepEqual((await allResultIds(page)).sort(), truth('招商').sort());
    await page.goForward();
    await waitForResults(page, '管家');
    assert.deepEqual((await allResultIds(page)).sort(), truth('管家').sort());
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the search form works from the keyboard alone, and a result leads to the item with the match highlighted', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${server.origin}/`);
    // The header's search box on every page leads to /search/.
    await page.fill('#site-search-q', '余家企业');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL((url) => url.pathname === '/search/');
    await waitForResults(page, '余家企业');
    assert.deepEqual(await allResultIds(page), ['2023-035-06']);

    await page.fill('#search-q', '');
    await page.focus('#search-q');
    await page.keyboard.type('提标治理');
    await waitForResults(page, '提标治理');
    // Tab from the box through the form to the first result, then follow it.
    for (let guard = 0; guard < 12; guard++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => Boolean(document.activeElement?.closest('[data-search-results]')))) break;
    }
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), '市生态环境局上街分局“三聚焦”持续优化营商环境');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/issues/2023/35/6/');
    assert.equal(new URL(page.url()).searchParams.get('highlight'), '提标治理');
    await page.waitForSelector('mark.search-hit');
    assert.deepEqual(await page.locator('[data-pagefind-body] mark.search-hit').allTextContents(), ['提标治理']);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("an item's 复制引用 button copies its citation and address; without script the citation is plain text", async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.origin}/issues/2023/35/1/`);
    const button = page.locator('[data-citation-copy]');
    await button.click();
    await page.waitForFunction(() => document.querySelector('[data-citation-status]')?.textContent === '已复制到剪贴板。');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, `《上街信息》2023 年第 35 期《济源路街道“无主管”楼院治理服务再升级》（济源路街道），https://www.example.org/issues/2023/35/1/`.replace('https://www.example.org', (await page.locator('.citation__url').textContent())!.replace(/\/issues\/.*$/, '')));
    assert.deepEqual(errors, []);
    await context.close();

    const plain = await browser.newContext({ javaScriptEnabled: false });
    const still = await plain.newPage();
    await still.goto(`${server.origin}/issues/2023/35/1/`);
    assert.equal(await still.locator('[data-citation-copy]').isVisible(), false);
    assert.match((await still.locator('[data-citation-text]').textContent()) ?? '', /^《上街信息》2023 年第 35 期《济源路街道“无主管”楼院治理服务再升级》（济源路街道），http/);
    await plain.close();
  });

  test('with JavaScript off the search page says so and links the department and year pages', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent('招商')}`);
    assert.equal(await page.locator('[data-search-app]').isVisible(), false);
    const noscript = page.locator('.search-noscript');
    assert.match((await noscript.textContent()) ?? '', /需要浏览器启用 JavaScript/);
    const links = await noscript.locator('a').evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).pathname));
    assert.ok(links.includes('/departments/jiyuanlu-jiedao/'), links.join(' '));
    assert.ok(links.includes('/issues/2022/') && links.includes('/issues/2024/'), links.join(' '));
    for (const link of links) {
      const response = await page.request.get(`${server.origin}${link}`);
      assert.equal(response.status(), 200, link);
    }
    await context.close();
  });
});
