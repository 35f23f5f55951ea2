import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { corpusReport, formatReport, minutesExact, totals, type ReportRow } from '../../scripts/import/report';

/**
 * The importer on 14 documents from 9 councils of every tier and nation, as they published them (tests/corpus, with
 * what a person counted in expected.json), held to the floors the importer promises. The table is printed, so a run
 * shows where the importer stands, not only whether it passed.
 */
const CORPUS = join(import.meta.dirname, '..', 'corpus');
let rows: ReportRow[];

beforeAll(async () => {
  rows = await corpusReport(CORPUS);
  console.log(formatReport(rows));
}, 120_000);

describe('the corpus report', () => {
  test('every document imports; none is refused', () => {
    expect(rows.filter((r) => r.error).map((r) => `${r.file}: ${r.error}`)).toEqual([]);
    expect(rows).toHaveLength(14);
  });

  test('every word of every document is kept', () => {
    for (const r of rows) expect(r.words.kept, r.file).toBe(r.words.total);
  });

  test('the meeting date of every set of minutes, and the start time wherever it is printed', () => {
    const minutes = rows.filter((r) => r.expected);
    expect(minutes).toHaveLength(9);
    for (const r of minutes) {
      expect(r.date, r.file).toBe(r.expected!.date);
      expect(r.time ?? null, r.file).toBe(r.expected!.start);
    }
  });

  test('minute numbers exactly as printed in at least 8 of 9, and at least 95% of all expected minutes', () => {
    const t = totals(rows);
    expect(t.minutesExact).toBeGreaterThanOrEqual(8);
    expect(t.minutesFound / t.minutesExpected).toBeGreaterThanOrEqual(0.95);
  });

  test('at least 90% of the expected decisions, and no document with more than 1.5 times its count', () => {
    const t = totals(rows);
    expect(t.decisionsFound / t.decisionsExpected).toBeGreaterThanOrEqual(0.9);
    for (const r of rows.filter((x) => x.expected)) expect(r.decisions, r.file).toBeLessThanOrEqual(Math.ceil(r.expected!.decisions * 1.5));
  });

  test('votes and actions where a person counted them', () => {
    for (const r of rows.filter((x) => x.expected?.votes !== undefined)) expect(r.votes, r.file).toBe(r.expected!.votes);
    for (const r of rows.filter((x) => x.expected?.actions !== undefined)) expect(r.actions, r.file).toBe(r.expected!.actions);
  });

  test('each kind of document is told apart', () => {
    const kind = (part: string) => rows.find((r) => r.file.includes(part))?.kind;
    expect(kind('forward-plan')).toBe('forward-plan');
    expect(kind('decision-notice')).toBe('decision-notice');
    expect(kind('2026-03-19-report')).toBe('report');
    expect(kind('mca-committee-2026-06-05-report')).toBe('report');
    expect(kind('agenda-pack')).toBe('agenda');
    expect(rows.filter((r) => r.expected).every((r) => r.kind === 'minutes' && minutesExact(r) !== undefined)).toBe(true);
  });
});
