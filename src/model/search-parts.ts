/**
 * Search in parts: each part of the site (src/model/partition.ts) has its own Pagefind index, and the search page
 * searches a first batch of them, newest first, merging older parts' indexes only when the reader asks or a filter
 * needs them. A search then downloads the postings of a few years, not of the whole archive. Pure rules, tested
 * directly; the search page's script follows them.
 */
import type { Graph } from './graph';
import { SITE_PART } from './partition';
import { filterValues, searchablePages } from './search-facets';
import { filterKeys, resultOrder, type FilterKey, type SearchQuery } from './search';

/** One part's search index, as the search page lists it for its script. */
export interface PartIndex {
  /** The part's name; its index is in `pagefind/<name>/`. */
  name: string;
  /** What it holds, in words ("Leicester City Council, 2009"); said of parts not keyed by year. */
  label: string;
  /** The years of its papers, when parts are keyed by year (older years may share a part). */
  years?: { from: number; to: number } | undefined;
  /** Pages it holds, which is roughly what searching it costs. */
  pages: number;
  /**
   * The values its pages carry for each filter (council, body, type, year), so a ticked filter loads only the parts
   * that can match it: a committee that last met years ago is searched in those years' parts. A filter not listed
   * here can match in any part.
   */
  filters: Partial<Record<FilterKey, string[]>>;
}

/**
 * How much a search covers before the reader asks for more: the newest two years (or parts, when parts are not keyed
 * by year), fewer when they would pass the page budget, and always at least one part. Each merged index costs its own
 * postings of the words typed (about 14 kB a word at 10,000 documents, measured with `npm run bench`), and its
 * `pf_meta` (about 8 kB), so at that size the first batch is the newest part alone and a typed query's first page of
 * results stays near 130 kB.
 */
export const FIRST_BATCH = { groups: 2, pages: 400 };

/** Every part index of the site: the site part's first (pages listing across parts), then the parts newest first. */
export function partIndexes(graph: Graph): PartIndex[] {
  const pages = new Map<string, { count: number; values: Map<FilterKey, Set<string>> }>();
  for (const facets of searchablePages(graph)) {
    const name = facets.part ?? SITE_PART;
    const part = pages.get(name) ?? { count: 0, values: new Map(filterKeys.map((key) => [key, new Set<string>()])) };
    part.count++;
    const values = filterValues(facets);
    for (const key of filterKeys) if (values[key]) part.values.get(key)!.add(values[key]);
    pages.set(name, part);
  }
  const parts = [{ name: SITE_PART, label: 'Across the site', years: undefined }, ...graph.partition.parts];
  return parts.flatMap(({ name, label, years }) => {
    const part = pages.get(name);
    if (!part) return [];
    const filters = Object.fromEntries([...part.values].map(([key, values]) => [key, [...values].sort()]));
    return [{ name, label, years, pages: part.count, filters }];
  });
}

/** The parts that can hold a result: those whose pages carry a ticked value of every filter the parts are keyed by. */
export function partsFor(indexes: readonly PartIndex[], query: SearchQuery): PartIndex[] {
  return indexes.filter((index) =>
    filterKeys.every((key) => {
      const values = index.filters[key];
      return query.filters[key].length === 0 || values === undefined || query.filters[key].some((v) => values.includes(v));
    }),
  );
}

/**
 * The parts a search loads before the reader asks for more: of the parts that can hold a result, the site part and
 * then whole years in the order results are shown (oldest first when asked, else newest first), within `limit`; a
 * year too big for the budget on its own is cut to its first parts, at least one.
 */
export function firstBatch(indexes: readonly PartIndex[], query: SearchQuery, limit = FIRST_BATCH): PartIndex[] {
  const candidates = partsFor(indexes, query);
  const site = candidates.filter((index) => index.name === SITE_PART);
  const dated = candidates.filter((index) => index.name !== SITE_PART);
  if (resultOrder(query) === 'oldest') dated.reverse();
  const batch = [...site];
  let pages = 0;
  for (let i = 0, groups = 0; i < dated.length && groups < limit.groups; groups++) {
    let end = i + 1;
    const newest = dated[i]!.years?.to;
    while (end < dated.length && newest !== undefined && dated[end]!.years?.to === newest) end++;
    const group = dated.slice(i, end);
    const size = group.reduce((n, index) => n + index.pages, 0);
    if (pages + size > limit.pages) {
      if (groups > 0) break;
      for (const index of group) {
        if (index !== group[0] && pages + index.pages > limit.pages) break;
        batch.push(index);
        pages += index.pages;
      }
      break;
    }
    batch.push(...group);
    pages += size;
    i = end;
  }
  return batch;
}

/** "2023", "2023 and 2015", "2009 to 2014", "2023, 2015 and 2009 to 2012": years newest first, runs as ranges. */
export function yearsInWords(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => b - a);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let end = i;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! - 1) end++;
    runs.push(end === i ? String(sorted[i]) : `${sorted[end]} to ${sorted[i]}`);
    i = end + 1;
  }
  return listInWords(runs);
}

/** "a", "a and b", "a, b and c". */
const listInWords = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** Every year a part's papers are from, oldest first. */
const yearsOf = (part: PartIndex): number[] =>
  part.years ? Array.from({ length: part.years.to - part.years.from + 1 }, (_, i) => part.years!.from + i) : [];

/** The papers of some parts, in words: their years when every one has years, else their labels. */
function partsInWords(parts: readonly PartIndex[]): string {
  if (parts.every((p) => p.years)) return yearsInWords(parts.flatMap(yearsOf));
  return listInWords(parts.map((p) => p.label));
}

/** The parts searched, in words: by year when every year named was searched whole, else by label. */
function searchedInWords(searched: readonly PartIndex[], candidates: readonly PartIndex[]): string {
  const shares = (a: PartIndex, b: PartIndex) => yearsOf(a).some((y) => yearsOf(b).includes(y));
  const whole = searched.every((p) => p.years !== undefined && candidates.every((c) => !shares(c, p) || searched.includes(c)));
  return whole ? yearsInWords(searched.flatMap(yearsOf)) : listInWords(searched.map((p) => p.label));
}

/** What a search has not yet covered: the sentence saying what it searched, and the button offering the rest. */
export interface SearchScope {
  /** "Searched papers from 2023 and 2015." */
  searched: string;
  /** "Search older papers (2009 to 2014)" */
  offer: string;
  /** "Searching papers from 2009 to 2014 ...", while the offer loads. */
  loading: string;
  /** The parts the offer loads. */
  rest: PartIndex[];
}

/**
 * What to tell the reader after a search that has not searched every part that could hold a result (`loaded`: the
 * parts merged so far); undefined when it has, so a complete search says nothing more than its count.
 */
export function searchScope(indexes: readonly PartIndex[], query: SearchQuery, loaded: ReadonlySet<string>): SearchScope | undefined {
  const candidates = partsFor(indexes, query).filter((index) => index.name !== SITE_PART);
  const rest = candidates.filter((index) => !loaded.has(index.name));
  const searched = candidates.filter((index) => loaded.has(index.name));
  if (rest.length === 0 || searched.length === 0) return undefined;
  const from = (parts: PartIndex[]) => parts.map((p) => p.years?.from ?? NaN);
  const to = (parts: PartIndex[]) => parts.map((p) => p.years?.to ?? NaN);
  // NaN (a part without years) compares false either way, so such parts are "other" papers.
  const which = Math.max(...to(rest)) < Math.min(...from(searched)) ? 'older' : Math.min(...from(rest)) > Math.max(...to(searched)) ? 'newer' : 'other';
  const others = partsInWords(rest);
  return { searched: `Searched papers from ${searchedInWords(searched, candidates)}.`, offer: `Search ${which} papers (${others})`, loading: `Searching papers from ${others} ...`, rest };
}

/**
 * The exact search for a one-word query (`"orson"`), or null for any other query. Pagefind, finding no page with a
 * word in an index, matches shorter words it starts with instead ("or" for "Orson", "22" for 2,268,584), which one
 * index for the whole site did only when no page had the word. Searched in parts, an older part without the word
 * would fill the results with such near misses, so a one-word search keeps to the parts that have the word, if any;
 * when none searched so far has it and others could, it finds nothing until the reader searches those.
 */
export function exactWord(term: string | null): string | null {
  return term !== null && /^[^\s"]+$/.test(term) ? `"${term}"` : null;
}

/**
 * Results of several parts in date order, newest or oldest first, from each part's results in that order: a merge
 * that reads the date of each part's next result only (`dateOf` loads that result's data), so showing a page of
 * results costs at most one extra load per part. Pagefind merges indexes by relevance score alone, which would mix
 * dated results up. Undated results have `undated` as their date, as they do in each index's sort.
 */
export async function* mergedByDate<T>(lists: ReadonlyArray<readonly T[]>, dateOf: (item: T) => Promise<string | undefined>, order: 'newest' | 'oldest', undated: string): AsyncGenerator<T> {
  const next = lists.map(() => 0);
  const heads = await Promise.all(lists.map(async (list) => (list[0] === undefined ? undefined : ((await dateOf(list[0])) ?? undated))));
  for (;;) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      const date = heads[i];
      if (date === undefined) continue;
      const current = heads[best];
      if (best === -1 || (order === 'newest' ? date > current! : date < current!)) best = i;
    }
    if (best === -1) return;
    yield lists[best]![next[best]!]!;
    const following = lists[best]![++next[best]!];
    heads[best] = following === undefined ? undefined : ((await dateOf(following)) ?? undated);
  }
}
