import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { BASE, DIST } from './dist';
import { serveDirectory, type StaticServer } from './static-server';

/** Debian's Chromium, which `.ci/run` installs; playwright-core downloads no browser of its own. */
export const CHROMIUM = process.env.CHAMBER_CHROMIUM ?? '/usr/bin/chromium';

/** Starts headless Chromium with nothing running in the background that could make a test slow or flaky. */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * The built site served under its base path (with its own _headers, so pages run under the Content Security Policy
 * they are deployed with) and Chromium open, for the tests of one file: started before them, closed after them.
 */
export function servedSite(): { readonly server: StaticServer; readonly browser: Browser } {
  const site = {} as { server: StaticServer; browser: Browser };
  beforeAll(async () => {
    site.server = await serveDirectory(DIST, { base: BASE });
    site.browser = await launchChromium();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/**
 * Collects what should never happen on a page: script errors, console errors (a Content Security Policy refusal
 * is one), and requests that fail or get an error status. Read `problems` after the page has been used.
 */
export function watchForErrors(page: Page): { problems: string[] } {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('requestfailed', (request) => {
    // Aborted means the page moved on (a link was followed) before a lazy image finished: not a fault of the site.
    const reason = request.failure()?.errorText;
    if (reason !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} (${reason})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { problems };
}

/**
 * A few open tabs shared by many tests: opening a tab per test costs more than the check it runs. `use` lends a
 * tab with a fresh error log; as many tests run at once as there are tabs.
 */
export function tabPool(context: BrowserContext, size = 4) {
  const idle: Array<{ page: Page; errors: { problems: string[] } }> = [];
  const waiting: Array<() => void> = [];
  let open = 0;
  const acquire = async () => {
    for (;;) {
      const tab = idle.pop();
      if (tab) return tab;
      if (open < size) {
        open++;
        const page = await context.newPage();
        return { page, errors: watchForErrors(page) };
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };
  return {
    async use<T>(fn: (page: Page, problems: string[]) => Promise<T>): Promise<T> {
      const tab = await acquire();
      tab.errors.problems.length = 0;
      try {
        return await fn(tab.page, tab.errors.problems);
      } finally {
        idle.push(tab);
        waiting.shift()?.();
      }
    },
  };
}
