/**
 * Indexes a built site for search by running the project's own Pagefind integration (its `astro:build:done` hook)
 * on the HTML already built, so the benchmark can time indexing and measure its memory on their own, with exactly
 * the options, pages and HTML the build uses. Run as a child process: `tsx scripts/bench/pagefind-index.ts <dist>`.
 */
import { pathToFileURL } from 'node:url';
import { pagefindIndex } from '../../src/integrations/pagefind';

type BuildDone = NonNullable<ReturnType<typeof pagefindIndex>['hooks']['astro:build:done']>;

const dist = process.argv[2];
if (!dist) throw new Error('usage: tsx scripts/bench/pagefind-index.ts <built site folder>');
const log = (level: string) => (message: string) => console.log(`[chamber:pagefind] ${level} ${message}`);
// The hook uses the built folder and the logger; the rest of Astro's hook context is not needed to index.
const logger = { info: log('info'), warn: log('warn'), error: log('error'), debug: () => {} };
const hook = pagefindIndex().hooks['astro:build:done'] as BuildDone;
await hook({ dir: pathToFileURL(`${dist.replace(/\/$/, '')}/`), logger } as unknown as Parameters<BuildDone>[0]);
