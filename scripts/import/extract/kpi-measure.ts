/**
 * KPIs in a strategic plan's PRIORITY / PLANS/ACTIONS / MEASUREMENT/TARGETS table, whose measures are text with
 * targets inside ("Reduce adult smoking prevalence from 17.1% to 16.3%"), printed with wrapped lines, footnote
 * markers and sometimes a garbled second copy of a line from the PDF's hidden text layer (set aside, never lost).
 */
import type { KpiPoint } from '../../../src/schema';
import type { Table } from '../layout/table';
import { columnLabels } from '../layout/tables';
import { dataRows, DIRECTIONS, guessDirection, guessUnit, kpiValue, sourceOf, type Direction, type ExtractedKpiRow, type KpiContext } from './kpi-row';

/** The column of a priority table that holds the measures ("MEASUREMENT/TARGETS"). */
export const MEASURE_COLUMN = /^measure/i;

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
  setAside: NonNullable<ExtractedKpiRow['setAside']>;
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
export function measureRows(table: Table, context: KpiContext): ExtractedKpiRow[] {
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
