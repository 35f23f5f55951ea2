import { describe, expect, test } from 'vitest';
import {
  CSV_HEADER,
  describeChange,
  editionTrend,
  kpiCsvRows,
  kpiSeries,
  periodOf,
  sourcePlace,
  toCsv,
  trendText,
} from '../../src/model/kpi';
import { kpiSchema, type Kpi } from '../../src/schema';
import { contentGraph } from '../helpers/graph';

const graph = contentGraph();
const kpi = (id: string): Kpi => {
  const entry = graph.kpis.find((k) => k.id === id);
  if (!entry) throw new Error(`content/kpis/${id}.yaml is missing`);
  return entry.data;
};
const REOFFENDING = 'leicestershire/youth-justice-reoffending';
const FIRST_TIME_ENTRANTS = 'leicestershire/youth-justice-first-time-entrants';
const COST_PER_HEAD = 'leicester/homelessness-s-head';

/** A minimal series, for rules the seeds do not happen to exercise. */
const series = (editions: Array<Partial<Kpi['editions'][number]>>): Kpi =>
  kpiSchema.parse({
    council: 'leicestershire',
    name: 'Test measure',
    direction: 'lower',
    editions: editions.map((e, i) => ({
      document: `doc-${i}`,
      edition: `edition ${i}`,
      name: 'Measure',
      definition: 'Definition',
      unit: '%',
      values: [{ period: '2020/21', value: 1, printed: '1' }],
      source: { pack: 'pack' },
      ...e,
    })),
  });

describe('periodOf', () => {
  test.each([
    ['2011/12', '2011/12', 2011],
    ['11/12', '2011/12', 2011],
    ['Apr to Mar 2011/12', '2011/12', 2011],
    ['April to Dec 2014/15', '2014/15', 2014],
    ['2014-18', '2014/18', 2014],
    ['2008-2013', '2008/13', 2008],
    ['Jul 2020 - Jun 2021', '2020/21', 2020],
    ['Jan - Dec 2020 cohort', '2020', 2020],
    ['99/00', '1999/00', 1999],
  ])('%s is %s', (printed, key, start) => expect(periodOf(printed)).toEqual({ key, start }));

  test.each(['Baseline', 'Target', '31/03'])('%s names no period', (printed) => expect(periodOf(printed)).toBeUndefined());
});

describe('kpiSeries: the Youth Justice re-offending measure across its two editions', () => {
  const s = kpiSeries(kpi(REOFFENDING));

  test('lays both editions on one axis, oldest period first', () => {
    expect(s.editions.map((t) => t.edition.edition)).toEqual(['2015/16', '2023-26']);
    expect(s.categories.slice(0, 4)).toEqual(['2011/12', '2012/13', '2013/14', '2014/15']);
    const starts = s.categories.map((c) => periodOf(c)!.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  test('puts the target printed for "11/12" beside the value printed for "Apr to Mar 2011/12"', () => {
    const first = s.editions[0]!.rows[0]!;
    expect(first).toMatchObject({ category: '2011/12', period: 'Apr to Mar 2011/12' });
    expect(first.value?.printed).toBe('0.91');
    expect(first.target).toMatchObject({ period: '11/12', printed: '1.13' });
  });

  test('finds the definition change where the 2023-26 edition starts', () => {
    expect(s.changes).toHaveLength(1);
    const change = s.changes[0]!;
    expect(change.fields).toEqual(expect.arrayContaining(['definition', 'unit']));
    expect(s.categories[change.at]).toBe(s.editions[1]!.rows[0]!.category);
    const text = describeChange(change);
    expect(text).toContain('2023-26 edition changed the');
    expect(text).toContain(`“${change.from.definition}”`);
    expect(text).toContain(`“${change.to.definition}”`);
  });

  test('keeps every printed figure: no value is lost or moved between editions', () => {
    const source = kpi(REOFFENDING);
    for (const [i, table] of s.editions.entries()) {
      expect(table.rows.flatMap((r) => (r.value ? [r.value] : []))).toEqual(source.editions[i]!.values);
    }
  });
});

describe('definition changes', () => {
  test('case, spacing and a closing full stop are not a change', () => {
    const k = series([{ definition: 'Rate of re-offending' }, { definition: 'rate of  re-offending.' }]);
    expect(kpiSeries(k).changes).toEqual([]);
  });

  test('a new unit alone is a change', () => {
    const k = series([{ unit: '%' }, { unit: 'per 1,000' }]);
    expect(kpiSeries(k).changes.map((c) => c.fields)).toEqual([['unit']]);
  });

  test('two figures printed for one year keep their printed periods, so neither hides the other', () => {
    const k = series([
      {
        values: [
          { period: 'Q1 2020/21', value: 1, printed: '1' },
          { period: 'Q2 2020/21', value: 2, printed: '2' },
        ],
      },
    ]);
    expect(kpiSeries(k).categories).toEqual(['Q1 2020/21', 'Q2 2020/21']);
  });
});

describe('trend text (the chart’s text alternative)', () => {
  test('states how the figures moved, as printed, and whether that is better', () => {
    const text = trendText(kpi(REOFFENDING));
    expect(text).toMatch(/^Line chart of .+\. Lower is better\./);
    expect(text).toContain('fell from 0.91 in Apr to Mar 2011/12 to 0.79 in April to Dec 2014/15, an improvement');
    expect(text).toContain('The target for 11/12 was 1.13; 0.91 met it.');
    expect(text).toContain('The definition changed in the 2023-26 edition, so the line breaks there.');
  });

  test('lists year-on-year changes rather than comparing one change with another', () => {
    const table = kpiSeries(kpi(FIRST_TIME_ENTRANTS)).editions[0]!;
    expect(editionTrend(table, 'lower')).toBe(
      '2015/16 edition (% change), each figure a change on the year before: 21% reduction in Apr to Mar 2011/12, 24.1% increase in April to Mar 2012/13, -45.7% reduction in April to March 2013/14, 3.21% increase in April to Dec 2014/15.',
    );
  });

  test('a rise in a lower-is-better measure is a worsening', () => {
    const k = series([{ values: [{ period: '2019/20', value: 1, printed: '1' }, { period: '2020/21', value: 3, printed: '3' }] }]);
    expect(trendText(k)).toContain('rose from 1 in 2019/20 to 3 in 2020/21, a worsening.');
  });

  test('a comparison table says where this council stands among the others', () => {
    const text = trendText(kpi(COST_PER_HEAD), undefined, 'Leicester');
    expect(text).toMatch(/^Bar chart of /);
    expect(text).toContain('Leicester: 6.95. Of the 17 other figures compared, 1 is higher and 16 lower.');
  });
});

describe('CSV', () => {
  test.each(graph.kpis.map((k) => [k.id, k.data] as const))('%s: a header, then one row per printed figure', (id, k) => {
    const rows = kpiCsvRows(id, k);
    expect(rows[0]).toEqual([...CSV_HEADER]);
    const figures = k.editions.reduce((n, e) => n + e.values.length + e.targets.length + e.comparators.reduce((m, c) => m + c.values.length, 0), 0);
    expect(rows).toHaveLength(figures + 1);
    for (const row of rows) expect(row).toHaveLength(CSV_HEADER.length);
  });

  test('keeps the figure as printed beside its number', () => {
    const rows = kpiCsvRows(FIRST_TIME_ENTRANTS, kpi(FIRST_TIME_ENTRANTS));
    const col = (name: (typeof CSV_HEADER)[number]) => CSV_HEADER.indexOf(name);
    const first = rows.find((r) => r[col('period')] === 'Apr to Mar 2011/12' && r[col('measure')] === 'actual')!;
    expect([first[col('value')], first[col('printed')]]).toEqual(['-21', '21% reduction']);
    const words = rows.find((r) => r[col('measure')] === 'target')!;
    expect([words[col('value')], words[col('printed')]]).toEqual(['', 'Year on year reduction']);
  });

  test('quotes fields with commas, quotes and line breaks, and ends lines with CRLF', () => {
    expect(toCsv([['a', 'b,c'], ['say "hi"', 'two\nlines']])).toBe('a,"b,c"\r\n"say ""hi""","two\nlines"\r\n');
    expect(toCsv([[' padded', 'plain']])).toBe('" padded",plain\r\n');
  });
});

describe('words around the chart', () => {
  test.each([
    [{ pack: 'p', pages: { from: 24, to: 24 } }, 'page 24'],
    [{ pack: 'p', pages: { from: 11, to: 34 } }, 'pages 11–34'],
    [{ pack: 'p', lines: { from: 752, to: 752 } }, 'line 752 of the source text'],
    [{ pack: 'p', lines: { from: 414, to: 420 } }, 'lines 414–420 of the source text'],
    [{ pack: 'p' }, undefined],
  ])('sourcePlace(%j) is %s', (ref, expected) => expect(sourcePlace(ref)).toBe(expected));
});
