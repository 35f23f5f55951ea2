/**
 * KPI extraction: from a table the importer found to one structure per indicator, shaped like the fields of
 * `kpiEditionSchema`, with a guess at whether higher or lower is better. Pure: a table and its context in, rows out.
 *
 * Three shapes of table are KPI tables:
 * - `periods`: a row per indicator and a column per period, perhaps with targets, a baseline and comparators
 *   ("Target 11/12", "Apr to Mar 2011/12", "Baseline" over "5 (07/08) 11 (08/09)", "Targets" over "09/10" ...);
 * - `comparators`: a row per authority and one column of figures (a cost comparator table), where the council's own
 *   row gives the values and every other row is a comparator;
 * - `measures`: a strategic plan's PRIORITY / PLANS/ACTIONS / MEASUREMENT/TARGETS table, whose measures are text with
 *   targets inside ("Reduce adult smoking prevalence from 17.1% to 16.3%"), printed with wrapped lines, footnote
 *   markers and sometimes a garbled second copy of a line from the PDF's hidden text layer.
 * Money tables (budgets, savings: a "£", "cost", "saving" or "000s" in the column headings) are not KPI tables.
 */
import type { KpiEdition } from '../../../src/schema';
import type { Table } from '../layout/table';
import { columnLabels, filled, isPeriodLabel } from '../layout/tables';
import { MEASURE_COLUMN, measureRows } from './kpi-measure';
import { baselinePoints, dataRows, guessDirection, guessUnit, kpiValue, point, sourceOf, type ExtractedKpiRow, type KpiContext } from './kpi-row';

export type KpiTableKind = 'periods' | 'comparators' | 'measures';

// ---------------------------------------------------------------------------------------------------------------
// Recognising KPI tables

const MONEY = /£|\bcosts?\b|saving|budget|fund(?:s|ing)\b|spend|contribution|income|000s|cashable|mtfs/i;
const COMPARATOR_COLUMN =
  /\b(?:england|national|regional|region|east midlands|statistical neighbou?rs?|comparators?|average|similar areas)\b/i;
const AUTHORITY_COLUMN = /^(?:authority|local authority|council|area|comparator|region)$/i;
const PRIORITY_COLUMN = /^priorit(?:y|ies)$/i;

const isPeriodColumn = (label: string) => /target|baseline/i.test(label) || isPeriodLabel(label);

/** Which kind of KPI table this is, or null when it is not one (see the list at the top of this file). */
export function kpiTableKind(table: Table): KpiTableKind | null {
  const labels = columnLabels(table);
  if (PRIORITY_COLUMN.test(labels[0] ?? '') && labels.some((l) => MEASURE_COLUMN.test(l))) return 'measures';
  const figures = table.body.filter((r) => r.slice(1).some((c) => kpiValue(c) !== null)).length;
  if (AUTHORITY_COLUMN.test(labels[0] ?? '') && labels.filter(Boolean).length === 2 && figures >= 3)
    return 'comparators';
  const periods = labels.slice(1).filter(isPeriodColumn).length;
  return periods >= 2 && figures >= 1 && !labels.some((l) => MONEY.test(l)) ? 'periods' : null;
}

/** Indicators in a KPI table, one per row; [] when the table is not a KPI table. */

/** Indicators in a KPI table, one per row; [] when the table is not a KPI table. */
export function kpiFromTable(table: Table, context: KpiContext): ExtractedKpiRow[] {
  const kind = kpiTableKind(table);
  if (kind === 'periods') return periodRows(table, context);
  if (kind === 'comparators') return comparatorRows(table, context);
  if (kind === 'measures') return measureRows(table, context);
  return [];
}

// ---------------------------------------------------------------------------------------------------------------
// Period tables

type Role = 'name' | 'group' | 'value' | 'target' | 'baseline' | 'comparator' | 'other';

/** What a column holds, by its label. */
function roleOf(label: string, index: number, nameCol: number): Role {
  if (index === nameCol) return 'name';
  if (index < nameCol) return 'group';
  if (/target/i.test(label)) return 'target';
  if (/baseline/i.test(label)) return 'baseline';
  if (COMPARATOR_COLUMN.test(label)) return 'comparator';
  return isPeriodLabel(label) ? 'value' : 'other';
}

/** The period a column stands for: its label without "Target"/"Baseline" ("Target 11/12" is "11/12"). */
const periodOfLabel = (label: string) =>
  label
    .replace(/\b(?:targets?|baseline)\b/gi, '')
    .replace(/\s+/g, ' ')
    .trim() || label;

const OBJECTIVE = /^\d+(?:\.\d+)+\s+\S/;

/**
 * A row with its cells where the header says: a row printed one cell to the right (an empty first cell, then the
 * numbered objective) moves back left; a row whose name column is empty but whose first column holds an
 * unnumbered name has its name there.
 */
function realign(cells: string[], nameCol: number): { cells: string[]; shifted: boolean } {
  const at = cells.findIndex((c) => OBJECTIVE.test(c.trim()));
  if (nameCol > 0 && at > 0 && cells.slice(0, at).every((c) => !c.trim()))
    return { cells: cells.slice(at), shifted: true };
  if (nameCol > 0 && !cells[nameCol]?.trim() && cells[0]?.trim() && !OBJECTIVE.test(cells[0].trim())) {
    return { cells: ['', cells[0], ...cells.slice(nameCol + 1)], shifted: true };
  }
  return { cells, shifted: false };
}

/** Rows of a period table. */
function periodRows(table: Table, context: KpiContext): ExtractedKpiRow[] {
  const labels = columnLabels(table);
  const named = labels.findIndex((l) => /measure|indicator|\bkpi\b/i.test(l));
  const nameCol = named >= 0 ? named : 0;
  const roles = labels.map((l, i) => roleOf(l, i, nameCol));
  let group = table.head.find((r) => filled(r).length === 1)?.[0]?.trim();
  let objective: string | undefined;
  const rows: ExtractedKpiRow[] = [];
  for (const { cells: printed, line } of dataRows(table)) {
    if (filled(printed).length === 1 && printed[0]?.trim()) {
      group = printed[0].trim();
      continue;
    }
    const { cells, shifted } = realign(printed, nameCol);
    if (nameCol > 0 && cells[0]?.trim()) objective = cells[0].trim();
    const row = periodRow(cells, line, labels, roles, context);
    const under = nameCol > 0 ? objective : group;
    if (!row) continue;
    rows.push({
      ...row,
      ...(under ? { group: under } : {}),
      ...(shifted
        ? {
            setAside: [
              { line, text: printed.join('\t'), reason: 'cells printed out of their columns; read as realigned' },
            ],
          }
        : {}),
    });
  }
  return rows;
}

/** One indicator from its cells; null when the row names no measure or prints nothing for any period. */
function periodRow(cells: string[], line: number, labels: string[], roles: Role[], context: KpiContext): ExtractedKpiRow | null {
  const name = cells[roles.indexOf('name')]?.trim() ?? '';
  const at = (role: Role) =>
    roles.flatMap((r, i) => (r === role && cells[i]?.trim() ? [{ cell: cells[i]!.trim(), label: labels[i]! }] : []));
  const values = [
    ...at('baseline').flatMap(({ cell, label }) => baselinePoints(cell, label)),
    ...at('value').map(({ cell, label }) => point(label, cell)),
  ];
  const targets = at('target').map(({ cell, label }) => point(periodOfLabel(label), cell));
  const comparators = at('comparator').map(({ cell, label }) => ({
    name: label.replace(/\b(?:(?:19|20)?\d{2}[/-]\d{2,4}|(?:19|20)\d{2})\b/g, '').trim(),
    values: [point(/\d{2}[/-]\d{2}/.exec(label)?.[0] ?? context.period ?? label, cell)],
  }));
  if (!name || values.length + targets.length + comparators.length === 0) return null;
  const printed = [...values, ...comparators.flatMap((c) => c.values)].map((p) => p.printed);
  const footnotes = printed.flatMap((p) => (/\*$|\d\*/.test(p.split(' ')[0] ?? '') ? ['*'] : []));
  return {
    name,
    definition: name,
    unit: guessUnit(name, printed.length ? printed : targets.map((t) => t.printed)),
    values,
    targets,
    comparators,
    source: sourceOf(context),
    direction: guessDirection(name),
    line,
    ...(footnotes.length ? { footnotes: [...new Set(footnotes)] } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Comparator tables

/** A comparator table: this council's row gives the values, every other row (and "Average", "Median") compares. */
function comparatorRows(table: Table, context: KpiContext): ExtractedKpiRow[] {
  const labels = columnLabels(table);
  const c = labels.findIndex((l, i) => i > 0 && l);
  const name = labels[c] ?? '';
  const period = context.period ?? 'not stated';
  const rows = dataRows(table).filter((r) => r.cells[0]?.trim() && r.cells[c]?.trim());
  const isSelf = (label: string) =>
    context.self !== undefined && label.trim().toLowerCase() === context.self.toLowerCase();
  const self = rows.filter((r) => isSelf(r.cells[0]!));
  const printed = rows.map((r) => r.cells[c]!.trim());
  return [
    {
      name,
      definition: name,
      unit: guessUnit(name, printed),
      values: self.map((r) => point(period, r.cells[c]!.trim())),
      targets: [],
      comparators: rows
        .filter((r) => !isSelf(r.cells[0]!))
        .map((r) => ({ name: r.cells[0]!.trim(), values: [point(period, r.cells[c]!.trim())] })),
      source: sourceOf(context),
      direction: guessDirection(name),
      line: self[0]?.line ?? table.rowLines[0] ?? table.start,
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Editions

/**
 * A KPI edition for the content file, or null when the row prints no value (a target-only measure): the schema
 * needs at least one value, and an indicator without one is for a person to complete.
 */
export function toKpiEdition(row: ExtractedKpiRow, document: string, edition: string): KpiEdition | null {
  if (row.values.length === 0) return null;
  const { name, definition, unit, values, targets, comparators, source } = row;
  return { document, edition, name, definition, unit, values, targets, comparators, source };
}
