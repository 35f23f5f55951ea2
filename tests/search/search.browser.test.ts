import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Request, Response } from 'playwright-core';
import { packedAt } from '../../scripts/search-index';
import { requestedRange } from '../../src/model/search-pack';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { withBase } from '../../src/model/url';
import { describeViolation, runAxe } from '../helpers/axe';
import { servedSite, watchForErrors } from '../helpers/browser';
import { BASE, DIST, sitePages } from '../helpers/dist';
import { serveDirectory } from '../helpers/static-server';
import { searchableText } from '../helpers/html';

const CONTENT = join(import.meta.dirname, '..', '..', 'content');

const site = servedSite();
let context: BrowserContext;
let page: Page;
/** Script errors, console errors (a Content Security Policy refusal is one) and failed requests: there must be none. */
let watched: { problems: string[] };

beforeEach(async () => {
  context = await site.browser.newContext();
  page = await context.newPage();
  watched = watchForErrors(page);
});
afterEach(async () => {
  expect(watched.problems).toEqual([]);
  await context.close();
});

/** The address of a site path (`/search/?q=x`) on the server (the site's, unless another is given), under the deploy base. */
const at = (path: string, origin = site.server.origin) => new URL(withBase(BASE, path), origin).href;
/** The site path of a link on the served site, without the deploy base. */
const pathOf = (href: string) => `/${new URL(href, site.server.url).pathname.slice(withBase(BASE, '/').length)}`;

interface Shown {
  title: string;
  href: string;
  /** "Type · Committee · 22 April 2015" */
  meta: string;
}

/** Waits until the search under way has finished and its count has been announced. */
async function settled(): Promise<void> {
  await page.waitForFunction(() => {
    const status = document.querySelector('#search-status')?.textContent ?? '';
    return !document.querySelector('#search-results')?.hasAttribute('aria-busy') && /\bresults?\b/i.test(status);
  });
}

/** Waits until the page's script has loaded Pagefind and taken over the form. */
async function ready(): Promise<void> {
  await page.waitForFunction(() => document.querySelector('#search')?.hasAttribute('data-ready'));
}

/** Opens the search page at a query string and waits for its results, from the parts searched first. */
async function openFirst(query: string, origin?: string): Promise<void> {
  await page.goto(at(`/search/?${query}`, origin));
  await settled();
}

/** Opens the search page at a query string, has it search every part, and waits for its results. */
async function open(query: string, origin?: string): Promise<void> {
  await openFirst(query, origin);
  const rest = page.locator('#search-rest');
  if (await rest.isVisible()) {
    await rest.click();
    await settled();
  }
}

/** The results drawn on the page. */
function shown(): Promise<Shown[]> {
  return page.locator('.search-result').evaluateAll((items) =>
    items.map((li) => {
      const a = li.querySelector('h3 a')!;
      return { title: a.textContent ?? '', href: a.getAttribute('href') ?? '', meta: li.querySelector('.meta')?.textContent ?? '' };
    }),
  );
}

/** The number of results the status announces. */
async function announced(): Promise<number> {
  const text = (await page.locator('#search-status').textContent()) ?? '';
  if (text.startsWith('No results')) return 0;
  const n = /^(\d+) results?\b/.exec(text)?.[1];
  if (!n) throw new Error(`no count in "${text}"`);
  return Number(n);
}

/** Ticks or unticks a filter as a reader would, by its label within its fieldset, and waits for the new results. */
async function toggle(legend: string, label: string): Promise<void> {
  await page.getByRole('group', { name: legend }).getByRole('checkbox', { name: label, exact: true }).click();
  await settled();
}

const dateOf = (meta: string) => {
  const m = /(\d{1,2} \w+ \d{4})$/.exec(meta);
  return m ? Date.parse(`${m[1]} 12:00 UTC`) : undefined;
};
const squash = (text: string) => text.replace(/\s+/g, ' ').toLowerCase();

/** The paths of the built pages whose searchable text (see `searchableText`) contains `text`. */
function html(text: string): string[] {
  return sitePages()
    .filter((p) => searchableText(readFileSync(p.file, 'utf8')).includes(text))
    .map((p) => p.path)
    .sort();
}

/**
 * For each seed pack, a meeting, its minutes and decisions, a strategy or plan and a figure, each searched for as a
 * journalist would type it (words, a quoted phrase, a figure as printed), with the page it must find. `file` holds the
 * printed `text`, checked first so a case cannot drift from the content.
 */
const packCases = [
  // Leicester City Council, Cabinet, 13 July 2009
  { what: 'a meeting by an agenda item', q: '"Waterside Sanvey Gate Junction"', filters: '', file: 'meetings/leicester/cabinet/2009-07-13.yaml', text: 'Waterside Sanvey Gate Junction', page: '/meetings/leicester/cabinet/2009-07-13/' },
  { what: 'a strategy by a phrase', q: '"rough sleepers"', filters: '', file: 'documents/leicester/cabinet/2009-07-13/homelessness-strategy-2008-2013/appendix-a.mdx', text: 'rough sleepers', page: '/documents/leicester/cabinet/2009-07-13/homelessness-strategy-2008-2013/appendix-a/' },
  { what: 'a report by a pound figure', q: '£5,816,986', filters: '', file: 'documents/leicester/cabinet/2009-07-13/homelessness-strategy-2008-2013.mdx', text: '£5,816,986', page: '/documents/leicester/cabinet/2009-07-13/homelessness-strategy-2008-2013/' },
  // Leicestershire, Scrutiny Commission, 30 April 2014 (supplement)
  { what: 'a meeting by words', q: 'Strategic Plan 2014-18', filters: '&type=meeting', file: 'meetings/leicestershire/scrutiny-commission/2014-04-30.yaml', text: 'Strategic Plan 2014-18', page: '/meetings/leicestershire/scrutiny-commission/2014-04-30/' },
  { what: 'a strategy by its title', q: '"County Council Strategic Plan 2014-18"', filters: '&type=strategy', file: 'documents/leicestershire/scrutiny-commission/2014-04-30/county-council-strategic-plan-and-transformation-programme/appendix-1.mdx', text: 'County Council Strategic Plan 2014-18', page: '/documents/leicestershire/scrutiny-commission/2014-04-30/county-council-strategic-plan-and-transformation-programme/appendix-1/' },
  { what: 'a plan by a figure in millions', q: '£13.85m', filters: '', file: 'documents/leicestershire/scrutiny-commission/2014-04-30/county-council-strategic-plan-and-transformation-programme/appendix-2.mdx', text: '£13.85m', page: '/documents/leicestershire/scrutiny-commission/2014-04-30/county-council-strategic-plan-and-transformation-programme/appendix-2/' },
  { what: 'a strategy by a percentage', q: '82.19%', filters: '', file: 'documents/leicestershire/scrutiny-commission/2014-04-30/county-council-strategic-plan-and-transformation-programme/appendix-1.mdx', text: '82.19%', page: '/documents/leicestershire/scrutiny-commission/2014-04-30/county-council-strategic-plan-and-transformation-programme/appendix-1/' },
  // Leicestershire, Scrutiny Commission, 22 April 2015 (with the minutes of 4 March 2015)
  { what: 'a meeting by an agenda item', q: 'East Midlands Shared Service', filters: '&type=meeting', file: 'meetings/leicestershire/scrutiny-commission/2015-04-22.yaml', text: 'East Midlands Shared Service', page: '/meetings/leicestershire/scrutiny-commission/2015-04-22/' },
  { what: 'minutes by a phrase', q: `"council's budget"`, filters: '', file: 'minutes/leicestershire/scrutiny-commission/2015-03-04.mdx', text: "council's budget", page: '/minutes/leicestershire/scrutiny-commission/2015-03-04/' },
  { what: 'a decision by its words', q: '"Enabling Growth Plan be commended"', filters: '', file: 'minutes/leicestershire/scrutiny-commission/2015-03-04.mdx', text: 'Enabling Growth Plan be commended', page: '/minutes/leicestershire/scrutiny-commission/2015-03-04/' },
  { what: 'minutes by a percentage', q: '16.6%', filters: '', file: 'minutes/leicestershire/scrutiny-commission/2015-03-04.mdx', text: '16.6%', page: '/minutes/leicestershire/scrutiny-commission/2015-03-04/' },
  { what: 'a plan by a pound figure', q: '£2,268,584', filters: '', file: 'documents/leicestershire/scrutiny-commission/2015-04-22/draft-youth-justice-strategic-plan-2015-16/appendix-1.mdx', text: '£2,268,584', page: '/documents/leicestershire/scrutiny-commission/2015-04-22/draft-youth-justice-strategic-plan-2015-16/appendix-1/' },
  { what: 'a plan by words and filters', q: 'youth justice', filters: '&type=plan&year=2015', file: 'documents/leicestershire/scrutiny-commission/2015-04-22/draft-youth-justice-strategic-plan-2015-16/appendix-1.mdx', text: 'Youth Justice', page: '/documents/leicestershire/scrutiny-commission/2015-04-22/draft-youth-justice-strategic-plan-2015-16/appendix-1/' },
  // Leicestershire, Scrutiny Commission, 12 April 2023 (with the minutes of 15 March 2023)
  { what: 'a meeting by an agenda item', q: 'Corporate Ways of Working', filters: '&type=meeting', file: 'meetings/leicestershire/scrutiny-commission/2023-04-12.yaml', text: 'Corporate Ways of Working', page: '/meetings/leicestershire/scrutiny-commission/2023-04-12/' },
  { what: 'minutes by a phrase', q: '"SEND transport"', filters: '', file: 'minutes/leicestershire/scrutiny-commission/2023-03-15.mdx', text: 'SEND transport', page: '/minutes/leicestershire/scrutiny-commission/2023-03-15/' },
  { what: 'a decision by its words', q: '"revenue budget and capital programme monitoring position"', filters: '', file: 'minutes/leicestershire/scrutiny-commission/2023-03-15.mdx', text: 'revenue budget and capital programme monitoring position', page: '/minutes/leicestershire/scrutiny-commission/2023-03-15/' },
  { what: 'a plan by words and filters', q: 'youth justice', filters: '&type=plan&year=2023', file: 'documents/leicestershire/scrutiny-commission/2023-04-12/draft-youth-justice-strategic-plan-2023-2026/appendix-1.mdx', text: 'Youth Justice', page: '/documents/leicestershire/scrutiny-commission/2023-04-12/draft-youth-justice-strategic-plan-2023-2026/appendix-1/' },
  { what: 'a report by a pound figure', q: '£1,480', filters: '', file: 'documents/leicestershire/scrutiny-commission/2023-04-12/corporate-ways-of-working-programme-update.mdx', text: '£1,480', page: '/documents/leicestershire/scrutiny-commission/2023-04-12/corporate-ways-of-working-programme-update/' },
  // Leicestershire, Communities Strategy Action Plan published separately (2015)
  { what: 'a strategy report by its title', q: 'Communities Strategy Action Plan', filters: '&type=report', file: 'documents/leicestershire/scrutiny-commission/2015-04-22/communities-strategy-action-plan-v2.mdx', text: 'Communities Strategy Action Plan', page: '/documents/leicestershire/scrutiny-commission/2015-04-22/communities-strategy-action-plan-v2/' },
];

describe('search finds every seed pack', () => {
  test.each(packCases)('$page: $what, $q', async (c) => {
    expect(squash(readFileSync(join(CONTENT, c.file), 'utf8'))).toContain(squash(c.text));
    await open(`q=${encodeURIComponent(c.q)}${c.filters}`);
    expect((await shown()).map((r) => pathOf(r.href))).toContain(c.page);
  });

  test('a quoted phrase finds only pages with the words together; curly quotes work too', async () => {
    await open(`q=${encodeURIComponent("council's budget")}`);
    const loose = await announced();
    await open(`q=${encodeURIComponent(`"council's budget"`)}`);
    expect(await announced()).toBe(1);
    expect(loose).toBeGreaterThan(5);
    await open(`q=${encodeURIComponent('“council’s budget”')}`);
    expect((await shown()).map((r) => pathOf(r.href))).toEqual(['/minutes/leicestershire/scrutiny-commission/2015-03-04/']);
  });

  test('a figure as printed finds only the pages that print it; without the pound sign too', async () => {
    const printing = html('£2,268,584');
    expect(printing).toContain('/documents/leicestershire/scrutiny-commission/2015-04-22/draft-youth-justice-strategic-plan-2015-16/appendix-1/');
    for (const q of ['£2,268,584', '2,268,584']) {
      await open(`q=${encodeURIComponent(q)}`);
      expect((await shown()).map((r) => pathOf(r.href)).sort()).toEqual(printing);
    }
  });

  test.each([
    ['the skip link', '"Skip to main content"'],
    ['the footer', `"councils' own meeting packs"`],
    ['the header search box', '"search council publications"'],
  ])('page chrome is not searchable: %s', async (_, q) => {
    await open(`q=${encodeURIComponent(q)}`);
    expect(await announced()).toBe(0);
  });
});

describe('filters', () => {
  const cases = [
    { legend: 'Council', label: 'Leicester City Council', param: 'council=Leicester+City+Council', holds: (r: Shown) => pathOf(r.href).includes('/leicester/') },
    { legend: 'Committee', label: 'Scrutiny Commission', param: 'body=Scrutiny+Commission', holds: (r: Shown) => r.meta.includes('Scrutiny Commission') },
    { legend: 'Type', label: 'Minutes', param: 'type=minutes', holds: (r: Shown) => r.meta.startsWith('Minutes ·') },
    { legend: 'Year', label: '2015', param: 'year=2015', holds: (r: Shown) => r.meta.endsWith(' 2015') },
  ];

  test.each(cases)('ticking $legend "$label" narrows the results to it and records it in the URL', async (c) => {
    await open('q=council');
    const before = await announced();
    await toggle(c.legend, c.label);
    const after = await announced();
    const results = await shown();
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    expect(results.filter((r) => !c.holds(r))).toEqual([]);
    expect(page.url()).toContain(c.param);
    await toggle(c.legend, c.label);
    expect(await announced()).toBe(before);
    expect(page.url()).not.toContain(c.param);
  });

  test('values within a filter add up (any of them); different filters narrow together (all of them)', async () => {
    const count = async (query: string) => {
      await open(query);
      return announced();
    };
    const y2015 = await count('q=council&year=2015');
    const y2023 = await count('q=council&year=2023');
    expect(await count('q=council&year=2015&year=2023')).toBe(y2015 + y2023);
    const minutes = await count('q=council&type=minutes');
    const both = await count('q=council&type=minutes&year=2015');
    expect(both).toBeGreaterThan(0);
    expect(both).toBeLessThan(minutes);
    expect(both).toBeLessThan(y2015);
  });

  test('filters alone, without words, list what they select', async () => {
    await open('type=minutes');
    expect((await shown()).map((r) => pathOf(r.href)).sort()).toEqual([
      '/minutes/leicestershire/scrutiny-commission/2015-03-04/',
      '/minutes/leicestershire/scrutiny-commission/2023-03-15/',
    ]);
  });
});

/**
 * Ten questions a journalist might type about the seed content, in their own words rather than the exact printed
 * ones, each with the page they are after: a report by its title, a person, a decision, a KPI by what it measures.
 */
const questions = [
  { q: 'East Midlands Shared Services', page: '/documents/leicestershire/scrutiny-commission/2015-04-22/east-midlands-shared-service-delivery-and-performance/' },
  { q: 'governance of investments', page: '/documents/leicester/cabinet/2009-07-13/governance-of-investments-audit-commission-report/' },
  { q: 'safeguarding adults', page: '/documents/leicester/cabinet/2009-07-13/safeguarding-adults-summary-of-roles-and-responsibilities/' },
  { q: 'homelessness strategy', page: '/documents/leicester/cabinet/2009-07-13/homelessness-strategy-2008-2013/' },
  { q: 'Orson', page: '/minutes/leicestershire/scrutiny-commission/2015-03-04/' },
  { q: 'police and crime panel', page: '/minutes/leicestershire/scrutiny-commission/2015-03-04/' },
  { q: 'Enabling Growth Plan', page: '/minutes/leicestershire/scrutiny-commission/2015-03-04/' },
  { q: 'first time entrants', page: '/kpis/leicestershire/youth-justice-first-time-entrants/' },
  { q: 'smoking cessation', page: '/kpis/leicestershire/tobacco-control-and-smoking-cessation/' },
  { q: 'households in temporary accommodation', page: '/kpis/leicester/number-of-households-living-in-temporary-accommodation-ni/' },
];

describe('order', () => {
  // Each part's index scores its pages by its own word counts, and Pagefind merges the scores as they are, so a page
  // may rank a place or two differently than in one index for the whole site: the first five, not the first three.
  test.each(questions)('a typed question finds the page wanted in the first five, by default: $q', async (c) => {
    await open(`q=${encodeURIComponent(c.q)}`);
    const top = (await shown()).slice(0, 5).map((r) => pathOf(r.href));
    expect(top, JSON.stringify(top)).toContain(c.page);
    expect(await page.locator('#search-status').textContent()).toMatch(/\(most relevant first\)\.$/);
    expect(await page.getByRole('radio', { name: 'Most relevant first' }).isChecked()).toBe(true);
  });

  test('a report by its title comes before pages that mention it, which newest first would not do', async () => {
    const q = encodeURIComponent('East Midlands Shared Services');
    const wanted = '/documents/leicestershire/scrutiny-commission/2015-04-22/east-midlands-shared-service-delivery-and-performance/';
    await open(`q=${q}`);
    expect(pathOf((await shown())[0]!.href)).toBe(wanted);
    await open(`q=${q}&sort=newest`);
    expect(pathOf((await shown())[0]!.href)).not.toBe(wanted);
  });

  test('filters alone are listed newest first', async () => {
    await open('type=meeting');
    const dates = (await shown()).map((r) => dateOf(r.meta));
    expect(dates.length).toBeGreaterThan(3);
    expect(dates).toEqual([...dates].sort((a, b) => b! - a!));
    expect(await page.getByRole('radio', { name: 'Newest first' }).isChecked()).toBe(true);
    expect(new URL(page.url()).search).toBe('?type=meeting');
  });

  test('newest and oldest first are one click away, and kept in the address', async () => {
    await open('q=scrutiny+commission&type=meeting');
    const relevant = (await shown()).map((r) => r.href);
    await page.getByRole('radio', { name: 'Newest first' }).check();
    await settled();
    const newest = (await shown()).map((r) => dateOf(r.meta));
    expect(newest.length).toBeGreaterThan(3);
    expect(new Set(newest).size).toBe(newest.length);
    expect(newest).toEqual([...newest].sort((a, b) => b! - a!));
    expect(page.url()).toContain('sort=newest');

    await page.getByRole('radio', { name: 'Oldest first' }).check();
    await settled();
    // The oldest come first now: in date order, and from before the newest page's earliest.
    const oldest = (await shown()).map((r) => dateOf(r.meta));
    expect(oldest.length).toBe(newest.length);
    expect(oldest).toEqual([...oldest].sort((a, b) => a! - b!));
    expect(oldest[0]).toBeLessThan(newest[newest.length - 1]!);
    expect(page.url()).toContain('sort=oldest');

    // A new search keeps the order chosen; choosing relevance again drops it from the address.
    await page.getByRole('searchbox', { name: 'Search for' }).fill('scrutiny commission');
    await page.getByRole('button', { name: 'Search' }).click();
    await settled();
    expect(page.url()).toContain('sort=oldest');
    await page.getByRole('radio', { name: 'Most relevant first' }).check();
    await settled();
    expect(new URL(page.url()).search).toBe('?q=scrutiny+commission&type=meeting');
    expect((await shown()).map((r) => r.href)).toEqual(relevant);
  });

  test('words typed while browsing by filters are ranked by relevance', async () => {
    await open('type=report');
    expect(await page.getByRole('radio', { name: 'Newest first' }).isChecked()).toBe(true);
    await page.getByRole('searchbox', { name: 'Search for' }).fill('safeguarding adults');
    await page.getByRole('button', { name: 'Search' }).click();
    await settled();
    expect(new URL(page.url()).search).toBe('?q=safeguarding+adults&type=report');
    expect(await page.getByRole('radio', { name: 'Most relevant first' }).isChecked()).toBe(true);
    expect(pathOf((await shown())[0]!.href)).toBe('/documents/leicester/cabinet/2009-07-13/safeguarding-adults-summary-of-roles-and-responsibilities/');
  });

  test('an undated page still appears when results are ordered by date', async () => {
    const q = encodeURIComponent('"older people in my community"');
    await open(`q=${q}`);
    const relevant = (await shown()).map((r) => pathOf(r.href)).sort();
    expect(relevant.length).toBeGreaterThan(0);
    await open(`q=${q}&sort=newest`);
    expect((await shown()).map((r) => pathOf(r.href)).sort()).toEqual(relevant);
  });
});

describe('deep links', () => {
  /** Follows the first result to its page and describes where the browser landed. */
  async function follow(): Promise<{
    hash: string;
    text: string;
    inDecision: boolean;
    minute: string | undefined;
    beforeOrHolds: (text: string) => Promise<boolean>;
  }> {
    await page.locator('.search-result h3 a').first().click();
    await page.waitForLoadState('load');
    const hash = decodeURIComponent(new URL(page.url()).hash.slice(1));
    const target = page.locator(`[id="${hash}"]`);
    return {
      hash,
      text: squash((await target.textContent()) ?? ''),
      inDecision: await target.evaluate((el) => el.closest('.decision') !== null),
      minute: await target.evaluate((el) => el.closest('.minute')?.id),
      // The anchor holds the text, or is the nearest one before it.
      beforeOrHolds: (text: string) =>
        page.evaluate(
          ({ id, text }) => {
            const el = document.getElementById(id)!;
            if (el.textContent?.includes(text)) return true;
            const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              if (n.textContent?.includes(text)) return Boolean(el.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING);
            }
            return false;
          },
          { id: hash, text },
        ),
    };
  }

  test('a figure in the minutes opens at the paragraph that prints it', async () => {
    await open(`q=${encodeURIComponent('16.6%')}`);
    const landed = await follow();
    expect(pathOf(page.url())).toBe('/minutes/leicestershire/scrutiny-commission/2015-03-04/');
    expect(landed.hash).toMatch(/^p-/);
    expect(landed.text).toContain('16.6%');
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });

  test('a decision opens at the decision', async () => {
    await open(`q=${encodeURIComponent('"Enabling Growth Plan be commended"')}`);
    const landed = await follow();
    expect(landed.inDecision).toBe(true);
    expect(landed.text).toContain(squash('Enabling Growth Plan be commended'));
  });

  test('a match inside a numbered minute opens within that minute', async () => {
    await open(`q=${encodeURIComponent('"Declarations of the Party Whip"')}&type=minutes&year=2015`);
    const landed = await follow();
    expect(landed.minute).toBe('minute-178');
    expect(landed.text).toContain('declarations of the party whip');
  });

  test('a figure in a table of a long plan opens at the nearest anchor before it, not the top', async () => {
    await open(`q=${encodeURIComponent('£2,268,584')}`);
    const landed = await follow();
    expect(landed.hash).not.toBe('');
    expect(await landed.beforeOrHolds('2,268,584')).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });
});

/** The built file a request is for: under `dist/`, without the deploy base. */
const builtFile = (url: string) => join(DIST, new URL(url).pathname.slice(withBase(BASE, '/').length));

/** The packed file (`fragment/en_1a2b3c4.pf_fragment`) a range request of a search pack reads; undefined for any other. */
function packedFile(request: Request): string | undefined {
  const range = request.headers()['range'];
  if (!request.url().endsWith('.pf_pack') || range === undefined) return undefined;
  const file = builtFile(request.url());
  return packedAt(file, requestedRange(range, statSync(file).size)![0]);
}

describe('the search packs', () => {
  test("a search reads each fragment and index chunk from its part's pack by range, a small part of the pack", async () => {
    const read: Array<{ file: string; status: number; bytes: number; packed: string | undefined }> = [];
    const record = (response: Response) => {
      if (response.url().endsWith('.pf_pack')) read.push({ file: builtFile(response.url()), status: response.status(), bytes: Number(response.headers()['content-length']), packed: packedFile(response.request()) });
    };
    page.on('response', record);
    try {
      await openFirst('q=council');
      expect((await shown()).length).toBe(5);
    } finally {
      page.off('response', record);
    }
    expect(read.length).toBeGreaterThan(5);
    expect(read.every((r) => r.status === 206)).toBe(true);
    const packed = read.map((r) => r.packed);
    expect(packed.filter((p) => p?.startsWith('fragment/'))).toHaveLength(5);
    expect(packed.some((p) => p?.startsWith('index/'))).toBe(true);
    const packs = [...new Set(read.map((r) => r.file))];
    const bytesRead = read.reduce((n, r) => n + r.bytes, 0);
    const whole = packs.reduce((n, f) => n + statSync(f).size, 0);
    expect(bytesRead).toBeLessThan(whole / 3);
  });

  test('a host that ignores ranges sends each pack whole, once, and search still finds what it finds by range', async () => {
    await open('q=council');
    const expected = await shown();
    const server = await serveDirectory(DIST, { base: BASE, ranges: false });
    try {
      const packs: string[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('.pf_pack')) packs.push(request.url());
      });
      await open('q=council', server.origin);
      expect((await shown()).map((r) => r.title)).toEqual(expected.map((r) => r.title));
      expect(packs.length).toBeGreaterThan(0);
      expect(new Set(packs).size).toBe(packs.length);
    } finally {
      await server.close();
    }
  });
});

describe('the search page', () => {
  test('draws its filters without downloading the filter index, which it fetches only once a filter is ticked', async () => {
    const fetched: string[] = [];
    const record = (request: Request) => fetched.push(packedFile(request) ?? request.url());
    page.on('request', record);
    try {
      await open('q=council');
      expect(fetched.filter((u) => u.endsWith('.pf_filter'))).toEqual([]);
      expect(fetched.some((u) => u.endsWith('.pf_index'))).toBe(true);
      await toggle('Year', '2015');
      expect(fetched.filter((u) => u.endsWith('.pf_filter')).length).toBeGreaterThan(0);
    } finally {
      page.off('request', record);
    }
  });

  test('is a labelled form with real checkboxes in fieldsets with legends', async () => {
    await page.goto(at('/search/'));
    await ready();
    expect(await page.getByRole('search').getByRole('searchbox', { name: 'Search for' }).count()).toBe(1);
    for (const legend of ['Order', 'Council', 'Committee', 'Type', 'Year']) {
      expect(await page.getByRole('group', { name: legend }).count(), legend).toBe(1);
    }
    expect(await page.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: 'Minutes', exact: true }).count()).toBe(1);
    expect(await page.getByRole('group', { name: 'Order' }).getByRole('radio').count()).toBe(3);
  });

  test('announces how many results it found in a live region', async () => {
    const status = page.locator('#search-status');
    await open(`q=${encodeURIComponent(`"council's budget"`)}`);
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.textContent()).toBe(`1 result for "council's budget".`);
    expect(await page.locator('.search-result').count()).toBe(1);
    await open('q=zzyzx');
    expect(await status.textContent()).toBe('No results for “zzyzx”.');
  });

  test('shows each result with its title, type, committee, date and an excerpt of the match', async () => {
    await open(`q=${encodeURIComponent(`"council's budget"`)}`);
    const result = page.locator('.search-result').first();
    expect(await result.locator('h3 a').textContent()).toBe('Minutes of the Scrutiny Commission, Wednesday 4 March 2015');
    expect(await result.locator('.meta').textContent()).toBe('Minutes · Scrutiny Commission · 4 March 2015');
    expect(squash((await result.locator('.search-excerpt mark').allTextContents()).join(' '))).toContain("council's budget");
  });

  test('keeps a search in its URL: a shared link opens the same search, and Back returns to the last one', async () => {
    await page.goto(at('/search/'));
    await ready();
    await page.getByRole('searchbox', { name: 'Search for' }).fill('youth justice');
    await page.getByRole('button', { name: 'Search' }).click();
    await settled();
    const first = await shown();
    await toggle('Year', '2023');
    await page.getByRole('radio', { name: 'Oldest first' }).check();
    await settled();
    const shared = page.url();
    expect(new URL(shared).search).toBe('?q=youth+justice&year=2023&sort=oldest');
    const results = await shown();

    const other = await context.newPage();
    await other.goto(shared);
    await other.waitForFunction(() => /result/.test(document.querySelector('#search-status')?.textContent ?? ''));
    expect(await other.getByRole('searchbox', { name: 'Search for' }).inputValue()).toBe('youth justice');
    expect(await other.getByRole('checkbox', { name: '2023' }).isChecked()).toBe(true);
    expect(await other.getByRole('radio', { name: 'Oldest first' }).isChecked()).toBe(true);
    expect(await other.locator('.search-result h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
      results.map((r) => r.href),
    );

    await page.goBack();
    await page.goBack();
    // Back restores the form and starts the search in one step, so once the box is unticked the search is under way.
    await page.waitForFunction(() => !document.querySelector<HTMLInputElement>('#search-filters input[value="2023"]')?.checked);
    await settled();
    expect(new URL(page.url()).search).toBe('?q=youth+justice');
    expect(await shown()).toEqual(first);
  });

  test('draws five results at a time and moves focus to the first new one on "Show more results"', async () => {
    await open('q=council');
    expect(await announced()).toBeGreaterThan(10);
    expect(await page.locator('.search-result').count()).toBe(5);
    await page.getByRole('button', { name: 'Show more results' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 5);
    expect(await page.locator('.search-result').count()).toBe(10);
    expect(await page.evaluate(() => document.activeElement?.closest('.search-result') === document.querySelectorAll('.search-result')[5])).toBe(true);
  });

  test('works from the keyboard alone: header box, a filter, then a result', async () => {
    await page.goto(at('/documents/leicester/cabinet/2009-07-13/homelessness-strategy-2008-2013/'));
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return { id: el?.id ?? '', type: el?.type ?? '', inResult: Boolean(el?.closest('.search-result')) };
    });
    const tabUntil = async (done: (f: Awaited<ReturnType<typeof focused>>) => boolean, key = 'Tab') => {
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press(key);
        if (done(await focused())) return;
      }
      throw new Error('focus never reached its target');
    };
    await tabUntil((f) => f.id === 'site-search-q');
    await page.keyboard.type('homelessness');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=homelessness$/);
    await settled();
    // Older papers are searched when asked for; focus then moves to the results heading, before the results.
    await tabUntil((f) => f.id === 'search-rest');
    await page.keyboard.press('Enter');
    await settled();
    expect((await focused()).id).toBe('search-results-heading');
    const all = await announced();
    expect(all).toBeGreaterThan(1);

    await tabUntil((f) => f.type === 'checkbox', 'Shift+Tab');
    await page.keyboard.press('Space');
    await settled();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
    expect(await announced()).toBeLessThanOrEqual(all);
    expect(['council', 'body', 'type', 'year'].flatMap((key) => new URL(page.url()).searchParams.getAll(key))).toHaveLength(1);

    await tabUntil((f) => f.inResult);
    const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.endsWith('/search/'));
    expect(page.url()).toBe(new URL(href!, site.server.url).href);
  });

  test('on a 390 px phone, the first result is on the first screen and the filters are folded, opened from the keyboard', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open('q=youth+justice');
    const title = await page.locator('.search-result h3').first().boundingBox();
    expect(title!.y + title!.height).toBeLessThanOrEqual(844);
    const minutes = page.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: 'Minutes', exact: true });
    expect(await minutes.isVisible()).toBe(false);

    await page.getByRole('searchbox', { name: 'Search for' }).focus();
    for (let i = 0; i < 5 && !(await page.evaluate(() => document.activeElement?.tagName === 'SUMMARY')); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Filter results');
    await page.keyboard.press('Enter');
    expect(await page.locator('#search-filters-fold').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await minutes.isVisible()).toBe(true);
    await minutes.check();
    await settled();
    expect(page.url()).toContain('type=minutes');
    expect(await page.evaluate(() => document.activeElement?.closest('summary')?.textContent)).toBeUndefined();
    expect(await page.locator('summary').textContent()).toBe('Filter results (1 chosen)');
  });

  test('on a wide screen the filters are open beside the results', async () => {
    await open('q=youth+justice');
    expect(await page.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: 'Minutes', exact: true }).isVisible()).toBe(true);
  });

  test('without JavaScript, says so plainly and links to the browse pages', async () => {
    const noScript = await site.browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(at('/search/'));
    // Playwright's own locators skip <noscript>; the DOM is read directly (scripts are off only for the page).
    const seen = await plain.evaluate(() => {
      const shown = (el: Element | null) => Boolean(el && el.getBoundingClientRect().height > 0);
      const note = document.querySelector('main noscript .note');
      return {
        message: shown(note) ? (note as HTMLElement).innerText : '',
        links: [...(note?.querySelectorAll('a') ?? [])].filter(shown).map((a) => [a.textContent, a.getAttribute('href')]),
        form: shown(document.querySelector('#search-q')),
      };
    });
    expect(seen.message).toContain('Search needs JavaScript');
    expect(seen.links).toEqual([
      ['Meetings by year', withBase(BASE, '/meetings/')],
      ['Decisions register', withBase(BASE, '/decisions/')],
      ['Strategies and plans', withBase(BASE, '/strategies/')],
    ]);
    expect(seen.form).toBe(false);
    await noScript.close();
  });

  test('a typical query fetches a small part of the index', async () => {
    // Each body is counted once it has arrived, all of them after the page is idle: a body still being read when
    // the network went quiet would otherwise be left out.
    const bodies: Array<Promise<number>> = [];
    const count = (r: Response) => {
      if (new URL(r.url()).pathname.startsWith(withBase(BASE, '/pagefind/'))) bodies.push(r.body().then((b) => b.length));
    };
    page.on('response', count);
    await open('q=youth+justice');
    await page.waitForLoadState('networkidle');
    page.off('response', count);
    const bytes = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
    // Everything Pagefind loads for one search (its script, WebAssembly, index chunks, five result
    // fragments), as served before any HTTP compression: 179 kB when written, of an index of 1.15 MB.
    expect(bytes).toBeGreaterThan(100_000);
    expect(bytes).toBeLessThan(220_000);
  });
});

describe('search in parts', () => {
  const older = '/documents/leicester/cabinet/2009-07-13/homelessness-strategy-2008-2013/appendix-a/';
  const offer = () => page.locator('#search-rest');

  test('searches the newest two years first, says so, and finds older papers when asked', async () => {
    await openFirst(`q=${encodeURIComponent('homelessness strategy')}`);
    const first = (await shown()).map((r) => pathOf(r.href));
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((p) => !p.includes('/2009-'))).toBe(true);
    expect(await page.locator('#search-status').textContent()).toMatch(/\. Searched papers from 2023 and 2014 to 2015\.$/);
    expect(await offer().textContent()).toBe('Search older papers (2009)');

    await offer().focus();
    await page.keyboard.press('Enter');
    await settled();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-results-heading');
    expect(await offer().isHidden()).toBe(true);
    const status = (await page.locator('#search-status').textContent()) ?? '';
    expect(status).not.toContain('Searched papers');
    expect((await shown()).map((r) => pathOf(r.href)).filter((p) => p.includes('/2009-')).length).toBeGreaterThan(0);
  });

  test('a year filter for an older year searches that year', async () => {
    await openFirst(`q=${encodeURIComponent('rough sleepers')}`);
    expect((await shown()).map((r) => pathOf(r.href))).not.toContain(older);
    await toggle('Year', '2009');
    expect((await shown()).map((r) => pathOf(r.href))).toContain(older);
    expect(await offer().isHidden()).toBe(true);
  });

  test('a name only older papers print finds no near misses in the newer ones, and is found when asked', async () => {
    const pages = html('Kitterick');
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.every((p) => p.includes('/2009-'))).toBe(true);
    await openFirst('q=Kitterick');
    expect(await announced()).toBe(0);
    expect(await shown()).toEqual([]);
    expect(await page.locator('#search-status').textContent()).toMatch(/^No results .*\. Searched papers from 2023 and 2014 to 2015\.$/);
    await offer().click();
    await settled();
    expect(await announced()).toBe(pages.length);
    expect((await shown()).map((r) => pathOf(r.href).replace(/#.*$/, '')).every((p) => pages.includes(p))).toBe(true);
  });

  test('a committee that met only in older years is searched in those years', async () => {
    await openFirst('body=Cabinet');
    const found = (await shown()).map((r) => pathOf(r.href));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((p) => p.includes('/cabinet/2009-'))).toBe(true);
    expect(await offer().isHidden()).toBe(true);
  });

  test('oldest first starts from the oldest papers and offers the newer ones', async () => {
    await openFirst('type=report&sort=oldest');
    const dates = (await shown()).map((r) => dateOf(r.meta));
    expect(dates[0]).toBeLessThan(Date.UTC(2010, 0, 1));
    expect(dates).toEqual([...dates].sort((a, b) => a! - b!));
    expect(await offer().textContent()).toMatch(/^Search newer papers \(/);
  });

  test('the search page with an offer of older papers passes axe', async () => {
    await openFirst('q=budget');
    expect(await offer().isVisible()).toBe(true);
    const results = await runAxe(page);
    expect(results.violations.map(describeViolation)).toEqual([]);
  });
});
