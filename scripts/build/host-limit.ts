import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEARCH_BUNDLE } from '../../src/model/search';
import { MOST_PAGES_PER_SEARCH_FILE } from '../../src/schema/site-config';
import { indexedPages, maxFragments } from '../search-index';

/**
 * Some hosts refuse a deploy of more files than they accept (Cloudflare Pages: 20,000 on its free plan, 100,000 on
 * paid plans). A site's `maxFiles` names that limit, so the build says so before the host does, and which setting
 * would bring the site under it.
 */

/** A built site's files, and what of them its search text takes. */
export interface SiteFiles {
  files: number;
  /** Files of search text (Pagefind's fragments), in every part's index. */
  searchFiles: number;
  /** The pages of each part's search index. */
  indexedPages: number[];
}

/** Counts a built site's files, and its search text's files and indexed pages, from each part's index. */
export function siteFileCounts(root: string, files: number): SiteFiles {
  const bundle = join(root, SEARCH_BUNDLE);
  const parts = existsSync(bundle) ? readdirSync(bundle, { withFileTypes: true }).filter((e) => e.isDirectory()) : [];
  let searchFiles = 0;
  const pages: number[] = [];
  for (const part of parts) {
    const index = join(bundle, part.name);
    const fragments = join(index, 'fragment');
    if (existsSync(fragments)) searchFiles += readdirSync(fragments).length;
    const entry = join(index, 'pagefind-entry.json');
    if (existsSync(entry)) pages.push(indexedPages(readFileSync(entry, 'utf8')));
  }
  return { files, searchFiles, indexedPages: pages };
}

/** About how many files the site would have with `pagesPerFile` pages sharing each file of search text. */
export function filesWith(site: SiteFiles, pagesPerFile: number): number {
  const shared = site.indexedPages.reduce((n, pages) => n + (maxFragments(pages, pagesPerFile) ?? pages), 0);
  return site.files - site.searchFiles + shared;
}

const count = (n: number) => n.toLocaleString('en-GB');

/** The lowest limit of a common host: Cloudflare Pages' free plan accepts 20,000 files in one deploy. */
export const COMMON_LIMIT = 20_000;

/**
 * What a site with no `maxFiles` set should know when it has more files than a common host accepts: that hosts may
 * refuse it, and how to have the build check its own. Undefined when it has a limit set, or fewer files.
 */
export function unsetLimitHint(files: number, limit: number | undefined, settings: string): string | undefined {
  if (limit !== undefined || files <= COMMON_LIMIT) return undefined;
  return `Some hosts refuse a deploy of more than ${count(COMMON_LIMIT)} files (Cloudflare Pages' free plan). Set maxFiles in ${settings} to your host's limit, if it has one, and the build will check it (see "Hosts that limit files" in README.md).`;
}

/**
 * Why the site cannot go to a host that accepts at most `limit` files, and what would bring it under; undefined when
 * it fits. `pagesPerFile` is the setting it was built with.
 */
export function fileLimitProblem(site: SiteFiles, limit: number, pagesPerFile: number, settings: string): string | undefined {
  if (site.files <= limit) return undefined;
  const over = `The site has ${count(site.files)} files, more than the ${count(limit)} its host accepts (maxFiles in ${settings})`;
  for (let k = pagesPerFile + 1; k <= MOST_PAGES_PER_SEARCH_FILE; k++) {
    const files = filesWith(site, k);
    if (files <= limit) {
      return (
        `${over}. With pagesPerSearchFile: ${k} it would have about ${count(files)}: ${k} pages would share each file of ` +
        `search text, so each search result would download the text of ${k} pages instead of ${pagesPerFile === 1 ? 'its own' : pagesPerFile}.`
      );
    }
  }
  return (
    `${over}. Shared files of search text cannot bring it under: it has ${count(site.files - site.searchFiles)} files besides them. ` +
    `Publish fewer papers in this site (a site per council, or per term), or use a host that accepts more files.`
  );
}
