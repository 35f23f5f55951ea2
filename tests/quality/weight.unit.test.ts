import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, expect, test } from 'vitest';
import { pageWeight } from './weight';

const dist = mkdtempSync(join(tmpdir(), 'chamber-weight-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const files: Record<string, string> = {
  '_astro/site.css': 'body{background:url(../bg.png)}',
  '_astro/main.js': 'import{a as b}from"./chunk.js";import"./side.js";const c=()=>import("./later.js");',
  '_astro/chunk.js': 'export const a=1;',
  '_astro/side.js': 'console.log(1);',
  '_astro/later.js': 'export const never=1;',
  'bg.png': 'PNG-bytes',
  'chart.png': 'PNG-chart',
  'chart-narrow.png': 'PNG-chart drawn narrow, with a longer name than the wide one',
  'photo.png': 'PNG-photo',
};
for (const [path, text] of Object.entries(files)) {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), text);
}
const gz = (...paths: string[]) => paths.reduce((n, p) => n + gzipSync(files[p]!).length, 0);

test('counts each file a page fetches once, follows static imports and CSS urls, not import() or other sites', () => {
  const html = `<!doctype html><link rel="stylesheet" href="/archive/_astro/site.css"><link rel="stylesheet" href="../../_astro/site.css">
    <script type="module" src="/archive/_astro/main.js"></script><script src="https://cdn.example/x.js"></script>
    <img src="/archive/photo.png" alt=""><img src="/archive/chart.png" loading="lazy" alt="">`;
  expect(pageWeight(dist, '/archive/', '/meetings/x/', html)).toEqual({
    html: gzipSync(html).length,
    css: gz('_astro/site.css'),
    js: gz('_astro/main.js', '_astro/chunk.js', '_astro/side.js'),
    images: gz('bg.png', 'photo.png'),
    lazyImages: gz('chart.png'),
  });
});

test('an inline script counts as JavaScript; a JSON data block does not', () => {
  const html = '<!doctype html><script type="application/json">{"a":1}</script><script>alert(1)</script>';
  expect(pageWeight(dist, '/', '/', html).js).toBe(gzipSync('alert(1)').length);
});

test('a picture counts once, as the heaviest of its images', () => {
  const html = `<!doctype html><picture><source media="(max-width: 45em)" srcset="/chart-narrow.png"><img src="/chart.png" loading="lazy" alt=""></picture>`;
  expect(pageWeight(dist, '/', '/', html)).toMatchObject({ images: 0, lazyImages: gz('chart-narrow.png') });
});
