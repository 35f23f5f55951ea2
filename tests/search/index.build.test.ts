import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeHTML } from 'entities';
import { indexedPages } from '../../scripts/search-index';
import { searchTypes } from '../../src/model/search';
import { withBase } from '../../src/model/url';
import { BASE, DIST, sitePages } from '../helpers/dist';
import { attr, elements, parseHtml } from '../helpers/html';
import { storedFragments, type Fragment } from '../helpers/pagefind';

const PAGEFIND = join(DIST, 'pagefind');
/** Each part's index folder, by part name. */
const parts = readdirSync(PAGEFIND);
const fragmentsOf = (part: string): Fragment[] => storedFragments(join(PAGEFIND, part));
const fragments: Fragment[] = parts.flatMap(fragmentsOf);
// Pagefind records site paths without the deploy base; the search page adds it to each result.
const html = sitePages().map((p) => ({ url: p.path, text: readFileSync(p.file, 'utf8') }));
const indexed = html.filter((p) => p.text.includes('data-pagefind-body'));
const fragment = (url: string) => fragments.find((f) => f.url === url);
const pageCount = (part: string) => indexedPages(readFileSync(join(PAGEFIND, part, 'pagefind-entry.json'), 'utf8'));

describe('the search index', () => {
  test('holds exactly the pages marked for search, each in the index of the part named on the page', () => {
    expect(indexed.length).toBeGreaterThan(20);
    expect(parts.reduce((n, part) => n + pageCount(part), 0)).toBe(indexed.length);
    expect(fragments.map((f) => f.url).sort()).toEqual(indexed.map((p) => p.url).sort());
    for (const part of parts) {
      const marked = indexed.filter((p) => p.text.includes(`data-part="${part}"`)).map((p) => p.url);
      expect(fragmentsOf(part).map((f) => f.url).sort(), part).toEqual(marked.sort());
    }
    expect(fragment('/search/')).toBeUndefined();
    expect(fragment('/')).toBeUndefined();
  });

  test('every part keeps its index in a pack, a table per first digit of a hash, and none of the files it packed', () => {
    for (const part of parts) {
      const files = readdirSync(join(PAGEFIND, part));
      expect(files, part).not.toContain('fragment');
      expect(files, part).not.toContain('index');
      const pack = readdirSync(join(PAGEFIND, part, 'pack'));
      expect(pack.filter((f) => f.endsWith('.pf_pack')), part).toHaveLength(1);
      expect(pack.filter((f) => f.endsWith('.json')).every((f) => /^[0-9a-f]\.json$/.test(f)), part).toBe(true);
    }
  });

  test('the search page offers exactly the filter values the index holds, drawn into its HTML at build time', () => {
    const inIndex = new Set(fragments.flatMap((f) => Object.entries(f.filters).flatMap(([key, values]) => values.map((v) => `${key}=${v}`))));
    const search = html.find((p) => p.url === '/search/')!;
    const boxes = [...elements(parseHtml(search.text))].filter((el) => el.tagName === 'input' && attr(el, 'type') === 'checkbox');
    const offered = boxes.map((el) => `${attr(el, 'name')}=${attr(el, 'value')}`);
    expect(offered.length).toBeGreaterThan(10);
    expect(new Set(offered).size).toBe(offered.length);
    expect(new Set(offered)).toEqual(inIndex);
  });

  test('covers meetings, minutes, reports, plans and strategies from every seed council', () => {
    const types = new Set(fragments.flatMap((f) => f.filters['type'] ?? []));
    for (const type of ['meeting', 'agenda', 'report', 'minutes', 'strategy', 'plan']) expect(types).toContain(type);
    expect(new Set(fragments.flatMap((f) => f.filters['council'] ?? []))).toEqual(
      new Set(['Leicester City Council', 'Leicestershire County Council']),
    );
  });

  test.each(['Skip to main content', "Published from the councils' own meeting packs", 'Link to this paragraph', 'Link to minute', 'Link to item'])(
    'leaves page chrome out of the indexed text: %s',
    (chrome) => {
      expect(fragments.filter((f) => f.content.includes(chrome)).map((f) => f.url)).toEqual([]);
    },
  );

  test("finds a strategy once, on its document's page, which links to the overview that is not a result", () => {
    const overviews = html.filter((p) => p.url.startsWith('/strategies/') && /<dt[^>]*>Full text<\/dt>/.test(p.text));
    expect(overviews.length).toBeGreaterThan(5);
    for (const overview of overviews) {
      expect(fragment(overview.url), overview.url).toBeUndefined();
      const document = html.find((p) => p.url === overview.url.replace(/^\/strategies\//, '/documents/'));
      expect(fragment(document!.url), document!.url).toBeDefined();
      expect(document!.text, document!.url).toContain(`<dt>Overview</dt><dd><a href="${withBase(BASE, overview.url)}">`);
    }
  });

  test('leaves the search facets out of the indexed text, so excerpts do not start with them', () => {
    // The facets hold the date as YYYY-MM-DD, which no page prints.
    expect(fragments.filter((f) => f.meta['date'] && f.content.includes(f.meta['date'])).map((f) => f.url)).toEqual([]);
  });

  test('every page has a title, a type and a council; a dated page also has its year to filter by', () => {
    for (const f of fragments) {
      expect(f.meta['title'], f.url).toBeTruthy();
      expect(f.filters['council'], f.url).toHaveLength(1);
      expect(f.filters['type'], f.url).toHaveLength(1);
      if (f.meta['date'] === undefined) continue;
      expect(f.meta['date'], f.url).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(f.filters['year'], f.url).toEqual([f.meta['date'].slice(0, 4)]);
    }
    expect(fragments.filter((f) => f.meta['date']).length).toBeGreaterThan(fragments.length / 2);
  });

  test('files each kind of document under a broader type, and keeps the precise kind for the result label', () => {
    const actionPlan = fragment('/documents/leicester/cabinet/2009-07-13/homelessness-strategy-2008-2013/appendix-1/');
    expect(actionPlan?.meta['type']).toBe('action-plan');
    expect(actionPlan?.filters['type']).toEqual(['plan']);
    const known = new Set<string>(searchTypes);
    expect(fragments.filter((f) => !known.has(f.filters['type']![0]!)).map((f) => f.filters['type'])).toEqual([]);
  });

  test('keeps the words of adjacent table headings apart', () => {
    const plan = fragment('/documents/leicestershire/scrutiny-commission/2015-04-22/draft-youth-justice-strategic-plan-2015-16/appendix-1/');
    expect(plan?.content).toContain('National Indicator Target 11/12');
  });

  test('records minutes, decisions and paragraphs as anchors a hit can link to', () => {
    const ids = new Set(fragment('/minutes/leicestershire/scrutiny-commission/2015-03-04/')?.anchors.map((a) => a.id));
    expect(ids).toContain('minute-181');
    expect(ids).toContain('decision-180-a');
    expect(ids).toContain('p-6f235d6');
  });

  test('has one index per part with searchable pages (the seed years; the site part lists but has none), each listed on the search page newest first', () => {
    expect(parts.sort()).toEqual(['leicester-2009', 'leicestershire-2014-2015', 'leicestershire-2023']);
    const search = html.find((p) => p.url === '/search/')!;
    const listed = JSON.parse(decodeHTML(/data-indexes="([^"]*)"/.exec(search.text)![1]!)) as Array<{ name: string; pages: number }>;
    expect(listed.map((p) => p.name)).toEqual(['leicestershire-2023', 'leicestershire-2014-2015', 'leicester-2009']);
    for (const part of listed) expect(part.pages, part.name).toBeGreaterThanOrEqual(pageCount(part.name));
  });

  test("ships Pagefind's search bundle with each index but not its unused interfaces", () => {
    for (const part of parts) {
      expect(existsSync(join(PAGEFIND, part, 'pagefind.js')), part).toBe(true);
      expect(readdirSync(join(PAGEFIND, part)).filter((f) => /ui|highlight|unknown/.test(f)), part).toEqual([]);
    }
  });
});

describe('the search page and box', () => {
  const search = html.find((p) => p.url === '/search/')!.text;

  test('without JavaScript, says search needs it and links to the browse pages', () => {
    const noscript = /<noscript>([\s\S]*?)<\/noscript>/.exec(search)?.[1] ?? '';
    expect(noscript).toContain('Search needs JavaScript');
    for (const path of ['/meetings/', '/decisions/', '/strategies/']) expect(noscript).toContain(`href="${withBase(BASE, path)}"`);
  });

  test('loads its script from a file (the Content Security Policy forbids inline script), on this page only', () => {
    const src = /<script type="module" src="([^"]+\.js)"><\/script>/.exec(search)?.[1];
    expect(src?.startsWith(withBase(BASE, '/_astro/'))).toBe(true);
    expect(search).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html.filter((p) => p.text.includes(src!)).map((p) => p.url)).toEqual(['/search/']);
  });

  test('every other page has a labelled search box that sends its words to the search page', () => {
    for (const page of html.filter((p) => p.url !== '/search/' && p.text.includes('class="site-header"'))) {
      expect(page.text, page.url).toContain(`<form class="site-search" role="search" action="${withBase(BASE, '/search/')}" method="get">`);
      expect(page.text, page.url).toMatch(/<label for="site-search-q"[^>]*>Search council publications<\/label>/);
      expect(page.text, page.url).toContain('<input type="search" id="site-search-q" name="q">');
    }
  });
});
