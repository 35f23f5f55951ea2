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
  readQuery,
  resultOrder,
  sortOrders,
  summarise,
  typeLabel,
  withOfferedFilters,
  writeQuery,
  type PagefindAnchor,
  type PagefindSubResult,
  type SearchQuery,
} from '../model/search';

/** The part of a Pagefind result's data this page shows. */
interface PagefindPage {
  url: string;
  excerpt: string;
  meta: Partial<Record<'title' | 'date' | 'type' | 'body' | 'council', string>>;
  anchors: PagefindAnchor[];
  sub_results: PagefindSubResult[];
}

/** The part of Pagefind's browser API this page uses. */
interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  preload(term: string): Promise<void>;
  search(
    term: string | null,
    options: ReturnType<typeof pagefindOptions>,
  ): Promise<{ results: Array<{ id: string; data: () => Promise<PagefindPage> }> }>;
}

/** Results drawn per "Show more": each costs one small fragment download. */
const PAGE_SIZE = 10;
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
let pending: Array<{ data: () => Promise<PagefindPage> }> = [];

/** Draws the next page of results; moves focus to the first new one when the reader asked for more. */
async function showMore(ticket: number, focus: boolean): Promise<void> {
  const batch = pending.slice(0, PAGE_SIZE);
  pending = pending.slice(PAGE_SIZE);
  // Hidden while the batch loads, so a second press cannot draw the next batch out of order.
  more.hidden = true;
  const pages = await Promise.all(batch.map((r) => r.data()));
  if (ticket !== latest) return;
  const items = pages.map(renderResult);
  list.append(...items);
  more.hidden = pending.length === 0;
  if (focus) items[0]?.querySelector('a')?.focus();
}

/** Runs a search and shows it; a newer search started meanwhile wins. */
async function run(pagefind: Pagefind, query: SearchQuery): Promise<void> {
  const ticket = ++latest;
  document.title = query.q ? `${query.q} – ${pageTitle}` : pageTitle;
  if (!hasQuery(query)) {
    list.replaceChildren();
    more.hidden = true;
    status.textContent = 'Type what you are looking for and choose Search, or tick a filter.';
    return;
  }
  list.setAttribute('aria-busy', 'true');
  const found = await pagefind.search(pagefindTerm(query.q), pagefindOptions(query));
  if (ticket !== latest) return;
  pending = found.results;
  list.replaceChildren();
  await showMore(ticket, false);
  if (ticket !== latest) return;
  list.removeAttribute('aria-busy');
  status.textContent = summarise(query, found.results.length);
}

async function start(): Promise<void> {
  const bundle = form.dataset['bundle']!;
  const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
  await pagefind.options({ baseUrl: form.dataset['base']! });
  const offered = new Set([...filtersBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].map((box) => `${box.name}=${box.value}`));
  const fromUrl = () => withOfferedFilters(readQuery(new URLSearchParams(location.search)), (key, value) => offered.has(`${key}=${value}`));
  let query = fromUrl();
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
