import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { collectionNames, collections, extensionOf, type CollectionName } from '../src/schema';
import type { ContentFile } from '../src/schema/validate';

export type ContentTree = Partial<Record<CollectionName, Array<{ relativePath: string; file: ContentFile }>>>;

function listFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** A content file whose text is read from `path` each time it is asked for; `shown` is the path problems name. */
export const fileWhenUsed = (path: string, shown = path): ContentFile => ({
  path: shown,
  get text() {
    return readFileSync(path, 'utf8');
  },
});

/**
 * Every content file under `root` (the `content/` folder), grouped by collection. Paths are shown relative to `cwd`.
 * `read: 'when-used'` reads a file's text each time it is asked for rather than all at once, so a caller that takes
 * one file at a time (the content check) never holds the whole tree's text.
 */
export function readContentTree(root: string, cwd = process.cwd(), read: 'now' | 'when-used' = 'now'): ContentTree {
  const tree: ContentTree = {};
  for (const name of collectionNames) {
    const spec = collections[name];
    const dir = join(root, spec.dir);
    const ext = extensionOf(spec.format);
    tree[name] = listFiles(dir)
      .filter((path) => path.endsWith(ext))
      .map((path) => {
        const shown = relative(cwd, path);
        const file: ContentFile = read === 'now' ? { path: shown, text: readFileSync(path, 'utf8') } : fileWhenUsed(path, shown);
        return { relativePath: relative(dir, path).split(sep).join('/'), file };
      });
  }
  return tree;
}
