import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';

/**
 * What Pagefind leaves out of the text it indexes, beyond its own defaults (nav, footer, form, label...): the "#"
 * and "¶" self-links, which would otherwise end every heading's sub-result title.
 */
export const EXCLUDE_SELECTORS = ['a.anchor'];

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
        try {
          const { index } = check(await pagefind.createIndex({ excludeSelectors: EXCLUDE_SELECTORS }), logger);
          if (!index) throw new Error('Pagefind returned no index.');
          const { page_count } = check(await index.addDirectory({ path: fileURLToPath(dir) }), logger);
          if (page_count === 0) throw new Error('Pagefind found no pages to index.');
          check(await index.writeFiles({ outputPath: fileURLToPath(new URL('pagefind/', dir)) }), logger);
          logger.info(`Indexed ${page_count} pages for search.`);
        } finally {
          // The Node API runs Pagefind as a child process; leaving it open would keep the build from exiting.
          await pagefind.close();
        }
      },
    },
  };
}
