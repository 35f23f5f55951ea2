import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BASE, DIST, READING_TYPES, sitePages, type PageType } from '../helpers/dist';
import { contentGraph } from '../helpers/graph';
import { pageWeight, WEIGHT_KINDS, type Weight } from './weight';

/**
 * The most one page of each type may make a reader download, in gzip bytes. Pages for reading ship no JavaScript.
 * Lazy images (KPI charts) arrive only as the reader scrolls to them, so they have a budget of their own.
 */
const BUDGETS: Record<PageType, Weight> = {
  home: { html: 20_000, css: 10_000, js: 10_000, images: 20_000, lazyImages: 200_000 },
  meeting: { html: 30_000, css: 10_000, js: 0, images: 20_000, lazyImages: 500_000 },
  minutes: { html: 60_000, css: 10_000, js: 0, images: 20_000, lazyImages: 500_000 },
  document: { html: 120_000, css: 10_000, js: 0, images: 50_000, lazyImages: 300_000 },
  strategy: { html: 60_000, css: 10_000, js: 0, images: 50_000, lazyImages: 300_000 },
  kpi: { html: 20_000, css: 10_000, js: 80_000, images: 50_000, lazyImages: 30_000 },
  other: { html: 60_000, css: 10_000, js: 30_000, images: 20_000, lazyImages: 500_000 },
};

const pages = sitePages().map((p) => ({ ...p, weight: pageWeight(DIST, BASE, p.path, readFileSync(p.file, 'utf8')) }));
const types = (Object.keys(BUDGETS) as PageType[]).filter((t) => pages.some((p) => p.type === t));

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

describe(`page weight of ${DIST} (gzip)`, () => {
  test('every page type has pages, and the figures are printed', () => {
    const heaviest = (type: PageType, kind: keyof Weight) => Math.max(...pages.filter((p) => p.type === type).map((p) => p.weight[kind]));
    const header = ['page type', 'pages', ...WEIGHT_KINDS.map((k) => `${k} kB (budget)`)];
    const rows = types.map((t) => [t, String(pages.filter((p) => p.type === t).length), ...WEIGHT_KINDS.map((k) => `${kb(heaviest(t, k))} (${kb(BUDGETS[t][k])})`)]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
    console.log(`Page weight, heaviest page of each type, gzip:\n${[header, ...rows].map(line).join('\n')}`);
    // Each kind of content the site holds is weighed: a page type missing here would go unchecked.
    const graph = contentGraph();
    const held: PageType[] = ['home', ...(graph.meetings.length ? ['meeting' as const] : []), ...(graph.minutes.length ? ['minutes' as const] : []), ...(graph.documents.length ? ['document' as const] : [])];
    expect(types).toEqual(expect.arrayContaining(held));
  });

  test.each(types)('%s pages stay within their budget', (type) => {
    const over = pages
      .filter((p) => p.type === type)
      .flatMap((p) => WEIGHT_KINDS.filter((k) => p.weight[k] > BUDGETS[type][k]).map((k) => `${p.path} ${k}: ${p.weight[k]} bytes, budget ${BUDGETS[type][k]}`));
    expect(over).toEqual([]);
  });

  test.each([...READING_TYPES])('%s pages ship no JavaScript at all', (type) => {
    const withScript = pages.filter((p) => p.type === type && p.weight.js > 0).map((p) => `${p.path}: ${p.weight.js} bytes`);
    expect(withScript).toEqual([]);
  });
});
