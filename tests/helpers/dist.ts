import { readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { loadSiteConfig } from '../../src/model/site-config';

/** The built site the tests read: `CHAMBER_DIST`, or the project's `dist/` that `npm test` builds first. */
export const DIST = resolve(process.env.CHAMBER_DIST ?? join(import.meta.dirname, '..', '..', 'dist'));

export type PageType = 'home' | 'meeting' | 'minutes' | 'document' | 'strategy' | 'kpi' | 'other';

/** Page types by site path; the first match wins. Listings (`/meetings/`) are `other`. */
const PAGE_TYPES: Array<[RegExp, PageType]> = [
  [/^\/$/, 'home'],
  [/^\/meetings\/.+\/$/, 'meeting'],
  [/^\/minutes\/.+\/$/, 'minutes'],
  [/^\/documents\/.+\/$/, 'document'],
  [/^\/strategies\/.+\/$/, 'strategy'],
  [/^\/kpis\/.+\/$/, 'kpi'],
];

/** Pages people read rather than use: they must work with no JavaScript at all. */
export const READING_TYPES: ReadonlySet<PageType> = new Set(['meeting', 'minutes', 'document', 'strategy']);

export const pageType = (path: string): PageType => PAGE_TYPES.find(([re]) => re.test(path))?.[1] ?? 'other';

export interface Page {
  /** Absolute path of the HTML file. */
  file: string;
  /** Site path without the deploy base: `/`, `/meetings/x/`, `/404.html`. */
  path: string;
  type: PageType;
}

/** Every file under `dir`, as absolute paths, in a stable order. */
export function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

/** The site path a built file is served at (`a/index.html` -> `/a/`). */
export function sitePath(dist: string, file: string): string {
  const rel = relative(dist, file).split(sep).join('/');
  return `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** Every HTML page of a built site, found by walking it, so pages added later are covered without listing them. */
export function sitePages(dist = DIST): Page[] {
  return walk(dist)
    .filter((f) => f.endsWith('.html'))
    .map((file) => {
      const path = sitePath(dist, file);
      return { file, path, type: pageType(path) };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** The deploy address the site under test was built for, as `astro.config.mjs` reads it. */
export const { config: SITE_CONFIG } = loadSiteConfig(process.env, join(import.meta.dirname, '..', '..'));
const config = SITE_CONFIG;
export const BASE = config.base;
export const SITE = config.site;
