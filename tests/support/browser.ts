/**
 * Launches Debian's Chromium through playwright-core, as every browser test
 * must: never a downloaded browser, and a clear failure when it is missing.
 */
import { access, constants } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';

/** The flags every test launch uses: headless, no sandbox (containers), nothing phoning home. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `$CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/**
 * Starts Chromium, or throws (so the test fails, never skips) with the command
 * that installs it.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  try {
    await access(executablePath, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium is not installed at ${executablePath}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH to its executable)`,
    );
  }
  return chromium.launch({ executablePath, args: chromiumArgs });
}

/**
 * Collects every console error, page error and failed request of a page, so a
 * test can assert that none happened.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${page.url()})`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message} (${page.url()})`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    // Leaving a page cancels what it was still loading (a favicon, say): not an error.
    if (reason !== 'net::ERR_ABORTED') errors.push(`request failed: ${request.url()} ${reason}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return errors;
}

/**
 * Records every Content-Security-Policy violation of a page (its
 * `securitypolicyviolation` events, in every document it loads); call before
 * the page's first navigation. The returned function reads those so far:
 * `directive blocked-URI (page)`, one each.
 */
export async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  const seen: string[] = [];
  await page.exposeFunction('reportCspViolation', (violation: string) => seen.push(violation));
  // Source text, so that tsx adds none of its helpers to what runs in the page.
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', (event) => {
    window.reportCspViolation(event.violatedDirective + ' ' + (event.blockedURI || 'inline') + ' (' + location.pathname + ')');
  });`);
  return async () => {
    // Events are delivered asynchronously: let any pending one arrive.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
    return [...seen];
  };
}

/** A layout shift the page made, as its `layout-shift` performance entry says. */
export interface LayoutShift {
  value: number;
  /** Within 500 ms of the reader's input: not counted in the cumulative layout shift. */
  hadRecentInput: boolean;
  /** The elements that moved (tag and class). */
  sources: string[];
}

/**
 * Records the layout shifts of every document the page loads (its
 * `layout-shift` entries, from a PerformanceObserver); call before the first
 * navigation. The returned function reads the current document's shifts.
 */
export async function watchLayoutShifts(page: Page): Promise<() => Promise<LayoutShift[]>> {
  await page.addInitScript(`(() => {
    const shifts = [];
    window.layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        shifts.push({
          value: entry.value,
          hadRecentInput: entry.hadRecentInput,
          sources: (entry.sources || []).map((source) => source.node ? source.node.nodeName + (source.node.className ? '.' + source.node.className : '') : '?'),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  })();`);
  return () => page.evaluate(() => [...(window as unknown as { layoutShifts: LayoutShift[] }).layoutShifts]);
}

/** The cumulative layout shift of `shifts`: the sum of those not caused by input (an upper bound of the windowed CLS). */
export function cumulativeShift(shifts: readonly LayoutShift[]): number {
  return shifts.filter((shift) => !shift.hadRecentInput).reduce((sum, shift) => sum + shift.value, 0);
}
