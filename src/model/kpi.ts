/**
 * KPI shaping: one series across plan editions, as tables, a chart configuration, CSV rows and the words of the
 * chart's text alternative. Pure: the same KPI always gives the same output, so charts can be cached by it.
 */
import type { ChartConfiguration, ChartDataset, PointStyle } from 'chart.js';
import type { DefinitionBreak } from '../charts/definition-breaks';
import type { Council, Kpi, KpiEdition, KpiPoint, SourceRef } from '../schema';

// ---------------------------------------------------------------------------------------------------------------
// Periods

/** A printed period read as a position on a time axis: "Apr to Mar 2011/12" and "11/12" are both `2011/12`. */
export interface Period {
  key: string;
  start: number;
}

const FULL_YEAR = /\b((?:19|20)\d{2})\s*[/-]\s*(\d{4}|\d{2})\b/;
const SHORT_YEAR = /(?<![\d/])(\d{2})\s*[/-]\s*(\d{2})(?![\d/])/;
const SPELT_YEARS = /\b((?:19|20)\d{2})\b\D{1,20}?\b((?:19|20)\d{2})\b/;
const ONE_YEAR = /\b((?:19|20)\d{2})\b/;

/** A span of years is a period only when it runs forward by one to five years; "31/03" is a date, not 1931-2003. */
const isSpan = (from: number, to: number) => to - from >= 1 && to - from <= 5;

/**
 * The time-axis position of a printed period, or undefined when it names no year ("Baseline", "Target").
 * "2011/12", "11/12" and "Apr to Mar 2011/12" are all `2011/12`; "Jul 2020 - Jun 2021" is `2020/21`; "Jan - Dec 2020
 * cohort" is `2020`.
 */
export function periodOf(printed: string): Period | undefined {
  const full = FULL_YEAR.exec(printed);
  if (full) return { key: `${full[1]}/${full[2]!.slice(-2)}`, start: Number(full[1]) };
  const spelt = SPELT_YEARS.exec(printed);
  if (spelt && isSpan(Number(spelt[1]), Number(spelt[2]))) {
    return { key: `${spelt[1]}/${spelt[2]!.slice(-2)}`, start: Number(spelt[1]) };
  }
  const short = SHORT_YEAR.exec(printed);
  if (short) {
    const [a, b] = [Number(short[1]), Number(short[2])];
    if (isSpan(a, b < a ? b + 100 : b)) {
      const start = (a < 70 ? 2000 : 1900) + a;
      return { key: `${start}/${short[2]}`, start };
    }
  }
  const one = ONE_YEAR.exec(printed);
  return one ? { key: one[1]!, start: Number(one[1]) } : undefined;
}

/** One figure placed on the shared axis: its category and where that category sorts. */
interface Placed {
  point: KpiPoint;
  category: string;
  start: number;
}

/**
 * Places a list of points on the axis. A point goes under its period's key unless another point of the same list has
 * that key too (two figures printed for one year), in which case both keep their printed periods, so no figure hides
 * another. A period without a year sorts where it was printed.
 */
function place(points: readonly KpiPoint[]): Placed[] {
  const keys = points.map((p) => periodOf(p.period));
  const count = new Map<string, number>();
  for (const k of keys) if (k) count.set(k.key, (count.get(k.key) ?? 0) + 1);
  let last = -Infinity;
  return points.map((point, i) => {
    const k = keys[i];
    const start = k?.start ?? last;
    last = start;
    return { point, category: k && count.get(k.key) === 1 ? k.key : point.period.trim(), start };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Series

/** One row of an edition's table: a period, with the actual figure, the target and each comparator as printed. */
export interface KpiRow {
  category: string;
  /** The period as the table printed it (the actual figure's, else the target's, else a comparator's). */
  period: string;
  value?: KpiPoint | undefined;
  target?: KpiPoint | undefined;
  /** In the order of `EditionTable.comparators`. */
  comparators: Array<KpiPoint | undefined>;
}

/** One edition of a series as a table. */
export interface EditionTable {
  edition: KpiEdition;
  /** Comparator names (England, the region), in printed order. */
  comparators: string[];
  rows: KpiRow[];
}

/** What changed from one edition to the next. */
export interface DefinitionChange {
  from: KpiEdition;
  to: KpiEdition;
  /** Which printed fields differ; the figures either side are not comparable when any does. */
  fields: Array<'name' | 'definition' | 'unit'>;
  /** Index in `KpiSeries.categories` of the first period measured under the new definition. */
  at: number;
}

/** A KPI series laid out once for every view of it: the shared period axis, a table per edition, and the breaks. */
export interface KpiSeries {
  categories: string[];
  editions: EditionTable[];
  changes: DefinitionChange[];
}

/** Case, spacing and a closing full stop are not a change of definition. */
const same = (a: string, b: string) => {
  const norm = (s: string) => s.replace(/\s+/g, ' ').replace(/[.\s]+$/, '').trim().toLowerCase();
  return norm(a) === norm(b);
};

/** Where each edition differs from the one before it in name, definition or unit. */
function changesBetween(editions: readonly KpiEdition[]): Array<Omit<DefinitionChange, 'at'>> {
  return editions.slice(1).flatMap((to, i) => {
    const from = editions[i]!;
    const fields = (['name', 'definition', 'unit'] as const).filter((f) => !same(from[f], to[f]));
    return fields.length > 0 ? [{ from, to, fields }] : [];
  });
}

/** Lays a KPI out on one period axis: every edition's values, targets and comparators, oldest period first. */
export function kpiSeries(kpi: Kpi): KpiSeries {
  const placedEditions = kpi.editions.map((edition) => ({
    edition,
    values: place(edition.values),
    targets: place(edition.targets),
    comparators: edition.comparators.map((c) => ({ name: c.name, points: place(c.values) })),
  }));
  // Categories in time order; ties keep the order in which editions printed them.
  const order = new Map<string, { start: number; seen: number }>();
  for (const e of placedEditions) {
    for (const p of [...e.values, ...e.targets, ...e.comparators.flatMap((c) => c.points)]) {
      if (!order.has(p.category)) order.set(p.category, { start: p.start, seen: order.size });
    }
  }
  const categories = [...order.entries()]
    .sort(([, a], [, b]) => a.start - b.start || a.seen - b.seen)
    .map(([category]) => category);
  const editions = placedEditions.map((e): EditionTable => {
    const at = (list: Placed[], category: string) => list.find((p) => p.category === category)?.point;
    const used = categories.filter((c) =>
      [e.values, e.targets, ...e.comparators.map((x) => x.points)].some((list) => at(list, c)),
    );
    return {
      edition: e.edition,
      comparators: e.comparators.map((c) => c.name),
      rows: used.map((category) => {
        const value = at(e.values, category);
        const target = at(e.targets, category);
        const comparators = e.comparators.map((c) => at(c.points, category));
        const period = (value ?? target ?? comparators.find(Boolean))!.period;
        return { category, period, value, target, comparators };
      }),
    };
  });
  const changes = changesBetween(kpi.editions).map((c) => {
    const table = editions.find((t) => t.edition === c.to);
    const first = table?.rows[0]?.category;
    return { ...c, at: first === undefined ? categories.length : categories.indexOf(first) };
  });
  return { categories, editions, changes };
}

/** What a chart calls the council whose figures it shows: "Leicester", or its full name when it has no short one. */
export const selfLabel = (council: Council | undefined): string => council?.shortName ?? council?.name ?? 'This council';

/**
 * True when a series is one figure set against other authorities' (a cost comparator table), not a time series: one
 * edition, one period and at least two comparators. It is drawn as bars and tabled by authority.
 */
export const isComparison = (series: KpiSeries): boolean =>
  series.editions.length === 1 && series.categories.length === 1 && series.editions[0]!.comparators.length >= 2;

/** The figures of a comparison, one per authority: this council's first, then the comparators as printed. */
export function comparisonRows(series: KpiSeries, self: string): Array<{ name: string; self: boolean; point?: KpiPoint | undefined }> {
  const table = series.editions[0]!;
  const row = table.rows[0]!;
  return [
    { name: self, self: true, point: row.value },
    ...table.comparators.map((name, i) => ({ name, self: false, point: row.comparators[i] })),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Words

export const directionLabel: Record<Kpi['direction'], string> = {
  lower: 'Lower is better',
  higher: 'Higher is better',
  neither: 'Neither higher nor lower is better',
};

/** "The 2023-26 edition changed the definition and unit of this measure ...": stated wherever the line breaks. */
export function describeChange(change: DefinitionChange): string {
  const what = change.fields;
  const list = what.length > 1 ? `${what.slice(0, -1).join(', ')} and ${what[what.length - 1]}` : what[0];
  const before = `“${change.from.definition}” (${change.from.unit})`;
  const after = `“${change.to.definition}” (${change.to.unit})`;
  return `The ${change.to.edition} edition changed the ${list} of this measure, so its figures are not comparable with the ${change.from.edition} edition's and the line breaks there. Before: ${before}. From ${change.to.edition}: ${after}.`;
}

const numeric = (rows: readonly KpiRow[], pick: (r: KpiRow) => KpiPoint | undefined) =>
  rows.flatMap((r) => {
    const p = pick(r);
    return p && p.value !== null ? [{ row: r, point: p, value: p.value }] : [];
  });

/** Whether a move from `a` to `b` is better, worse or neither, given the direction. */
function judge(a: number, b: number, direction: Kpi['direction']): string {
  if (direction === 'neither' || a === b) return '';
  const better = direction === 'lower' ? b < a : b > a;
  return better ? ', an improvement' : ', a worsening';
}

/** One sentence on how an edition's figures moved, quoting the figures and periods as printed. */
export function editionTrend(table: EditionTable, direction: Kpi['direction']): string {
  const { edition } = table;
  const values = numeric(table.rows, (r) => r.value);
  const lead = `${edition.edition} edition (${edition.unit})`;
  if (values.length === 0) return `${lead}: no figures printed.`;
  const first = values[0]!;
  const last = values[values.length - 1]!;
  const fig = (v: (typeof values)[number]) => `${v.point.printed} in ${v.row.period}`;
  let text: string;
  if (edition.unit === '% change') {
    // Each figure is already a change on the year before; comparing two changes would say nothing.
    text = `${lead}, each figure a change on the year before: ${values.map(fig).join(', ')}.`;
  } else if (values.length === 1) {
    text = `${lead}: one figure, ${fig(first)}.`;
  } else {
    const move = last.value > first.value ? 'rose' : last.value < first.value ? 'fell' : 'was unchanged';
    text = `${lead}: ${move} from ${fig(first)} to ${fig(last)}${judge(first.value, last.value, direction)}.`;
  }
  const met = [...table.rows].reverse().find((r) => r.value?.value != null && r.target?.value != null);
  if (met && direction !== 'neither') {
    const ok = direction === 'lower' ? met.value!.value! <= met.target!.value! : met.value!.value! >= met.target!.value!;
    text += ` The target for ${met.target!.period} was ${met.target!.printed}; ${met.value!.printed} ${ok ? 'met' : 'missed'} it.`;
  }
  return text;
}

/** The chart's text alternative: what it shows and how the figures moved, edition by edition, breaks included. */
export function trendText(kpi: Kpi, series: KpiSeries = kpiSeries(kpi), self = 'This council'): string {
  if (isComparison(series)) return comparisonText(kpi, series, self);
  const parts = series.editions.map((t) => editionTrend(t, kpi.direction));
  const breaks = series.changes.map((c) => `The definition changed in the ${c.to.edition} edition, so the line breaks there.`);
  return [`Line chart of ${kpi.name}. ${directionLabel[kpi.direction]}.`, ...parts, ...breaks].join(' ');
}

/** A comparison in words: this council's figure, and how many of the others are higher and lower. */
function comparisonText(kpi: Kpi, series: KpiSeries, self: string): string {
  const table = series.editions[0]!;
  const [own, ...others] = comparisonRows(series, self);
  const lead = `Bar chart of ${kpi.name}, ${table.rows[0]!.period}, in ${table.edition.unit}. ${directionLabel[kpi.direction]}.`;
  if (own?.point?.value == null) return `${lead} No figure printed for ${self}; ${others.length} other figures compared.`;
  const figures = others.flatMap((o) => (o.point?.value == null ? [] : [o.point.value]));
  const higher = figures.filter((v) => v > own.point!.value!).length;
  const lower = figures.filter((v) => v < own.point!.value!).length;
  return `${lead} ${self}: ${own.point.printed}. Of the ${figures.length} other figures compared, ${higher} ${higher === 1 ? 'is' : 'are'} higher and ${lower} lower.`;
}

/** Where in the source pack a table was printed: "page 24", "pages 20–21", or its lines when pages are unknown. */
export function sourcePlace(ref: SourceRef): string | undefined {
  const { pages, lines } = ref;
  if (pages) return pages.from === pages.to ? `page ${pages.from}` : `pages ${pages.from}–${pages.to}`;
  if (lines) return lines.from === lines.to ? `line ${lines.from} of the source text` : `lines ${lines.from}–${lines.to} of the source text`;
  return undefined;
}

/** The periods an edition covers, as printed: "Apr to Mar 2011/12 to April to Dec 2014/15". */
export function editionPeriod(table: EditionTable): string {
  const first = table.rows[0]?.period;
  const last = table.rows[table.rows.length - 1]?.period;
  return first === last ? (first ?? '') : `${first} to ${last}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Chart

/**
 * The two drawings of every chart: `wide` for a desktop column and the interactive chart, `narrow` for a phone. The
 * narrow one is laid out at a phone's width with text as large as the wide one's, so its axis labels stay legible
 * at 320 px instead of shrinking to a third of their size.
 */
export type ChartLayout = 'wide' | 'narrow';

/** Size of each drawing as laid out, in CSS pixels. */
export const CHART_SIZES = { wide: { width: 800, height: 450 }, narrow: { width: 320, height: 440 } } as const;
export const CHART_SIZE = CHART_SIZES.wide;
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

// ---------------------------------------------------------------------------------------------------------------
// CSV

export const CSV_HEADER = [
  'series',
  'edition',
  'document',
  'name',
  'definition',
  'unit',
  'direction',
  'measure',
  'comparator',
  'period',
  'value',
  'printed',
  'source_pack',
  'source_pages',
] as const;

/** Every figure of a series, one row each, header first: actual values, then targets, then comparators. */
export function kpiCsvRows(id: string, kpi: Kpi): string[][] {
  const rows = kpi.editions.flatMap((e) => {
    const pages = e.source.pages ? `${e.source.pages.from}-${e.source.pages.to}` : '';
    const row = (measure: string, comparator: string, p: KpiPoint) => [
      id,
      e.edition,
      e.document,
      e.name,
      e.definition,
      e.unit,
      kpi.direction,
      measure,
      comparator,
      p.period,
      p.value === null ? '' : String(p.value),
      p.printed,
      e.source.pack,
      pages,
    ];
    return [
      ...e.values.map((p) => row('actual', '', p)),
      ...e.targets.map((p) => row('target', '', p)),
      ...e.comparators.flatMap((c) => c.values.map((p) => row('comparator', c.name, p))),
    ];
  });
  return [[...CSV_HEADER], ...rows];
}

/** RFC 4180 CSV: CRLF line ends, a field quoted when it holds a comma, quote or line break. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const field = (f: string) => (/[",\r\n]|^\s|\s$/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
