import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { attr, elements, parseHtml, textOf, type Element } from '../helpers/html';

/** What a first visit to one page downloads, in gzip bytes, by kind. */
export interface Weight {
  html: number;
  css: number;
  js: number;
  /** Images fetched as the page opens. */
  images: number;
  /** Images marked `loading="lazy"`: fetched only as the reader scrolls to them. */
  lazyImages: number;
}

export const WEIGHT_KINDS = ['html', 'css', 'js', 'images', 'lazyImages'] as const;

const gzipSize = (data: Buffer | string) => gzipSync(data).length;

/** Static `import`s of an ES module (`import x from "./a.js"`, `import "./a.js"`, `export * from "./a.js"`); `import()` loads on demand, so it is not counted. */
const STATIC_IMPORTS = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g;
const CSS_URLS = /url\(\s*["']?([^"')]+)["']?\s*\)|@import\s+["']([^"']+)["']/g;

/**
 * Adds up what a page makes the browser fetch before anything is clicked: the HTML; its stylesheets and what they
 * import or use as images; its scripts and the modules they import; its images (and the favicon). Each file is
 * counted once per page. Addresses are resolved against the page as a browser would, with `base` as the site root.
 */
export function pageWeight(dist: string, base: string, pagePath: string, html: string): Weight {
  const origin = 'https://site.invalid';
  const pageUrl = new URL(`${base}${pagePath.slice(1)}`, origin);
  const seen = new Set<string>();
  const weight: Weight = { html: gzipSize(html), css: 0, js: 0, images: 0, lazyImages: 0 };

  /** The built file for an address on this site, or undefined for another site or a missing file. */
  const fileFor = (href: string, from: URL): { file: string; url: URL } | undefined => {
    const url = new URL(href, from);
    if (url.origin !== origin || !url.pathname.startsWith(base)) return undefined;
    const file = join(dist, decodeURIComponent(url.pathname.slice(base.length)));
    return existsSync(file) ? { file, url } : undefined;
  };
  /** The gzip size of the heaviest of a `<picture>`'s images: a reader downloads one of them, and may get any. */
  const heaviest = (picture: Element): string | undefined => {
    const hrefs = picture.childNodes.flatMap((c) =>
      'tagName' in c && c.tagName === 'source' ? (attr(c, 'srcset') ?? '').split(',').map((s) => s.trim().split(/\s+/)[0]!) : 'tagName' in c && c.tagName === 'img' ? [attr(c, 'src') ?? ''] : [],
    );
    const sized = hrefs.flatMap((h) => {
      const found = h ? fileFor(h, pageUrl) : undefined;
      return found ? [{ h, size: gzipSize(readFileSync(found.file)) }] : [];
    });
    return sized.sort((a, b) => b.size - a.size)[0]?.h;
  };
  const add = (kind: Exclude<keyof Weight, 'html'>, href: string, from: URL) => {
    const found = fileFor(href, from);
    if (!found || seen.has(found.file)) return;
    seen.add(found.file);
    const data = readFileSync(found.file);
    weight[kind] += gzipSize(data);
    if (kind === 'js') for (const m of data.toString('utf8').matchAll(STATIC_IMPORTS)) add('js', m[1]!, found.url);
    if (kind === 'css') {
      for (const m of data.toString('utf8').matchAll(CSS_URLS)) {
        if (m[2]) add('css', m[2], found.url);
        else if (m[1] && !m[1].startsWith('data:')) add('images', m[1], found.url);
      }
    }
  };

  for (const el of elements(parseHtml(html))) {
    const rel = (attr(el, 'rel') ?? '').split(/\s+/);
    const href = attr(el, 'href');
    const src = attr(el, 'src');
    if (el.tagName === 'link' && href && rel.includes('stylesheet')) add('css', href, pageUrl);
    if (el.tagName === 'link' && href && rel.includes('modulepreload')) add('js', href, pageUrl);
    if (el.tagName === 'link' && href && rel.includes('icon')) add('images', href, pageUrl);
    if (el.tagName === 'script' && src) add('js', src, pageUrl);
    if (el.tagName === 'script' && !src && !/json/i.test(attr(el, 'type') ?? '')) weight.js += gzipSize(textOf(el));
    const inPicture = el.parentNode && 'tagName' in el.parentNode && el.parentNode.tagName === 'picture';
    if (el.tagName === 'img' && src && !inPicture) add(attr(el, 'loading') === 'lazy' ? 'lazyImages' : 'images', src, pageUrl);
    if (el.tagName === 'picture') {
      const img = el.childNodes.find((c): c is Element => 'tagName' in c && c.tagName === 'img');
      const chosen = heaviest(el);
      if (img && chosen) add(attr(img, 'loading') === 'lazy' ? 'lazyImages' : 'images', chosen, pageUrl);
    }
  }
  return weight;
}
