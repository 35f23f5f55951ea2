// @ts-check
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { paragraphAnchors } from './src/markdown/paragraph-anchors.ts';

// `site` and `base` come from the environment so one build can be deployed at a CDN root or under a sub-path.
export default defineConfig({
  site: process.env.CHAMBER_SITE ?? 'https://example.org',
  base: process.env.CHAMBER_BASE ?? '/',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Source text is kept as printed: no curly quotes or dashes the council did not type.
  markdown: { processor: satteri({ features: { smartPunctuation: false }, hastPlugins: [paragraphAnchors] }) },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  // Tests build several fixture sites; each gets its own content cache.
  cacheDir: process.env.CHAMBER_CACHE_DIR ?? './node_modules/.astro',
});
