import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESKTOP_WIDTH, REFLOW_WIDTH, ZOOM_PERCENT } from '../../src/model/accessibility';
import { launchChromium, tabPool } from '../helpers/browser';
import { BASE, DIST, sitePages } from '../helpers/dist';
import { serveDirectory, type StaticServer } from '../helpers/static-server';

/**
 * The two views WCAG asks for. Zooming a desktop window to 200% lays a page out exactly as a window half as wide at
 * twice the pixel density, so that is how the zoomed view is made.
 */
const VIEWS = {
  [`${REFLOW_WIDTH}px wide`]: { viewport: { width: REFLOW_WIDTH, height: 640 }, deviceScaleFactor: 1 },
  [`${ZOOM_PERCENT}% zoom`]: {
    viewport: { width: Math.round(DESKTOP_WIDTH / (ZOOM_PERCENT / 100)), height: Math.round(800 / (ZOOM_PERCENT / 100)) },
    deviceScaleFactor: ZOOM_PERCENT / 100,
  },
};

/**
 * In the page: what scrolls sideways. The page itself must not; text must not run past the right edge; a box may
 * scroll sideways only to show a table, and only if the keyboard can reach it to scroll it.
 */
function sidewaysScrolling(): string[] {
  const problems: string[] = [];
  const width = document.documentElement.clientWidth;
  const name = (el: Element) => `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}>`;
  if (document.documentElement.scrollWidth > width + 1) {
    problems.push(`the page is ${document.documentElement.scrollWidth}px wide in a ${width}px window`);
  }
  const scrollers = new Set<Element>();
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
      scrollers.add(el);
      if (!el.querySelector('table')) problems.push(`${name(el)} scrolls sideways but holds no table`);
      if ((el as HTMLElement).tabIndex < 0) problems.push(`${name(el)} scrolls sideways but the keyboard cannot reach it`);
    }
  }
  for (const el of document.body.querySelectorAll('*')) {
    const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    if (!hasText || [...scrollers].some((s) => s.contains(el))) continue;
    const r = el.getBoundingClientRect();
    // Off-screen to the left is the skip link's hiding place, not overflow.
    if (r.width <= 1 || r.height <= 1 || r.right <= 0) continue;
    if (r.right > width + 1) problems.push(`${name(el)} "${el.textContent?.trim().slice(0, 40)}" runs ${Math.round(r.right - width)}px past the edge`);
  }
  return problems;
}

const pages = sitePages();
let server: StaticServer;
let browser: Browser;
const tabs = new Map<string, ReturnType<typeof tabPool>>();

beforeAll(async () => {
  server = await serveDirectory(DIST, { base: BASE });
  browser = await launchChromium();
  for (const [view, options] of Object.entries(VIEWS)) tabs.set(view, tabPool(await browser.newContext(options)));
});
afterAll(async () => {
  console.log(`Reflow: ${pages.length} pages checked at ${Object.keys(VIEWS).join(' and ')}`);
  await browser?.close();
  await server?.close();
});

describe.each(Object.keys(VIEWS))(`no sideways scrolling of text at %s, on every page of ${DIST}`, (view) => {
  test.concurrent.for(pages.map((p) => p.path))('%s', async (path, { expect }) => {
    await tabs.get(view)!.use(async (page) => {
      await page.goto(`${server.url}${path.slice(1)}`);
      expect(await page.evaluate(sidewaysScrolling)).toEqual([]);
    });
  });
});

test('both views are checked', () => expect(tabs.size).toBe(2));
