import { describe, expect, test } from 'vitest';
import { packedRange, packedRequest, packLayout, packShard, requestedRange, tablePath } from '../../src/model/search-pack';

describe('search packs', () => {
  test("a packed file's table is the first hex digit of its hash, whatever its language; other files are not packed", () => {
    expect(packShard('fragment/en_1a2b3c4.pf_fragment')).toBe('1');
    expect(packShard('index/en-gb_f00d123.pf_index')).toBe('f');
    expect(packShard('filter/cy_0abc.pf_filter')).toBe('0');
    expect(packShard('pagefind.en_1a2b3c4.pf_meta')).toBeUndefined();
    expect(packShard('wasm.en.pagefind')).toBeUndefined();
    expect(packShard('fragment/en_group_1a2b.pf_fragment')).toBeUndefined();
    expect(tablePath('a')).toBe('pack/a.json');
  });

  test("a pack lays each table's files end to end, and every file is found again where it was put", () => {
    const files = [
      { path: 'fragment/en_b00.pf_fragment', length: 7 },
      { path: 'index/en_a11.pf_index', length: 3 },
      { path: 'fragment/en_a22.pf_fragment', length: 5 },
      { path: 'filter/en_b33.pf_filter', length: 2 },
    ];
    const { order, tables } = packLayout('x.pf_pack', files);
    expect(order.map((f) => f.path)).toEqual(['fragment/en_a22.pf_fragment', 'index/en_a11.pf_index', 'filter/en_b33.pf_filter', 'fragment/en_b00.pf_fragment']);
    expect(tables.get('a')).toEqual({ pack: 'x.pf_pack', start: 0, files: [['fragment/en_a22.pf_fragment', 5], ['index/en_a11.pf_index', 3]] });
    expect(tables.get('b')).toEqual({ pack: 'x.pf_pack', start: 8, files: [['filter/en_b33.pf_filter', 2], ['fragment/en_b00.pf_fragment', 7]] });
    let offset = 0;
    for (const file of order) {
      expect(packedRange(tables.get(packShard(file.path)!)!, file.path)).toEqual([offset, offset + file.length]);
      offset += file.length;
    }
    expect(packedRange(tables.get('a')!, 'fragment/en_a99.pf_fragment')).toBeUndefined();
    expect(() => packLayout('x.pf_pack', [{ path: 'fragment/readme.txt', length: 1 }])).toThrow('Cannot pack fragment/readme.txt');
  });

  test("a request is for a packed file only under the search bundle, in one part's index", () => {
    expect(packedRequest('/archive/pagefind/leicester-2009/fragment/en_1a2b3c4.pf_fragment', '/archive/pagefind/')).toEqual({
      index: '/archive/pagefind/leicester-2009/',
      path: 'fragment/en_1a2b3c4.pf_fragment',
      shard: '1',
    });
    expect(packedRequest('/archive/pagefind/leicester-2009/pack/1.json', '/archive/pagefind/')).toBeUndefined();
    expect(packedRequest('/archive/pagefind/leicester-2009/pagefind.js', '/archive/pagefind/')).toBeUndefined();
    expect(packedRequest('/pagefind/leicester-2009/fragment/en_1a2b3c4.pf_fragment', '/archive/pagefind/')).toBeUndefined();
    expect(packedRequest('/archive/pagefind/fragment/en_1a2b3c4.pf_fragment', '/archive/pagefind/')).toBeUndefined();
  });

  test('a server gives the one range asked of a file, and none it cannot', () => {
    expect(requestedRange('bytes=10-19', 100)).toEqual([10, 20]);
    expect(requestedRange('bytes=90-', 100)).toEqual([90, 100]);
    expect(requestedRange('bytes=95-200', 100)).toEqual([95, 100]);
    expect(requestedRange('bytes=-5', 100)).toEqual([95, 100]);
    expect(requestedRange('bytes=100-', 100)).toBeUndefined();
    expect(requestedRange('bytes=-', 100)).toBeUndefined();
    expect(requestedRange('bytes=0-1,5-6', 100)).toBeUndefined();
    expect(requestedRange('items=0-1', 100)).toBeUndefined();
  });
});
