/**
 * KPI shaping: one series across plan editions, as tables, CSV rows and the words of the chart's text alternative
 * (the chart itself is drawn from this in `src/charts/`). Pure: the same KPI always gives the same output.
 */
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
