import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEARCH_BUNDLE } from '../src/model/search';
import type { Log } from './io';

/**
 * What Pagefind leaves out of the text it indexes, beyond its own defaults (nav, footer, form, label...): the "#"
 * and "¶" self-links, which would end every heading's sub-result title, and page furniture inside `<main>`.
 */
export const EXCLUDE_SELECTORS = ['a.anchor', '.breadcrumbs', 'dl.summary'];

/** Pagefind's ready-made interfaces, written beside the index; the site has its own search page, so they go. */
export const UNUSED_UI = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

/**
 * Block elements Pagefind does not treat as a break between words. Astro writes no whitespace between tags, so
 * without a space after these, table headings run together ("National IndicatorTarget 11/12") and cannot be found.
 */
const UNBROKEN_BLOCKS = /<\/(th|dt|dd|caption|figcaption|summary|blockquote|pre|table|thead|tbody|tfoot|tr|dl|ol|figure)>/gi;

/** A page with a space after each block that would otherwise join words, for Pagefind to read. */
export function separateBlocks(html: string): string {
  return html.replace(UNBROKEN_BLOCKS, (tag, _name, offset: number) => (/\s/.test(html[offset + tag.length] ?? '') ? tag : `${tag} `));
}

/** An opening tag and its attributes; Astro quotes every attribute value with double quotes. */
const OPEN_TAG = /<([a-z][a-z0-9-]*)((?:\s+[^\s"'=<>/]+(?:="[^"]*")?)*)\s*>/g;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * A page whose anchors carry no text, for Pagefind to read. Pagefind stores every element with an id as an anchor
 * together with all of that element's text: `<main id="main">` repeats the whole page, each minute's `<section>` its
 * minute, each paragraph itself, so a result's fragment held its page's text two or three times over. Here each id
 * moves to an empty `<span>` at the start of its element: same id, same word position (all the search page uses to
 * link a hit to its paragraph), no text. Headings keep theirs: Pagefind titles each sub-result by its heading.
 */
export function textlessAnchors(html: string): string {
  return html.replace(OPEN_TAG, (tag, name: string, attrs: string) => {
    if (/^h[1-6]$/.test(name) || VOID.has(name)) return tag;
    const id = /\sid="([^"]*)"/.exec(attrs);
    return id ? `<${name}${attrs.replace(id[0], '')}><span id="${id[1]}"></span>` : tag;
  });
}

/** Every HTML file under a folder, as absolute paths. */
function htmlFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}

/** How many pages an index holds, from its `pagefind-entry.json` (one count per language). */
export function indexedPages(entryJson: string): number {
  const entry = JSON.parse(entryJson) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((n, language) => n + language.page_count, 0);
}

/**
 * Builds the Pagefind search index into `pagefind/` of a built site. Only pages whose `<main>` carries
 * `data-pagefind-body` (pages given a `search` prop in Base) are indexed, and only that element's content.
 *
 * This runs after Astro has exited, not in its `astro:build:done` hook: there, Pagefind's memory came on top of all
 * Astro still held. Returns the number of pages indexed.
 */
export function indexSite(root: string, io: Log): number {
  const started = performance.now();
  // Pagefind reads a copy of the marked pages, prepared for indexing; the pages served stay exactly as Astro wrote them.
  const source = mkdtempSync(join(tmpdir(), 'chamber-search-'));
  try {
    let marked = 0;
    for (const file of htmlFiles(root)) {
      const html = readFileSync(file, 'utf8');
      if (!html.includes('data-pagefind-body')) continue;
      marked++;
      const copy = join(source, relative(root, file));
      mkdirSync(dirname(copy), { recursive: true });
      writeFileSync(copy, textlessAnchors(separateBlocks(html)));
    }
    if (marked === 0) throw new Error('No page is marked for search (data-pagefind-body); the index would be empty.');
    return runPagefind(source, root, marked, started, io);
  } finally {
    rmSync(source, { recursive: true, force: true });
  }
}

/** Indexes the prepared pages in `source` into the search bundle of the site at `root`. */
function runPagefind(source: string, root: string, marked: number, started: number, io: Log): number {
  io.out(`Indexing ${marked.toLocaleString('en-GB')} pages for search ...`);
  // Pagefind's command line, from the `pagefind` package: given the folder, it reads and indexes the pages on every
  // core. Its Node API (`addDirectory`) indexes the same pages about a third slower.
  const cli = join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), 'runner', 'bin.cjs');
  const out = join(root, SEARCH_BUNDLE);
  // One index for every page: left to itself, Pagefind puts pages in Welsh (lang="cy") in an index of their own,
  // which the search page, in English, would never load.
  const args = ['--site', source, '--output-path', out, '--quiet', '--force-language', 'en', ...EXCLUDE_SELECTORS.flatMap((s) => ['--exclude-selectors', s])];
  const pagefind = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  for (const line of `${pagefind.stdout}${pagefind.stderr}`.split('\n')) if (line.trim()) io.err(`  ${line}`);
  if (pagefind.status !== 0) throw new Error(`Pagefind could not build the search index (exit ${pagefind.status ?? pagefind.signal}).`);
  const pages = indexedPages(readFileSync(join(out, 'pagefind-entry.json'), 'utf8'));
  if (pages !== marked) throw new Error(`Pagefind indexed ${pages} pages, but ${marked} are marked for search.`);
  for (const file of readdirSync(out)) if (UNUSED_UI.test(file)) rmSync(join(out, file));
  io.out(`Indexed ${pages.toLocaleString('en-GB')} pages for search in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return pages;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2];
  if (!dist) {
    console.error('Usage: tsx scripts/search-index.ts <built site folder>');
    process.exitCode = 2;
  } else {
    indexSite(resolve(dist), { out: (line) => console.log(line), err: (line) => console.error(line) });
  }
}
