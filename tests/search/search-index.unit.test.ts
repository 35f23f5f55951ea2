import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { INDEX_CHUNK_POSITIONS, indexSite } from '../../scripts/search-index';

const root = mkdtempSync(join(tmpdir(), 'chamber-index-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `n` distinct made-up words ("zqaaaa", "zqaaab", ...), which no stemmer folds together. */
const words = (n: number) => Array.from({ length: n }, (_, i) => `zq${i.toString(26).padStart(4, '0').replace(/./g, (d) => String.fromCharCode(97 + parseInt(d, 26)))}`);

describe('the search index of a part', () => {
  test("splits the words into chunks of INDEX_CHUNK_POSITIONS word positions, not Pagefind's default 20,000", () => {
    // 9,000 words used once each, which Pagefind counts as 27,000 positions (three each): two chunks at its default
    // of 20,000 and three at 10,000, six at 5,000 (checked by hand with its command line).
    const unique = words(9000);
    expect(new Set(unique).size).toBe(9000);
    mkdirSync(join(root, 'papers'), { recursive: true });
    writeFileSync(
      join(root, 'papers', 'index.html'),
      `<!doctype html><html lang="en"><head><title>Words</title></head><body><main data-pagefind-body data-part="2024"><h1>Words</h1><p>${unique.join(' ')}</p></main></body></html>`,
    );
    const quiet = () => {};
    expect(indexSite(root, { out: quiet, err: quiet })).toBe(1);
    const chunks = readdirSync(join(root, 'pagefind', '2024', 'index')).length;
    expect(chunks).toBe(Math.ceil(27_000 / INDEX_CHUNK_POSITIONS));
  });
});
