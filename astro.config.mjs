// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { paragraphAnchors } from './src/markdown/paragraph-anchors.ts';
import { cdn } from './src/integrations/cdn.ts';
import { sitePages } from './src/integrations/site-pages.ts';
import { loadSiteConfig } from './src/model/site-config.ts';

// `site` and `base` come from chamber.config.yaml (or CHAMBER_SITE / CHAMBER_BASE), so build and preview agree.
const { config } = loadSiteConfig(process.env);

export default defineConfig({
  site: config.site,
  base: config.base,
  trailingSlash: 'always',
  // Stylesheets and scripts are always files, never inlined: the Content Security Policy in _headers allows no inline code.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: {
    // Vite's dependency cache too: parts built at once share node_modules, where Vite keeps it by default, and would
    // replace each other's (ENOTEMPTY).
    ...(process.env.CHAMBER_CACHE_DIR ? { cacheDir: `${process.env.CHAMBER_CACHE_DIR}/vite` } : {}),
    build: {
      assetsInlineLimit: 0,
      rollupOptions: {
        // Each content entry is a module of its own, imported when its page renders, and the bundler made two chunk
        // files of each (its body, its styles): 1,465 for a part of 862 pages at 10,000 documents, each written, read
        // back and linked by Node. Entries grouped into chunks of about 1 MB, 84 files, built the same pages byte for
        // byte with 17% less processor time (Astro's 17.2 s against 20.7 s, three builds each) and the same memory.
        output: { codeSplitting: { groups: [{ name: 'entries', test: /\.mdx($|\?)/, maxSize: 1_000_000 }] } },
        // Astro's own MDX modules trip this bundler notice on every entry; it says nothing about our code.
        onwarn: (warning, warn) => warning.code !== 'MODULE_LEVEL_DIRECTIVE' && warn(warning),
      },
    },
  },
  // Source text is kept as printed: no curly quotes or dashes the council did not type.
  markdown: { processor: satteri({ features: { smartPunctuation: false }, hastPlugins: [paragraphAnchors] }) },
  // sitePages() adds src/site-pages/ to a whole build or the site part (see scripts/build.ts). The search index is
  // built after Astro exits. cdn() stays last: it writes _headers for every
  // file the integrations before it added.
  // MDX's `optimize` compiles a body's static HTML to one string instead of a call per element: a part of 862 pages at
  // 10,000 documents built 18% sooner (17.6 s against 14.4 s alone) in 7% less memory. Content components (DataTable,
  // Minute...) stay components, since no HTML element is mapped to one; the pages differ only in writing quotes in text
  // unescaped and a bare attribute as `=""`.
  integrations: [sitePages(process.env.CHAMBER_PART), mdx({ optimize: true }), sitemap(), cdn()],
  devToolbar: { enabled: false },
  // Tests build several fixture sites; each gets its own content cache.
  cacheDir: process.env.CHAMBER_CACHE_DIR ?? './node_modules/.astro',
});
