import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { headersFile } from '../../src/integrations/cdn';
import { SEARCH_BUNDLE } from '../../src/model/search';

/** A built part: its name and the folder it was built into. */
export interface BuiltPart {
  name: string;
  dir: string;
}

/** Two parts wrote the same file with different content: the merged site would depend on which came last. */
export class MergeError extends Error {}

/** The sitemap files each part writes (@astrojs/sitemap); the merge writes them again for every page of every part. */
const SITEMAP = /^sitemap(-index|-\d+)?\.xml$/;
/** How many addresses one sitemap file holds, as @astrojs/sitemap writes them. */
const SITEMAP_SIZE = 45_000;
const URLSET =
  '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" xmlns:video="http://www.google.com/schemas/sitemap-video/1.1">';

/** Every `<url>` entry of a sitemap file, by its address. */
export function sitemapUrls(xml: string): Map<string, string> {
  return new Map([...xml.matchAll(/<url>[\s\S]*?<\/url>/g)].map(([entry]) => [/<loc>([^<]*)<\/loc>/.exec(entry)?.[1] ?? entry, entry]));
}

/** The sitemap files for these `<url>` entries, at `siteUrl` (the site's address with its base path). */
export function sitemapFiles(entries: Map<string, string>, siteUrl: string): Map<string, string> {
  const sorted = [...entries.keys()].sort().map((loc) => entries.get(loc)!);
  const files = new Map<string, string>();
  for (let i = 0; i * SITEMAP_SIZE < Math.max(sorted.length, 1); i++) {
    files.set(`sitemap-${i}.xml`, `<?xml version="1.0" encoding="UTF-8"?>${URLSET}${sorted.slice(i * SITEMAP_SIZE, (i + 1) * SITEMAP_SIZE).join('')}</urlset>`);
  }
  const index = [...files.keys()].map((name) => `<sitemap><loc>${new URL(name, siteUrl).href}</loc></sitemap>`).join('');
  const indexXml = `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${index}</sitemapindex>`;
  files.set('sitemap-index.xml', indexXml);
  // Crawlers and people look for /sitemap.xml first (src/integrations/cdn.ts).
  files.set('sitemap.xml', indexXml);
  return files;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

const sameFile = (a: string, b: string) => statSync(a).size === statSync(b).size && readFileSync(a).equals(readFileSync(b));

/**
 * Merges built parts into `out` (a new, empty folder). A file two parts both wrote must be the same in both (the
 * site's styles and scripts, robots.txt); anything else is an error naming the file and both parts. The sitemap holds
 * every part's pages, and `_headers` covers every top-level file and folder of the merged site. Returns the number
 * of files copied from the parts.
 */
export function mergeParts(parts: readonly BuiltPart[], out: string, site: { site: string; base: string }): number {
  const from = new Map<string, string>();
  const sitemap = new Map<string, string>();
  mkdirSync(out, { recursive: true });
  for (const part of parts) {
    if (!existsSync(part.dir)) throw new MergeError(`Part ${part.name} has no folder ${part.dir}: build it first.`);
    for (const file of filesUnder(part.dir)) {
      const source = join(part.dir, file);
      if (file === '_headers') continue;
      if (SITEMAP.test(file)) {
        if (/^sitemap-\d+\.xml$/.test(file)) for (const [loc, entry] of sitemapUrls(readFileSync(source, 'utf8'))) sitemap.set(loc, entry);
        continue;
      }
      const target = join(out, file);
      const earlier = from.get(file);
      if (earlier !== undefined) {
        if (!sameFile(source, target)) throw new MergeError(`Parts ${earlier} and ${part.name} both wrote ${file}, and the two differ.`);
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(source, target);
      from.set(file, part.name);
    }
  }
  const root = new URL(site.base.endsWith('/') ? site.base : `${site.base}/`, site.site).href;
  for (const [name, xml] of sitemapFiles(sitemap, root)) writeFileSync(join(out, name), xml);
  const entries = readdirSync(out, { withFileTypes: true }).map((d) => ({ name: d.name, directory: d.isDirectory() }));
  if (!entries.some((e) => e.name === SEARCH_BUNDLE)) entries.push({ name: SEARCH_BUNDLE, directory: true });
  writeFileSync(join(out, '_headers'), headersFile(site.base, entries));
  return from.size;
}
