import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** One page as Pagefind stored it: a gzipped fragment file, "pagefind_dcd" then JSON. */
export interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: Array<{ element: string; id: string; location: number }>;
}

/** The pages one part's index (its folder) stored: a fragment file holds one page, or a group of pages by their hashes. */
export function storedFragments(index: string): Fragment[] {
  const folder = join(index, 'fragment');
  return readdirSync(folder).flatMap((f) => {
    const text = gunzipSync(readFileSync(join(folder, f))).toString('utf8');
    const stored = JSON.parse(text.replace(/^pagefind_dcd/, '')) as Fragment | Record<string, Fragment>;
    return 'url' in stored && typeof stored.url === 'string' ? [stored as Fragment] : Object.values(stored as Record<string, Fragment>);
  });
}
