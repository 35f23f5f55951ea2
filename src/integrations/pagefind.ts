import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';

/**
 * What Pagefind leaves out of the text it indexes, beyond its own defaults (nav, footer, form, label...): the "#"
 * and "¶" self-links, which would end every heading's sub-result title, and page furniture inside `<main>`.
 */
export const EXCLUDE_SELECTORS = ['a.anchor', '.breadcrumbs', 'dl.summary'];

/** Pagefind's ready-made interfaces, written beside the index; the site has its own search page, so they go. */
export const UNUSED_UI = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

/**
 * Block elements Pagefind does not treat as a break between words. Astro writes no whitespace between tags, so
 * without a space after these, table headings run together ("National IndicatorTarget 11/12") and cannot be found.
 */
const UNBROKEN_BLOCKS = /<\/(th|dt|dd|caption|figcaption|summary|blockquote|pre|table|thead|tbody|tfoot|tr|dl|ol|figure)>/gi;

/** The HTML Pagefind is given: the page as built, with a space after each block that would otherwise join words. */
export function separateBlocks(html: string): string {
  return html.replace(UNBROKEN_BLOCKS, '$& ');
}

/** The site URL of a built HTML file: `documents/x/index.html` is `/documents/x/`. */
export function pageUrl(file: string): string {
  return `/${file.split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1');
}

/** Every HTML file under a folder, as paths relative to it. */
function htmlFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

/** Fails on the first Pagefind response that carries errors, after logging each of them. */
function check<T extends { errors: string[] }>(response: T, logger: AstroIntegrationLogger): T {
  if (response.errors.length === 0) return response;
  for (const error of response.errors) logger.error(error);
  throw new Error('Pagefind could not build the search index (see the errors above).');
}

/**
 * Builds the Pagefind search index into `pagefind/` of the built site after every build. Only pages whose `<main>`
 * carries `data-pagefind-body` (pages given a `search` prop in Base) are indexed, and only that element's content.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'chamber:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        try {
          const { index } = check(await pagefind.createIndex({ excludeSelectors: EXCLUDE_SELECTORS }), logger);
          if (!index) throw new Error('Pagefind returned no index.');
          let pages = 0;
          for (const file of htmlFiles(root)) {
            const html = readFileSync(join(root, file), 'utf8');
            if (!html.includes('data-pagefind-body')) continue;
            check(await index.addHTMLFile({ url: pageUrl(file), content: separateBlocks(html) }), logger);
            pages++;
          }
          if (pages === 0) throw new Error('No page is marked for search (data-pagefind-body); the index would be empty.');
          const out = join(root, 'pagefind');
          check(await index.writeFiles({ outputPath: out }), logger);
          for (const file of readdirSync(out)) if (UNUSED_UI.test(file)) rmSync(join(out, file));
          logger.info(`Indexed ${pages} pages for search.`);
        } finally {
          // The Node API runs Pagefind as a child process; leaving it open would keep the build from exiting.
          await pagefind.close();
        }
      },
    },
  };
}
