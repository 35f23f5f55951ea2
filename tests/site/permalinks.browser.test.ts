import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { withBase } from '../../src/model/url';
import { servedSite, watchForErrors } from '../helpers/browser';
import { BASE } from '../helpers/dist';

const site = servedSite();


const MINUTES = '/minutes/leicestershire/scrutiny-commission/2015-03-04/';
const at = (path: string) => new URL(withBase(BASE, path), site.server.origin).href;

/** Opens a page in a fresh tab (a phone's when `touch`), runs `check`, and fails on any script or network error. */
async function onPage(path: string, check: (page: Page) => Promise<void>, touch = false): Promise<void> {
  const context = await site.browser.newContext(touch ? { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } : {});
  const page = await context.newPage();
  const watched = watchForErrors(page);
  try {
    await page.goto(at(path));
    await check(page);
    expect(watched.problems).toEqual([]);
  } finally {
    await context.close();
  }
}

const opacity = (page: Page, href: string) =>
  page.locator(`main a.anchor[href="${href}"]`).evaluate((a) => Number(getComputedStyle(a).opacity));

describe('heading permalinks', () => {
  test('each numbered minute has a permalink named after it, and its section keeps the heading as its name', async () => {
    await onPage(MINUTES, async (page) => {
      const numbers = await page.locator('section.minute .minute-number').allTextContents();
      expect(numbers.length).toBeGreaterThan(5);
      for (const printed of numbers) {
        const n = printed.replace(/\.$/, '');
        const link = page.getByRole('link', { name: `Link to minute ${n}`, exact: true });
        expect(await link.getAttribute('href'), n).toBe(`#minute-${n}`);
        // The link sits in the heading of the minute it links to.
        expect(await link.evaluate((a) => a.closest('section.minute')?.id), n).toBe(`minute-${n}`);
      }
      expect(await page.getByRole('region', { name: '180. Enabling Growth Plan.', exact: true }).count()).toBe(1);
    });
  });

  test('agenda items have permalinks named after their number', async () => {
    await onPage('/meetings/leicestershire/scrutiny-commission/2015-04-22/', async (page) => {
      expect(await page.getByRole('link', { name: 'Link to item 1', exact: true }).getAttribute('href')).toBe('#item-1');
    });
  });

  test('shows on hover of its heading, and on keyboard focus shows its words beside the icon', async () => {
    await onPage(MINUTES, async (page) => {
      const link = page.getByRole('link', { name: 'Link to minute 180', exact: true });
      expect(await opacity(page, '#minute-180')).toBe(0);
      await page.locator('#minute-180-title .minute-number').hover();
      expect(await opacity(page, '#minute-180')).toBe(1);
      await page.mouse.move(0, 0);
      expect(await opacity(page, '#minute-180')).toBe(0);

      // Tab to it from the link before it, as a keyboard user would.
      await page.locator('#minute-179 a.anchor').last().focus();
      for (let i = 0; i < 40 && !(await link.evaluate((a) => a === document.activeElement)); i++) await page.keyboard.press('Tab');
      expect(await link.evaluate((a) => a === document.activeElement)).toBe(true);
      expect(await opacity(page, '#minute-180')).toBe(1);
      const label = link.locator('.anchor-label');
      expect(await label.isVisible()).toBe(true);
      expect(await label.evaluate((el) => (el as HTMLElement).innerText)).toBe('Link to minute 180');
      const box = (await link.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(24);
      expect(box.height).toBeGreaterThanOrEqual(24);
    });
  });

  test('is always shown on a touch screen, at least 24 px square, with its words for screen readers only', async () => {
    await onPage(
      MINUTES,
      async (page) => {
        expect(await opacity(page, '#minute-180')).toBe(1);
        const link = page.getByRole('link', { name: 'Link to minute 180', exact: true });
        const box = (await link.boundingBox())!;
        expect(box.width).toBeGreaterThanOrEqual(24);
        expect(box.height).toBeGreaterThanOrEqual(24);
        expect(await link.locator('.anchor-label').evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
      },
      true,
    );
  });

  test('paragraph permalinks say what they link to', async () => {
    await onPage(MINUTES, async (page) => {
      const first = page.locator('main p[id^="p-"] > a.anchor').first();
      expect(await first.evaluate((a) => `#${a.parentElement!.id}` === a.getAttribute('href'))).toBe(true);
      expect(await page.getByRole('link', { name: 'Link to this paragraph', exact: true }).count()).toBeGreaterThan(10);
    });
  });
});
