/**
 * The search page's script, the only JavaScript on the site's reading path: it loads Pagefind when the search page
 * opens, keeps the form and the URL in step (so a search can be shared), and renders results. The rules it follows
 * are pure functions in src/model/search.ts, tested there.
 */
import { formatShortDate } from '../model/date';
import {
  changedQuery,
  filterKeys,
  hasQuery,
  hitsIn,
  pagefindOptions,
  pagefindTerm,
  RANKING,
  readQuery,
  resultOrder,
  sortOrders,
  summarise,
  typeLabel,
  UNDATED,
  withOfferedFilters,
  writeQuery,
  type PagefindAnchor,
  type PagefindSubResult,
  type SearchQuery,
} from '../model/search';
import { exactWord, firstBatch, mergedByDate, searchScope, type PartIndex } from '../model/search-parts';
import { readPacks } from './search-pack';

/** The part of a Pagefind result's data this page shows. */
interface PagefindPage {
  url: string;
  excerpt: string;
  meta: Partial<Record<'title' | 'date' | 'type' | 'body' | 'council', string>>;
  anchors: PagefindAnchor[];
  sub_results: PagefindSubResult[];
}

/** One search result, whose data is loaded (one fragment download) when asked for. */
interface PagefindResult {
  id: string;
  data: () => Promise<PagefindPage>;
}

/** The filter each index's pages carry with its part's name, added as the index is loaded, to search one part. */
type PartFilter = { part: string };

/** The part of Pagefind's browser API this page uses. */
interface Pagefind {
  options(options: { baseUrl: string; mergeFilter: PartFilter; noWorker: boolean; ranking: typeof RANKING }): Promise<void>;
  mergeIndex(path: string, options: { mergeFilter: PartFilter; ranking: typeof RANKING }): Promise<void>;
  preload(term: string): Promise<void>;
  search(
    term: string | null,
    options: { filters: Record<string, { any: string[] }>; sort?: { date: 'asc' | 'desc' } },
  ): Promise<{ results: PagefindResult[] }>;
}

/**
 * Results drawn at first and per "Show more", as Pagefind's own interface and Starlight draw them. Each costs its
 * page's fragment, which holds the page's whole text for the excerpt (3 to 9 kB gzip on average at 10,000
 * documents), so five keep a typed query's first page under 150 kB (`npm run bench`).
 */
const PAGE_SIZE = 5;
/** The page's own title ("Search – <site name>"), as built; a query goes in front of it. */
const pageTitle = document.title;

const form = document.querySelector<HTMLFormElement>('#search')!;
const input = form.querySelector<HTMLInputElement>('#search-q')!;
const filtersBox = form.querySelector<HTMLElement>('#search-filters')!;
const fold = form.querySelector<HTMLDetailsElement>('#search-filters-fold')!;
const chosen = form.querySelector<HTMLElement>('#search-filters-chosen')!;

// The filters sit beside the results on a wide screen, open; on a phone they stay folded below the search box, so
// the results come first. Matches the layout's breakpoint in site.css.
const wide = window.matchMedia('(min-width: 50em)');
fold.open = wide.matches;
wide.addEventListener('change', () => (fold.open = wide.matches));
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
const more = document.querySelector<HTMLButtonElement>('#search-more')!;
const rest = document.querySelector<HTMLButtonElement>('#search-rest')!;
const resultsHeading = document.querySelector<HTMLElement>('#search-results-heading')!;
/** Every part's index, the site part's first, then newest first (src/model/search-parts.ts). */
const indexes = JSON.parse(form.dataset['indexes']!) as PartIndex[];
/** The folder holding every part's index, under the deploy base. */
const bundle = form.dataset['bundle']!;

/** The search the form describes, after the reader changed it from `previous` (`ordered`: by choosing an order). */
function formQuery(previous: SearchQuery, ordered: boolean): SearchQuery {
  return changedQuery(new URLSearchParams([...new FormData(form)].map(([k, v]) => [k, String(v)])), previous, ordered);
}

/** Checks the order button of the order results are in, which changes with the words (see `resultOrder`). */
function showOrder(query: SearchQuery): void {
  const order = resultOrder(query);
  for (const o of sortOrders) form.querySelector<HTMLInputElement>(`#sort-${o}`)!.checked = o === order;
}

/** Says on the folded filters how many are ticked, so a narrowed search is never a surprise. */
function showChosen(query: SearchQuery): void {
  const n = filterKeys.reduce((sum, key) => sum + query.filters[key].length, 0);
  chosen.textContent = n === 0 ? '' : ` (${n} chosen)`;
}

/** Sets the form to a search (after a page load or the back button). */
function fillForm(query: SearchQuery): void {
  input.value = query.q;
  showOrder(query);
  showChosen(query);
  for (const box of filtersBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
    box.checked = query.filters[box.name as (typeof filterKeys)[number]]?.includes(box.value) ?? false;
  }
}

/** One result: title linked to where the best match is, what and when it is, the excerpt, and other matches. */
function renderResult(page: PagefindPage): HTMLLIElement {
  const hits = hitsIn(page);
  const best = hits[0];
  const li = document.createElement('li');
  li.className = 'search-result';
  const heading = document.createElement('h3');
  const link = Object.assign(document.createElement('a'), { href: best?.url ?? page.url, textContent: page.meta.title ?? page.url });
  heading.append(link);
  const facts = [
    page.meta.type && typeLabel(page.meta.type),
    page.meta.body ?? page.meta.council,
    page.meta.date && formatShortDate(page.meta.date),
  ].filter((f): f is string => Boolean(f));
  const meta = Object.assign(document.createElement('p'), { className: 'meta', textContent: facts.join(' · ') });
  li.append(heading, meta, excerpt(best?.excerpt ?? page.excerpt));
  const others = hits.slice(1, 4);
  if (others.length > 0) {
    const also = Object.assign(document.createElement('p'), { className: 'search-also', textContent: 'Also found in:' });
    const ul = document.createElement('ul');
    ul.className = 'search-hits';
    for (const hit of others) {
      const item = document.createElement('li');
      item.append(Object.assign(document.createElement('a'), { href: hit.url, textContent: hit.title }), excerpt(hit.excerpt));
      ul.append(item);
    }
    li.append(also, ul);
  }
  return li;
}

/** Pagefind's excerpt: entity-encoded text with the matches in <mark>, so it is safe to parse as HTML. */
function excerpt(html: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'search-excerpt';
  p.innerHTML = html;
  return p;
}

let latest = 0;
/** The results not yet drawn, in the order shown, and the next one (undefined when all are drawn). */
let pending: AsyncIterator<PagefindResult> = [][Symbol.iterator]() as unknown as AsyncIterator<PagefindResult>;
let nextResult: PagefindResult | undefined;

/** The next `n` results, in order. */
async function take(n: number): Promise<PagefindResult[]> {
  const taken: PagefindResult[] = [];
  while (taken.length < n && nextResult) {
    taken.push(nextResult);
    const step = await pending.next();
    nextResult = step.done ? undefined : step.value;
  }
  return taken;
}

/** Draws the next page of results; moves focus to the first new one when the reader asked for more. */
async function showMore(ticket: number, focus: boolean): Promise<void> {
  // Hidden while the batch loads, so a second press cannot draw the next batch out of order.
  more.hidden = true;
  const pages = await Promise.all((await take(PAGE_SIZE)).map((r) => r.data()));
  if (ticket !== latest) return;
  const items = pages.map(renderResult);
  list.append(...items);
  more.hidden = nextResult === undefined;
  if (focus) items[0]?.querySelector('a')?.focus();
}

/** The parts whose indexes are merged so far, by name. */
const loaded = new Set<string>();

/** Merges the indexes of these parts that are not merged yet, each marked with its part's name to search it alone. */
async function load(pagefind: Pagefind, parts: readonly PartIndex[]): Promise<void> {
  const fresh = parts.filter((part) => !loaded.has(part.name));
  for (const part of fresh) loaded.add(part.name);
  await Promise.all(fresh.map((part) => pagefind.mergeIndex(`${bundle}${part.name}/`, { mergeFilter: { part: part.name }, ranking: RANKING })));
}

/**
 * Searches every merged part (a one-word search only the parts that have the word, and none while parts that may
 * have it are still to be searched; see `exactWord`). By relevance,
 * Pagefind merges the parts' results itself; in date order it would mix them up (it merges by score), so each part
 * is searched alone and the results are merged by date.
 */
async function find(pagefind: Pagefind, query: SearchQuery): Promise<{ count: number; results: AsyncIterator<PagefindResult> }> {
  const term = pagefindTerm(query.q);
  const options: Parameters<Pagefind['search']>[1] = pagefindOptions(query);
  const exact = exactWord(term);
  let parts = [...loaded];
  if (exact) {
    const having = await Promise.all(parts.map(async (part) => (await pagefind.search(exact, { filters: { part: { any: [part] } } })).results.length > 0));
    if (having.some(Boolean)) {
      parts = parts.filter((_, i) => having[i]);
      options.filters = { ...options.filters, part: { any: parts } };
    } else if (searchScope(indexes, query, loaded)) {
      // Only near misses here ("K." for "Kitterick"); the parts not searched yet may have the word, and are offered.
      return { count: 0, results: [][Symbol.iterator]() as unknown as AsyncIterator<PagefindResult> };
    }
  }
  if (!options.sort) {
    const found = await pagefind.search(term, options);
    return { count: found.results.length, results: found.results[Symbol.iterator]() as unknown as AsyncIterator<PagefindResult> };
  }
  const lists = await Promise.all(parts.map(async (part) => (await pagefind.search(term, { ...options, filters: { ...options.filters, part: { any: [part] } } })).results));
  const order = options.sort.date === 'asc' ? 'oldest' : 'newest';
  return {
    count: lists.reduce((n, l) => n + l.length, 0),
    results: mergedByDate(lists, async (r) => (await r.data()).meta.date, order, UNDATED),
  };
}

/** Runs a search and shows it; a newer search started meanwhile wins. */
async function run(pagefind: Pagefind, query: SearchQuery): Promise<void> {
  const ticket = ++latest;
  document.title = query.q ? `${query.q} – ${pageTitle}` : pageTitle;
  if (!hasQuery(query)) {
    list.replaceChildren();
    more.hidden = true;
    rest.hidden = true;
    status.textContent = 'Type what you are looking for and choose Search, or tick a filter.';
    return;
  }
  list.setAttribute('aria-busy', 'true');
  await load(pagefind, firstBatch(indexes, query));
  const found = await find(pagefind, query);
  if (ticket !== latest) return;
  pending = found.results;
  const first = await pending.next();
  nextResult = first.done ? undefined : first.value;
  list.replaceChildren();
  await showMore(ticket, false);
  if (ticket !== latest) return;
  list.removeAttribute('aria-busy');
  const scope = searchScope(indexes, query, loaded);
  status.textContent = scope ? `${summarise(query, found.count)} ${scope.searched}` : summarise(query, found.count);
  rest.textContent = scope?.offer ?? '';
  rest.hidden = !scope;
}

async function start(): Promise<void> {
  const offered = new Set([...filtersBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].map((box) => `${box.name}=${box.value}`));
  const fromUrl = () => withOfferedFilters(readQuery(new URLSearchParams(location.search)), (key, value) => offered.has(`${key}=${value}`));
  let query = fromUrl();
  // The first index the search needs is Pagefind's primary one, whose folder its code and WebAssembly load from.
  const primary = firstBatch(indexes, query)[0] ?? indexes[0]!;
  readPacks(bundle);
  const pagefind = (await import(/* @vite-ignore */ `${bundle}${primary.name}/pagefind.js`)) as Pagefind;
  // Pagefind's web worker is a second copy of its code (12 kB); searching a few small indexes needs no worker.
  await pagefind.options({ baseUrl: form.dataset['base']!, mergeFilter: { part: primary.name }, noWorker: true, ranking: RANKING });
  loaded.add(primary.name);
  // A search sent by the header box or by the form without this script has a longer URL; keep the canonical one.
  const canonical = writeQuery(query);
  history.replaceState(null, '', canonical ? `?${canonical}` : location.pathname);
  fillForm(query);

  // A new search is a new history entry, so Back returns to the previous one and the URL can be shared.
  const go = (ordered: boolean) => {
    query = formQuery(query, ordered);
    showOrder(query);
    showChosen(query);
    const search = writeQuery(query);
    history.pushState(null, '', search ? `?${search}` : location.pathname);
    void run(pagefind, query);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go(false);
  });
  // Ticking a filter or choosing an order updates the results at once; focus stays where it is.
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target !== input) go(event.target.name === 'sort');
  });
  input.addEventListener('input', () => {
    const term = pagefindTerm(input.value);
    if (term) void pagefind.preload(term);
  });
  more.addEventListener('click', () => void showMore(latest, true));
  // The reader asks for the parts not yet searched: the button goes, so focus moves to the results it brings.
  rest.addEventListener('click', () => {
    const scope = searchScope(indexes, query, loaded);
    if (!scope) return;
    rest.hidden = true;
    resultsHeading.focus();
    status.textContent = scope.loading;
    void load(pagefind, scope.rest).then(() => run(pagefind, query));
  });
  window.addEventListener('popstate', () => {
    query = fromUrl();
    fillForm(query);
    void run(pagefind, query);
  });
  // From here the form searches in place; before, submitting it reloads the page with the search in its URL.
  form.dataset['ready'] = '';
  await run(pagefind, query);
}

start().catch((error: unknown) => {
  console.error(error);
  document.querySelector<HTMLElement>('#search-unavailable')!.hidden = false;
  status.textContent = 'Search could not load.';
});
