import { describe, expect, test } from 'vitest';
import { indexedPages, separateBlocks, textlessAnchors, UNUSED_UI } from '../../scripts/search-index';
import {
  changedQuery,
  densestLocation,
  filterGroups,
  filterType,
  hasQuery,
  hitsIn,
  nearestAnchor,
  pagefindOptions,
  pagefindTerm,
  readQuery,
  resultOrder,
  summarise,
  typeLabel,
  withFragment,
  withOfferedFilters,
  writeQuery,
  type SearchQuery,
} from '../../src/model/search';

const query = (over: { q?: string; sort?: SearchQuery['sort']; filters?: Partial<SearchQuery['filters']> } = {}): SearchQuery => ({
  q: over.q ?? '',
  sort: over.sort,
  filters: { council: [], body: [], type: [], year: [], ...over.filters },
});

describe('the search URL', () => {
  test('reads words, repeated filters and the order', () => {
    const q = readQuery(new URLSearchParams('q=+youth+justice+&type=minutes&type=report&year=2015&sort=oldest'));
    expect(q).toEqual(query({ q: 'youth justice', sort: 'oldest', filters: { type: ['minutes', 'report'], year: ['2015'] } }));
  });

  test('leaves the order to the usual rule when it is missing or unknown, and drops empty and repeated values', () => {
    expect(readQuery(new URLSearchParams('sort=random&year=&year=2015&year=2015'))).toEqual(query({ filters: { year: ['2015'] } }));
  });

  test('writes only what is set, in a fixed order, so equal searches share one address', () => {
    const a = writeQuery(query({ q: '"rough sleepers"', filters: { year: ['2023', '2015'], type: ['minutes'] } }));
    const b = writeQuery(query({ q: '"rough sleepers"', filters: { type: ['minutes'], year: ['2015', '2023'] } }));
    expect(a).toBe('q=%22rough+sleepers%22&type=minutes&year=2015&year=2023');
    expect(b).toBe(a);
    expect(writeQuery(query({ q: 'x', sort: 'oldest' }))).toBe('q=x&sort=oldest');
    expect(writeQuery(query({ q: 'x', sort: 'newest' }))).toBe('q=x&sort=newest');
  });

  test('records an order only when it differs from the usual one for the search', () => {
    expect(writeQuery(query({ q: 'x', sort: 'relevance' }))).toBe('q=x');
    expect(writeQuery(query({ filters: { year: ['2015'] }, sort: 'newest' }))).toBe('year=2015');
    expect(writeQuery(query({ filters: { year: ['2015'] }, sort: 'relevance' }))).toBe('year=2015');
    expect(writeQuery(query({ filters: { year: ['2015'] }, sort: 'oldest' }))).toBe('year=2015&sort=oldest');
  });

  test('round-trips through the URL', () => {
    const q = query({ q: '£2,268,584', sort: 'newest', filters: { council: ['Leicester City Council'], body: ['Cabinet'] } });
    expect(readQuery(new URLSearchParams(writeQuery(q)))).toEqual(q);
  });

  test('an empty form asks for nothing; a filter alone is a search', () => {
    expect(hasQuery(query())).toBe(false);
    expect(hasQuery(query({ filters: { year: ['2009'] } }))).toBe(true);
  });
});

describe('the order of results', () => {
  test('typed words are ranked by relevance unless the address asks for a date order', () => {
    expect(resultOrder(query({ q: 'East Midlands Shared Services' }))).toBe('relevance');
    expect(resultOrder(query({ q: 'youth justice', filters: { year: ['2015'] } }))).toBe('relevance');
    expect(resultOrder(query({ q: 'x', sort: 'relevance' }))).toBe('relevance');
    expect(resultOrder(query({ q: 'x', sort: 'newest' }))).toBe('newest');
    expect(resultOrder(query({ q: 'x', sort: 'oldest' }))).toBe('oldest');
  });

  test('a list by filters alone, with no words to rank by, is newest first unless oldest is asked for', () => {
    expect(resultOrder(query({ filters: { type: ['minutes'] } }))).toBe('newest');
    expect(resultOrder(query({ q: '  ', filters: { type: ['minutes'] } }))).toBe('newest');
    expect(resultOrder(query({ filters: { type: ['minutes'] }, sort: 'relevance' }))).toBe('newest');
    expect(resultOrder(query({ filters: { type: ['minutes'] }, sort: 'oldest' }))).toBe('oldest');
  });

  test('the address of a typed search keeps a date order and drops the usual one', () => {
    for (const sort of ['newest', 'oldest'] as const) {
      const q = readQuery(new URLSearchParams(writeQuery(query({ q: 'budget', sort }))));
      expect(resultOrder(q)).toBe(sort);
    }
    expect(resultOrder(readQuery(new URLSearchParams('q=budget')))).toBe('relevance');
  });

  const form = (fields: string) => new URLSearchParams(fields);
  test('changing the form: words typed after browsing by filters are ranked by relevance', () => {
    const browsing = query({ filters: { type: ['minutes'] } });
    // The order buttons show "Newest first" while browsing; submitting words does not make that a choice.
    expect(changedQuery(form('q=budget&type=minutes&sort=newest'), browsing, false)).toEqual(
      query({ q: 'budget', filters: { type: ['minutes'] } }),
    );
  });

  test('changing the form: a date order the reader chose stays when the words or filters change', () => {
    const dated = query({ q: 'budget', sort: 'oldest' });
    expect(changedQuery(form('q=youth+justice&sort=oldest&year=2015'), dated, false)).toEqual(
      query({ q: 'youth justice', sort: 'oldest', filters: { year: ['2015'] } }),
    );
  });

  test('changing the form: choosing an order applies it, and choosing relevance goes back to the usual order', () => {
    const typed = query({ q: 'budget' });
    expect(changedQuery(form('q=budget&sort=newest'), typed, true)).toEqual(query({ q: 'budget', sort: 'newest' }));
    expect(changedQuery(form('q=budget&sort=relevance'), query({ q: 'budget', sort: 'newest' }), true)).toEqual(typed);
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

  test('within a filter any ticked value matches; filters alone are listed newest first', () => {
    expect(pagefindOptions(query({ filters: { type: ['minutes', 'report'], year: ['2015'] } }))).toEqual({
      filters: { type: { any: ['minutes', 'report'] }, year: { any: ['2015'] } },
      sort: { date: 'desc' },
    });
  });

  test('typed words get no date sort (Pagefind then ranks by relevance); a date order asked for gets one', () => {
    expect(pagefindOptions(query({ q: 'x' }))).toEqual({ filters: {} });
    expect(pagefindOptions(query({ q: 'x', sort: 'relevance' }))).toEqual({ filters: {} });
    expect(pagefindOptions(query({ q: 'x', sort: 'newest' })).sort).toEqual({ date: 'desc' });
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
    expect(summarise(query({ q: 'youth justice', sort: 'newest', filters: { type: ['action-plan'], year: ['2015'] } }), 3)).toBe(
      '3 results for “youth justice” in Action plan, 2015 (newest first).',
    );
    expect(summarise(query({ q: '"rough sleepers"' }), 2)).toBe('2 results for "rough sleepers" (most relevant first).');
    expect(summarise(query({ q: '“rough sleepers”' }), 2)).toBe('2 results for “rough sleepers” (most relevant first).');
    expect(summarise(query({ filters: { year: ['2015'] } }), 2)).toBe('2 results in 2015 (newest first).');
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
