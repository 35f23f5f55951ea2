import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { kpiEditionSchema, kpiPointSchema } from '../../src/schema';
import { kpiFromTable, kpiTableKind, toKpiEdition } from '../../scripts/import/extract/kpi';
import { baselinePoints, guessDirection, guessUnit, kpiValue, type ExtractedKpiRow } from '../../scripts/import/extract/kpi-row';
import { toLines, type SourceLine } from '../../scripts/import/read/line';
import { decodeText } from '../../scripts/import/read/text';
import type { Table } from '../../scripts/import/layout/table';
import { findTables } from '../../scripts/import/layout/tables';
import { SOURCES as seeds } from '../helpers/seeds';

const P2009 = 'leicester-city-cabinet-2009-07-13.txt';
const P2014 = 'leicestershire-scrutiny-commission-2014-04-30-supplement.txt';
const P2015 = 'leicestershire-scrutiny-commission-2015-04-22.txt';
const P2023 = 'leicestershire-scrutiny-commission-2023-04-12.txt';
const COPY2015 = 'leicestershire-communities-strategy-action-plan-2015.txt';

const cache = new Map<string, SourceLine[]>();
function pack(name: string): SourceLine[] {
  if (!cache.has(name)) cache.set(name, toLines(decodeText(readFileSync(resolve(seeds, name)), name)));
  return cache.get(name)!;
}
const packId = (name: string) => name.replace(/\.txt$/, '');

function tableAt(name: string, line: number): Table {
  const table = findTables(pack(name)).find((t) => t.start <= line && line <= t.end);
  if (!table) throw new Error(`no table holds line ${line} of ${name}`);
  return table;
}

/** The indicators of the KPI table holding a line, keyed by the source line of each. */
function kpis(name: string, line: number, context: { self?: string; period?: string } = {}): Map<number, ExtractedKpiRow> {
  const rows = kpiFromTable(tableAt(name, line), { pack: packId(name), ...context });
  return new Map(rows.map((r) => [r.line, r]));
}

const printedOf = (points: Array<{ period: string; printed: string; value: number | null }>) =>
  points.map((p) => [p.period, p.printed, p.value]);

describe('kpiValue', () => {
  test.each([
    // A change printed in words is a signed percentage: the word decides the sign.
    ['21% reduction', -21],
    ['24.1% increase', 24.1],
    ['-45.7% reduction', -45.7],
    ['3.21% increase', 3.21],
    ['1.13', 1.13],
    ['<5%', 5],
    ['74.3%', 74.3],
    ['10.5 weeks', 10.5],
    ['134 (actual for yr 101)', 134],
    ['87.5% (35 out of 40)', 87.5],
    ['79%*', 79],
    ['c1494', 1494],
    ['£6.95', 6.95],
  ])('%j is %d', (printed, value) => {
    expect(kpiValue(printed)).toBe(value);
  });

  test.each([
    'Year on year reduction',
    'TBS',
    'N/A',
    'Targets to be agreed by Priority Board',
    'To be established',
    '',
  ])('%j has no value', (printed) => {
    expect(kpiValue(printed)).toBeNull();
  });
});

describe('baselinePoints', () => {
  test.each([
    [
      '5 (07/08) 11 (08/09)',
      [
        ['07/08', '5', 5],
        ['08/09', '11', 11],
      ],
    ],
    ['87.5% (35 out of 40) (08/09)', [['08/09', '87.5% (35 out of 40)', 87.5]]],
    [
      '97.40% (07/08) 98.3% (08/09)',
      [
        ['07/08', '97.40%', 97.4],
        ['08/09', '98.3%', 98.3],
      ],
    ],
    ['113 (3 yr rolling average 05-08)', [['3 yr rolling average 05-08', '113', 113]]],
    ['53', [['Baseline', '53', 53]]],
    ['N/A', [['Baseline', 'N/A', null]]],
    ['', []],
  ])('%j', (cell, points) => {
    expect(printedOf(baselinePoints(cell, 'Baseline'))).toEqual(points);
  });
});

describe('guesses', () => {
  test.each([
    ['Reduction in First time Entrants', 'lower'],
    ['Reduce the proven rate of re-offending', 'lower'],
    ['Custodial Sentences', 'lower'],
    ['Number of young people in suitable Education, Training and Employment', 'higher'],
    ['Number of people rough sleeping (snapshot)', 'lower'],
    ['Number of homeless approvals where reason for loss of last settled accommodation was violence', 'lower'],
    ['Homelessness prevented through housing advice casework (per 1,000)', 'higher'],
    ['Percentage of vulnerable people who are supported to maintain independent living (NI 142) (LAA)', 'higher'],
    ['Number of households living in temporary accommodation (NI 156) (CPM)', 'lower'],
    ["Homelessness £'s /head", 'lower'],
    ['Number of data cleansing or data analysis exercises as specified in delivery plan', 'neither'],
  ])('%j: %s is better', (name, direction) => {
    expect(guessDirection(name)).toBe(direction);
  });

  test.each([
    ['Reduction in First time Entrants', ['21% reduction', '24.1% increase'], '% change'],
    ['Custodial Sentences', ['2.3%', '1.9%'], '%'],
    ['Reduce the proven rate of re-offending', ['0.91', '1.01'], 'rate'],
    [
      'Alcohol-harm related hospital admission rates (directly age-standardised rates per 100,000)',
      ['2233'],
      'per 100,000',
    ],
    ['Average length of stay in hostels for families with children', ['11.36 weeks'], 'weeks'],
    ["Homelessness £'s /head", ['8.71', '6.95'], '£ per head'],
    ['Number of households overcrowded (CPM)', ['312'], 'number'],
  ])('%j with %j is in %j', (name, printed, unit) => {
    expect(guessUnit(name, printed)).toBe(unit);
  });
});

describe('KPI tables in the seed packs', () => {
  /** Every table kpiTableKind accepts, as "start kind". */
  const kinds = (name: string) =>
    findTables(pack(name)).flatMap((t) => {
      const kind = kpiTableKind(t);
      return kind ? [`${t.start} ${kind}`] : [];
    });

  test.each([
    [P2009, ['384 comparators', '751 periods']],
    [P2015, ['414 periods']],
    [
      P2014,
      [
        279, 313, 340, 359, 384, 423, 442, 475, 497, 534, 549, 564, 572, 590, 604, 616, 633, 647, 655, 669, 680, 694,
        714, 739, 769,
      ].map((n) => `${n} measures`),
    ],
    // The 2023 plan's KPI charts were lost in extraction: its figures survive only in prose (lines 252, 752, 760-762, 773).
    [P2023, []],
    [COPY2015, []],
  ])('%s: %j', (name, expected) => {
    expect(kinds(name)).toEqual(expected);
  });

  test.each([
    [P2009, 415, 'Supporting People costs by year: money'],
    [P2009, 2217, 'efficiency savings by year: money'],
    [P2015, 458, 'budget'],
    [P2023, 1341, 'Ways of Working costs by year: money'],
    [P2023, 661, 'staffing by ethnicity'],
    [P2014, 963, 'transformation savings'],
  ])('%s table at %i is not a KPI table (%s)', (name, line) => {
    expect(kpiFromTable(tableAt(name, line), { pack: packId(name) })).toEqual([]);
  });
});

describe('the 2015 Youth Justice plan: Summary of Performance 2011/12 - 2014/15', () => {
  const rows = kpis(P2015, 414);
  const periods = ['Apr to Mar 2011/12', 'April to Mar 2012/13', 'April to March 2013/14', 'April to Dec 2014/15'];

  test('four indicators, one per row', () => {
    expect([...rows.keys()]).toEqual([415, 416, 417, 419]);
  });

  test.each([
    [
      415,
      'Reduction in First time Entrants',
      '% change',
      'lower',
      ['21% reduction', '24.1% increase', '-45.7% reduction', '3.21% increase'],
      [-21, 24.1, -45.7, 3.21],
      ['11/12', 'Year on year reduction', null],
    ],
    [
      416,
      'Reduce the proven rate of re-offending',
      'rate',
      'lower',
      ['0.91', '1.01', '1.04', '0.79'],
      [0.91, 1.01, 1.04, 0.79],
      ['11/12', '1.13', 1.13],
    ],
    [
      417,
      'Custodial Sentences',
      '%',
      'lower',
      ['2.3%', '1.9%', '2.4%', '3.9%'],
      [2.3, 1.9, 2.4, 3.9],
      ['11/12', '<5%', 5],
    ],
    [
      419,
      'Number of young people in suitable Education, Training and Employment',
      '%',
      'higher',
      ['74.3%', '76.6%', '74.1%', '73.3%'],
      [74.3, 76.6, 74.1, 73.3],
      ['11/12', '80%', 80],
    ],
  ])('line %i: %s', (line, name, unit, direction, printed, values, target) => {
    const row = rows.get(line)!;
    expect(row).toMatchObject({ name, definition: name, unit, direction, comparators: [] });
    expect(row.values.map((p) => p.period)).toEqual(periods);
    expect(row.values.map((p) => p.printed)).toEqual(printed);
    expect(row.values.map((p) => p.value)).toEqual(values);
    expect(printedOf(row.targets)).toEqual([target]);
    for (const p of [...row.values, ...row.targets]) expect(kpiPointSchema.parse(p)).toEqual(p);
  });

  test('each indicator makes a valid KPI edition', () => {
    for (const row of rows.values()) {
      const edition = toKpiEdition(row, 'leicestershire/scrutiny-commission/2015-04-22/youth-justice-plan', '2015/16');
      expect(kpiEditionSchema.parse(edition)).toEqual(edition);
      expect(edition?.source).toEqual({ pack: 'leicestershire-scrutiny-commission-2015-04-22' });
    }
  });
});

describe('the 2009 Homelessness Strategy', () => {
  const rows = kpis(P2009, 751);

  test('one indicator per measure that prints a baseline or a target (three "to be developed" measures print none)', () => {
    expect(rows.size).toBe(28);
    expect([...rows.keys()].filter((n) => [792, 793, 795].includes(n))).toEqual([]);
    expect([...rows.keys()]).toContain(796);
  });

  test.each([
    [
      754,
      'Number of people rough sleeping (snapshot)',
      '1.1 End rough sleeping by 2012',
      [
        ['07/08', '5', 5],
        ['08/09', '11', 11],
      ],
      [
        ['09/10', '6', 6],
        ['10/11', '5', 5],
        ['11/12', '3', 3],
        ['12/13', '0', 0],
      ],
    ],
    [
      758,
      'Percentage of repeat incidents of domestic violence (NI 32) (LAA)',
      '1.2 Reduce the levels of homelessness acceptances against the three main causes of homelessness',
      [['07/08', '31%', 31]],
      [
        ['09/10', '30%', 30],
        ['10/11', '27%', 27],
        ['11/12', 'TBS', null],
        ['12/13', 'TBS', null],
      ],
    ],
    [
      771,
      'Number of households living in temporary accommodation (NI 156) (CPM)',
      '2.1 Reduce the number of households placed in temporary accommodation by 2010',
      [['Baseline', '53', 53]],
      [
        ['09/10', '52', 52],
        ['10/11', '51', 51],
        ['11/12', '50', 50],
        ['12/13', '50', 50],
      ],
    ],
    [
      756,
      'Number of homeless approvals where reason for loss of last settled accommodation was loss of private rented accommodation',
      '1.2 Reduce the levels of homelessness acceptances against the three main causes of homelessness',
      [
        ['07/08', '53', 53],
        ['08/09', '35', 35],
      ],
      [['09/10', 'Targets to be agreed by Priority Board', null]],
    ],
    // Printed one cell to the right: read back into place, the printed row kept in setAside.
    [
      761,
      'Number of repeat homelessness statutory acceptances',
      '1.3 Maintain low levels of repeat homelessness acceptances',
      [
        ['07/08', '1', 1],
        ['08/09', '1', 1],
      ],
      [
        ['09/10', '0', 0],
        ['10/11', '0', 0],
        ['11/12', '0', 0],
      ],
    ],
    // Printed in the first column: its name is read from there, under the objective above.
    [
      762,
      'Homelessness prevented through housing advice casework (per 1,000)',
      '1.3 Maintain low levels of repeat homelessness acceptances',
      [
        ['07/08', '10.8', 10.8],
        ['08/09', '11.24', 11.24],
      ],
      [['09/10', 'Targets to be agreed by Priority Board', null]],
    ],
  ])('line %i: %s', (line, name, group, values, targets) => {
    const row = rows.get(line)!;
    expect(row.name).toBe(name);
    expect(row.group).toBe(group);
    expect(printedOf(row.values)).toEqual(values);
    expect(printedOf(row.targets)).toEqual(targets);
  });

  test('realigned rows say so', () => {
    expect(rows.get(761)!.setAside).toEqual([
      expect.objectContaining({ line: 761, reason: expect.stringMatching(/out of their columns/) }),
    ]);
    expect(rows.get(754)!.setAside).toBeUndefined();
  });

  test('a footnoted baseline keeps its asterisk as printed', () => {
    const row = rows.get(784)!;
    expect(printedOf(row.values)).toEqual([['08/09', '79%*', 79]]);
    expect(row.footnotes).toEqual(['*']);
  });

  test('the cost comparator table: Leicester is the value, every other authority and the average and median compare', () => {
    const [row, ...more] = kpiFromTable(tableAt(P2009, 384), {
      pack: packId(P2009),
      self: 'Leicester',
      period: '2008',
    });
    expect(more).toEqual([]);
    expect(row).toMatchObject({ name: "Homelessness £'s /head", unit: '£ per head', direction: 'lower', line: 388 });
    expect(printedOf(row!.values)).toEqual([['2008', '6.95', 6.95]]);
    expect(row!.comparators).toHaveLength(17);
    expect(row!.comparators[0]).toEqual({ name: 'Slough', values: [{ period: '2008', printed: '8.71', value: 8.71 }] });
    expect(row!.comparators.slice(-2).map((c) => [c.name, c.values[0]!.value])).toEqual([
      ['Average', 3.28],
      ['Median', 2.69],
    ]);
    expect(
      kpiEditionSchema.safeParse(toKpiEdition(row!, 'leicester/cabinet/2009-07-13/homelessness-strategy', '2008-2013'))
        .success,
    ).toBe(true);
  });
});

describe('the 2014 Strategic Plan priority tables', () => {
  const context = { period: '2014-18' };

  test.each([
    [655, 656, 'Reduce youth reoffending', 'Top quartile performance for youth re-offending rate.', 'lower', []],
    [
      655,
      658,
      'Reduce first time entrants to the youth justice system',
      'Top quartile performance for first time entrants to youth justice system.',
      'lower',
      [],
    ],
    [
      655,
      659,
      'Minimise use of custodial sentences for young people',
      'Use of custody for young people at or below 5%',
      'lower',
      [['2014-18', '5%', 5]],
    ],
    // Wrapped over four lines of each column.
    [
      340,
      341,
      'Implement Strategic Transport Improvements and Reduce Congestion',
      '29.4 mph average vehicle speed at peak times - more consistent and reliable journey times. CO2 from road transport below 1894kt in 2020/21.',
      'neither',
      [['2014-18', '29.4 mph', 29.4]],
    ],
    [
      694,
      695,
      'Reduce Road Casualties',
      '40% reduction in road casualties from 2005-09 by 2020 - c1494. Reduce numbers killed and seriously injured by 40% by 2020 to 167.',
      'lower',
      [
        ['by 2020', '40%', 40],
        ['2014-18', 'c1494', 1494],
        ['by 2020', '40%', 40],
        ['2014-18', '167', 167],
      ],
    ],
    // A one-word first line is never a whole priority.
    [
      384,
      385,
      'Improve Business Advice and Support',
      'Stimulate 1000 start-ups ³ . Increase business survival rates to 70%.',
      'higher',
      [
        ['2014-18', '1000 start-ups', 1000],
        ['2014-18', '70%', 70],
      ],
    ],
    [
      647,
      648,
      'Crime Minimisation',
      expect.stringMatching(/^5% reduction in total crime\. 13% in domestic burglary\./),
      'lower',
      expect.any(Array),
    ],
    // A word broken at a hyphen is joined again.
    [
      669,
      670,
      'Reduce anti-social behaviour',
      'Reduce % of people reporting they have been a victim of ASB by 2018',
      'lower',
      [],
    ],
  ])('table %i, line %i: %s', (table, line, name, definition, direction, targets) => {
    const row = kpis(P2014, table, context).get(line)!;
    expect(row).toMatchObject({ name, definition, direction });
    expect(printedOf(row.targets)).toEqual(targets);
  });

  test('a baseline printed as "from ... to ..." is a value; the target after it is a target', () => {
    const row = kpis(P2014, 497, context).get(524)!;
    expect(row.name).toBe('Tobacco Control and Smoking Cessation');
    expect(printedOf(row.values)).toEqual([['baseline', '17.1%', 17.1]]);
    expect(printedOf(row.targets)).toEqual([
      ['2014-18', '16.3%', 16.3],
      ['2014-18', '3.8%', 3.8],
      ['2014-18', '5238', 5238],
      ['2014-18', '10.8%', 10.8],
    ]);
  });

  test.each([
    [497, 498, [[502, 'population and increase take up to 0170.']]],
    [
      497,
      503,
      [
        [507, 'Decreate multiple succession'],
        [507, 'Dadusa wadan 75 mandaliku fasus asasan bu'],
      ],
    ],
    [
      497,
      524,
      [
        [526, 'Cessalion'],
        [527, 'maternity to 10.070.'],
        [528, 'provontion.'],
      ],
    ],
    [590, 591, [[592, '13t time admissions.']]],
  ])('table %i, priority at %i: the garbled text layer is set aside, not read', (table, line, garbled) => {
    const row = kpis(P2014, table, context).get(line)!;
    expect(row.setAside?.map((s) => [s.line, s.text])).toEqual(garbled);
    for (const [, text] of garbled) expect(`${row.name} ${row.definition}`).not.toContain(text);
  });

  test('the real line beside a garbled twin is kept: "Reduce Cancer Mortality"', () => {
    const row = kpis(P2014, 497, context).get(508)!;
    expect(row.name).toBe('Reduce Cancer Mortality');
    expect(row.setAside).toBeUndefined();
    expect(row.definition).toBe(
      'Reduce under 75 mortality from cancer by 2% to 133.1 per 100k. Top quartile performance for breast and cervical screening take-up.',
    );
  });

  test.each([
    [313, 314, ['1'], [['baseline', '£19bn', 19e9]], [['2014-18', '£23bn', 23e9]]],
    [
      313,
      315,
      ['2'],
      [],
      [
        ['by 2020', '£2.5bn', 2.5e9],
        ['2014-18', '45,000 additional private sector jobs', 45000],
      ],
    ],
    [739, 743, ['8'], [], []],
  ])(
    'table %i, priority at %i: footnote markers %j are listed, not read as figures',
    (table, line, footnotes, values, targets) => {
      const row = kpis(P2014, table, context).get(line)!;
      expect(row.footnotes).toEqual(footnotes);
      expect(printedOf(row.values)).toEqual(values);
      expect(printedOf(row.targets)).toEqual(targets);
    },
  );

  test('a target-only measure makes no KPI edition (the schema needs a value)', () => {
    const row = kpis(P2014, 655, context).get(659)!;
    expect(toKpiEdition(row, 'leicestershire/strategic-plan', '2014-18')).toBeNull();
  });
});
