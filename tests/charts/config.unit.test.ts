import { describe, expect, test } from 'vitest';
import { CHART_SIZES, CHART_TEXT, COMPARATOR_COLOURS, chartConfig, contrastRatio, EDITION_COLOURS, wrapWords, type KpiLineConfig } from '../../src/charts/config';
import { comparisonRows, isComparison, kpiSeries } from '../../src/model/kpi';
import { contentGraph } from '../helpers/graph';

const graph = contentGraph();
/** A seeded KPI series (content/kpis/<id>.yaml). */
const kpi = (id: string) => graph.kpi.get(id)!.data;
const REOFFENDING = 'leicestershire/youth-justice-reoffending';
const FIRST_TIME_ENTRANTS = 'leicestershire/youth-justice-first-time-entrants';
const COST_PER_HEAD = 'leicester/homelessness-s-head';

describe('chart configuration', () => {
  const k = kpi(REOFFENDING);
  const s = kpiSeries(k);
  const config = chartConfig(k, s) as KpiLineConfig;
  const datasets = config.data.datasets;

  test('is a line chart with no animation', () => {
    expect(config.type).toBe('line');
    expect(config.options?.animation).toBe(false);
    expect(config.data.labels).toEqual(s.categories);
  });

  test('is plain JSON, so the browser draws exactly what the build drew', () => {
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
  });

  test('tells every line apart by shape and pattern, not colour alone', () => {
    const looks = datasets.map((d) => `${String(d.pointStyle)}|${JSON.stringify(d.borderDash)}`);
    expect(new Set(looks).size).toBe(datasets.length);
    expect(config.options?.plugins?.legend?.labels?.usePointStyle).toBe(true);
  });

  test('breaks the line where the definition changes: no line runs across editions', () => {
    const actual = datasets.filter((d) => String(d.label).startsWith('Actual'));
    expect(actual).toHaveLength(2);
    const at = s.changes[0]!.at;
    expect(actual[0]!.data.slice(at).every((v) => v === null)).toBe(true);
    expect(actual[1]!.data.slice(0, at).every((v) => v === null)).toBe(true);
    expect(config.options?.plugins?.definitionBreaks?.breaks).toEqual([{ at, label: 'New definition from 2023-26' }]);
  });

  test('gives each unit its own axis, so incomparable figures do not share a scale', () => {
    const units = new Set(k.editions.map((e) => e.unit));
    const axes = Object.keys(config.options?.scales ?? {}).filter((key) => key !== 'x');
    expect(axes).toHaveLength(units.size);
    expect(new Set(datasets.map((d) => d.yAxisID)).size).toBe(units.size);
  });

  test('meets contrast: lines and points at least 3:1, text at least 4.5:1 on white', () => {
    for (const colour of [...EDITION_COLOURS, ...COMPARATOR_COLOURS]) expect(contrastRatio(colour, '#ffffff')).toBeGreaterThanOrEqual(3);
    for (const d of datasets) expect(contrastRatio(String(d.borderColor), '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(CHART_TEXT, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  test('leaves out a line with no figure to draw (a target printed as words)', () => {
    const fte = chartConfig(kpi(FIRST_TIME_ENTRANTS)) as KpiLineConfig;
    expect(fte.data.datasets.map((d) => d.label)).not.toContain('Target (2015/16)');
  });

  test('draws a comparison table as bars, this council named in its label', () => {
    const cost = kpi(COST_PER_HEAD);
    const s2 = kpiSeries(cost);
    expect(isComparison(s2)).toBe(true);
    const bars = chartConfig(cost, s2, 'Leicester');
    expect(bars.type).toBe('bar');
    expect(bars.options?.animation).toBe(false);
    expect(bars.data.labels?.[0]).toBe('Leicester (this council)');
    expect(bars.data.labels).toHaveLength(comparisonRows(s2, 'Leicester').length);
    expect(bars.data.datasets[0]!.data[0]).toBe(6.95);
  });

  test.each(graph.kpis.map((k) => [k.id, k.data] as const))('%s: the narrow chart shows the same figures, its text larger for its width', (_, k) => {
    const wide = chartConfig(k, kpiSeries(k), 'Leicester', 'wide');
    const narrow = chartConfig(k, kpiSeries(k), 'Leicester', 'narrow');
    expect(narrow.data).toEqual(wide.data);
    // Shown 300px wide, a label must stay at least 12px: its size as a share of the layout's width, times 300.
    const ticks = (c: typeof wide) => Object.values(c.options!.scales!).map((axis) => (axis as { ticks: { font: { size: number } } }).ticks.font.size);
    for (const size of ticks(narrow)) expect((size / CHART_SIZES.narrow.width) * 300).toBeGreaterThanOrEqual(12);
    for (const line of narrow.options!.plugins!.title!.text as string[]) expect(line.length <= 34 || !line.includes(' ')).toBe(true);
  });

  test('contrastRatio follows WCAG: black on white is 21:1, a colour on itself 1:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#1d70b8', '#1d70b8')).toBe(1);
  });
});

describe('chart title', () => {
  test('wrapWords keeps long chart titles inside the chart, breaking only at spaces', () => {
    const name = kpi('leicester/households-accommodated-in-bed-and-breakfast-accommodation').name;
    const lines = wrapWords(name);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(lines.join(' ')).toBe(name.replace(/\s+/g, ' '));
  });
});
