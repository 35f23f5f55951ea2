import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SITE_PART } from '../src/model/partition';
import { SEARCH_BUNDLE } from '../src/model/search';
import { PACK_FOLDER, PACKED_FOLDERS, packLayout, tableEntries, tablePath, type PackTable } from '../src/model/search-pack';
import type { Log } from './io';

/**
 * What Pagefind leaves out of the text it indexes, beyond its own defaults (nav, footer, form, label...): the "#"
 * and "¶" self-links, which would end every heading's sub-result title, and page furniture inside `<main>`.
 */
export const EXCLUDE_SELECTORS = ['a.anchor', '.breadcrumbs', 'dl.summary'];

/**
 * Files Pagefind writes beside each index that the site never loads: its ready-made interfaces (the site has its own
 * search page) and the WebAssembly for pages of no known language (every page is indexed as English).
 */
export const UNUSED_UI = /^(pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)|wasm\.unknown\.pagefind)$/;

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

/**
 * Word positions per index chunk. Pagefind groups a part's words, in order, into chunks of about this many positions
 * (20,000 by default) and a search downloads every chunk holding one of its words, so a word costs its chunk, not its
 * own postings. Smaller chunks cost no files, since they go in the part's pack, only longer pack tables and a longer
 * list of chunks in each part's `pf_meta`. Measured on the 10,000-document benchmark site, five typical queries
 * (median / largest transfer, gzip): 10,000 positions 131.8 / 154.5 kB, 5,000 123.6 / 143.9 kB, 2,500 117.4 / 143.0 kB.
 * Pagefind reads it from `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`; should a later version drop that, its default returns
 * and the search-index test that counts chunks fails.
 */
export const INDEX_CHUNK_POSITIONS = 2_500;

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

/** The element Base marks for search: `<main data-pagefind-body data-part="...">`. */
const MARKED = /<[a-z][a-z0-9-]*\s[^>]*\bdata-pagefind-body\b[^>]*>/;

/** The part whose index holds a page, from the `data-part` beside its search mark; undefined for a page not marked. */
export function markedPart(html: string): string | undefined {
  const tag = MARKED.exec(html)?.[0];
  if (!tag) return undefined;
  return /\sdata-part="([^"]+)"/.exec(tag)?.[1] ?? SITE_PART;
}

/**
 * Builds one Pagefind search index per part into `pagefind/<part>/` of a built site, from the pages whose `<main>`
 * carries `data-pagefind-body` (pages given a `search` prop in Base), grouped by the part named in their `data-part`.
 * A part's build holds one part's pages; a whole build holds them all and gets the same indexes. The search page
 * searches the newest parts first and merges older parts' indexes only when asked, so a search downloads the postings
 * of a few years, not of the whole archive.
 *
 * This runs after Astro has exited, not in its `astro:build:done` hook: there, Pagefind's memory came on top of all
 * Astro still held. Each part's fragments and word-index chunks go in its pack (src/model/search-pack.ts). Returns
 * the number of pages indexed (none when the folder holds no marked page).
 */
export function indexSite(root: string, io: Log): number {
  const started = performance.now();
  const bundle = join(root, SEARCH_BUNDLE);
  rmSync(bundle, { recursive: true, force: true });
  // Pagefind reads a copy of the marked pages, prepared for indexing; the pages served stay exactly as Astro wrote them.
  const source = mkdtempSync(join(tmpdir(), 'chamber-search-'));
  try {
    const marked = new Map<string, number>();
    for (const file of htmlFiles(root)) {
      const html = readFileSync(file, 'utf8');
      const part = markedPart(html);
      if (part === undefined) continue;
      marked.set(part, (marked.get(part) ?? 0) + 1);
      const copy = join(source, part, relative(root, file));
      mkdirSync(dirname(copy), { recursive: true });
      writeFileSync(copy, textlessAnchors(separateBlocks(html)));
    }
    const total = [...marked.values()].reduce((n, count) => n + count, 0);
    io.out(`Indexing ${total.toLocaleString('en-GB')} pages for search in ${marked.size} part${marked.size === 1 ? '' : 's'} ...`);
    let pages = 0;
    for (const [part, count] of [...marked].sort(([a], [b]) => a.localeCompare(b))) pages += runPagefind(join(source, part), join(bundle, part), count, io);
    io.out(`Indexed ${pages.toLocaleString('en-GB')} pages for search in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    return pages;
  } finally {
    rmSync(source, { recursive: true, force: true });
  }
}

/** Indexes the prepared pages in `source` (`marked` of them) into the search index folder `out`. */
function runPagefind(source: string, out: string, marked: number, io: Log): number {
  // Pagefind's command line, from the `pagefind` package: given the folder, it reads and indexes the pages on every
  // core. Its Node API (`addDirectory`) indexes the same pages about a third slower.
  const cli = join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), 'runner', 'bin.cjs');
  // One index for every page: left to itself, Pagefind puts pages in Welsh (lang="cy") in an index of their own,
  // which the search page, in English, would never load.
  const args = [
    ...['--site', source, '--output-path', out, '--quiet', '--force-language', 'en'],
    ...EXCLUDE_SELECTORS.flatMap((s) => ['--exclude-selectors', s]),
  ];
  const env = { ...process.env, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(INDEX_CHUNK_POSITIONS) };
  const pagefind = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env });
  for (const line of `${pagefind.stdout}${pagefind.stderr}`.split('\n')) if (line.trim()) io.err(`  ${line}`);
  if (pagefind.status !== 0) throw new Error(`Pagefind could not build the search index ${out} (exit ${pagefind.status ?? pagefind.signal}).`);
  const pages = indexedPages(readFileSync(join(out, 'pagefind-entry.json'), 'utf8'));
  if (pages !== marked) throw new Error(`Pagefind indexed ${pages} pages into ${out}, but ${marked} are marked for search.`);
  for (const file of readdirSync(out)) if (UNUSED_UI.test(file)) rmSync(join(out, file));
  packIndex(out);
  return pages;
}

/**
 * Moves the fragments, word-index chunks and filters of the Pagefind index in `out` into one pack, named by its
 * content's hash so that a browser never mixes a new table with an old pack, and writes its tables
 * (src/model/search-pack.ts).
 */
export function packIndex(out: string): void {
  const folders = PACKED_FOLDERS.filter((folder) => existsSync(join(out, folder)));
  const files = folders.flatMap((folder) => readdirSync(join(out, folder)).map((name) => {
    const path = `${folder}/${name}`;
    const bytes = readFileSync(join(out, path));
    return { path, bytes, length: bytes.length };
  }));
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) hash.update(file.path).update(file.bytes);
  const pack = `${hash.digest('hex').slice(0, 12)}.pf_pack`;
  const { order, tables } = packLayout(pack, files);
  mkdirSync(join(out, PACK_FOLDER));
  writeFileSync(join(out, PACK_FOLDER, pack), Buffer.concat(order.map((file) => file.bytes)));
  for (const [shard, table] of tables) writeFileSync(join(out, tablePath(shard)), JSON.stringify(table));
  for (const folder of folders) rmSync(join(out, folder), { recursive: true });
}

/** The tables of the pack in a part's pack folder (`pagefind/<part>/pack`). */
export function packTables(folder: string): PackTable[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as PackTable);
}

/** The path in its index of the packed file that starts at `offset` of the pack `file`, from the pack's tables. */
export function packedAt(file: string, offset: number): string | undefined {
  return packTables(dirname(file))
    .flatMap(tableEntries)
    .find(([, start]) => start === offset)?.[0];
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
