/**
 * The Chart.js configuration of a KPI chart, from its series: the build draws its PNGs from it (`render.ts`) and the
 * interactive chart draws it again in the browser. Pure: the same KPI always gives the same configuration, so charts
 * can be cached by it.
 */
import type { ChartConfiguration, ChartDataset, PointStyle } from 'chart.js';
import { comparisonRows, isComparison, kpiSeries, type KpiRow, type KpiSeries } from '../model/kpi';
import type { Kpi, KpiPoint } from '../schema';
import type { DefinitionBreak } from './definition-breaks';

/**
 * The two drawings of every chart: `wide` for a desktop column and the interactive chart, `narrow` for a phone. The
 * narrow one is laid out at a phone's width with text as large as the wide one's, so its axis labels stay legible
 * at 320 px instead of shrinking to a third of their size.
 */
export type ChartLayout = 'wide' | 'narrow';

/** Size of each drawing as laid out, in CSS pixels. */
export const CHART_SIZES = { wide: { width: 800, height: 450 }, narrow: { width: 320, height: 440 } } as const;
/** Windows that get the narrow chart: below 45em the wide one would show its 13px labels at under 11px. */
export const NARROW_CHART_MEDIA = '(max-width: 45em)';

/** What changes with the layout: how long a title line may be, text sizes and the weight of the marks. */
const CHART_STYLE = {
  wide: { titleChars: 80, title: 16, text: 13, point: 6, line: 3 },
  narrow: { titleChars: 34, title: 15, text: 14, point: 4, line: 2.5 },
} as const satisfies Record<ChartLayout, { titleChars: number; title: number; text: number; point: number; line: number }>;

/** Text, rules and targets: near-black on white. */
export const CHART_TEXT = '#0b0c0c';
const CHART_GRID = '#d6d6d6';
/** One colour per edition; each is at least 3:1 against white (WCAG 1.4.11). */
export const EDITION_COLOURS = ['#1d70b8', '#d4351c', '#00703c', '#4c2c92', '#912b88', '#8a5a00'] as const;
/** Comparator colours, also at least 3:1 against white. */
export const COMPARATOR_COLOURS = ['#505a5f', '#8a5a00', '#4c2c92', '#912b88'] as const;

/** Shapes tell editions, targets and comparators apart without colour. */
const EDITION_POINTS: readonly PointStyle[] = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'cross'];
const COMPARATOR_POINTS: readonly PointStyle[] = ['triangle', 'rectRot', 'star', 'cross'];
const TARGET_POINT: PointStyle = 'crossRot';

/** Line patterns: actual figures solid (later editions long-dashed), targets dashed, comparators dotted. */
export const DASHES = {
  actual: [[], [14, 5]] as const,
  target: [7, 5],
  comparator: [2, 4],
} as const;

export type KpiLineConfig = ChartConfiguration<'line', Array<number | null>, string>;
export type KpiBarConfig = ChartConfiguration<'bar', Array<number | null>, string>;
export type KpiChartConfig = KpiLineConfig | KpiBarConfig;
type Dataset = ChartDataset<'line', Array<number | null>>;

/** Relative luminance of a `#rrggbb` colour (WCAG 2). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Splits a title into lines of at most `width` characters at spaces, since Chart.js does not wrap titles. */
export function wrapWords(text: string, width = 80): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * The Chart.js configuration for a KPI series: one line per edition (so the line breaks where the definition
 * changes), targets and comparators in their own patterns and shapes, a y axis per unit, no animation. Plain JSON, so
 * the browser's interactive chart uses exactly what the build drew.
 */
export function chartConfig(kpi: Kpi, series: KpiSeries = kpiSeries(kpi), self = 'This council', layout: ChartLayout = 'wide'): KpiChartConfig {
  const style = CHART_STYLE[layout];
  return isComparison(series) ? comparisonConfig(kpi, series, self, style) : lineConfig(kpi, series, style);
}

type ChartStyle = (typeof CHART_STYLE)[ChartLayout];

/** One bar per authority, this council's first and outlined; its name in the label says which it is, not the colour. */
function comparisonConfig(kpi: Kpi, series: KpiSeries, self: string, style: ChartStyle): KpiBarConfig {
  const rows = comparisonRows(series, self);
  const unit = series.editions[0]!.edition.unit;
  const ticks = { color: CHART_TEXT, font: { size: style.text } };
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => (r.self ? `${r.name} (this council)` : r.name)),
      datasets: [
        {
          label: `${unit}, ${series.editions[0]!.rows[0]!.period}`,
          data: rows.map((r) => r.point?.value ?? null),
          backgroundColor: rows.map((r) => (r.self ? EDITION_COLOURS[0] : COMPARATOR_COLOURS[0])),
          borderColor: CHART_TEXT,
          borderWidth: rows.map((r) => (r.self ? 3 : 0)),
        },
      ],
    },
    options: {
      animation: false,
      indexAxis: 'y',
      layout: { padding: 8 },
      color: CHART_TEXT,
      plugins: {
        title: { display: true, text: wrapWords(kpi.name, style.titleChars), color: CHART_TEXT, font: { size: style.title, weight: 'bold' } },
        legend: { display: false },
      },
      scales: {
        x: { beginAtZero: true, title: { display: true, text: unit, color: CHART_TEXT, font: { size: style.text } }, ticks, grid: { color: CHART_GRID } },
        y: { ticks, grid: { display: false } },
      },
    },
  };
}

function lineConfig(kpi: Kpi, series: KpiSeries, style: ChartStyle): KpiLineConfig {
  const { categories, editions } = series;
  const many = editions.length > 1;
  const units = [...new Set(editions.map((t) => t.edition.unit))];
  const axisOf = (unit: string) => (units.indexOf(unit) === 0 ? 'y' : `y${units.indexOf(unit)}`);
  const along = (rows: readonly KpiRow[], pick: (r: KpiRow) => KpiPoint | undefined) =>
    categories.map((c) => {
      const row = rows.find((r) => r.category === c);
      return (row && pick(row)?.value) ?? null;
    });
  const hasFigures = (data: Array<number | null>) => data.some((v) => v !== null);
  const datasets: Dataset[] = editions.flatMap((t, i) => {
    const suffix = many ? ` (${t.edition.edition})` : '';
    const colour = EDITION_COLOURS[i % EDITION_COLOURS.length]!;
    const yAxisID = axisOf(t.edition.unit);
    const sets: Dataset[] = [
      {
        label: many ? `Actual (${t.edition.edition} definition)` : 'Actual',
        data: along(t.rows, (r) => r.value),
        borderColor: colour,
        backgroundColor: colour,
        pointStyle: EDITION_POINTS[i % EDITION_POINTS.length]!,
        borderDash: [...DASHES.actual[i % DASHES.actual.length]!],
        yAxisID,
      },
      {
        label: `Target${suffix}`,
        data: along(t.rows, (r) => r.target),
        borderColor: CHART_TEXT,
        backgroundColor: CHART_TEXT,
        pointStyle: TARGET_POINT,
        borderDash: [...DASHES.target],
        yAxisID,
      },
      ...t.comparators.map((name, j): Dataset => {
        const c = COMPARATOR_COLOURS[j % COMPARATOR_COLOURS.length]!;
        return {
          label: `${name}${suffix}`,
          data: along(t.rows, (r) => r.comparators[j]),
          borderColor: c,
          backgroundColor: c,
          pointStyle: COMPARATOR_POINTS[j % COMPARATOR_POINTS.length]!,
          borderDash: [...DASHES.comparator],
          yAxisID,
        };
      }),
    ];
    return sets.filter((s) => hasFigures(s.data));
  });
  const breaks: DefinitionBreak[] = series.changes.map((c) => ({ at: c.at, label: `New definition from ${c.to.edition}` }));
  const ticks = { color: CHART_TEXT, font: { size: style.text } };
  const axisTitle = (text: string) => ({ display: true, text, color: CHART_TEXT, font: { size: style.text } });
  const scales = Object.fromEntries([
    // `offset` keeps the first and last points (and their labels) clear of the chart's edges.
    ['x', { offset: true, title: axisTitle('Period'), ticks, grid: { color: CHART_GRID } }],
    ...units.map((unit, i) => [
      axisOf(unit),
      {
        type: 'linear',
        position: i % 2 === 0 ? 'left' : 'right',
        beginAtZero: true,
        title: axisTitle(unit),
        ticks,
        grid: { color: CHART_GRID, drawOnChartArea: i === 0 },
      },
    ]),
  ]) as NonNullable<NonNullable<KpiLineConfig['options']>['scales']>;
  return {
    type: 'line',
    data: { labels: categories, datasets },
    options: {
      animation: false,
      spanGaps: false,
      layout: { padding: 8 },
      color: CHART_TEXT,
      elements: { line: { borderWidth: style.line }, point: { radius: style.point, hoverRadius: style.point + 2, borderWidth: 2 } },
      plugins: {
        // Room under the title for the label of a definition break.
        title: { display: true, text: wrapWords(kpi.name, style.titleChars), color: CHART_TEXT, font: { size: style.title, weight: 'bold' }, padding: { top: 4, bottom: breaks.length > 0 ? 28 : 10 } },
        legend: { position: 'bottom', labels: { usePointStyle: true, color: CHART_TEXT, font: { size: style.text } } },
        definitionBreaks: { breaks, color: CHART_TEXT },
      },
      scales,
    },
  };
}
