/**
 * Search: what each indexed page tells Pagefind about itself (facets), and the pure rules the search page follows
 * (reading a shareable URL, turning a typed query into a Pagefind query, deep-linking a hit to its nearest anchor).
 */
/** The folder of the built site that holds the search index and Pagefind's code. */
export const SEARCH_BUNDLE = 'pagefind';

/** The types a reader can filter by, in the order the search page lists them; other types follow alphabetically. */
export const searchTypes = ['meeting', 'agenda', 'report', 'minutes', 'decision', 'strategy', 'plan', 'KPI', 'workshop'] as const;

/**
 * Kinds of document filed under a broader type in the filter, so a reader ticks "Plan" and gets action plans too.
 * Results still show the precise kind.
 */
const broaderType: Partial<Record<string, (typeof searchTypes)[number]>> = {
  supplement: 'agenda',
  appendix: 'report',
  assessment: 'report',
  guidance: 'report',
  'action-plan': 'plan',
  'workshop-summary': 'workshop',
};

/** The filter value for a page's type: its broader type where it has one (see `broaderType`), else the type itself. */
export const filterType = (type: string): string => broaderType[type] ?? type;

/** A type as a reader reads it: "action-plan" is "Action plan"; "KPI" stays as it is. */
export function typeLabel(type: string): string {
  const words = type.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What search needs to know about a page: its kind of publication, who published it, and when. */
export interface SearchFacets {
  /**
   * What the page is, as precisely as known: "meeting", "minutes", "decision", "KPI", "workshop", or a document kind
   * ("agenda", "report", "action-plan"...). Results show it; the type filter files it under `filterType`.
   */
  type: string;
  /** Council name. */
  council?: string | undefined;
  /** Committee, commission or cabinet name. */
  body?: string | undefined;
  /** Date of the meeting or publication, `YYYY-MM-DD`; its year is a filter and it sorts results. */
  date?: string | undefined;
  /** The part the page is built in, whose search index holds it (src/model/partition.ts); the site part when unset. */
  part?: string | undefined;
}

/**
 * Sort value for a page without a date. Pagefind drops pages that lack a sort value whenever that sort is applied,
 * so undated pages get one that sorts after every real date (newest first) instead of vanishing.
 */
export const UNDATED = '0000-00-00';

/** The filters the search page offers, as URL parameter names and Pagefind filter keys alike. */
/**
 * How Pagefind ranks, for every part's index alike (each merged index keeps its own, else Pagefind's defaults). A
 * page whose title holds the words typed is what a reader typing a paper's name wants, before the measures and
 * passages that mention it: titles weigh twice Pagefind's default (5). The facets (council, body, type) weigh nothing:
 * "Cabinet" or "strategy" typed should not lift every page of that committee or kind above the pages about it.
 */
export const RANKING = { metaWeights: { title: 10, council: 0, body: 0, type: 0, date: 0 } };

export const filterKeys = ['council', 'body', 'type', 'year'] as const;
export type FilterKey = (typeof filterKeys)[number];

export const sortOrders = ['relevance', 'newest', 'oldest'] as const;
export type SortOrder = (typeof sortOrders)[number];

/** Each order as the search page names it. */
export const orderLabel: Record<SortOrder, string> = { relevance: 'Most relevant first', newest: 'Newest first', oldest: 'Oldest first' };

/** A search as a reader sets it up, and as its URL records it. */
export interface SearchQuery {
  q: string;
  filters: Record<FilterKey, string[]>;
  /** The order the reader asked for; undefined for the usual order of such a search (see `resultOrder`). */
  sort: SortOrder | undefined;
}

const isSortOrder = (value: string | null): value is SortOrder => sortOrders.some((s) => s === value);

/**
 * The order results are shown in. Typed words are ranked by relevance, as a reader expects of a search box (a report
 * whose title is the words comes before a plan that mentions them once); newest or oldest first only when asked for.
 * A list by filters alone has no words to rank by, so it is newest first.
 */
export function resultOrder(query: Pick<SearchQuery, 'q' | 'sort'>): SortOrder {
  if (query.sort === 'newest' || query.sort === 'oldest') return query.sort;
  return pagefindTerm(query.q) === null ? 'newest' : 'relevance';
}

/** Reads a search from its URL query string (`?q=...&type=minutes&year=2015&sort=newest`). */
export function readQuery(params: URLSearchParams): SearchQuery {
  const sort = params.get('sort');
  const filters = Object.fromEntries(
    filterKeys.map((key) => [key, [...new Set(params.getAll(key).filter((v) => v.trim() !== ''))]]),
  ) as Record<FilterKey, string[]>;
  return { q: (params.get('q') ?? '').trim(), filters, sort: isSortOrder(sort) ? sort : undefined };
}

/**
 * The URL query string of a search: only what was set, in a fixed order, so equal searches share one address. The
 * order is written only when it differs from the usual one, so a shared link to a typed search stays ranked by relevance.
 */
export function writeQuery(query: SearchQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const key of filterKeys) for (const value of [...query.filters[key]].sort()) params.append(key, value);
  const order = resultOrder(query);
  if (query.sort !== undefined && order !== resultOrder({ ...query, sort: undefined })) params.set('sort', order);
  return params.toString();
}

/**
 * The search after a reader changes the form (`form`: its fields) from `previous`. The order buttons show the order
 * in use, so they count only when the reader has just chosen one (`orderChosen`); otherwise the order stays as it
 * was asked for, and new words are ranked by relevance unless the reader asked for a date order. Goes through the
 * address and back, so the search is exactly what its address records.
 */
export function changedQuery(form: URLSearchParams, previous: SearchQuery, orderChosen: boolean): SearchQuery {
  const next = readQuery(form);
  return readQuery(new URLSearchParams(writeQuery({ ...next, sort: orderChosen ? next.sort : previous.sort })));
}

/** True when the reader has asked for something: words, or at least one filter. */
export const hasQuery = (query: SearchQuery): boolean =>
  query.q !== '' || filterKeys.some((key) => query.filters[key].length > 0);

/**
 * The text to hand Pagefind for what the reader typed, or null to list by filters alone.
 * Curly quotes (phones type them) become straight ones, which is what Pagefind reads as "exact phrase". A currency
 * sign before a figure is dropped: Pagefind indexes "£2,268,584" as the word "2268584" but keeps "£" in a query, so
 * "£2,268,584" would otherwise find nothing.
 */
export function pagefindTerm(q: string): string | null {
  const term = q
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[£$€¥](?=\s*\d)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return term === '' ? null : term;
}

/** Pagefind search options for a search: within a filter any ticked value matches, across filters all must. */
export function pagefindOptions(query: SearchQuery): {
  filters: Partial<Record<FilterKey, { any: string[] }>>;
  sort?: { date: 'asc' | 'desc' };
} {
  const filters: Partial<Record<FilterKey, { any: string[] }>> = {};
  for (const key of filterKeys) if (query.filters[key].length > 0) filters[key] = { any: query.filters[key] };
  // Without a sort Pagefind ranks by relevance.
  const order = resultOrder(query);
  if (order === 'relevance') return { filters };
  return { filters, sort: { date: order === 'oldest' ? 'asc' : 'desc' } };
}

/** An element with an id, as Pagefind records it: its word position in the page's indexed text. */
export interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
  location: number;
}

/**
 * The id of the element a hit at word `location` sits in or just after: the last anchor at or before it. Pagefind
 * lists anchors in document order, so of a section and its heading at the same position the heading (inner) wins.
 */
export function nearestAnchor(anchors: PagefindAnchor[], location: number): string | undefined {
  let best: PagefindAnchor | undefined;
  for (const anchor of anchors) if (anchor.location <= location && (!best || anchor.location >= best.location)) best = anchor;
  return best?.id;
}

/** A page URL with its fragment replaced by `id` (no fragment when there is no anchor). */
export function withFragment(url: string, id: string | undefined): string {
  const page = url.replace(/#.*$/, '');
  return id ? `${page}#${encodeURIComponent(id)}` : page;
}

/** One labelled group of checkboxes on the search page. */
export interface FilterGroup {
  key: FilterKey;
  legend: string;
  options: Array<{ value: string; label: string }>;
}

const filterLegend: Record<FilterKey, string> = { council: 'Council', body: 'Committee', type: 'Type', year: 'Year' };

/**
 * The search page's filter groups from every value the site's pages carry: types in their fixed order, years newest
 * first, names alphabetically; groups without values are left out.
 */
export function filterGroups(available: Partial<Record<FilterKey, readonly string[]>>): FilterGroup[] {
  const typeRank = (v: string) => {
    const i = searchTypes.findIndex((t) => t === v);
    return i === -1 ? searchTypes.length : i;
  };
  const order: Record<FilterKey, (a: string, b: string) => number> = {
    council: (a, b) => a.localeCompare(b, 'en-GB'),
    body: (a, b) => a.localeCompare(b, 'en-GB'),
    type: (a, b) => typeRank(a) - typeRank(b) || a.localeCompare(b, 'en-GB'),
    year: (a, b) => b.localeCompare(a),
  };
  return filterKeys
    .map((key) => {
      const values = [...new Set(available[key] ?? [])].sort(order[key]);
      const label = (v: string) => (key === 'type' ? typeLabel(v) : v);
      return { key, legend: filterLegend[key], options: values.map((value) => ({ value, label: label(value) })) };
    })
    .filter((group) => group.options.length > 0);
}

/**
 * A search without the filter values the page does not offer (from an old or hand-made URL): nobody could see or
 * untick them, yet they would silently narrow every result.
 */
export function withOfferedFilters(query: SearchQuery, offered: (key: FilterKey, value: string) => boolean): SearchQuery {
  const filters = Object.fromEntries(filterKeys.map((key) => [key, query.filters[key].filter((v) => offered(key, v))])) as SearchQuery['filters'];
  return { ...query, filters };
}

/** "3 results", "1 result", "No results", for the sentence the page announces. */
export function resultCount(n: number): string {
  return n === 0 ? 'No results' : `${n} result${n === 1 ? '' : 's'}`;
}

/** The sentence announced after each search, saying what was searched for and how it is ordered. */
export function summarise(query: SearchQuery, count: number): string {
  const parts = [resultCount(count)];
  // A phrase is shown in the quotes it was typed in, straight or curly as a phone types them.
  if (query.q) parts.push(/^["“].*["”]$/.test(query.q) ? `for ${query.q}` : `for “${query.q}”`);
  const chosen = filterKeys.flatMap((key) => query.filters[key].map((v) => (key === 'type' ? typeLabel(v) : v)));
  if (chosen.length > 0) parts.push(`in ${chosen.join(', ')}`);
  if (count > 1) parts.push(`(${orderLabel[resultOrder(query)].toLowerCase()})`);
  return `${parts.join(' ')}.`;
}

/** Words in an excerpt; Pagefind's default, which the deep link follows so it lands where the excerpt is. */
export const EXCERPT_WORDS = 30;

/** A matching word on a page, with Pagefind's score for it. */
export interface PagefindWordLocation {
  balanced_score: number;
  location: number;
}

/** One section of a page that matched: the page itself or a heading with an id, as Pagefind's `sub_results` give it. */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  weighted_locations: PagefindWordLocation[];
}

/** A place on a page where a search matched, linked to the closest anchor a reader can land on. */
export interface SearchHit {
  title: string;
  url: string;
  excerpt: string;
}

/**
 * Where the densest run of matching words starts: the first match of the `span`-word window with the highest total
 * score, the same window Pagefind picks for its excerpt.
 */
export function densestLocation(words: PagefindWordLocation[], span = EXCERPT_WORDS): number | undefined {
  let best: { location: number; score: number } | undefined;
  for (const start of words) {
    const score = words
      .filter((w) => w.location >= start.location && w.location < start.location + span)
      .reduce((n, w) => n + w.balanced_score, 0);
    if (!best || score > best.score || (score === best.score && start.location < best.location)) {
      best = { location: start.location, score };
    }
  }
  return best?.location;
}

/**
 * The places a page matched, best first (most matching weight), each linked to the nearest anchor (heading, minute,
 * decision or paragraph) before its densest run of matches, so a hit deep in a long page opens where it was found.
 */
export function hitsIn(page: { anchors: PagefindAnchor[]; sub_results: PagefindSubResult[] }): SearchHit[] {
  const scored = page.sub_results.map((sub, order) => ({
    sub,
    order,
    score: sub.weighted_locations.reduce((n, w) => n + w.balanced_score, 0),
  }));
  return scored
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ sub }) => {
      const at = densestLocation(sub.weighted_locations);
      const anchor = at === undefined ? undefined : nearestAnchor(page.anchors, at);
      return { title: sub.title, url: anchor ? withFragment(sub.url, anchor) : sub.url, excerpt: sub.excerpt };
    });
}
