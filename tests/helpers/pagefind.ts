import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { packTables } from '../../scripts/search-index';
import { PACK_FOLDER, tableEntries } from '../../src/model/search-pack';

/** One page as Pagefind stored it: a gzipped fragment file, "pagefind_dcd" then JSON. */
export interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: Array<{ element: string; id: string; location: number }>;
}

/** The files one part's index (its folder) keeps in its pack, by their paths in the index, read through its tables. */
export function packedFiles(index: string): Map<string, Buffer> {
  const folder = join(index, PACK_FOLDER);
  const files = new Map<string, Buffer>();
  const tables = packTables(folder);
  if (tables.length === 0) return files;
  const pack = readFileSync(join(folder, tables[0]!.pack));
  for (const [path, start, end] of tables.flatMap(tableEntries)) files.set(path, pack.subarray(start, end));
  return files;
}

/** The pages one part's index (its folder) stored, a fragment each. */
export function storedFragments(index: string): Fragment[] {
  return [...packedFiles(index)]
    .filter(([path]) => path.startsWith('fragment/'))
    .map(([, bytes]) => JSON.parse(gunzipSync(bytes).toString('utf8').replace(/^pagefind_dcd/, '')) as Fragment);
}
