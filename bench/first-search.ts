/**
 * The first search a reader makes, measured in headless Chromium: the bytes
 * the site sends (page load, then the search) and the time from the query's
 * input event to the results showing it.
 */
import type { Browser } from 'playwright-core';
import { serveStatic, type StaticServer } from '../tests/support/static-server.ts';

type Sent = StaticServer['requests'][number];

/** Where a site's search page is and how to recognise its box and its results. */
export interface SearchPage {
  /** Path of the search page, e.g. `/search/`. */
  path: string;
  /** CSS selector of the search box. */
  input: string;
  /** CSS selector of one result. */
  result: string;
}

/** The stock Pagefind UI of the baseline's /search/ page. */
export const pagefindUiSearch: SearchPage = {
  path: '/search/',
  input: '.pagefind-ui__search-input',
  // Pagefind UI shows skeleton results while their fragments load: a result counts once it has its link.
  result: '.pagefind-ui__result:has(.pagefind-ui__result-link)',
};

/** One first search. */
export interface FirstSearch {
  /** Bytes sent to load the search page (HTML, CSS, JS and whatever it preloads). */
  pageBytes: number;
  /** Bytes sent from the query's input until its results show, plus a settling delay. */
  searchBytes: number;
  /** Of those, the bytes sent by the time the first result was in the DOM. */
  bytesToResults: number;
  /** The search's bytes by kind of file. */
  searchBreakdown: Record<string, number>;
  /** ms from the input event to the first result in the DOM. */
  timeToResults: number;
  /** Number of results shown 0.5 s after the first one. */
  results: number;
  /** Whether the first result contains the query as typed (a substring match). */
  firstHasQuery: boolean;
}

/**
 * Serves `siteDir`, opens its search page in a fresh browser context (empty
 * cache) and commits `query` into the box at once, as a Chinese input method
 * does (one input event for the whole word), so no result of a partial query
 * can be mistaken for the answer. Times in-page, from that event to the moment
 * the first result is in the DOM.
 */
export async function measureFirstSearch(browser: Browser, siteDir: string, page: SearchPage, query: string): Promise<FirstSearch> {
  const host = await serveStatic(siteDir, { gzip: true });
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    await tab.goto(`${host.origin}${page.path}`, { waitUntil: 'networkidle' });
    await tab.waitForSelector(page.input, { state: 'visible', timeout: 30_000 });
    const pageBytes = sum(host.requests);
    const loaded = host.requests.length;

    await tab.evaluate(recorder(page.result, query));
    await tab.click(page.input);
    await tab.keyboard.insertText(query);
    await tab.waitForFunction(() => (window as unknown as { benchSearch: { shown: number } }).benchSearch.shown > 0, undefined, { timeout: 60_000 });
    const bytesToResults = sum(host.requests.slice(loaded));
    // Result fragments and highlights may still be on their way: let them land.
    await tab.waitForTimeout(500);
    const state = await tab.evaluate(() => (window as unknown as { benchSearch: { input: number; shown: number; firstHasQuery: boolean } }).benchSearch);
    // Counted after the wait: results may appear one by one as their fragments arrive.
    const results = await tab.locator(page.result).count();
    const searched = host.requests.slice(loaded);
    return {
      pageBytes,
      searchBytes: sum(searched),
      bytesToResults,
      searchBreakdown: breakdown(searched),
      timeToResults: state.shown - state.input,
      results,
      firstHasQuery: state.firstHasQuery,
    };
  } finally {
    await context.close();
    await host.close();
  }
}

/**
 * The in-page recorder, as source text: tsx would wrap a function's inner
 * names in a helper that does not exist in the page.
 */
function recorder(result: string, query: string): string {
  return `(() => {
    const state = { input: 0, shown: 0, firstHasQuery: false };
    window.benchSearch = state;
    const result = ${JSON.stringify(result)};
    const query = ${JSON.stringify(query)};
    document.addEventListener('input', () => { state.input = performance.now(); }, true);
    new MutationObserver(() => {
      if (state.input === 0 || state.shown !== 0) return;
      const first = document.querySelector(result);
      if (first) {
        state.shown = performance.now();
        state.firstHasQuery = first.textContent.includes(query);
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  })()`;
}

function sum(sent: readonly Sent[]): number {
  return sent.reduce((total, entry) => total + entry.bytes, 0);
}

/** Groups Pagefind's files by role: runtime (JS, wasm), meta (entry, metadata), index (index chunks), filters (filter lists), fragments, other. */
function breakdown(sent: readonly Sent[]): Record<string, number> {
  const groups: Record<string, number> = {};
  for (const entry of sent) {
    const kind = /\.pf_fragment$/.test(entry.path)
      ? 'fragments'
      : /\.pf_index$/.test(entry.path)
        ? 'index'
        : /\.pf_filter$/.test(entry.path)
          ? 'filters'
          : /\.pf_meta$|pagefind-entry\.json$/.test(entry.path)
            ? 'meta'
            : /pagefind[^/]*\.js$|\.pagefind$|wasm/.test(entry.path)
              ? 'runtime'
              : 'other';
    groups[kind] = (groups[kind] ?? 0) + entry.bytes;
  }
  return groups;
}
