import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import { SITE_PART } from '../model/partition';

/** The pages that list across parts (home, registers, people, feeds, open data, search), built from the summary. */
const SITE_PAGES = join(import.meta.dirname, '..', 'site-pages');

/** A page file's route, as Astro's file routing would give it: `feeds/[...id].xml.ts` is `/feeds/[...id].xml`. */
export function routeOf(file: string): string {
  const path = file.split(sep).join('/').replace(/\.(astro|ts)$/, '');
  return `/${path.replace(/(^|\/)index$/, '')}`;
}

/**
 * Adds the site-wide pages in `src/site-pages/` to a build that makes them: the whole site at once, or the site part.
 * They are not in `src/pages/`, whose routes Astro builds in every part: a part holding 2015's papers has no business
 * rendering the home page or the decisions register.
 */
export function sitePages(part: string | undefined): AstroIntegration {
  return {
    name: 'chamber:site-pages',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        if (part && part !== SITE_PART) return;
        const files = readdirSync(SITE_PAGES, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.(astro|ts)$/.test(e.name));
        for (const e of files) {
          const file = relative(SITE_PAGES, join(e.parentPath, e.name));
          injectRoute({ pattern: routeOf(file), entrypoint: join(SITE_PAGES, file) });
        }
      },
    },
  };
}
