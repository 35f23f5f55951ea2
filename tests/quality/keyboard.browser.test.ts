import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { KEYBOARD_JOURNEYS, type KeyboardJourney } from '../../src/model/accessibility';
import { withBase } from '../../src/model/url';
import { servedSite, tabPool } from '../helpers/browser';
import { BASE, DIST, sitePages } from '../helpers/dist';
import { attr, elements, parseHtml } from '../helpers/html';

/** Where keyboard focus is, and whether a sighted keyboard user can see it. */
interface Focus {
  tag: string;
  href: string | undefined;
  text: string;
  /** On screen with a size. */
  inView: boolean;
  /** Looks different focused from unfocused: outline, shadow, colours or underline change. */
  indicated: boolean;
}

/** Reads the focused element, then blurs and re-focuses it to compare its styles with and without focus. */
function readFocus(page: Page): Promise<Focus | undefined> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return undefined;
    const look = () => {
      const s = getComputedStyle(el);
      return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color, s.textDecorationLine, s.borderColor].join('|');
    };
    const r = el.getBoundingClientRect();
    const focused = look();
    el.blur();
    const unfocused = look();
    el.focus();
    return {
      tag: el.tagName.toLowerCase(),
      href: el.getAttribute('href') ?? undefined,
      text: (el.textContent ?? '').trim().slice(0, 60),
      inView: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
      indicated: focused !== unfocused,
    };
  });
}

/**
 * Presses Tab until a link whose href passes `wanted` has focus, checking on the way that every element reached is
 * on screen and visibly focused. Fails if the page runs out of focusable elements first.
 */
async function tabTo(page: Page, wanted: (href: string) => boolean): Promise<Focus> {
  const unseen: string[] = [];
  for (let presses = 0; presses < 500; presses++) {
    await page.keyboard.press('Tab');
    const focus = await readFocus(page);
    if (!focus) break;
    if (!focus.inView || !focus.indicated) unseen.push(`<${focus.tag}> "${focus.text}"${focus.inView ? '' : ' off screen'}${focus.indicated ? '' : ' without a visible focus style'}`);
    if (focus.href !== undefined && wanted(focus.href)) {
      expect(unseen, `focus not visible on ${page.url()}`).toEqual([]);
      return focus;
    }
  }
  throw new Error(`Tab never reached the link wanted on ${page.url()}`);
}

/** Follows the focused link with Enter, as a keyboard user does, and waits for the new page. */
async function follow(page: Page, href: string): Promise<void> {
  const target = new URL(href, page.url());
  await Promise.all([page.waitForURL(target.href), page.keyboard.press('Enter')]);
}

const linksIn = (path: string) =>
  [...elements(parseHtml(readFileSync(join(DIST, path.slice(1), 'index.html'), 'utf8')))].flatMap((e) =>
    e.tagName === 'a' && attr(e, 'href') ? [attr(e, 'href') as string] : [],
  );
const site = (path: string) => withBase(BASE, path);
const isPage = (href: string, prefix: string) => new RegExp(`^${site(prefix)}[^#]+/$`).test(href);

const served = servedSite();
let tabs: ReturnType<typeof tabPool>;

beforeAll(async () => {
  tabs = tabPool(await served.browser.newContext({ viewport: { width: 1280, height: 800 } }));
});

const open = (page: Page, path: string) => page.goto(`${served.server.url}${path.slice(1)}`);

const journeys: Record<KeyboardJourney, () => Promise<void>> = {
  'from the home page to a meeting, on to its minutes and to one numbered minute': async () => {
    const withMinutes = linksIn('/').find((href) => isPage(href, '/meetings/') && existsSync(join(DIST, 'minutes', href.slice(site('/meetings/').length))));
    expect(withMinutes, 'the home page links to a meeting that has minutes').toBeDefined();
    const minutesPath = `/minutes/${withMinutes!.slice(site('/meetings/').length)}`;
    await tabs.use(async (page, problems) => {
      await open(page, '/');
      await tabTo(page, (href) => href === withMinutes);
      await follow(page, withMinutes!);
      await tabTo(page, (href) => href === site(minutesPath));
      await follow(page, site(minutesPath));
      const minute = await tabTo(page, (href) => /^#minute-/.test(href));
      await page.keyboard.press('Enter');
      await page.waitForFunction((hash) => location.hash === hash, minute.href);
      const landed = await page.evaluate((id) => {
        const r = document.getElementById(id)!.getBoundingClientRect();
        return r.top >= 0 && r.top < innerHeight;
      }, minute.href!.slice(1));
      expect(landed, `${minute.href} is scrolled into view`).toBe(true);
      expect(problems).toEqual([]);
    });
  },
  'from the list of strategies and plans to a strategy, and on to one of its performance measures (KPIs)': async () => {
    const onward = '/kpis/';
    const strategy = linksIn('/strategies/').find((href) => isPage(href, '/strategies/') && linksIn(href.slice(BASE.length - 1)).some((h) => isPage(h, onward)));
    expect(strategy, `a strategy in the list links to a page under ${onward}`).toBeDefined();
    await tabs.use(async (page, problems) => {
      await open(page, '/strategies/');
      await tabTo(page, (href) => href === strategy);
      await follow(page, strategy!);
      const next = await tabTo(page, (href) => isPage(href, onward));
      await follow(page, next.href!);
      expect(await page.locator('h1').count()).toBe(1);
      expect(problems).toEqual([]);
    });
  },
};

describe(`keyboard only, in Chromium, on ${DIST}`, () => {
  test.for(KEYBOARD_JOURNEYS)('journey: %s', async (journey) => {
    await journeys[journey]();
  });

  // The first Tab on every page reaches the skip link, which is then visible and moves focus to the main content.
  test.concurrent.for(sitePages().map((p) => p.path))('%s: the first Tab reaches a visible skip link that works', async (path, { expect }) => {
    await tabs.use(async (page) => {
      await open(page, path);
      await page.keyboard.press('Tab');
      const focus = await readFocus(page);
      expect(focus).toMatchObject({ tag: 'a', href: '#main', text: 'Skip to main content', inView: true, indicated: true });
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    });
  });
});
