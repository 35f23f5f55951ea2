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
import type { Kpi, KpiEdition, KpiPoint } from '../../../src/schema';
import { parseNumber } from '../layout/figures';
import { columnLabels, isPeriodLabel, type Table } from '../layout/tables';

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
export interface KpiRow extends Pick<
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

export type KpiTableKind = 'periods' | 'comparators' | 'measures';

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
const DIRECTIONS: ReadonlyArray<[RegExp, Direction]> = [
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

// ---------------------------------------------------------------------------------------------------------------
// Recognising KPI tables

const MONEY = /£|\bcosts?\b|saving|budget|fund(?:s|ing)\b|spend|contribution|income|000s|cashable|mtfs/i;
const COMPARATOR_COLUMN =
  /\b(?:england|national|regional|region|east midlands|statistical neighbou?rs?|comparators?|average|similar areas)\b/i;
const AUTHORITY_COLUMN = /^(?:authority|local authority|council|area|comparator|region)$/i;
const PRIORITY_COLUMN = /^priorit(?:y|ies)$/i;
const MEASURE_COLUMN = /^measure/i;

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
export function kpiFromTable(table: Table, context: KpiContext): KpiRow[] {
  const kind = kpiTableKind(table);
  if (kind === 'periods') return periodRows(table, context);
  if (kind === 'comparators') return comparatorRows(table, context);
  if (kind === 'measures') return measureRows(table, context);
  return [];
}

const sourceOf = (context: KpiContext): KpiRow['source'] => ({
  pack: context.pack,
  ...(context.pages ? { pages: context.pages } : {}),
});

/** Body rows that are data (not a repeated header or a heading carried into the table), with their lines. */
const dataRows = (table: Table) => {
  const skip = new Set((table.notData ?? []).map((d) => d.line));
  return table.body.map((cells, i) => ({ cells, line: table.rowLines[i]! })).filter((r) => !skip.has(r.line));
};

const filled = (row: string[]) => row.filter((c) => c.trim() !== '');

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
function periodRows(table: Table, context: KpiContext): KpiRow[] {
  const labels = columnLabels(table);
  const named = labels.findIndex((l) => /measure|indicator|\bkpi\b/i.test(l));
  const nameCol = named >= 0 ? named : 0;
  const roles = labels.map((l, i) => roleOf(l, i, nameCol));
  let group = table.head.find((r) => filled(r).length === 1)?.[0]?.trim();
  let objective: string | undefined;
  const rows: KpiRow[] = [];
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
function periodRow(cells: string[], line: number, labels: string[], roles: Role[], context: KpiContext): KpiRow | null {
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
function comparatorRows(table: Table, context: KpiContext): KpiRow[] {
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
// Measure tables (strategic plan priorities)

/** A physical line of a measures table, cut into its cells. */
interface Piece {
  cells: string[];
  line: number;
}

const CONNECTOR = /(?:\b(?:and|of|to|for|the|in|with|on|from|by|a|an)|[&–/-])$/i;
const FOOTNOTE_END = /([A-Za-z%)])\.(\d)$/;
const SUPERSCRIPT: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};
/** Text ends a sentence once footnote markers are taken off ("£23bn.1", "start-ups ³ ."). */
const endsSentence = (text: string) =>
  /[.)%!?]$/.test(
    text
      .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(FOOTNOTE_END, '$1.')
      .replace(/\s+\.$/, '.'),
  );

/** A line that continues the one above: a cell of it starts in lower case ("rehabilitation and recovery ..."). */
const continues = (piece: Piece) => piece.cells.some((c) => /^[a-z]/.test(c.trim()));

/**
 * Whether the table wraps its cells over several lines: some line has an empty first cell or a cell starting in
 * lower case. In a table that does not wrap, every line is a priority.
 */
const wraps = (pieces: Piece[]) => pieces.some((p) => !p.cells[0]?.trim() || continues(p));

/**
 * Whether a line starts a new priority rather than continuing a wrapped one. It does not when its first cell is
 * empty, when a cell starts in lower case, or when the priority so far is one word ("Crime", "Improve") or ends
 * on a joining word ("Reduce the", "Domestic Abuse –"). In a wrapping table it also needs every cell of the line
 * above to have ended a sentence (or to be empty).
 */
function startsRow(name: string, prev: Piece | undefined, piece: Piece, wrapping: boolean): boolean {
  const first = piece.cells[0]?.trim() ?? '';
  if (!prev) return true;
  if (!first || continues(piece) || /^\S+$/.test(name.trim()) || CONNECTOR.test(name.trim())) return false;
  if (!wrapping || !prev.cells[0]?.trim()) return true;
  return prev.cells.slice(1).every((c) => !c.trim() || endsSentence(c.trim()));
}

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}%]+/gu) ?? [];

/** Edit distance, for telling a garbled copy of a word from another word. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/** The same word, perhaps misread: at most one letter in four differs. */
const near = (a: string, b: string) => distance(a, b) <= Math.max(1, Math.floor(Math.max(a.length, b.length) / 4));

/**
 * A misread copy of the end of the cell above ("population and increase take up to 0170." under "... take up to
 * 61%.", "13t time admissions." under "... 1st time admissions."): word for word the same or misread, the last word
 * free to differ when it is a number, and not all of it exactly the same.
 */
function copiesTail(text: string, above: string): boolean {
  const mine = words(text);
  const tail = words(above).slice(-mine.length);
  if (mine.length === 0 || tail.length < mine.length || mine.join() === tail.join()) return false;
  return mine.every((w, i) => near(w, tail[i]!) || (i > 0 && i === mine.length - 1 && /\d/.test(w)));
}

/** Same number of words (three or more), each within two letters of the other's, and not the same text. */
const sameShape = (a: string[], b: string[]) =>
  a.length >= 3 &&
  a.length === b.length &&
  a.join() !== b.join() &&
  a.every((w, i) => Math.abs(w.length - b[i]!.length) <= 2);

/** A twin whose numbers fall in the same places: "Dadusa wadan 75 mandaliku ..." and "Reduce under 75 mortality ...". */
const twinWithNumbers = (a: string[], b: string[]) =>
  sameShape(a, b) &&
  a.some((w) => /\d/.test(w)) &&
  a.every((w, i) => /\d/.test(w) === /\d/.test(b[i]!) && (!/\d/.test(w) || w === b[i]));

/** How many times each word occurs in the table. */
function vocabularyOf(pieces: Piece[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of pieces.flatMap((p) => p.cells.flatMap(words))) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** Share of a cell's longer words that the table also uses elsewhere: low for a garbled copy. */
function known(cell: string, vocabulary: ReadonlyMap<string, number>): number {
  const own = words(cell);
  const long = own.filter((w) => w.length >= 4 && !/\d/.test(w));
  const elsewhere = long.filter((w) => (vocabulary.get(w) ?? 0) > own.filter((x) => x === w).length);
  return long.length ? elsewhere.length / long.length : 1;
}

/**
 * Which cells of a line are garbled copies from the PDF's hidden text layer: a misread copy of the end of the cell
 * above, or the less readable of two twins (see `twinWithNumbers`); then, on a line that holds one, any other cell
 * that is a twin of its neighbour.
 */
function garbledCells(
  piece: Piece,
  prev: Piece | undefined,
  next: Piece | undefined,
  vocabulary: ReadonlyMap<string, number>,
): boolean[] {
  const neighbours = (k: number) => [prev?.cells[k] ?? '', next?.cells[k] ?? ''];
  const twin = (c: string, o: string) =>
    twinWithNumbers(words(c), words(o)) && known(c, vocabulary) < known(o, vocabulary);
  const strong = piece.cells.map(
    (c, k) => Boolean(c.trim()) && (copiesTail(c, prev?.cells[k] ?? '') || neighbours(k).some((o) => twin(c, o))),
  );
  if (!strong.some(Boolean)) return strong;
  // A line holding one garbled cell is the hidden layer: its other cells that are twins of a neighbour go too.
  return piece.cells.map(
    (c, k) => strong[k]! || (Boolean(c.trim()) && neighbours(k).some((o) => sameShape(words(c), words(o)))),
  );
}

/** A priority: its lines merged cell by cell, with the text set aside. */
interface Priority {
  cells: string[];
  line: number;
  setAside: NonNullable<KpiRow['setAside']>;
}

/** Appends a wrapped fragment: a word broken at a hyphen ("anti-" + "social") joins without a space. */
const joinFragment = (a: string, b: string) =>
  !b.trim() ? a : !a.trim() ? b : /\w-$/.test(a) ? `${a}${b.trim()}` : `${a} ${b.trim()}`;

/** Lines merged into priorities: wrapped lines joined, garbled copies set aside. */
function priorities(pieces: Piece[]): Priority[] {
  const wrapping = wraps(pieces);
  const vocabulary = vocabularyOf(pieces);
  const out: Priority[] = [];
  const kept: Piece[] = [];
  pieces.forEach((piece, i) => {
    const garbled = garbledCells(piece, pieces[i - 1], pieces[i + 1], vocabulary);
    const cells = piece.cells.map((c, k) => (garbled[k] ? '' : c));
    const clean = { cells, line: piece.line };
    const current = out[out.length - 1];
    if (!current || startsRow(current.cells[0] ?? '', kept[kept.length - 1], clean, wrapping)) {
      out.push({ cells: [...cells], line: piece.line, setAside: [] });
    } else {
      const width = Math.max(current.cells.length, cells.length);
      current.cells = Array.from({ length: width }, (_, k) => joinFragment(current.cells[k] ?? '', cells[k] ?? ''));
    }
    kept.push(clean);
    const reason = "garbled copy of the text beside it (the PDF's hidden text layer)";
    out[out.length - 1]!.setAside.push(
      ...piece.cells.filter((_, k) => garbled[k]).map((text) => ({ line: piece.line, text, reason })),
    );
  });
  return out;
}

const YEAR_OR_PERIOD = /^(?:19|20)\d{2}(?:\s?[/-]\s?\d{2,4})?$|^\d{2}[/-]\d{2}$/;
/** Figures inside measure text: with a unit, a sign of a target ("85%+", "<20%"), or a count of something named. */
const COUNTED = [
  'per\\s(?:100k|100,000|1000|1,000)', 'days', 'weeks', 'months', 'mph', 'kt', 'points', 'tonnes', 'places', 'units',
  'jobs', 'businesses', 'start-ups', 'families', 'attendances', 'bus journeys',
  'additional (?:homes|premises|private sector jobs)',
];
const FIGURE_IN_TEXT = new RegExp(
  '(?<![\\w/.£-])([<>≤≥]\\s?|c(?=\\d))?(£?\\d[\\d,]*(?:\\.\\d+)?)(\\s?(?:%|bn|m|k|million|billion)(?![a-z]))?(\\+)?' +
    `(\\s(?:${COUNTED.join('|')}))?(?![\\w/-]*\\d)`,
  'gi',
);
/** Numbers that label rather than measure: key stages, levels, ages, tiers, priorities. */
const LABEL_BEFORE =
  /(?:key stage|level|ks|age|aged|under|tier|priority|priorities|article|section|stage|junction|room|phase|top)\s*$/i;

/** Targets (and "from ..." baselines) printed in a measure's text, each with the period the text gives it. */
function figuresIn(text: string, fallback: string): { targets: KpiPoint[]; values: KpiPoint[] } {
  const targets: KpiPoint[] = [];
  const values: KpiPoint[] = [];
  for (const m of text.matchAll(FIGURE_IN_TEXT)) {
    const printed = m[0].trim();
    const number = m[2]!;
    const before = text.slice(0, m.index);
    const hasUnit = Boolean(m[3] || m[5] || m[1] || m[4] || number.startsWith('£')) || /\bto\s*$/i.test(before);
    if (!hasUnit || YEAR_OR_PERIOD.test(number) || LABEL_BEFORE.test(before)) continue;
    const sentence = text.slice(m.index).split(/(?<=\.)\s/)[0] ?? '';
    const by =
      /\b(?:by|in|until|to)\s+((?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+)?(?:19|20)\d{2}(?:\/\d{2})?)\b/i.exec(
        sentence,
      );
    const period = by ? by[0] : fallback;
    (/\bfrom\s*$/i.test(before) ? values : targets).push({
      period: /\bfrom\s*$/i.test(before) ? 'baseline' : period,
      value: kpiValue(printed),
      printed,
    });
  }
  return { targets, values };
}

/** Footnote markers in a measure: superscript digits and a digit after a closing full stop ("£23bn.1"). */
const footnotesIn = (text: string) => [
  ...[...text.matchAll(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g)].map((m) => SUPERSCRIPT[m[0]]!),
  ...[...text.matchAll(/([A-Za-z%)])\.(\d)(?=\s|$)/g)].map((m) => m[2]!),
];

/** A measure's direction from the verb it starts with ("Reduce % of ... landfilled"), else from the priority's name. */
function directionOfMeasure(name: string, definition: string): Direction {
  const first = definition.split(/(?<=\.)\s/)[0] ?? '';
  return DIRECTIONS.slice(0, 2).find(([re]) => re.test(first))?.[1] ?? guessDirection(name);
}

/** Rows of a strategic plan's priority table: one per priority, its measure text as the definition. */
function measureRows(table: Table, context: KpiContext): KpiRow[] {
  const labels = columnLabels(table);
  const measureCol = labels.findIndex((l) => MEASURE_COLUMN.test(l));
  const fallback = context.period ?? 'plan period';
  return priorities(dataRows(table)).flatMap((p) => {
    const name = p.cells[0]?.trim().replace(/\s+/g, ' ') ?? '';
    const definition = p.cells[measureCol]?.trim().replace(/\s+/g, ' ') ?? '';
    if (!name || !definition) return [];
    const { targets, values } = figuresIn(definition, fallback);
    const footnotes = footnotesIn(`${name} ${definition}`);
    return [
      {
        name,
        definition,
        unit: guessUnit(
          name,
          [...targets, ...values].map((t) => t.printed),
        ),
        values,
        targets,
        comparators: [],
        source: sourceOf(context),
        direction: directionOfMeasure(name, definition),
        line: p.line,
        ...(footnotes.length ? { footnotes } : {}),
        ...(p.setAside.length ? { setAside: p.setAside } : {}),
      },
    ];
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Editions

/**
 * A KPI edition for the content file, or null when the row prints no value (a target-only measure): the schema
 * needs at least one value, and an indicator without one is for a person to complete.
 */
export function toKpiEdition(row: KpiRow, document: string, edition: string): KpiEdition | null {
  if (row.values.length === 0) return null;
  const { name, definition, unit, values, targets, comparators, source } = row;
  return { document, edition, name, definition, unit, values, targets, comparators, source };
}
