import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AXE_DISABLED_RULES, AXE_TAGS } from '../../src/model/accessibility';
import { describeViolation, runAxe } from '../helpers/axe';
import { launchChromium, tabPool } from '../helpers/browser';
import { BASE, DIST, sitePages } from '../helpers/dist';
import { serveDirectory, type StaticServer } from '../helpers/static-server';

const pages = sitePages();
let server: StaticServer;
let browser: Browser;
let tabs: ReturnType<typeof tabPool>;
const needsReview = new Map<string, number>();

beforeAll(async () => {
  server = await serveDirectory(DIST, { base: BASE });
  browser = await launchChromium();
  tabs = tabPool(await browser.newContext({ viewport: { width: 1280, height: 800 } }));
});

afterAll(async () => {
  const review = [...needsReview].map(([rule, n]) => `${rule} (${n} pages)`).join(', ') || 'none';
  console.log(`axe-core: ${pages.length} pages, tags ${AXE_TAGS.join(', ')}, ${AXE_DISABLED_RULES.length} rules disabled; left for a person to review: ${review}`);
  await browser?.close();
  await server?.close();
});

describe(`axe-core in Chromium on every page of ${DIST}`, () => {
  test('there are pages to check', () => expect(pages.length).toBeGreaterThan(0));

  // Each page is served with the site's own _headers, so a script or style the Content Security Policy blocks shows up here.
  // Pages are checked a few at a time: most of each check is the browser waiting, not computing.
  test.concurrent.for(pages.map((p) => p.path))('%s: no WCAG 2.2 A or AA violation, no error, nothing blocked', async (path, { expect }) => {
    await tabs.use(async (page, errors) => {
      await page.goto(`${server.url}${path.slice(1)}`, { waitUntil: 'load' });
      const results = await runAxe(page);
      for (const r of results.incomplete) needsReview.set(r.id, (needsReview.get(r.id) ?? 0) + 1);
      expect(results.violations.map(describeViolation)).toEqual([]);
      expect(errors).toEqual([]);
    });
  });
});
