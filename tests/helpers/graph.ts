import { join } from 'node:path';
import { readContentTree } from '../../scripts/content-tree';
import { buildGraph, type Graph, type GraphInput } from '../../src/model/graph';
import { collectionNames } from '../../src/schema';
import { checkFile } from '../../src/schema/validate';

const CONTENT = join(import.meta.dirname, '..', '..', 'content');

/** The content graph of the real content/ folder, built without Astro: the same schemas, the same linking. */
export function contentGraph(root = CONTENT): Graph {
  const tree = readContentTree(root);
  const input = Object.fromEntries(
    collectionNames.map((name) => [
      name,
      (tree[name] ?? []).flatMap(({ relativePath, file }) => {
        const parsed = checkFile(name, relativePath, file, []);
        if (!parsed) throw new Error(`${file.path} does not pass its schema: run npm run build to see why`);
        const body = file.text.replace(/^---\n[\s\S]*?\n---\n/, '');
        return [{ id: parsed.id, data: parsed.data, body }];
      }),
    ]),
  ) as unknown as GraphInput;
  return buildGraph(input);
}
