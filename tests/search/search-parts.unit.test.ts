import { describe, expect, test } from 'vitest';
import { markedPart, UNUSED_UI } from '../../scripts/search-index';
import { SITE_PART } from '../../src/model/partition';
import type { SearchQuery } from '../../src/model/search';
import { filterValues, searchablePages } from '../../src/model/search-facets';
import { exactWord, firstBatch, mergedByDate, partIndexes, partsFor, searchScope, yearsInWords, type PartIndex } from '../../src/model/search-parts';
import { contentGraph } from '../helpers/graph';

const query = (over: { q?: string; sort?: SearchQuery['sort']; filters?: Partial<SearchQuery['filters']> } = {}): SearchQuery => ({
  q: over.q ?? '',
  sort: over.sort,
  filters: { council: [], body: [], type: [], year: [], ...over.filters },
});

const graph = contentGraph();
const indexes = partIndexes(graph);
const names = (parts: readonly PartIndex[]) => parts.map((p) => p.name);
const dated = indexes.filter((p) => p.name !== SITE_PART);
/** The site part's index, when any page listing across parts is searchable (on the seed site none is). */
const site = names(indexes.filter((p) => p.name === SITE_PART));
/** Every year of a part, as the page names them. */
const yearsOf = (p: PartIndex) => Array.from({ length: p.years!.to - p.years!.from + 1 }, (_, i) => p.years!.from + i);

describe('the part indexes of the seed site', () => {
  test('one per part that has searchable pages, the site part first, then the parts newest first', () => {
    const withPages = new Set(searchablePages(graph).map((f) => f.part ?? SITE_PART));
    expect(new Set(names(indexes))).toEqual(withPages);
    expect(names(dated)).toEqual(graph.partition.parts.map((p) => p.name).filter((n) => withPages.has(n)));
    expect(dated.map((p) => p.years!.to)).toEqual([...dated.map((p) => p.years!.to)].sort((a, b) => b - a));
  });

  test('count every searchable page once, and carry the filter values of their pages', () => {
    expect(indexes.reduce((n, p) => n + p.pages, 0)).toBe(searchablePages(graph).length);
    for (const part of dated) {
      expect(part.filters.year, part.name).toContain(String(part.years!.to));
      expect(part.filters.year!.every((y) => yearsOf(part).includes(Number(y))), part.name).toBe(true);
      expect(part.filters.council, part.name).toHaveLength(1);
      const pages = searchablePages(graph).filter((f) => f.part === part.name).map(filterValues);
      expect(part.filters.body, part.name).toEqual([...new Set(pages.flatMap((v) => (v.body ? [v.body] : [])))].sort());
      expect(part.filters.type, part.name).toEqual([...new Set(pages.flatMap((v) => (v.type ? [v.type] : [])))].sort());
    }
  });
});

describe('which parts a search loads first', () => {
  test('the site part and the newest two years', () => {
    const batch = firstBatch(indexes, query({ q: 'budget' }));
    expect(names(batch)).toEqual([...site, ...names(dated.slice(0, 2))]);
  });

  test('one year only when two would pass the page budget, and never less than one', () => {
    const first = dated[0]!;
    expect(names(firstBatch(indexes, query({ q: 'budget' }), { groups: 2, pages: first.pages }))).toEqual([...site, first.name]);
    expect(names(firstBatch(indexes, query({ q: 'budget' }), { groups: 2, pages: 0 }))).toEqual([...site, first.name]);
  });

  const twins: PartIndex[] = [
    { name: 'a-2020', label: 'A, 2020', years: { from: 2020, to: 2020 }, pages: 10, filters: {} },
    { name: 'b-2020', label: 'B, 2020', years: { from: 2020, to: 2020 }, pages: 10, filters: {} },
    { name: 'a-2019', label: 'A, 2019', years: { from: 2019, to: 2019 }, pages: 10, filters: {} },
  ];

  test('a year is loaded whole when it fits; one too big on its own is cut to its first parts', () => {
    expect(names(firstBatch(twins, query({ q: 'x' }), { groups: 2, pages: 25 }))).toEqual(['a-2020', 'b-2020']);
    expect(names(firstBatch(twins, query({ q: 'x' }), { groups: 2, pages: 15 }))).toEqual(['a-2020']);
  });

  test('a year searched in part is named by its parts, and the rest offered by year', () => {
    const scope = searchScope(twins, query({ q: 'x' }), new Set(['a-2020']))!;
    expect(scope.searched).toBe('Searched papers from A, 2020.');
    expect(scope.offer).toBe('Search other papers (2019 to 2020)');
  });

  test('oldest first loads the oldest years', () => {
    expect(names(firstBatch(indexes, query({ q: 'budget', sort: 'oldest' })))).toEqual([...site, ...names(dated.slice(-2).reverse())]);
  });

  test('a year filter for an older year loads the parts of that year, and only those can match', () => {
    const oldest = dated[dated.length - 1]!;
    const year = query({ q: 'homelessness', filters: { year: [String(oldest.years!.to)] } });
    expect(names(partsFor(dated, year))).toEqual([oldest.name]);
    expect(names(firstBatch(indexes, year))).toContain(oldest.name);
    expect(names(firstBatch(indexes, year))).not.toContain(dated[0]!.name);
  });

  test('a council filter keeps to that council, and a committee filter to the parts with its papers', () => {
    const council = dated[dated.length - 1]!.filters.council![0]!;
    expect(partsFor(dated, query({ filters: { council: [council] } })).every((p) => p.filters.council?.includes(council))).toBe(true);
    // The seed site's Cabinet met in 2009 only, its oldest part: a search for its papers starts there.
    const cabinet = query({ filters: { body: ['Cabinet'] } });
    expect(names(partsFor(dated, cabinet))).toEqual([dated[dated.length - 1]!.name]);
    expect(names(firstBatch(indexes, cabinet))).toContain(dated[dated.length - 1]!.name);
    expect(searchScope(indexes, cabinet, new Set(names(firstBatch(indexes, cabinet))))).toBeUndefined();
    // A filter no part's pages carry keeps none.
    expect(partsFor(dated, query({ filters: { body: ['No Such Committee'] } }))).toEqual([]);
  });
});

describe('what the page says about the parts searched', () => {
  test('names the years searched and offers the older ones', () => {
    const q = query({ q: 'budget' });
    const loaded = new Set(names(firstBatch(indexes, q)));
    const scope = searchScope(indexes, q, loaded)!;
    expect(scope.searched).toBe(`Searched papers from ${yearsInWords(dated.slice(0, 2).flatMap(yearsOf))}.`);
    expect(scope.offer).toBe(`Search older papers (${yearsInWords(dated.slice(2).flatMap(yearsOf))})`);
    expect(scope.loading).toBe(`Searching papers from ${yearsInWords(dated.slice(2).flatMap(yearsOf))} ...`);
    expect(names(scope.rest)).toEqual(names(dated.slice(2)));
  });

  test('says nothing more once every part that could match is searched', () => {
    expect(searchScope(indexes, query({ q: 'budget' }), new Set(names(indexes)))).toBeUndefined();
    const newest = dated[0]!;
    expect(searchScope(indexes, query({ q: 'x', filters: { year: [String(newest.years!.to)] } }), new Set([newest.name]))).toBeUndefined();
  });

  test('offers newer papers after an oldest-first search', () => {
    const q = query({ q: 'budget', sort: 'oldest' });
    expect(searchScope(indexes, q, new Set(names(firstBatch(indexes, q))))?.offer).toMatch(/^Search newer papers \(/);
  });

  test('years in words: newest first, runs as ranges', () => {
    expect(yearsInWords([2023])).toBe('2023');
    expect(yearsInWords([2015, 2023])).toBe('2023 and 2015');
    expect(yearsInWords([2009, 2010, 2011, 2012, 2013, 2014])).toBe('2009 to 2014');
    expect(yearsInWords([2023, 2015, 2014, 2009])).toBe('2023, 2014 to 2015 and 2009');
  });

  test('parts not keyed by year are named by their labels', () => {
    const councils: PartIndex[] = [
      { name: 'a', label: 'Council A', pages: 1, filters: {} },
      { name: 'b', label: 'Council B', pages: 1, filters: {} },
      { name: 'c', label: 'Council C', pages: 1, filters: {} },
    ];
    const scope = searchScope(councils, query({ q: 'x' }), new Set(['a']))!;
    expect(scope.searched).toBe('Searched papers from Council A.');
    expect(scope.offer).toBe('Search other papers (Council B and Council C)');
  });
});

describe('searching in parts', () => {
  test('a one-word query is also searched exactly, to find the parts that have the word', () => {
    expect(exactWord('orson')).toBe('"orson"');
    expect(exactWord('2268584')).toBe('"2268584"');
    expect(exactWord('youth justice')).toBeNull();
    expect(exactWord('"youth justice"')).toBeNull();
    expect(exactWord(null)).toBeNull();
  });

  test('results of several parts merge in date order, reading one date ahead per part', async () => {
    const lists = [['2023-05-01', '2015-01-01', '0000-00-00'], ['2015-06-01', '2014-02-02'], []];
    const read: string[] = [];
    const dateOf = async (d: string) => {
      read.push(d);
      return d === '0000-00-00' ? undefined : d;
    };
    const merged: string[] = [];
    for await (const d of mergedByDate(lists, dateOf, 'newest', '0000-00-00')) {
      merged.push(d);
      if (merged.length === 2) expect(read).toEqual(['2023-05-01', '2015-06-01', '2015-01-01']);
    }
    expect(merged).toEqual(['2023-05-01', '2015-06-01', '2015-01-01', '2014-02-02', '0000-00-00']);
    const oldest: string[] = [];
    for await (const d of mergedByDate(lists.map((l) => [...l].reverse()), dateOf, 'oldest', '0000-00-00')) oldest.push(d);
    expect(oldest).toEqual([...merged].reverse());
  });
});

describe('indexing in parts', () => {
  test('a page marked for search is indexed in the part named beside the mark; Base names the site part when unset', () => {
    expect(markedPart('<main id="main" class="wrap" tabindex="-1" data-pagefind-body data-part="leicester-2009"><h1>x</h1></main>')).toBe('leicester-2009');
    expect(markedPart('<main id="main" data-pagefind-body><h1>x</h1></main>')).toBe(SITE_PART);
    expect(markedPart('<main id="main" data-part="leicester-2009"><p>data-pagefind-body</p></main>')).toBeUndefined();
  });

  test('the WebAssembly for pages of no language is left out: every page is indexed as English', () => {
    expect(UNUSED_UI.test('wasm.unknown.pagefind')).toBe(true);
    expect(UNUSED_UI.test('wasm.en.pagefind')).toBe(false);
  });
});
