import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { INDEX_CHUNK_POSITIONS, indexSite, packIndex } from '../../scripts/search-index';
import { PACK_FOLDER } from '../../src/model/search-pack';
import { packedFiles } from '../helpers/pagefind';

const root = mkdtempSync(join(tmpdir(), 'chamber-index-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `n` distinct made-up words ("zqaaaa", "zqaaab", ...), which no stemmer folds together. */
const words = (n: number) => Array.from({ length: n }, (_, i) => `zq${i.toString(26).padStart(4, '0').replace(/./g, (d) => String.fromCharCode(97 + parseInt(d, 26)))}`);

describe('the search index of a part', () => {
  test("splits the words into chunks of INDEX_CHUNK_POSITIONS word positions, not Pagefind's default 20,000", () => {
    // 9,000 words used once each, which Pagefind counts as 27,000 positions (three each), in as many chunks as
    // INDEX_CHUNK_POSITIONS divides them into: two at its default of 20,000, six at 5,000 (both checked by hand with
    // its command line), eleven at 2,500.
    const unique = words(9000);
    expect(new Set(unique).size).toBe(9000);
    mkdirSync(join(root, 'papers'), { recursive: true });
    writeFileSync(
      join(root, 'papers', 'index.html'),
      `<!doctype html><html lang="en"><head><title>Words</title></head><body><main data-pagefind-body data-part="2024"><h1>Words</h1><p>${unique.join(' ')}</p></main></body></html>`,
    );
    const quiet = () => {};
    expect(indexSite(root, { out: quiet, err: quiet })).toBe(1);
    const packed = [...packedFiles(join(root, 'pagefind', '2024')).keys()];
    expect(packed.filter((path) => path.startsWith('index/')).length).toBe(Math.ceil(27_000 / INDEX_CHUNK_POSITIONS));
    expect(packed.filter((path) => path.startsWith('fragment/'))).toHaveLength(1);
  });
});

describe('packing an index', () => {
  /** A Pagefind index folder holding `files` (paths in the index and their text), as Pagefind would write them. */
  const index = (name: string, files: Record<string, string>) => {
    const out = join(root, name);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(out, path, '..'), { recursive: true });
      writeFileSync(join(out, path), text);
    }
    writeFileSync(join(out, 'pagefind.js'), '// code');
    return out;
  };
  const files = {
    'fragment/en_1a2b3c4.pf_fragment': 'first page',
    'fragment/en_1f00000.pf_fragment': 'second page, in the same table',
    'fragment/en_c0ffee1.pf_fragment': 'third page',
    'index/en_9d8e7f6.pf_index': 'words',
    'filter/en_0a0a0a0.pf_filter': 'filters',
  };

  test('puts every fragment, chunk and filter in one pack, each read back whole through its table; the rest stays', () => {
    const out = index('packed', files);
    packIndex(out);
    expect(Object.fromEntries([...packedFiles(out)].map(([path, bytes]) => [path, bytes.toString()]))).toEqual(files);
    for (const folder of ['fragment', 'index', 'filter']) expect(existsSync(join(out, folder))).toBe(false);
    expect(readdirSync(out).sort()).toEqual([PACK_FOLDER, 'pagefind.js']);
    const packFolder = readdirSync(join(out, PACK_FOLDER));
    expect(packFolder.filter((file) => file.endsWith('.json')).sort()).toEqual(['0.json', '1.json', '9.json', 'c.json']);
    expect(packFolder.filter((file) => !file.endsWith('.json'))).toEqual([expect.stringMatching(/^[0-9a-f]{12}\.pf_pack$/)]);
    expect(JSON.parse(readFileSync(join(out, PACK_FOLDER, '1.json'), 'utf8'))).toMatchObject({ files: [['fragment/en_1a2b3c4.pf_fragment', 10], ['fragment/en_1f00000.pf_fragment', 30]] });
  });

  test('names the pack by what it holds, so a table is never read against an older pack', () => {
    const pack = (name: string, changed: Record<string, string>) => {
      const out = index(name, { ...files, ...changed });
      packIndex(out);
      return readdirSync(join(out, PACK_FOLDER)).find((file) => file.endsWith('.pf_pack'));
    };
    expect(pack('same', {})).toBe(pack('again', {}));
    expect(pack('other', { 'fragment/en_c0ffee1.pf_fragment': 'third page, revised' })).not.toBe(pack('same-2', {}));
  });
});
