import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { SITE_PART } from '../../src/model/partition';
import { PACK_FOLDER, requestedRange } from '../../src/model/search-pack';
import { packedAt } from '../search-index';

/** What the browser fetched for one query, from opening the search page to the results being shown. */
export interface QueryCost {
  query: string;
  /** How the query was run: through the site's search page, or Pagefind's own API when the page shows no results. */
  via: 'search-page' | 'pagefind-api';
  results: number;
  requests: number;
  /** Bytes of every file fetched from `pagefind/`, as stored (Pagefind's index and fragments are gzip already). */
  pagefindBytes: number;
  /** The same files gzip-compressed where a CDN would compress them (JavaScript, JSON); Pagefind's own files as stored. */
  pagefindTransferBytes: number;
  /** Everything the page fetched, the page itself and its CSS and JS included, as stored. */
  totalBytes: number;
  /** The Pagefind transfer (gzip) by kind of file, with how many of each: what a query's cost is made of. */
  parts: Record<PagefindPart, { requests: number; transferBytes: number }>;
}

/**
 * Kinds of file a search fetches: Pagefind's code, the word index, the filter index, one fragment per result shown
 * (each read from its part's pack), and the tables of where those lie in the packs (src/model/search-pack.ts).
 */
export type PagefindPart = 'code' | 'index' | 'filters' | 'fragments' | 'tables';

/** The kind of a Pagefind file, from its name (a packed file's name, for a range of a pack). */
export function pagefindPart(path: string): PagefindPart {
  if (new RegExp(`/${PACK_FOLDER}/[^/]+\\.json$`).test(path)) return 'tables';
  if (path.endsWith('.pf_fragment')) return 'fragments';
  if (path.endsWith('.pf_filter')) return 'filters';
  if (/\.pf_(index|meta)$/.test(path)) return 'index';
  return 'code';
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Types a CDN compresses on the way out; Pagefind's `.pagefind` and `.pf_*` files are compressed when written. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.svg', '.xml', '.txt']);

/** The bytes a CDN would send for a file: gzip for text types, as stored for the rest. */
export function transferSize(path: string, body: Buffer): number {
  return COMPRESSIBLE.has(extname(path)) ? gzipSync(body).length : body.length;
}

interface Served {
  path: string;
  bytes: number;
  transfer: number;
}

/**
 * Serves a built site on 127.0.0.1 and records every file it sends, so a query's cost is what really left the server.
 * A range of a search pack is recorded as the packed file it holds, under its index's folder.
 */
async function serveCounting(root: string) {
  const log: Served[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) file = join(root, '404.html');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const whole = readFileSync(file);
    const range = req.headers.range === undefined ? undefined : requestedRange(req.headers.range, whole.length);
    const body = range ? whole.subarray(...range) : whole;
    const packed = range && packedAt(file, range[0]);
    log.push({ path: packed ? `${dirname(dirname(path))}/${packed}` : path, bytes: body.length, transfer: transferSize(file, body) });
    const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' };
    if (range) res.writeHead(206, { ...headers, 'Content-Range': `bytes ${range[0]}-${range[1] - 1}/${whole.length}` });
    else res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Pagefind's browser API, as far as the fallback uses it. */
interface PagefindApi {
  search(term: string): Promise<{ results: Array<{ data: () => Promise<unknown> }> }>;
}

/**
 * Opens the search page in headless Chromium for each query, in a fresh browser context (an empty cache, as a first
 * visit), and sums what the server sent from the page request until the results are on screen: Pagefind's code, the
 * primary index and the first batch of parts merged with it (src/model/search-parts.ts), and the first page of
 * results, as a reader's browser fetches them. If the search page shows no results (its script is not ready), the
 * query runs through Pagefind's API in the page instead, on the newest part's index, loading the first
 * `fallbackResults` results as the page would.
 */
export async function measureQueries(dist: string, queries: readonly string[], options: { chromium: string; fallbackResults?: number }): Promise<QueryCost[]> {
  const server = await serveCounting(dist);
  const browser = await chromium.launch({
    executablePath: options.chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const costs: QueryCost[] = [];
    for (const query of queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      server.log.length = 0;
      await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
      let via: QueryCost['via'] = 'search-page';
      let results: number;
      try {
        // The page's list is busy while Pagefind loads results; the status names the query once they are shown.
        await page.waitForFunction(
          (q) => {
            const list = document.querySelector('#search-results');
            const status = document.querySelector('#search-status')?.textContent ?? '';
            return list !== null && !list.hasAttribute('aria-busy') && status.includes(q);
          },
          query,
          { timeout: 30_000 },
        );
        results = await page.locator('#search-results > li').count();
      } catch {
        via = 'pagefind-api';
        results = await page.evaluate(
          async ({ q, n, site }) => {
            // The newest part's index, which the page searches first (the site part's, listed first, is small).
            const form = document.querySelector<HTMLFormElement>('#search')!;
            const indexes = JSON.parse(form.dataset['indexes']!) as Array<{ name: string }>;
            const newest = indexes.find((index) => index.name !== site) ?? indexes[0]!;
            const pagefind = (await import(`${form.dataset['bundle']}${newest.name}/pagefind.js`)) as PagefindApi;
            const found = await pagefind.search(q);
            await Promise.all(found.results.slice(0, n).map((r) => r.data()));
            return Math.min(found.results.length, n);
          },
          { q: query, n: options.fallbackResults ?? 20, site: SITE_PART },
        );
      }
      await page.waitForLoadState('networkidle');
      const pagefind = server.log.filter((s) => s.path.startsWith('/pagefind/'));
      const parts: QueryCost['parts'] = {
        code: { requests: 0, transferBytes: 0 },
        index: { requests: 0, transferBytes: 0 },
        filters: { requests: 0, transferBytes: 0 },
        fragments: { requests: 0, transferBytes: 0 },
        tables: { requests: 0, transferBytes: 0 },
      };
      for (const s of pagefind) {
        const part = parts[pagefindPart(s.path)];
        part.requests++;
        part.transferBytes += s.transfer;
      }
      costs.push({
        query,
        via,
        results,
        requests: pagefind.length,
        pagefindBytes: pagefind.reduce((n, s) => n + s.bytes, 0),
        pagefindTransferBytes: pagefind.reduce((n, s) => n + s.transfer, 0),
        totalBytes: server.log.reduce((n, s) => n + s.bytes, 0),
        parts,
      });
      await context.close();
    }
    return costs;
  } finally {
    await browser.close();
    await server.close();
  }
}
