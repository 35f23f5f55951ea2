import { describe, expect, test } from 'vitest';
import { indexedPages, separateBlocks, textlessAnchors, UNUSED_UI } from '../../scripts/search-index';
import {
  densestLocation,
  filterGroups,
  filterType,
  hasQuery,
  hitsIn,
  nearestAnchor,
  pagefindOptions,
  pagefindTerm,
  readQuery,
  summarise,
  typeLabel,
  withFragment,
  withOfferedFilters,
  writeQuery,
  type SearchQuery,
} from '../../src/model/search';

const query = (over: { q?: string; sort?: SearchQuery['sort']; filters?: Partial<SearchQuery['filters']> } = {}): SearchQuery => ({
  q: over.q ?? '',
  sort: over.sort ?? 'newest',
  filters: { council: [], body: [], type: [], year: [], ...over.filters },
});

describe('the search URL', () => {
  test('reads words, repeated filters and the order', () => {
    const q = readQuery(new URLSearchParams('q=+youth+justice+&type=minutes&type=report&year=2015&sort=relevance'));
    expect(q).toEqual(query({ q: 'youth justice', sort: 'relevance', filters: { type: ['minutes', 'report'], year: ['2015'] } }));
  });

  test('falls back to newest first for a missing or unknown order, and drops empty and repeated values', () => {
    expect(readQuery(new URLSearchParams('sort=random&year=&year=2015&year=2015'))).toEqual(query({ filters: { year: ['2015'] } }));
  });

  test('writes only what is set, in a fixed order, so equal searches share one address', () => {
    const a = writeQuery(query({ q: '"rough sleepers"', filters: { year: ['2023', '2015'], type: ['minutes'] } }));
    const b = writeQuery(query({ q: '"rough sleepers"', filters: { type: ['minutes'], year: ['2015', '2023'] } }));
    expect(a).toBe('q=%22rough+sleepers%22&type=minutes&year=2015&year=2023');
    expect(b).toBe(a);
    expect(writeQuery(query({ q: 'x', sort: 'oldest' }))).toBe('q=x&sort=oldest');
  });

  test('round-trips through the URL', () => {
    const q = query({ q: '£2,268,584', sort: 'relevance', filters: { council: ['Leicester City Council'], body: ['Cabinet'] } });
    expect(readQuery(new URLSearchParams(writeQuery(q)))).toEqual(q);
  });

  test('an empty form asks for nothing; a filter alone is a search', () => {
    expect(hasQuery(query())).toBe(false);
    expect(hasQuery(query({ filters: { year: ['2009'] } }))).toBe(true);
  });
});

describe('the text handed to Pagefind', () => {
  test.each([
    ['£2,268,584', '2,268,584'],
    ['£ 13.85m', '13.85m'],
    ['spent £5,816,986 on', 'spent 5,816,986 on'],
    ['16.6%', '16.6%'],
    ['“rough sleepers”', '"rough sleepers"'],
    ['  youth   justice ', 'youth justice'],
  ])('%s becomes %s', (typed, term) => {
    expect(pagefindTerm(typed)).toBe(term);
  });

  test('nothing typed lists by filters alone', () => {
    expect(pagefindTerm('   ')).toBeNull();
  });

  test('within a filter any ticked value matches; the default order is newest first', () => {
    expect(pagefindOptions(query({ q: 'x', filters: { type: ['minutes', 'report'], year: ['2015'] } }))).toEqual({
      filters: { type: { any: ['minutes', 'report'] }, year: { any: ['2015'] } },
      sort: { date: 'desc' },
    });
  });

  test('relevance drops the date sort, but only when there are words to rank by', () => {
    expect(pagefindOptions(query({ q: 'x', sort: 'relevance' }))).toEqual({ filters: {} });
    expect(pagefindOptions(query({ sort: 'relevance', filters: { year: ['2015'] } })).sort).toEqual({ date: 'desc' });
    expect(pagefindOptions(query({ q: 'x', sort: 'oldest' })).sort).toEqual({ date: 'asc' });
  });
});

describe('types', () => {
  test.each([
    ['action-plan', 'plan'],
    ['workshop-summary', 'workshop'],
    ['supplement', 'agenda'],
    ['appendix', 'report'],
    ['minutes', 'minutes'],
    ['KPI', 'KPI'],
  ])('%s is filtered as %s', (type, filter) => {
    expect(filterType(type)).toBe(filter);
  });

  test('labels read as words', () => {
    expect(typeLabel('action-plan')).toBe('Action plan');
    expect(typeLabel('KPI')).toBe('KPI');
  });
});

describe('filter groups', () => {
  const available = {
    type: ['report', 'minutes', 'meeting', 'agenda', 'plan', 'zebra', 'report'],
    year: ['2009', '2023', '2015'],
    council: ['Leicestershire County Council', 'Leicester City Council'],
    body: [],
  };

  test('lists types in the fixed order, years newest first, names alphabetically; skips empty groups', () => {
    const groups = filterGroups(available);
    expect(groups.map((g) => g.legend)).toEqual(['Council', 'Type', 'Year']);
    expect(groups[0]!.options.map((o) => o.value)).toEqual(['Leicester City Council', 'Leicestershire County Council']);
    expect(groups[1]!.options.map((o) => o.label)).toEqual(['Meeting', 'Agenda', 'Report', 'Minutes', 'Plan', 'Zebra']);
    expect(groups[2]!.options.map((o) => o.value)).toEqual(['2023', '2015', '2009']);
  });

  test('a value the URL asks for that the page does not offer is dropped, since nobody could untick it', () => {
    const offered = (key: string, value: string) => (available as Record<string, string[]>)[key]?.includes(value) ?? false;
    const asked = query({ q: 'budget', filters: { body: ['Cabinet'], year: ['2015', '1999'] } });
    expect(withOfferedFilters(asked, offered)).toEqual(query({ q: 'budget', filters: { year: ['2015'] } }));
  });
});

describe('the announcement', () => {
  test('says how many, for what, within what, in which order', () => {
    expect(summarise(query({ q: 'youth justice', filters: { type: ['action-plan'], year: ['2015'] } }), 3)).toBe(
      '3 results for “youth justice” in Action plan, 2015 (newest first).',
    );
    expect(summarise(query({ q: '"rough sleepers"', sort: 'relevance' }), 2)).toBe('2 results for "rough sleepers" (most relevant first).');
    expect(summarise(query({ q: 'x' }), 1)).toBe('1 result for “x”.');
    expect(summarise(query({ q: 'x' }), 0)).toBe('No results for “x”.');
  });
});

describe('deep links', () => {
  // Anchors as Pagefind lists them for a set of minutes: a minute's section and its heading share a position.
  const anchors = [
    { element: 'p', id: 'p-aaaaaaa', location: 0 },
    { element: 'section', id: 'minute-181', location: 40 },
    { element: 'h2', id: 'minute-181-title', location: 40 },
    { element: 'li', id: 'p-6f235d6', location: 52 },
    { element: 'li', id: 'p-23313b8', location: 80 },
  ];

  test('a hit goes to the last anchor at or before it, the heading rather than its section', () => {
    expect(nearestAnchor(anchors, 60)).toBe('p-6f235d6');
    expect(nearestAnchor(anchors, 41)).toBe('minute-181-title');
    expect(nearestAnchor(anchors, 80)).toBe('p-23313b8');
    expect(nearestAnchor(anchors.slice(1), 10)).toBeUndefined();
  });

  test('the densest run of matches wins over a lone earlier one', () => {
    const words = [
      { location: 3, balanced_score: 10 },
      { location: 200, balanced_score: 10 },
      { location: 205, balanced_score: 10 },
    ];
    expect(densestLocation(words)).toBe(200);
    expect(densestLocation([])).toBeUndefined();
  });

  test('fragments replace any heading fragment and are encoded', () => {
    expect(withFragment('/minutes/a/#minute-181-title', 'p-6f235d6')).toBe('/minutes/a/#p-6f235d6');
    expect(withFragment('/x/', 'a b')).toBe('/x/#a%20b');
    expect(withFragment('/x/#h', undefined)).toBe('/x/');
  });

  test('hits are ordered by weight and each links to the paragraph where its matches are', () => {
    const hits = hitsIn({
      anchors,
      sub_results: [
        { title: 'Minutes', url: '/m/', excerpt: 'a', weighted_locations: [{ location: 5, balanced_score: 1 }] },
        {
          title: '181. Quarter 3 Performance Report.',
          url: '/m/#minute-181-title',
          excerpt: 'b',
          weighted_locations: [
            { location: 55, balanced_score: 20 },
            { location: 56, balanced_score: 20 },
          ],
        },
      ],
    });
    expect(hits).toEqual([
      { title: '181. Quarter 3 Performance Report.', url: '/m/#p-6f235d6', excerpt: 'b' },
      { title: 'Minutes', url: '/m/#p-aaaaaaa', excerpt: 'a' },
    ]);
  });
});

describe('what Pagefind is given', () => {
  test('block elements that Pagefind would run together get a space after them', () => {
    const html = '<table><caption>Targets</caption><tr><th>National Indicator</th><th>Target 11/12</th></tr></table><dl><dt>Type</dt><dd>Plan</dd></dl>';
    expect(separateBlocks(html)).toBe(
      '<table><caption>Targets</caption> <tr><th>National Indicator</th> <th>Target 11/12</th> </tr> </table> <dl><dt>Type</dt> <dd>Plan</dd> </dl> ',
    );
  });

  test('inline elements and text are left alone', () => {
    expect(separateBlocks('<p>£2,268,584 <strong>in</strong> 2015/16</p>')).toBe('<p>£2,268,584 <strong>in</strong> 2015/16</p>');
  });

  test('a block already followed by whitespace gets no second space, so indexing a page twice changes nothing', () => {
    const once = separateBlocks('<table><tr><th>A</th>\n<th>B</th></tr></table>');
    expect(once).toBe('<table><tr><th>A</th>\n<th>B</th> </tr> </table> ');
    expect(separateBlocks(once)).toBe(once);
  });

  test("Pagefind's own interfaces are removed, its search bundle kept", () => {
    expect(['pagefind-ui.js', 'pagefind-component-ui.css', 'pagefind-modular-ui.js', 'pagefind-highlight.js'].every((f) => UNUSED_UI.test(f))).toBe(true);
    expect(['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'wasm.en-gb.pagefind'].some((f) => UNUSED_UI.test(f))).toBe(false);
  });
});

describe('anchors as Pagefind reads them', () => {
  test('each id moves to an empty span at the start of its element, so the anchor repeats none of its text', () => {
    const html = '<main id="main" class="wrap" tabindex="-1" data-pagefind-body><section class="minute" id="minute-181" aria-labelledby="minute-181-title"><p id="p-6f235d6">Budget &gt; £2m</p></section></main>';
    expect(textlessAnchors(html)).toBe(
      '<main class="wrap" tabindex="-1" data-pagefind-body><span id="main"></span><section class="minute" aria-labelledby="minute-181-title"><span id="minute-181"></span><p><span id="p-6f235d6"></span>Budget &gt; £2m</p></section></main>',
    );
  });

  test('headings keep their ids and text (sub-results take their titles from them); void elements and id-less tags are untouched', () => {
    const html = '<h2 id="minute-181-title">181. Budget</h2><img src="a.png" id="chart" alt="A"><a class="anchor" href="#x" aria-label="Link &gt; here">#</a><div data-x="a>b" id="d">x</div>';
    expect(textlessAnchors(html)).toBe(
      '<h2 id="minute-181-title">181. Budget</h2><img src="a.png" id="chart" alt="A"><a class="anchor" href="#x" aria-label="Link &gt; here">#</a><div data-x="a>b"><span id="d"></span>x</div>',
    );
  });
});

describe('the index entry file', () => {
  test('counts the pages of every language', () => {
    const entry = { version: '1.6.0', languages: { 'en-gb': { hash: 'en-gb_1', wasm: 'en-gb', page_count: 85 }, cy: { hash: 'cy_2', wasm: 'cy', page_count: 3 } } };
    expect(indexedPages(JSON.stringify(entry))).toBe(88);
  });
});
