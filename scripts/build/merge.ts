import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
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

/**
 * The file `npm run build -- --part` writes beside a part's pages (not a dot-file: CI artifacts leave those out), so
 * `--merge` can tell that its folders are every part of one build. The merge does not copy it into the site.
 */
export const PART_RECORD = 'chamber-part.json';

/** What a part's folder says of the build it belongs to. */
export interface PartRecord {
  /** The part it holds. */
  part: string;
  /** Every part of its build, by name. */
  parts: string[];
  /** A digest of the content and code it was built from: parts of one build share it. */
  build: string;
}

/** A part folder's record; undefined when it has none, or one that cannot be read as a record. */
export function readPartRecord(dir: string): PartRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(join(dir, PART_RECORD), 'utf8')) as Partial<PartRecord>;
    return typeof record.part === 'string' && Array.isArray(record.parts) && typeof record.build === 'string' ? (record as PartRecord) : undefined;
  } catch {
    return undefined;
  }
}

/** A folder given to `--merge`, and its record when it has one. */
export interface GivenPart {
  dir: string;
  record: PartRecord | undefined;
}

/** Why folders given to `--merge` are not every part of one build, once each; undefined when they are. */
export function partSetProblem(given: readonly GivenPart[]): string | undefined {
  const unrecorded = given.find((g) => g.record === undefined);
  if (unrecorded) return `${unrecorded.dir} was not built with --part (it has no ${PART_RECORD}): build each part with npm run build -- --part <name> --out <folder>.`;
  const recorded = given as ReadonlyArray<GivenPart & { record: PartRecord }>;
  const first = recorded[0];
  if (!first) return undefined;
  const other = recorded.find((g) => g.record.build !== first.record.build || g.record.parts.join() !== first.record.parts.join());
  if (other) return `${first.dir} and ${other.dir} were built from different content or code: build every part from the same commit.`;
  const seen = new Map<string, string>();
  for (const g of recorded) {
    const earlier = seen.get(g.record.part);
    if (earlier) return `Part ${g.record.part} is given twice: ${earlier} and ${g.dir}.`;
    seen.set(g.record.part, g.dir);
  }
  const missing = first.record.parts.filter((name) => !seen.has(name));
  if (missing.length > 0) {
    return `The site has ${first.record.parts.length} parts, and ${missing.length === 1 ? `part ${missing[0]} is` : `parts ${missing.join(', ')} are`} missing: build ${missing.length === 1 ? 'it' : 'them'} with --part, and merge every part.`;
  }
  return undefined;
}

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

/** Every file under a folder, by its path inside it (`meetings/x/index.html`). */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

const sameFile = (a: string, b: string) => statSync(a).size === statSync(b).size && readFileSync(a).equals(readFileSync(b));

/**
 * Merges built parts into `out` (a new, empty folder) as each is given (`add`), so the parts a build reuses are copied
 * while the others build, and each part it builds as soon as it is built. A file two parts both wrote must be the same
 * in both (the site's styles and scripts, robots.txt); anything else is an error naming the file and both parts. The
 * merged files do not depend on the order parts are given in. `finish` writes the sitemap, which holds every part's
 * pages, and `_headers`, which covers every top-level file and folder of the merged site.
 */
export class Merge {
  private readonly from = new Map<string, string>();
  private readonly sitemap = new Map<string, string>();
  private readonly folders = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private error: unknown;

  constructor(private readonly out: string) {
    mkdirSync(out, { recursive: true });
  }

  /** Copies a part's files in after those of the parts given before it. A problem is thrown by `finish`, not here. */
  add(part: BuiltPart): void {
    this.queue = this.queue.then(() => (this.error === undefined ? this.copy(part) : undefined)).catch((error: unknown) => {
      this.error ??= error;
    });
  }

  /** Waits for the copies under way, whatever their outcome: what a failed build does before it removes `out`. */
  settled(): Promise<void> {
    return this.queue;
  }

  /** Once every part is added: writes the sitemap and `_headers`, and returns the number of files in the merged site. */
  async finish(site: { site: string; base: string }): Promise<number> {
    await this.queue;
    if (this.error !== undefined) throw this.error;
    const root = new URL(site.base.endsWith('/') ? site.base : `${site.base}/`, site.site).href;
    const sitemaps = sitemapFiles(this.sitemap, root);
    for (const [name, xml] of sitemaps) writeFileSync(join(this.out, name), xml);
    const entries = readdirSync(this.out, { withFileTypes: true }).map((d) => ({ name: d.name, directory: d.isDirectory() }));
    if (!entries.some((e) => e.name === SEARCH_BUNDLE)) entries.push({ name: SEARCH_BUNDLE, directory: true });
    writeFileSync(join(this.out, '_headers'), headersFile(site.base, entries));
    return this.from.size + sitemaps.size + 1;
  }

  // Copies one file at a time, and asynchronously, so the build's own process stays free to start parts and watch memory.
  private async copy(part: BuiltPart): Promise<void> {
    if (!existsSync(part.dir)) throw new MergeError(`Part ${part.name} has no folder ${part.dir}: build it first.`);
    for (const file of filesUnder(part.dir)) {
      const source = join(part.dir, file);
      if (file === '_headers' || file === PART_RECORD) continue;
      if (SITEMAP.test(file)) {
        if (/^sitemap-\d+\.xml$/.test(file)) for (const [loc, entry] of sitemapUrls(readFileSync(source, 'utf8'))) this.sitemap.set(loc, entry);
        continue;
      }
      const target = join(this.out, file);
      const earlier = this.from.get(file);
      if (earlier !== undefined) {
        if (!sameFile(source, target)) throw new MergeError(`Parts ${earlier} and ${part.name} both wrote ${file}, and the two differ.`);
        continue;
      }
      const folder = dirname(target);
      if (!this.folders.has(folder)) {
        await mkdir(folder, { recursive: true });
        this.folders.add(folder);
      }
      await copyFile(source, target);
      this.from.set(file, part.name);
    }
  }
}

/** Merges built parts, in this order, into `out` (see `Merge`). Returns the number of files in the merged site. */
export function mergeParts(parts: readonly BuiltPart[], out: string, site: { site: string; base: string }): Promise<number> {
  const merge = new Merge(out);
  for (const part of parts) merge.add(part);
  return merge.finish(site);
}
