import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { collections } from '../../src/schema';
import { contentComponents } from '../../src/schema/components';

/** Folders of the collections whose entries are MDX: the text the baseline renders, exactly as the project has it. */
export const mdxDirs = (): string[] => Object.values(collections).filter((c) => c.format === 'mdx').map((c) => c.dir);

/**
 * The files of the plain-Astro baseline: Astro 7 and @astrojs/mdx with their defaults, one content collection of the
 * corpus's MDX entries (documents, minutes, workshops), one route that renders each, and no project code: no layout,
 * no graph, no schema, no search index. Each content component is a stand-in that renders its children in a `<div>`,
 * only so the MDX compiles. Returned as path -> text, relative to the baseline project.
 */
export function baselineFiles(contentDir: string): Record<string, string> {
  const stub = "<div><slot /></div>\n";
  const imports = contentComponents.map((name) => `import ${name} from '../components/Stub.astro';`).join('\n');
  return {
    'package.json': `${JSON.stringify({ name: 'chamber-bench-baseline', private: true, type: 'module' }, null, 2)}\n`,
    // The caches stay inside the baseline folder: the project's node_modules is shared, through a symlink. The one
    // setting taken from the project silences a bundler notice Astro's MDX modules raise on every entry: printed
    // 10,000 times, with a code frame each, it would slow the baseline down by more than it measures.
    'astro.config.mjs': `import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  integrations: [mdx()],
  cacheDir: './.cache/astro',
  vite: {
    cacheDir: './.cache/vite',
    build: { rollupOptions: { onwarn: (warning, warn) => warning.code !== 'MODULE_LEVEL_DIRECTIVE' && warn(warning) } },
  },
});
`,
    'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  pages: defineCollection({
    loader: glob({ pattern: ${JSON.stringify(mdxDirs().map((dir) => `${dir}/**/*.mdx`))}, base: ${JSON.stringify(resolve(contentDir))} }),
  }),
};
`,
    'src/components/Stub.astro': stub,
    'src/pages/[...id].astro': `---
import { getCollection, render } from 'astro:content';
${imports}

export async function getStaticPaths() {
  const entries = await getCollection('pages');
  return entries.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}

const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en">
  <head><meta charset="utf-8" /><title>{entry.id}</title></head>
  <body><main><Content components={{ ${contentComponents.join(', ')} }} /></main></body>
</html>
`,
  };
}

/**
 * Writes the baseline project into `dir` (replacing what was there), with `node_modules` a symlink to the project's
 * own, so nothing is installed from the network and both builds use the same Astro, MDX compiler and Node.
 */
export function writeBaselineProject(dir: string, contentDir: string, projectRoot: string): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(baselineFiles(contentDir))) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
}
