import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { collectPageErrors, launchChromium } from './support/browser.ts';
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

/** The pages a reader meets, each in the state it is checked in. */
const pages = [
  { name: 'home', path: '/' },
  { name: 'issue', path: '/issues/2023/35/' },
  { name: 'item', path: '/issues/2023/35/1/' },
  { name: 'item reached from a search result', path: `/issues/2023/35/1/?highlight=${encodeURIComponent('红管家')}`, ready: 'mark.search-hit' },
  { name: 'department', path: '/departments/jiyuanlu-jiedao/' },
  { name: 'search, empty', path: '/search/', ready: '[data-search-status]:not(:empty)' },
  { name: 'search with results', path: `/search/?q=${encodeURIComponent('街道')}&sort=date`, ready: '[data-search-results][aria-busy="false"] > li' },
  { name: 'search browsing a department', path: `/search/?department=${encodeURIComponent('区农委')}`, ready: '[data-search-results][aria-busy="false"] > li' },
];

describe('accessibility and errors in the browser', () => {
  for (const { name, path, ready } of pages) {
    test(`axe finds no serious or critical violation, and the page logs no error, on the ${name} page`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      const response = await page.goto(`${server.origin}${path}`);
      assert.equal(response?.status(), 200);
      if (ready) await page.waitForSelector(ready, { timeout: 15_000 });
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      assert.deepEqual(serious, []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
