import { cpSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the build does not need from the project folder: installed packages (linked instead), build output and caches,
 * the seed content (the benchmark brings its own corpus), tests and git.
 */
export const NOT_COPIED = new Set(['node_modules', 'dist', '.astro', '.chamber', '.scratch', '.git', 'content', 'tests', 'bench-results.json']);

/**
 * Copies the project's sources into `dir`, with `node_modules` a symlink to the project's own, and returns `dir`.
 *
 * The benchmark builds this copy, not the project folder, for two reasons. Astro keeps per-build files in the project
 * root whatever the content and output folders, such as `.astro/content-modules.mjs` (which MDX module each entry
 * is): a build running at the same time in the same root (a test, a colleague's `npm run build`) would overwrite
 * them. And a benchmark that takes an hour should measure one version of the code, not whatever is saved midway.
 */
export function snapshotProject(root: string, dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  for (const name of readdirSync(root)) {
    if (!NOT_COPIED.has(name)) cpSync(join(root, name), join(dir, name), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}
