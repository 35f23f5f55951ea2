import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { CHART_SIZES, chartConfig } from '../../src/charts/config';
import { CHART_SCALE, chartKey, drawnIn, renderChart } from '../../src/charts/render';
import { kpiSeries, selfLabel } from '../../src/model/kpi';
import { contentGraph } from '../helpers/graph';

const dirs = [mkdtempSync(join(tmpdir(), 'chamber-charts-')), mkdtempSync(join(tmpdir(), 'chamber-charts-'))];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const graph = contentGraph();
// The seed's busiest chart: two definitions, two y axes, three comparators.
const kpi = graph.kpi.get('leicestershire/youth-justice-first-time-entrants')!;
const self = selfLabel(graph.council.get(kpi.data.council)?.data);

test.each(['wide', 'narrow'] as const)('the %s chart is a small palette PNG, the same bytes every time it is drawn', async (layout) => {
  const config = chartConfig(kpi.data, kpiSeries(kpi.data), self, layout);
  const [a, b] = await Promise.all(dirs.map((d) => renderChart(config, layout, d)));
  expect(a!.equals(b!)).toBe(true);
  expect([a!.readUInt32BE(16), a!.readUInt32BE(20)]).toEqual([CHART_SIZES[layout].width, CHART_SIZES[layout].height].map((n) => Math.round(n * CHART_SCALE[layout])));
  expect(a![25]).toBe(3);
  expect(a!.length).toBeLessThan(30_000);
});

test('a chart drawn in another font is cached apart: installing a font redraws every chart', () => {
  const config = chartConfig(kpi.data, kpiSeries(kpi.data), self, 'wide');
  expect(drawnIn((family) => family === 'DejaVu Sans')).toBe('DejaVu Sans');
  expect(drawnIn((family) => family !== 'Arial')).toBe('Liberation Sans');
  expect(drawnIn(() => false)).toBe('sans-serif');
  expect(chartKey(config, 'wide', 'DejaVu Sans')).not.toBe(chartKey(config, 'wide', 'Liberation Sans'));
  expect(chartKey(config, 'wide')).toBe(chartKey(config, 'wide', drawnIn()));
});
