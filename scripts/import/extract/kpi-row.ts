/**
 * A KPI as one table row prints it: the fields of `kpiEditionSchema` a table can give, the context the table cannot
 * give, figures read as printed ("17.1%", "5 (07/08)", "12% reduction"), and guesses at the unit and at whether a
 * higher or lower figure is better. Shared by the readers of each shape of KPI table.
 */
import type { Kpi, KpiEdition, KpiPoint } from '../../../src/schema';
import { parseNumber } from '../layout/figures';
import type { Table } from '../layout/table';

/** What the table alone cannot say. */
export interface KpiContext {
  /** Source pack id (the file name in `content/sources/` without extension). */
  pack: string;
  /** Pages of the pack the table is on, when known. */
  pages?: { from: number; to: number };
  /** How a comparator table names this council ("Leicester"): that row's figures are the values. */
  self?: string;
  /** Period for figures whose table prints none: a comparator table "in 2008", a plan's "2014-18". */
  period?: string;
}

export type Direction = Kpi['direction'];

/** One indicator as a table prints it: the fields of `kpiEditionSchema` a table can give, and where it came from. */
export interface ExtractedKpiRow extends Pick<
  KpiEdition,
  'name' | 'definition' | 'unit' | 'values' | 'targets' | 'comparators' | 'source'
> {
  /** Whether a higher or lower figure is better, guessed from the name. */
  direction: Direction;
  /** Source line of the indicator's row (its first line when wrapped). */
  line: number;
  /** The objective or priority the row sits under, when the table prints one. */
  group?: string;
  /** Footnote markers printed beside the figures or measure ("1", "⁶" as "6", "*"). */
  footnotes?: string[];
  /** Text not used for the indicator, kept so nothing is lost: garbled duplicates of a line, shifted cells. */
  setAside?: Array<{ line: number; text: string; reason: string }>;
}

// ---------------------------------------------------------------------------------------------------------------
// Values

/** "21% reduction", "24.1% increase", "-45.7% reduction": a change printed as text. */
const CHANGE = /^([-+]?\d[\d,]*(?:\.\d+)?)\s?%\s+(reduction|decrease|fall|drop|increase|rise)$/i;
const FALLS = /^(?:reduction|decrease|fall|drop)$/i;
/** A figure at the start of a cell followed by a unit or a note: "10.5 weeks", "134 (actual for yr 101)". */
const LEADING = /^([<>≤≥]?[-(]?£?\d[\d,]*(?:\.\d+)?(?:%|k|m|bn)?\+?\)?\*?)(?:\s|$)/i;

/**
 * The number a printed KPI figure stands for. A change printed in words keeps its words in `printed` and becomes a
 * signed percentage here: "21% reduction" is -21, "24.1% increase" is 24.1, and "-45.7% reduction" is -45.7 (the
 * sign and the word agree; the word decides, so a reduction is never positive). The tables that print changes
 * compare each period with the one before, so the unit of such a row is "% change". Text without a figure
 * ("Year on year reduction", "TBS", "Targets to be agreed") is null. A figure given as approximate ("c1494",
 * "circa 6%") is taken at its figure.
 */
export function kpiValue(printed: string): number | null {
  const text = printed.trim().replace(/^(?:c\.?\s?|circa\s+)(?=[£\d])/i, '');
  const change = CHANGE.exec(text);
  if (change) {
    const size = Math.abs(Number(change[1]!.replace(/,/g, '')));
    return FALLS.test(change[2]!) ? -size : size;
  }
  const whole = parseNumber(text);
  if (whole !== null) return whole;
  const lead = LEADING.exec(text);
  return lead ? parseNumber(lead[1]!) : null;
}

/** A point: the period as printed, the figure exactly as printed, and its number. */
export const point = (period: string, printed: string): KpiPoint => ({ period, value: kpiValue(printed), printed });

const PERIOD_IN_BRACKETS = /\(([^()]*?\b\d{2}\s?[/-]\s?\d{2}\b[^()]*)\)/g;

/**
 * The points of a baseline cell, which prints figures with their periods in brackets: "5 (07/08) 11 (08/09)" is
 * 5 in 07/08 and 11 in 08/09; "87.5% (35 out of 40) (08/09)" keeps its note in `printed`. A cell without a period
 * is one point for the column's own label.
 */
export function baselinePoints(cell: string, label: string): KpiPoint[] {
  const text = cell.trim();
  if (!text) return [];
  const points: KpiPoint[] = [];
  let from = 0;
  for (const m of text.matchAll(PERIOD_IN_BRACKETS)) {
    const printed = text.slice(from, m.index).trim();
    if (printed) points.push(point(m[1]!.trim(), printed));
    from = m.index + m[0].length;
  }
  const rest = text.slice(from).trim();
  return rest ? [...points, point(label, rest)] : points;
}

// ---------------------------------------------------------------------------------------------------------------
// Guesses

/** A pattern matching any of the words or phrases. */
const anyOf = (words: string[]) => new RegExp(words.join('|'), 'i');

/** Direction by name, first match wins: a leading verb, then what the measure counts. */
export const DIRECTIONS: ReadonlyArray<[RegExp, Direction]> = [
  [/^(?:reduc(?:e|tion)|minimi[sz]e|lower|cut|decrease)\b|\b(?:decrease|reduction) in\b/i, 'lower'],
  [/^(?:increase|improve|enhance|raise|maximi[sz]e|promote|better|good|strong|effective|higher)\b/i, 'higher'],
  [
    anyOf([
      'prevent', 're-?housed', 'supported to maintain', 'independent living', 'reconnected', 'effective treatment',
    ]),
    'higher',
  ],
  [anyOf(['affordable homes', 'decision is made within']), 'higher'],
  [anyOf(['approvals', 'acceptances', 'rough sleep']), 'lower'],
  [anyOf(['suitable', 'settled']), 'higher'],
  [
    anyOf([
      're-?offend', 'custod', 'first[- ]time entrants', '\\bFTEs?\\b', 'homeless', 'temporary accommodation',
      'bed (?:&|and) breakfast', 'overcrowd', 'cost', '£', 'absence', 'mortality', 'casualt', 'crime', 'obes',
      'overweight', 'smoking', 'admission', 'delayed', 'landfill', 'carbon', '\\bNEETs?\\b', 'unemploy', 'repeat',
      'length of stay', 'inactiv',
    ]),
    'lower',
  ],
  [
    anyOf([
      'education', 'training', 'employment', '\\bETE\\b', 'satisf', 'qualif', 'recycl', 'life expectancy',
      'broadband', 'breastfeeding', 'good or outstanding', 'attainment', 'achiev', 'growth', 'participation',
    ]),
    'higher',
  ],
];

/** Whether a higher or lower figure is better, from the indicator's name; "neither" when the name does not say. */
export const guessDirection = (name: string): Direction =>
  DIRECTIONS.find(([re]) => re.test(name.trim()))?.[1] ?? 'neither';

const share = (printed: string[], re: RegExp) =>
  printed.length > 0 && printed.filter((p) => re.test(p.trim())).length * 2 >= printed.length;

/** Unit by the printed figures, then by the name; first match wins. */
const UNITS: ReadonlyArray<[(name: string, printed: string[]) => boolean, string | ((name: string) => string)]> = [
  [(_, p) => share(p, CHANGE), '% change'],
  [(_, p) => share(p, /^[<>≤≥]?-?\d[\d,.]*\s?%/), '%'],
  [(n) => /£'?s?\s*\/\s*head|per head/i.test(n), '£ per head'],
  [(_, p) => share(p, /^[-(]?£/), '£'],
  [
    (n) => /per\s+(100,000|100k|1,000|1000)/i.test(n),
    (n) => `per ${/per\s+(100,000|100k|1,000|1000)/i.exec(n)![1]!.replace('100k', '100,000').replace('1000', '1,000')}`,
  ],
  [(_, p) => share(p, /\bweeks?\b/i), 'weeks'],
  [(_, p) => share(p, /\bdays?\b/i), 'days'],
  [(n) => /\brates?\b/i.test(n), 'rate'],
  [(n) => /^(?:percentage|proportion|%)\b/i.test(n), '%'],
];

/** The unit of an indicator's figures: "%", "£", "% change", "per 100,000", "rate", "weeks"; else "number". */
export function guessUnit(name: string, printed: string[]): string {
  const figures = printed.filter((p) => kpiValue(p) !== null);
  const unit = UNITS.find(([test]) => test(name, figures))?.[1] ?? 'number';
  return typeof unit === 'string' ? unit : unit(name);
}

export const sourceOf = (context: KpiContext): ExtractedKpiRow['source'] => ({
  pack: context.pack,
  ...(context.pages ? { pages: context.pages } : {}),
});

/** Body rows that are data (not a repeated header or a heading carried into the table), with their lines. */
export const dataRows = (table: Table) => {
  const skip = new Set((table.notData ?? []).map((d) => d.line));
  return table.body.map((cells, i) => ({ cells, line: table.rowLines[i]! })).filter((r) => !skip.has(r.line));
};
