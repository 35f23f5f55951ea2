import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { indexedPages } from '../../scripts/search-index';
import { SEARCH_BUNDLE } from '../../src/model/search';
import { runScript } from '../helpers/build';
import { DIST } from '../helpers/dist';
import { siteDifferences, siteFiles } from '../helpers/site-tree';

const scratch = mkdtempSync(join(tmpdir(), 'chamber-whole-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const inSearchIndex = (path: string) => path.startsWith(`${SEARCH_BUNDLE}/`);

/** How many pages the search indexes of a built site hold together: one index, or one per part. */
const searchablePages = (dir: string) =>
  siteFiles(dir)
    .filter((path) => inSearchIndex(path) && path.endsWith('pagefind-entry.json'))
    .reduce((n, path) => n + indexedPages(readFileSync(join(dir, path), 'utf8')), 0);

describe('a build in parts', () => {
  test('gives the same site as a build in one Astro process (--whole), file for file', { timeout: 600_000 }, () => {
    const whole = join(scratch, 'dist');
    const built = runScript('scripts/build.ts', ['--whole', '--out', whole]);
    expect(built.status, built.output).toBe(0);
    // Every page, feed, calendar, data file, asset, sitemap address and _headers rule alike. The search index alone is
    // laid out differently, one index per part that the search page combines, newest first, where the whole build
    // writes one index; together they index the same pages.
    expect(siteDifferences(whole, DIST, inSearchIndex)).toEqual([]);
    expect(searchablePages(DIST)).toBeGreaterThan(0);
    expect(searchablePages(DIST)).toBe(searchablePages(whole));
  });
});
