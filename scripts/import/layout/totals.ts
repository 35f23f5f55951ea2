/**
 * Printed totals checked against the rows above them (and a row's total against its columns). A total that does not
 * add up is kept as printed, with an erratum saying what the rows sum to; rounding each figure was printed to is
 * allowed for.
 */
import type { Erratum } from '../../../src/schema';
import { cellFigures, formatLike, printedStep } from './figures';
import type { Table } from './table';
import { columnLabels, filled } from './tables';

const TOTAL_LABEL = /^(?:sub[- ]?)?totals?\b/i;

/** A figure and the rounding it may carry. */
interface Addend {
  value: number;
  step: number;
}

const addends = (cell: string | undefined): Addend[] =>
  cellFigures(cell ?? '').map((f) => ({ value: f.value, step: printedStep(f.printed) }));
/** A sum of figures, with the finest step any of them was printed to and how many there were. */
interface Sum extends Addend {
  count: number;
}

const sum = (xs: Addend[]): Sum => ({
  value: Number(xs.reduce((s, x) => s + x.value, 0).toPrecision(12)),
  step: Math.min(...xs.map((x) => x.step)),
  count: xs.length,
});

/** The row's source line holds only underlined figures and no label: a total printed without the word. */
function isUnderlinedTotal(table: Table, i: number): boolean {
  const raw = table.lines?.find((l) => l.n === table.rowLines[i])?.text ?? '';
  const cells = raw.split('\t');
  return (
    (cells[0] ?? '').trim() === '' &&
    cells.slice(1).some((c) => c.trim()) &&
    cells.slice(1).every((c) => !c.trim() || /^\s*<u>.*<\/u>\s*$/.test(c))
  );
}



/** One comparison: a printed total and the sums it should equal (the first is the one reported). */
interface Check {
  subject: string;
  printed: string;
  total: Addend;
  candidates: Sum[];
  /** Where the total is, e.g. 'column "2009/10 £'000", line 2294'. */
  where: string;
  /** What it totals, e.g. "the 29 rows above it". */
  against: string;
}

/** What a column has printed since its last total. */
interface Running {
  /** Figures since the last total, and since the top of the table. */
  detail: Addend[];
  all: Addend[];
  /** Totals since the last total that followed totals. */
  subtotals: Addend[];
  /** Rows since the last total that print a figure here, and rows that print something else but not here. */
  rows: number;
  blank: number;
}

const fresh = (all: Addend[], subtotals: Addend[]): Running => ({ detail: [], all, subtotals, rows: 0, blank: 0 });

/** A row that totals the rows above it: labelled "Total"/"Sub-total", or underlined figures with no label. */
const isTotalRow = (table: Table, i: number) =>
  TOTAL_LABEL.test(table.body[i]![0]?.trim() ?? '') || isUnderlinedTotal(table, i);

/**
 * The sums a total may stand for: the rows since the last total (alone, with the subtotals before them, or with
 * every row above), or the subtotals it follows directly.
 */
function candidatesFor(run: Running): Sum[] {
  if (run.detail.length) return [sum(run.detail), sum([...run.subtotals, ...run.detail]), sum(run.all)];
  return run.subtotals.length >= 2 ? [sum(run.subtotals)] : [];
}

/** What a total was compared with, in words. */
function againstText(run: Running): string {
  if (!run.detail.length) return `the ${run.subtotals.length} subtotals above it`;
  const rows = `the ${run.rows} row${run.rows === 1 ? '' : 's'} above it since the previous total`;
  return run.blank ? `${rows} (${run.blank} more print no figure in this column)` : rows;
}

/** The checks for one column: each total row against the rows above it since the previous total. */
function columnChecks(table: Table, c: number, subject: string, label: string): Check[] {
  const checks: Check[] = [];
  const skip = new Set((table.notData ?? []).map((d) => d.line));
  let run = fresh([], []);
  table.body.forEach((row, i) => {
    if (skip.has(table.rowLines[i]!)) return;
    const figures = addends(row[c]);
    if (!isTotalRow(table, i)) {
      const blank = figures.length === 0 && filled(row.slice(1)).length > 0 ? 1 : 0;
      run = {
        ...run,
        detail: [...run.detail, ...figures],
        all: [...run.all, ...figures],
        rows: run.rows + (figures.length ? 1 : 0),
        blank: run.blank + blank,
      };
      return;
    }
    if (figures.length !== 1) return;
    const [total, candidates] = [figures[0]!, candidatesFor(run)];
    const where = `${label ? `column "${label}", ` : ''}line ${table.rowLines[i]}`;
    if (candidates.length)
      checks.push({ subject, printed: row[c]!.trim(), total, candidates, where, against: againstText(run) });
    run = fresh(run.all, run.detail.length ? [...run.subtotals, total] : [total]);
  });
  return checks;
}

/**
 * Whether a check fails: the total differs from every way of adding the rows by more than rounding allows, that is
 * half the finest printed step (of the total or any figure added) for each figure added and for the total.
 */
const fails = (check: Check) =>
  check.candidates.every(
    (s) => Math.abs(s.value - check.total.value) > ((s.count + 1) * Math.min(s.step, check.total.step)) / 2 + 1e-9,
  );

/** The erratum for a failed check, in plain English. */
function erratumOf(check: Check): Erratum {
  const expected = formatLike(check.printed, check.candidates[0]!.value);
  const note =
    `The total printed as ${check.printed} (${check.where}) is not the sum of ${check.against}: ` +
    `they add up to ${expected}. The figure is shown as printed.`;
  return { subject: check.subject, printed: check.printed, expected, note };
}

/** The subject of a table's errata: its caption, or its first header cell. */
const subjectOf = (table: Table, what: string) =>
  `${what} of ${table.caption ?? filled(table.head.flat())[0] ?? `the table at line ${table.start}`}`;

/** Each row's "Total" column against the figures to its left in the same row. */
function rowTotalChecks(table: Table, labels: string[]): Check[] {
  const c = labels.findIndex((l, i) => i > 0 && /^totals?$/i.test(l));
  if (c < 0) return [];
  return table.body.flatMap((row, i) => {
    const figures = addends(row[c]);
    const parts = row.slice(1, c).flatMap((cell) => addends(cell));
    if (figures.length !== 1 || parts.length === 0) return [];
    const where = `row "${row[0]?.trim() ?? ''}", line ${table.rowLines[i]}`;
    const against = 'the figures to its left';
    return [
      {
        subject: subjectOf(table, 'Total column'),
        printed: row[c]!.trim(),
        total: figures[0]!,
        candidates: [sum(parts)],
        where,
        against,
      },
    ];
  });
}

/**
 * Errata for totals that are not the sum of what they total. A row labelled "Total" or "Sub-total" (or a row of
 * underlined figures with no label) is compared, column by column, with the rows above it since the previous total,
 * or with the subtotals above it when it follows them directly; a "Total" column is compared with the figures to its
 * left. A difference within the rounding of the printed figures (half the last printed digit of each) is no
 * erratum. Printed values are never changed.
 */
export function checkTotals(table: Table): Erratum[] {
  const labels = columnLabels(table);
  const subject = subjectOf(table, 'Total row');
  const checks = [
    ...labels.flatMap((label, c) => (c === 0 ? [] : columnChecks(table, c, subject, label))),
    ...rowTotalChecks(table, labels),
  ];
  return checks.filter(fails).map(erratumOf);
}
