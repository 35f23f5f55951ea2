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

/** Reads every content file under `root` (the `content/` folder), grouped by collection. Paths are shown relative to `cwd`. */
export function readContentTree(root: string, cwd = process.cwd()): ContentTree {
  const tree: ContentTree = {};
  for (const name of collectionNames) {
    const spec = collections[name];
    const dir = join(root, spec.dir);
    const ext = extensionOf(spec.format);
    tree[name] = listFiles(dir)
      .filter((path) => path.endsWith(ext))
      .map((path) => ({
        relativePath: relative(dir, path).split(sep).join('/'),
        file: { path: relative(cwd, path), text: readFileSync(path, 'utf8') },
      }));
  }
  return tree;
}
