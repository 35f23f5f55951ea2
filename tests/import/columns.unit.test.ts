import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { wordsOf } from '../../src/model/words';
import { positionedTables } from '../../scripts/import/layout/columns';
import { findFurniture } from '../../scripts/import/layout/furniture';
import type { Table } from '../../scripts/import/layout/table';
import type { SourceText } from '../../scripts/import/read/line';
import { readPdf } from '../../scripts/import/read/pdf';
import { checkWords } from '../../scripts/import/verify/words';
import { makePdf, type DrawnText } from '../helpers/documents';

/**
 * Tables in PDFs, found from where the text sits: on the corpus councils' own files (attendance grids, action tables
 * with wrapped cells, a forward plan whose header is printed again on every page, budget tables of figures) and on
 * PDFs drawn for the test.
 */
const CORPUS = join(import.meta.dirname, '..', 'corpus');
const read = async (file: string) => readPdf(new Uint8Array(readFileSync(join(CORPUS, file))), file);
const tablesOf = (source: SourceText): Table[] => positionedTables(source.lines, new Set(findFurniture(source.lines, source).map((f) => f.line)));
const sorted = (words: string[]) => [...words].sort();

const corpus = new Map<string, { source: SourceText; tables: Table[] }>();
beforeAll(async () => {
  for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.pdf'))) {
    const source = await read(file);
    corpus.set(file, { source, tables: tablesOf(source) });
  }
}, 60_000);

const of = (part: string) => [...corpus].find(([file]) => file.includes(part))![1];
const rowStarting = (tables: Table[], first: RegExp) => tables.flatMap((t) => t.body).find((r) => first.test(r[0]!) || first.test(r[1] ?? ''));

describe('tables in the corpus PDFs', () => {
  test('every word of a table\'s lines is in its cells, and its cells hold no other words', () => {
    let tables = 0;
    for (const [file, { source, tables: found }] of corpus) {
      const furniture = new Set(findFurniture(source.lines, source).map((f) => f.line));
      for (const t of found) {
        tables++;
        const lineWords = source.lines.filter((l) => l.n >= t.start && l.n <= t.end && !furniture.has(l.n)).flatMap((l) => wordsOf(l.text));
        const cellWords = [...t.head, ...t.body].flat().flatMap(wordsOf);
        expect(sorted(cellWords), `${file} lines ${t.start}-${t.end}`).toEqual(sorted(lineWords));
      }
    }
    expect(tables).toBeGreaterThan(20);
  });

  test('a grid of names and initials is one row a line, under a label printed once', () => {
    const [grid] = of('ayton-community-council-full-council-2019-12-03').tables;
    expect(grid!.body.map((r) => r[1])).toEqual(['Graham Dolan', 'Margaret Carey', 'Rob Weatherston', 'Helen Laing (SBC)']);
    expect(grid!.body.map((r) => r[2])).toEqual(['GD', 'MC', 'RW', 'HL']);
    expect(grid!.body[0]![0]).toBe('Present:');
  });

  test('a wrapped cell stays one cell; a line whose words would have fitted above starts a new row', () => {
    const { tables } = of('garelochhead');
    const actions = tables.find((t) => t.body.some((r) => r[0] === 'Agenda item'))!;
    expect(actions.body.find((r) => r[0]!.startsWith('Convenor'))).toEqual(['Convenor’s report - Speeding', 'Craig Ritchie', 'Draft a response to Jim Smith asking for the issue to be addressed without further delay.']);
    expect(actions.body.find((r) => r[0] === 'Mobile phone')?.[1]).toBe('Carole Spencer');
    expect(actions.body.find((r) => r[0] === 'Three Lochs Way')?.[1]).toBe('Secretary');
    // An agenda item with three actions: the item is printed once, the actions below it are rows of their own.
    expect(actions.body.filter((r) => r[0] === '' && r[1] !== '').map((r) => r[1])).toEqual(['Secretary', 'Craig Ritchie', 'Craig Ritchie']);
  });

  test('a cell ending in "&" or a joining word goes on below, whatever the other columns do', () => {
    const { tables } = of('2026-03-19-minutes');
    expect(rowStarting(tables, /^01, 02 & 03$/)?.[1]).toBe('Mr Shaban Ali');
    const { tables: report } = of('2026-03-19-report');
    expect(rowStarting(report, /^Surveys/)).toEqual(['Surveys and data collection', 'October to November 2025', 'November to early March 2026']);
  });

  test('a table broken by pages is one table, its header printed again kept as a row that is not data', () => {
    const { tables } = of('forward-plan');
    const plan = tables.find((t) => t.head[0]?.[0] === 'Lead Officer')!;
    const repeats = plan.notData!.filter((n) => n.reason === 'repeated-head');
    expect(repeats.length).toBeGreaterThanOrEqual(8);
    const data = plan.body.filter((_, i) => !repeats.some((r) => r.line === plan.rowLines[i]));
    expect(data.length).toBeGreaterThanOrEqual(30);
    for (const row of data) expect(row[2], row.join(' | ')).toMatch(/^\d{1,2} [A-Z][a-z]{2} 2026$/);
  });

  test('figures stay as printed, in their columns, under a header of several lines', () => {
    const { tables } = of('west-of-england');
    const budget = tables.find((t) => t.head.some((h) => h[0] === 'Revenue Budget'))!;
    expect(budget.head).toHaveLength(3);
    expect(rowStarting([budget], /^Delivery Sub Total$/)).toEqual(['Delivery Sub Total', '134,708', '140,591', '132,069', '131,283', '123,648', '117,940', '84%']);
    expect(rowStarting([budget], /^\(Surplus\) \/ Deficit$/)?.slice(1, 3)).toEqual(['-', '-']);
    // A nil printed as "-" is a value, not a cell that goes on below.
    const grants = tables.find((t) => t.head.some((h) => h[0] === 'Revenue Grants'))!;
    expect(rowStarting([grants], /^Biodiversity Net Gain$/)?.slice(1, 3)).toEqual(['-', '27']);
  });
});

describe('tables in drawn PDFs', () => {
  const pdf = async (runs: DrawnText[]) => {
    const source = await readPdf(await makePdf([runs]), 'drawn.pdf');
    return { source, tables: tablesOf(source) };
  };

  test('three columns, the last wrapping onto a second line: two rows', async () => {
    const { tables } = await pdf([
      { text: 'Item', x: 72, top: 80, bold: true },
      { text: 'Who', x: 220, top: 80, bold: true },
      { text: 'What', x: 320, top: 80, bold: true },
      { text: 'Play area', x: 72, top: 100, size: 11 },
      { text: 'Clerk', x: 220, top: 100, size: 11 },
      { text: 'Ask three companies for quotes to replace the', x: 320, top: 100, size: 11 },
      { text: 'swings', x: 320, top: 114, size: 11 },
      { text: 'Footpath', x: 72, top: 128, size: 11 },
      { text: 'Chair', x: 220, top: 128, size: 11 },
      { text: 'Report the stile', x: 320, top: 128, size: 11 },
    ]);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.head).toEqual([['Item', 'Who', 'What']]);
    expect(tables[0]!.body).toEqual([
      ['Play area', 'Clerk', 'Ask three companies for quotes to replace the swings'],
      ['Footpath', 'Chair', 'Report the stile'],
    ]);
  });

  test('numbered headings at a tab stop and the paragraph after a table are not table rows', async () => {
    const { tables } = await pdf([
      { text: '1.', x: 72, top: 80 },
      { text: 'Apologies for absence', x: 100, top: 80 },
      { text: '2.', x: 72, top: 94 },
      { text: 'Minutes of the last meeting', x: 100, top: 94 },
      { text: 'Income', x: 72, top: 130 },
      { text: '£120.00', x: 300, top: 130 },
      { text: 'Spending', x: 72, top: 144 },
      { text: '£80.50', x: 300, top: 144 },
      { text: 'The clerk reported that the accounts had been checked by the internal auditor.', x: 72, top: 172 },
    ]);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.body).toEqual([
      ['Income', '£120.00'],
      ['Spending', '£80.50'],
    ]);
  });
});

describe('the no-word-lost check reads a table by its cells', () => {
  const lines = [
    { n: 1, text: 'Speeding\tCraig Ritchie\tDraft a reply to the' },
    { n: 2, text: 'report\t\tresident' },
  ];
  const table = (cells: string) => ({ text: cells, tables: [{ from: 1, to: 2, text: cells }] });

  test('a cell wrapped over two lines, published whole, loses nothing', () => {
    const check = checkWords(lines, new Set(), table('Speeding report Craig Ritchie Draft a reply to the resident'));
    expect(check.kept).toBe(check.total);
  });

  test('a word missing from the cells is reported, with its line', () => {
    const check = checkWords(lines, new Set(), table('Speeding report Craig Ritchie Draft a reply to the'));
    expect(check.total - check.kept).toBe(1);
    expect(check.lost).toEqual([{ line: 2, text: 'report\t\tresident', words: ['resident'] }]);
  });

  test('outside a table, words out of order are still lost', () => {
    const check = checkWords(lines, new Set(), { text: 'Speeding report Craig Ritchie Draft a reply to the resident', tables: [] });
    expect(check.kept).toBeLessThan(check.total);
  });
});
