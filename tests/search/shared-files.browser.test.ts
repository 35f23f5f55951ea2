import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { filesWith, siteFileCounts } from '../../scripts/build/host-limit';
import { indexedPages, indexSite, maxFragments } from '../../scripts/search-index';
import { withBase } from '../../src/model/url';
import { launchChromium } from '../helpers/browser';
import { BASE, DIST } from '../helpers/dist';
import { siteFiles } from '../helpers/site-tree';
import { storedFragments } from '../helpers/pagefind';
import { serveDirectory, type StaticServer } from '../helpers/static-server';

/**
 * `pagesPerSearchFile`: the built site indexed again with three pages sharing each file of search text, as a site
 * whose host limits files would be, must find and show exactly what the site with a file per page does.
 */
const SHARED = 3;
const scratch = mkdtempSync(join(tmpdir(), 'chamber-shared-'));
const shared = join(scratch, 'site');
const count = (dir: string) => siteFiles(dir).length;
const parts = readdirSync(join(DIST, 'pagefind'));
const quiet = () => {};

let browser: Browser;
let servers: { own: StaticServer; shared: StaticServer };
beforeAll(async () => {
  cpSync(DIST, shared, { recursive: true });
  indexSite(shared, { out: quiet, err: quiet }, SHARED);
  servers = { own: await serveDirectory(DIST, { base: BASE }), shared: await serveDirectory(shared, { base: BASE }) };
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await servers?.own.close();
  await servers?.shared.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** The addresses of the pages a part's index holds. */
const storedUrls = (site: string, part: string): string[] => storedFragments(join(site, 'pagefind', part)).map((f) => f.url);

describe('pages sharing files of search text (pagesPerSearchFile: 3)', () => {
  test('each part has at most a third as many files of search text, holding every page it indexed', () => {
    for (const part of parts) {
      const pages = indexedPages(readFileSync(join(shared, 'pagefind', part, 'pagefind-entry.json'), 'utf8'));
      const files = readdirSync(join(shared, 'pagefind', part, 'fragment')).length;
      expect(files, part).toBeLessThanOrEqual(maxFragments(pages, SHARED)!);
      if (pages > SHARED) expect(files, part).toBeLessThan(pages);
      expect(storedUrls(shared, part).sort(), part).toEqual(storedUrls(DIST, part).sort());
    }
  });

  test('the estimate the build gives a site over its host limit is the files it then has, or a few more', () => {
    const estimate = filesWith(siteFileCounts(DIST, count(DIST)), SHARED);
    const actual = count(shared);
    expect(actual).toBeLessThan(count(DIST));
    expect(estimate).toBeGreaterThanOrEqual(actual);
    expect(estimate - actual).toBeLessThanOrEqual(parts.length);
  });

  /** Every result the search page shows for a query, over every part, as a reader sees it: title, type, excerpt. */
  async function results(server: StaticServer, query: string): Promise<string[]> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const settled = () =>
      page.waitForFunction(() => {
        const status = document.querySelector('#search-status')?.textContent ?? '';
        return !document.querySelector('#search-results')?.hasAttribute('aria-busy') && /\bresults?\b/i.test(status);
      });
    await page.goto(new URL(withBase(BASE, `/search/?q=${encodeURIComponent(query)}`), server.origin).href);
    await settled();
    const rest = page.locator('#search-rest');
    if (await rest.isVisible()) {
      await rest.click();
      await settled();
    }
    const shown = await page.locator('.search-result').evaluateAll((items) => items.map((li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
    await context.close();
    return shown;
  }

  test.each(['youth justice', '"rough sleepers"', 'budget', '16.6%'])('the search page shows the same results, excerpts and all, for %s', async (query) => {
    const own = await results(servers.own, query);
    expect(own.length).toBeGreaterThan(0);
    expect(await results(servers.shared, query)).toEqual(own);
  });
});
