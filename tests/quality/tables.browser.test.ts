import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { REFLOW_WIDTH } from '../../src/model/accessibility';
import { servedSite, tabPool } from '../helpers/browser';
import { DIST, sitePages } from '../helpers/dist';

/** Fewer characters than this across, and a column of words is read a syllable at a time. */
const MIN_CHARACTERS = 3;

/**
 * In the page: table cells a reader cannot read at this width. A cell narrower than a few characters must hold no
 * text that wraps; no word may be split across lines (a break after a hyphen is a normal one).
 */
function unreadableCells(minCharacters: number): string[] {
  const problems: string[] = [];
  const label = (cell: Element) => `${cell.closest('table')?.querySelector('caption')?.textContent?.trim().slice(0, 40) ?? 'table'}: "${cell.textContent?.trim().slice(0, 30)}"`;
  const lines = (range: Range) => new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  for (const cell of document.querySelectorAll('table :is(th, td)')) {
    if (!cell.textContent?.trim() || cell.getClientRects().length === 0) continue;
    const style = getComputedStyle(cell);
    // The width of a digit in the cell's own font: CSS's `ch`.
    const probe = document.createElement('span');
    probe.textContent = '0'.repeat(minCharacters);
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
    cell.append(probe);
    const needed = probe.getBoundingClientRect().width;
    probe.remove();
    const inner = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const whole = document.createRange();
    whole.selectNodeContents(cell);
    if (inner + 0.5 < needed && lines(whole) > 1) problems.push(`${label(cell)} is ${Math.round(inner)}px wide, under ${minCharacters} characters, and wraps`);
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of (node.textContent ?? '').matchAll(/[^\s\-‐–—]+[\-‐–—]?/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        if (lines(range) > 1) problems.push(`${label(cell)}: the word "${m[0]}" is broken across lines`);
      }
    }
  }
  return problems;
}

const pages = sitePages().filter((p) => readFileSync(p.file, 'utf8').includes('<table'));
const site = servedSite();
let tabs: ReturnType<typeof tabPool>;

beforeAll(async () => {
  tabs = tabPool(await site.browser.newContext({ viewport: { width: REFLOW_WIDTH, height: 640 } }));
});

describe(`tables at ${REFLOW_WIDTH}px: no column under ${MIN_CHARACTERS} characters, no word broken, on every page of ${DIST} with a table`, () => {
  test('the pages checked include minutes with declarations of interest and KPI tables', () => {
    const html = (type: string) => pages.filter((p) => p.type === type).map((p) => readFileSync(p.file, 'utf8'));
    expect(html('minutes').some((h) => h.includes('id="declarations"'))).toBe(true);
    expect(html('kpi').length).toBeGreaterThan(0);
  });

  test.concurrent.for(pages.map((p) => p.path))('%s', async (path, { expect }) => {
    await tabs.use(async (page) => {
      await page.goto(`${site.server.url}${path.slice(1)}`);
      expect(await page.evaluate(unreadableCells, MIN_CHARACTERS)).toEqual([]);
    });
  });
});
