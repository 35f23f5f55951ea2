import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sitePages } from '../helpers/dist';
import { attr, elements, parseHtml, type Element } from '../helpers/html';

/** Attributes that point at another resource, by element. `srcset` holds a list and is split. */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  form: ['action'],
  use: ['href'],
  image: ['href'],
};

export interface BrokenLink {
  page: string;
  href: string;
  problem: string;
}

export interface LinkReport {
  pages: number;
  /** References to the site's own pages and files that were checked. */
  internal: number;
  /** Of those, how many also point at an anchor (`#id`) that was checked. */
  anchors: number;
  broken: BrokenLink[];
  /** Every external address, with the pages that link to it. Not fetched. */
  external: Map<string, string[]>;
}

function references(el: Element): string[] {
  return (URL_ATTRIBUTES[el.tagName] ?? []).flatMap((name) => {
    const value = attr(el, name);
    if (value === undefined) return [];
    return name === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '').filter(Boolean) : [value];
  });
}

/** Ids a fragment may point at: every `id`, and the legacy `<a name>`. */
function anchorsOf(doc: ReturnType<typeof parseHtml>): Set<string> {
  const ids = new Set<string>();
  for (const el of elements(doc)) {
    const id = attr(el, 'id');
    if (id) ids.add(id);
    const name = el.tagName === 'a' ? attr(el, 'name') : undefined;
    if (name) ids.add(name);
  }
  return ids;
}

/**
 * Checks every reference in every page of a built site deployed at `site` + `base`: each internal one must name a
 * file in the build (directory URLs with their trailing slash), and each `#anchor` an id on the page it points into.
 * External addresses are collected, never fetched, so the check is fast and does not depend on other sites.
 */
export function checkLinks(dist: string, { base, site }: { base: string; site: string }): LinkReport {
  const root = new URL(base.endsWith('/') ? base : `${base}/`, site);
  const pages = sitePages(dist);
  const anchorCache = new Map<string, Set<string>>();
  const anchorsIn = (file: string) => {
    let ids = anchorCache.get(file);
    if (!ids) anchorCache.set(file, (ids = anchorsOf(parseHtml(readFileSync(file, 'utf8')))));
    return ids;
  };
  const report: LinkReport = { pages: pages.length, internal: 0, anchors: 0, broken: [], external: new Map() };

  for (const page of pages) {
    const pageUrl = new URL(page.path.slice(1), root);
    const doc = parseHtml(readFileSync(page.file, 'utf8'));
    anchorCache.set(page.file, anchorsOf(doc));
    for (const el of elements(doc)) {
      for (const href of references(el)) {
        const broken = (problem: string) => report.broken.push({ page: page.path, href, problem });
        let target: URL;
        try {
          target = new URL(href, pageUrl);
        } catch {
          broken('not a valid address');
          continue;
        }
        if (target.protocol === 'javascript:') {
          broken('javascript: address');
          continue;
        }
        if (target.protocol === 'data:') continue;
        if (target.origin !== root.origin) {
          const from = report.external.get(target.href) ?? [];
          if (!from.includes(page.path)) from.push(page.path);
          report.external.set(target.href, from);
          continue;
        }
        report.internal++;
        if (!target.pathname.startsWith(root.pathname)) {
          broken(`outside the base path ${root.pathname}`);
          continue;
        }
        const rel = decodeURIComponent(target.pathname.slice(root.pathname.length));
        const file = rel === '' || rel.endsWith('/') ? join(dist, rel, 'index.html') : join(dist, rel);
        if (!existsSync(file)) {
          broken('no such page or file in the build');
          continue;
        }
        if (statSync(file).isDirectory()) {
          broken('a folder without its trailing slash');
          continue;
        }
        const fragment = decodeURIComponent(target.hash.slice(1));
        if (fragment === '' || !file.endsWith('.html')) continue;
        report.anchors++;
        if (!anchorsIn(file).has(fragment)) broken(`no element with id "${fragment}" on ${target.pathname}`);
      }
    }
  }
  return report;
}
