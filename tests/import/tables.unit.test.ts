import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { erratum as erratumSchema } from '../../src/schema';
import { toLines, type SourceLine } from '../../scripts/import/read/line';
import { decodeText } from '../../scripts/import/read/text';
import { cellFigures, formatLike, parseNumber } from '../../scripts/import/layout/figures';
import type { Table } from '../../scripts/import/layout/table';
import { columnLabels, findTables } from '../../scripts/import/layout/tables';
import { checkTotals } from '../../scripts/import/layout/totals';
import { htmlToText } from '../../scripts/import/read/html-fragment';
import { SOURCES as seeds } from '../helpers/seeds';

const P2009 = 'leicester-city-cabinet-2009-07-13.txt';
const P2014 = 'leicestershire-scrutiny-commission-2014-04-30-supplement.txt';
const P2015 = 'leicestershire-scrutiny-commission-2015-04-22.txt';
const P2023 = 'leicestershire-scrutiny-commission-2023-04-12.txt';
const COPY2015 = 'leicestershire-communities-strategy-action-plan-2015.txt';
const PACKS = [P2009, P2014, P2015, P2023, COPY2015];

const cache = new Map<string, SourceLine[]>();
/** A seed pack as the importer reads it: decoded, split into numbered lines, trailing whitespace trimmed. */
function pack(name: string): SourceLine[] {
  if (!cache.has(name)) cache.set(name, toLines(decodeText(readFileSync(resolve(seeds, name)), name)));
  return cache.get(name)!;
}
const tablesOf = (name: string) => findTables(pack(name));

/** The table of a pack that holds a line. */
function tableAt(name: string, line: number): Table {
  const table = tablesOf(name).find((t) => t.start <= line && line <= t.end);
  if (!table) throw new Error(`no table holds line ${line} of ${name}`);
  return table;
}

/** The cells of the row printed on a line (body or head). */
function rowAt(name: string, line: number): string[] {
  const table = tableAt(name, line);
  const body = table.rowLines.indexOf(line);
  if (body >= 0) return table.body[body]!;
  const head = (table.headLines ?? []).indexOf(line);
  if (head >= 0) return table.head[head]!;
  throw new Error(`line ${line} is not a row of the table at ${table.start}`);
}

/** Copies the lines of a pack with one line's text replaced, to show a check can fail. */
const edited = (name: string, line: number, from: string, to: string): SourceLine[] =>
  pack(name).map((l) => (l.n === line ? { n: l.n, text: l.text.replace(from, to) } : l));

const synthetic = (text: string) => toLines(text);

describe('parseNumber', () => {
  test.each([
    ['£1,024,367', 1024367],
    ['21%', 21],
    ['-45.7%', -45.7],
    ['(123)', -123],
    ['(1,761)', -1761],
    ['-£319', -319],
    ['£ 5,816,986', 5816986],
    ['1,234.5', 1234.5],
    ['0.04', 0.04],
    ['£350K', 350000],
    ['£6.1m', 6100000],
    ['£13.85m', 13850000],
    ['£1.6 billion', 1600000000],
    ['£19bn', 19000000000],
    ['<5%', 5],
    ['85%+', 85],
    ['79%*', 79],
    ['£23bn¹', 23000000000],
  ])('%s is %d', (printed, value) => {
    expect(parseNumber(printed)).toBe(value);
  });

  test.each([
    'n/a',
    'N/A',
    '-',
    '–',
    '',
    'TBS',
    '2013/14',
    '09/10',
    '000s',
    '21% reduction',
    '7.5 days',
    '(123',
    '1,2345',
  ])('%j is not a number', (printed) => {
    expect(parseNumber(printed)).toBeNull();
  });
});

describe('cellFigures', () => {
  test.each([
    ['£298,303 £265,000 £70,000', [298303, 265000, 70000]],
    ['£567,071 £57,600', [567071, 57600]],
    ['£10m (Better Care Fund)', [10000000]],
    ['7,598', [7598]],
    ['Year on year reduction', []],
    ['5 (07/08) 11 (08/09)', []],
  ])('%j holds %j', (cell, values) => {
    expect(cellFigures(cell).map((f) => f.value)).toEqual(values);
  });
});

describe('htmlToText', () => {
  test.each([
    ['<u>£6,852,483</u>', '£6,852,483'],
    ['<p>First.</p> <p>Second <i>part</i>.</p>', 'First.\nSecond part.'],
    ['<ul style="list-style-type: none"> •Increase in the number  ', '•Increase in the number'],
    ['Yes <input checked="" type="checkbox"/>', 'Yes ☑'],
    ['No <input type="checkbox"/>', 'No ☐'],
    ['A &amp; B', 'A & B'],
    ['<table><tr><th>Yes</th><th>No</th></tr><tr><td>✓</td><td></td></tr></table>', 'Yes No\n✓'],
    ['see <https://www.cfgs.org.uk/>', 'see <https://www.cfgs.org.uk/>'],
    ['A&E <5%', 'A&E <5%'],
  ])('%j reads %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});

describe('findTables on the seed packs', () => {
  test.each([
    [
      P2009,
      '239-245 276-279 384-405 415-418 438-444 448-452 479-482 503-514 751-796 812-862 1137-1140 1182-1200 2217-2255 2261-2294 2375-2381 2398-2401',
    ],
    [
      P2014,
      '279-291 313-316 340-347 359-370 384-401 423-426 442-465 475-491 497-528 534-541 549-554 564-566 572-580 590-596 604-606 616-627 633-635 647-649 655-659 669-674 680-688 694-698 714-725 739-747 769-771 790-814 843-845 917-922 940-945 963-972 987-993 1001-1005 1011-1019 1025-1031 1037-1043 1049-1053 1156-1168',
    ],
    [P2015, '328-335 414-420 458-465 469-479 612-622 631-639 833-927 940-970 1284-1288 1345-1350'],
    [
      P2023,
      '271-280 335-337 661-670 682-691 697-701 717-718 883-890 911-917 921-923 932-955 1000-1039 1051-1058 1066-1075 1089-1149 1153-1154 1181-1184 1204-1238 1285-1285 1341-1351 1371-1376 1380-1384 1510-1592',
    ],
    [COPY2015, ''],
  ])('%s: tables at %s', (name, spans) => {
    const found = tablesOf(name).map((t) => `${t.start}-${t.end}`);
    expect(found).toEqual(spans ? spans.split(' ') : []);
    expect(tablesOf(name).every((t) => t.kind === 'tab')).toBe(true);
  });

  test.each([
    // 2015 KPI table: cells as printed, change texts and bounds included.
    [
      P2015,
      415,
      [
        'Reduction in First time Entrants',
        'Year on year reduction',
        '21% reduction',
        '24.1% increase',
        '-45.7% reduction',
        '3.21% increase',
      ],
    ],
    [P2015, 417, ['Custodial Sentences', '<5%', '2.3%', '1.9%', '2.4%', '3.9%']],
    // A merged cell that holds three figures stays one cell.
    [
      P2015,
      463,
      ['Local Authority: Chief Executives C&FS Rutland', '£391,064', '', '£298,303 £265,000 £70,000', '£1,024,367'],
    ],
    [P2015, 1287, ['Total per Month', '62,984', '49,066,471']],
    // Underlining is markup, not words; the figures stay as printed.
    [P2009, 418, ['', '£6,852,483', '£7,000,444']],
    [P2009, 2294, ['Total', '(1,761)', '(2,003)', '(2,030)']],
    // A row whose empty cells were trimmed away is still a row of the table.
    [P2009, 2254, ['Total Efficiency Plan']],
    [P2015, 969, ['Bereaved']],
    // Shifted cells are kept where they were printed.
    [
      P2009,
      761,
      [
        '',
        '1.3 Maintain low levels of repeat homelessness acceptances',
        'Number of repeat homelessness statutory acceptances',
        '1 (07/08) 1 (08/09)',
        '0',
        '0',
        '0',
      ],
    ],
    // Checkboxes.
    [P2023, 1153, ['14.', 'Is an EHRIA report required?', 'Yes ☑', 'No ☐']],
  ])('%s line %i has cells %j', (name, line, cells) => {
    expect(rowAt(name, line)).toEqual(cells);
  });

  test('HTML lists inside cells become text with every word', () => {
    const row = rowAt(P2015, 613);
    expect(row[2]).toMatch(/^•Increase in the number of young people entering the CJS \* Additional stress/);
    expect(row.join(' ')).not.toMatch(/<|list-style/);
  });

  test('an HTML table inside a cell becomes text, the flattened copy beside it kept too', () => {
    const row = rowAt(P2023, 1069);
    expect(row[1]).toMatch(/\(Please tick and explain how\)\nYes No How\?\nEliminate unlawful discrimination/);
    expect(row.slice(2).join('|')).toContain('Eliminate unlawful discrimination, harassment and victimisation|✓');
  });

  test.each([
    [
      P2015,
      414,
      [
        [
          'National Indicator',
          'Target 11/12',
          'Apr to Mar 2011/12',
          'April to Mar 2012/13',
          'April to March 2013/14',
          'April to Dec 2014/15',
        ],
      ],
    ],
    [
      P2015,
      458,
      [['Pooled Budget'], ['Agency', 'Staffing Costs', 'Payments in Kind', 'Other Delegated Funds', 'Total']],
    ],
    [
      P2015,
      833,
      [
        [
          'Ref',
          'Output/Area',
          'Workstream/Task/Output',
          'Deadline/ Status',
          'Lead Dept/Org',
          'Success Criteria, Further comments',
        ],
      ],
    ],
    [P2009, 384, [['Authority', "Homelessness £'s /head"]]],
    [P2014, 655, [['PRIORITIES', 'PLAN/ACTIONS', 'MEASURE/TARGET']]],
    [P2023, 932, [['Position', 'Name']]],
    [P2023, 1285, [['Equality Objective', 'Action', 'Target', 'Officer Responsible', 'By when']]],
    // Lists and key/value tables have no header.
    [P2015, 940, []],
    [P2009, 276, []],
    [P2023, 1000, []],
  ])('%s table at %i has header %j', (name, start, head) => {
    expect(tableAt(name, start).head).toEqual(head);
  });

  test('the 2009 KPI table: a title row and two label rows are its header; "Targets" spans the period columns', () => {
    const table = tableAt(P2009, 751);
    expect(table.headLines).toEqual([751, 752, 753]);
    expect(columnLabels(table)).toEqual([
      'Objective',
      'Measured by',
      'Baseline',
      'Targets 09/10',
      'Targets 10/11',
      'Targets 11/12',
      'Targets 12/13',
    ]);
    expect(table.notData).toEqual([769, 770, 779, 780, 790, 791].map((line) => ({ line, reason: 'repeated-head' })));
  });

  test.each([
    [P2015, 30, 'the agenda: a numbered list with a tab header, not a table'],
    [P2015, 31, 'an agenda item with its pages'],
    [P2015, 1245, 'an organisation chart with one tab line'],
    [P2015, 1246, 'an organisation chart with one tab line'],
    [P2023, 30, 'the agenda'],
  ])('%s line %i is in no table (%s)', (name, line) => {
    expect(tablesOf(name).some((t) => t.start <= line && line <= t.end)).toBe(false);
  });

  test('a single tab line between prose is not a table; two are', () => {
    expect(findTables(synthetic('Intro.\n\n1. Minutes of the meeting.\t(Pages 5 - 10)\n\nMore prose.'))).toEqual([]);
    const [table] = findTables(synthetic('Intro.\n\nName\tDate\nA Smith\t1 May\nB Jones\t2 May\n\nAfter.'));
    expect(table).toMatchObject({
      start: 3,
      end: 5,
      head: [['Name', 'Date']],
      body: [
        ['A Smith', '1 May'],
        ['B Jones', '2 May'],
      ],
      rowLines: [4, 5],
    });
  });

  test('separator rows and blank lines inside a table are furniture without words', () => {
    const kpi = tableAt(P2015, 414);
    expect(kpi.furniture?.map((l) => l.n)).toEqual([418, 420]);
    expect(kpi.rowLines).toEqual([415, 416, 417, 419]);
    const funding = tableAt(P2015, 469);
    expect(funding.furniture?.map((l) => l.n)).toEqual([474, 476, 477, 479]);
    for (const line of tablesOf(P2015).flatMap((t) => t.furniture ?? []))
      expect(line.text).not.toMatch(/[\p{L}\p{N}]/u);
  });

  test.each([
    [P2009, 2236, 'Appendix Two'],
    [P2009, 2291, 'Appendix Two'],
    [P2023, 1526, 'Communication and collaboration'],
    [P2014, 446, '⁶ BCF targets are currently shorter term but will be updated as part of the BCF Plan process.'],
  ])('%s line %i, a heading printed inside a table, is a one-cell row marked not data', (name, line, text) => {
    const table = tableAt(name, line);
    expect(rowAt(name, line)).toEqual([text]);
    expect(table.notData).toContainEqual({ line, reason: 'interruption' });
  });

  test.each([
    [P2015, 414, 'Summary of Performance 2011/12 - 2014/15'],
    [P2015, 458, 'Youth Offending Service Budget for 2015/16 – Core Funding'],
    [P2009, 2261, 'Divisional Revenue Savings – Explanatory Table'],
    [P2009, 2217, 'DELIVERING EFFICIENCIES – Planned Efficiency Savings'],
    [P2009, 276, undefined],
  ])('%s table at %i has caption %j', (name, start, caption) => {
    expect(tableAt(name, start).caption).toBe(caption);
  });

  /** Words as a reader sees them: HTML tags and their attributes are not words. */
  const words = (text: string) =>
    text
      .replace(/<\/?(?:p|div|span|ul|ol|li|u|i|b|table|thead|tbody|tr|td|th|input|br)\b[^>]*>/gi, ' ')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const counts = (ws: string[]) => ws.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());

  test.each(PACKS)('%s: every word of every line inside a table is in its cells, as often as printed', (name) => {
    const lines = pack(name);
    for (const table of tablesOf(name)) {
      const printed = counts(lines.filter((l) => l.n >= table.start && l.n <= table.end).flatMap((l) => words(l.text)));
      const kept = counts([...table.head, ...table.body].flat().flatMap(words));
      const lost = [...printed].filter(([w, n]) => (kept.get(w) ?? 0) < n).map(([w]) => w);
      const added = [...kept].filter(([w, n]) => (printed.get(w) ?? 0) < n).map(([w]) => w);
      expect({ table: table.start, lost, added }).toEqual({ table: table.start, lost: [], added: [] });
      expect(table.lines?.map((l) => l.n)).toEqual(
        lines.filter((l) => l.n >= table.start && l.n <= table.end).map((l) => l.n),
      );
      expect(table.rowLines).toHaveLength(table.body.length);
      expect(table.headLines ?? []).toHaveLength(table.head.length);
    }
  });
});

describe('markdown and HTML tables', () => {
  test('a markdown pipe table: the row before the separator is the header', () => {
    const [table] = findTables(
      synthetic('Spend\n\n| Service | 2013/14 |\n|---|---:|\n| Libraries | £1,200 |\n| Total | £1,200 |\n'),
    );
    expect(table).toMatchObject({
      kind: 'markdown',
      start: 3,
      end: 6,
      head: [['Service', '2013/14']],
      body: [
        ['Libraries', '£1,200'],
        ['Total', '£1,200'],
      ],
      caption: 'Spend',
    });
    expect(table!.furniture?.map((l) => l.n)).toEqual([4]);
  });

  test('an HTML table fragment on its own lines', () => {
    const [table] = findTables(
      synthetic(
        '<table><thead><tr><th>Area</th><th>Rate</th></tr></thead>\n<tbody><tr><td>Leicestershire</td><td>0.04</td></tr>\n<tr><td>England</td><td>0.11</td></tr></tbody></table>',
      ),
    );
    expect(table).toMatchObject({
      kind: 'html',
      start: 1,
      end: 3,
      head: [['Area', 'Rate']],
      body: [
        ['Leicestershire', '0.04'],
        ['England', '0.11'],
      ],
      rowLines: [2, 3],
    });
  });
});

describe('checkTotals', () => {
  test('the 2009 pack: the divisional savings "Total" is not the sum of the rows above it, in all three years', () => {
    const errata = tablesOf(P2009).flatMap(checkTotals);
    expect(errata.map(({ printed, expected }) => ({ printed, expected }))).toEqual([
      { printed: '(1,761)', expected: '(3,340)' },
      { printed: '(2,003)', expected: '(6,128)' },
      { printed: '(2,030)', expected: '(8,113)' },
    ]);
    for (const e of errata) {
      expect(erratumSchema.parse(e)).toEqual(e);
      expect(e.subject).toBe('Total row of Divisional Revenue Savings – Explanatory Table');
      expect(e.note).toContain('line 2294');
    }
    expect(errata[0]!.note).toBe(
      `The total printed as (1,761) (column "2009/10 £'000", line 2294) is not the sum of the 28 rows above it since the previous total (1 more print no figure in this column): they add up to (3,340). The figure is shown as printed.`,
    );
  });

  test('the 2014 transformation programme: Health and Social Care Integration prints £10m and £3.5m over a total of £13.85m', () => {
    expect(checkTotals(tableAt(P2014, 1011))).toEqual([
      {
        subject: 'Total row of 3.2.6 Health and Social Care Integration',
        printed: '£13.85m',
        expected: '£13.50m',
        note: 'The total printed as £13.85m (column "MTFS Financial Target", line 1019) is not the sum of the 2 rows above it since the previous total (5 more print no figure in this column): they add up to £13.50m. The figure is shown as printed.',
      },
    ]);
  });

  test("the sums the 2009 erratum expects are the efficiency table's own 'Divisional revenue strategies' row", () => {
    expect(rowAt(P2009, 2231).slice(2, 5)).toEqual(['3,340', '6,128', '8,113']);
  });

  test.each([
    [P2009, 2217, 'efficiency plan: sub-totals, a total of 2008/09 savings and the grand total of the sub-totals'],
    [P2009, 415, 'Supporting People costs: an unlabelled underlined total, £1 off by rounding'],
    [P2015, 458, 'Youth Offending Service Budget for 2015/16: column and row totals, merged cells'],
    [P2015, 469, 'Additional funding and Total YOS Budget'],
    [P2015, 1284, 'EMSS payments: total per month (per annum is a different sum)'],
    [P2023, 271, 'YOT budget'],
    [P2023, 661, 'staffing by ethnicity'],
    [P2014, 963, 'transformation savings across a repeated header'],
  ])('%s table at %i adds up (%s)', (name, start) => {
    expect(checkTotals(tableAt(name, start))).toEqual([]);
  });

  test.each([
    [P2015, 465, '£2,268,584', '£2,286,584', '£2,268,584'],
    [P2015, 465, '£671,182', '£617,182', '£671,182'],
    [P2015, 1287, '62,984', '62,894', '62,984'],
    [P2009, 418, '£6,852,483', '£6,952,483', '£6,852,484'],
    [P2009, 2255, '37,443', '37,434', '37,443'],
    [P2014, 972, '£6.1m', '£6.9m', '£6.1m'],
  ])('%s line %i: a total changed from %s to %s is reported, expecting %s', (name, line, from, to, expected) => {
    const lines = edited(name, line, from, to);
    const table = findTables(lines).find((t) => t.start <= line && line <= t.end)!;
    const errata = checkTotals(table);
    expect(errata.map((e) => [e.printed, e.expected])).toContainEqual([to, expected]);
  });

  test('a row total that is not the sum of the row is reported as a Total column erratum', () => {
    const lines = edited(P2015, 460, '£183,534', '£183,543');
    const errata = checkTotals(findTables(lines).find((t) => t.start === 458)!);
    expect(errata).toEqual([
      expect.objectContaining({
        subject: 'Total row of Youth Offending Service Budget for 2015/16 – Core Funding',
        printed: '£2,268,584',
        expected: '£2,268,593',
      }),
      expect.objectContaining({
        subject: 'Total column of Youth Offending Service Budget for 2015/16 – Core Funding',
        printed: '£183,543',
        expected: '£183,534',
      }),
    ]);
  });

  test.each([
    ['(1,761)', -3340, '(3,340)'],
    ['£2,268,584', 2268593, '£2,268,593'],
    ['£6.1m', 6900000, '£6.9m'],
    ['1,677', 1677, '1,677'],
    ['-£744', -900, '-£900'],
  ])('formatLike(%j, %d) is %j', (printed, value, text) => {
    expect(formatLike(printed, value)).toBe(text);
  });
});
