import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { walk } from './dist';

/** Every file of a built site, by its path inside it (`meetings/x/index.html`). */
export const siteFiles = (dir: string): string[] => walk(dir).map((file) => relative(dir, file).split(sep).join('/'));

const SITEMAP = /^sitemap(-index|-\d+)?\.xml$/;

/** The addresses a sitemap file lists (pages, or the sitemap files of an index). */
const locs = (xml: string): string[] => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!).sort();

/** Where two texts first differ, with a little of each around it, for the reader to find the cause. */
function textAt(x: Buffer, y: Buffer): string {
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const around = (b: Buffer) => JSON.stringify(b.subarray(Math.max(0, i - 40), i + 40).toString('utf8'));
  return ` at byte ${i}: ${around(x)} against ${around(y)}`;
}

/**
 * How two built sites differ, file by file, as lines a reader can act on: a file only one has, or a file both have
 * with different bytes. Sitemaps are compared as the addresses they list, in any order. `skip` leaves out paths that
 * may differ (and are checked otherwise). Empty when the two sites are the same.
 */
export function siteDifferences(a: string, b: string, skip: (path: string) => boolean = () => false): string[] {
  const inA = new Set(siteFiles(a).filter((p) => !skip(p)));
  const inB = new Set(siteFiles(b).filter((p) => !skip(p)));
  const differences: string[] = [];
  for (const path of inA) if (!inB.has(path)) differences.push(`only in ${a}: ${path}`);
  for (const path of inB) if (!inA.has(path)) differences.push(`only in ${b}: ${path}`);
  for (const path of [...inA].filter((p) => inB.has(p)).sort()) {
    const [x, y] = [readFileSync(join(a, path)), readFileSync(join(b, path))];
    if (SITEMAP.test(path)) {
      const [lx, ly] = [locs(x.toString('utf8')), locs(y.toString('utf8'))];
      const missing = [...lx.filter((l) => !ly.includes(l)).map((l) => `${l} only in ${a}`), ...ly.filter((l) => !lx.includes(l)).map((l) => `${l} only in ${b}`)];
      if (missing.length > 0) differences.push(`${path} lists other addresses: ${missing.join(', ')}`);
    } else if (!x.equals(y)) {
      differences.push(`${path} differs${textAt(x, y)}`);
    }
  }
  return differences;
}
