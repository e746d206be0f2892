import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { collectPageErrors, launchChromium, watchCspViolations } from './support/browser.ts';
import { buildSearchSite, type SearchSite } from './support/search-site.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';

let site: SearchSite;
let server: StaticServer;
let browser: Browser;

before(async () => {
  site = await buildSearchSite();
  server = await serveStatic(site.outDir);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

/** The pages a reader meets, each in the state it is checked in: every page type of the site. */
const pages = [
  { name: 'home', path: '/' },
  { name: 'archive index', path: '/issues/' },
  { name: 'year', path: '/issues/2023/' },
  { name: 'issue', path: '/issues/2023/35/' },
  { name: 'item', path: '/issues/2023/35/1/' },
  { name: 'departments index', path: '/departments/' },
  { name: 'item reached from a search result', path: `/issues/2023/35/1/?highlight=${encodeURIComponent('红管家')}`, ready: 'mark.search-hit' },
  { name: 'department', path: '/departments/jiyuanlu-jiedao/' },
  { name: 'search, empty', path: '/search/', ready: '[data-search-status]:not(:empty)' },
  { name: 'search with results', path: `/search/?q=${encodeURIComponent('街道')}&sort=date`, ready: '[data-search-results][aria-busy="false"] > li' },
  { name: 'search browsing a department', path: `/search/?department=${encodeURIComponent('区农委')}`, ready: '[data-search-results][aria-busy="false"] > li' },
  { name: 'search leading with an issue', path: `/search/?q=${encodeURIComponent('2023年第35期')}`, ready: '[data-search-lookup]:not([hidden])' },
  { name: 'search leading with a department', path: `/search/?q=${encodeURIComponent('区人民检察院')}`, ready: '[data-search-lookup]:not([hidden])' },
  { name: 'missing', path: '/issues/1999/1/', status: 404 },
];

describe('accessibility, errors and the content security policy in the browser', () => {
  for (const { name, path, ready, status = 200 } of pages) {
    test(`axe finds no serious or critical violation, and the page logs no error and breaks no rule of its CSP, on the ${name} page`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      const cspViolations = await watchCspViolations(page);
      const response = await page.goto(`${server.origin}${path}`);
      assert.equal(response?.status(), status);
      if (ready) await page.waitForSelector(ready, { timeout: 15_000 });
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      assert.deepEqual(serious, []);
      // The missing page's own 404 is what it is there for; nothing else may fail.
      assert.deepEqual(errors.filter((error) => !(status === 404 && error.startsWith(`HTTP 404: ${server.origin}${path}`)) && !(status === 404 && error.includes('404 (Not Found)'))), []);
      assert.deepEqual(await cspViolations(), []);
      assert.match((await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '', /script-src 'self' 'wasm-unsafe-eval'/);
      await context.close();
    });
  }

  test('the CSP watch does catch a violation: an inline script on a page of the site is blocked and reported', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cspViolations = await watchCspViolations(page);
    // The home page as built, with an inline script slipped in (as an injected issue text would be, if it were not escaped).
    await page.route(`${server.origin}/`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace('</main>', '<script>document.title = "pwned"</script></main>') });
    });
    await page.goto(`${server.origin}/`);
    assert.notEqual(await page.title(), 'pwned');
    assert.deepEqual(await cspViolations(), ["script-src-elem inline (/)"]);
    await context.close();
  });
});
