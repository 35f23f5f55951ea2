import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BASE, DIST, sitePages, walk } from '../helpers/dist';
import { attr, elements, parseHtml } from '../helpers/html';

/** A chart's bytes as served; PNG does not shrink under gzip, so this is what a reader downloads. */
const MAX_CHART = 30_000;
/** All the charts of one page in one layout: what a phone, or a desktop, downloads scrolling to the end. */
const MAX_PAGE = 300_000;

const charts = walk(join(DIST, 'kpis')).filter((f) => /\/chart(-narrow)?\.png$/.test(f));
const size = (href: string) => statSync(join(DIST, decodeURIComponent(href.slice(BASE.length)))).size;

/** Per page, the charts it shows: the wide image and the narrow source of each picture. */
const pages = sitePages().flatMap((p) => {
  const pictures = [...elements(parseHtml(readFileSync(p.file, 'utf8')))].filter((e) => e.tagName === 'picture');
  const chartsOf = (tag: string, name: string) =>
    pictures.flatMap((pic) => [...elements(pic)].filter((e) => e.tagName === tag).map((e) => attr(e, name)!)).filter((h) => /\/chart(-narrow)?\.png$/.test(h));
  const wide = chartsOf('img', 'src');
  return wide.length > 0 ? [{ path: p.path, type: p.type, wide, narrow: chartsOf('source', 'srcset') }] : [];
});

describe(`KPI chart weight in ${DIST}`, () => {
  test('every chart, wide and narrow, is a palette PNG of at most 30 kB', () => {
    expect(charts.length).toBeGreaterThan(0);
    const heavy = charts.flatMap((f) => {
      const png = readFileSync(f);
      // Colour type 3 is a palette image (PNG IHDR: byte 25).
      const problems = [...(png.length > MAX_CHART ? [`${png.length} bytes`] : []), ...(png[25] !== 3 ? ['not a palette PNG'] : [])];
      return problems.length > 0 ? [`${f}: ${problems.join(', ')}`] : [];
    });
    expect(heavy).toEqual([]);
  });

  test('every page with charts offers a narrow one for each, and downloads under 300 kB of charts in either layout', () => {
    expect(pages.some((p) => p.type === 'strategy' && p.wide.length >= 10)).toBe(true);
    const totals = pages.map((p) => ({ ...p, wideBytes: p.wide.reduce((n, h) => n + size(h), 0), narrowBytes: p.narrow.reduce((n, h) => n + size(h), 0) }));
    console.log(`Heaviest page of charts: ${Math.max(...totals.map((t) => t.wideBytes))} bytes wide, ${Math.max(...totals.map((t) => t.narrowBytes))} narrow`);
    for (const t of totals) {
      expect(t.narrow.length, t.path).toBe(t.wide.length);
      expect(t.wideBytes, `${t.path}: wide charts`).toBeLessThan(MAX_PAGE);
      expect(t.narrowBytes, `${t.path}: narrow charts`).toBeLessThan(MAX_PAGE);
    }
  });
});
