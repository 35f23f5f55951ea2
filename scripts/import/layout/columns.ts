/**
 * Tables in a positioned source (a PDF), found from where the text sits rather than from TABs: columns are the
 * vertical channels of white space that run down a stretch of lines, so a cell that wraps onto three lines stays one
 * cell, right-aligned figures line up under their heading, and a table broken by a page (its header printed again,
 * a running head between) is one table. A list ("1. Apologies", "• Item") and a line with an action owner at its
 * right margin are not tables.
 */
import { ACTION_OWNER, CELL_CONTINUES } from '../house-style';
import type { Line } from '../read/line';
import { printed } from '../read/markup';
import { parseNumber } from './figures';
import type { Table } from './table';

type Piece = NonNullable<Line['pieces']>[number];

/** A gap between two pieces this many font sizes wide or more separates columns. */
const COLUMN_GAP = 1.0;
/** A channel narrower than this (in points) is the space between words, not between columns. */
const CHANNEL = 6;
/** A list marker printed apart from its text ("1.", "(a)", "•"). */
const MARKER = /^(?:\(?\d{1,3}[a-z]?[.)]?|\(?[a-z]{1,3}[.)]|\(?[ivx]{1,4}[.)]|[•·▪‣◦*-])$/i;

/** A line's pieces: as the reader kept them, or the line as one piece. */
const piecesOf = (line: Line): Piece[] =>
  line.pieces ?? (line.x !== undefined && line.end !== undefined ? [{ text: line.text.replace(/\t/g, ' '), x: line.x, end: line.end }] : []);

/** Whether a line reads as a row of a table: two or more pieces with a column's gap between them, not a list item. */
function isRow(line: Line): boolean {
  const pieces = piecesOf(line);
  if (pieces.length < 2) return false;
  const size = line.size ?? 10;
  const wide = pieces.slice(1).filter((p, i) => p.x - pieces[i]!.end >= size * COLUMN_GAP).length;
  if (wide === 0) return false;
  // A marker at a tab stop starts a list item; one a column's width away is a cell ("20 | 19 - EBLN data").
  if (pieces.length === 2 && MARKER.test(pieces[0]!.text) && pieces[1]!.x - pieces[0]!.end < size * 6) return false;
  if (pieces.length === 2 && ACTION_OWNER.test(pieces[1]!.text)) return false;
  return true;
}

/** Whether a line prints figures in a column after its first: a row of data. */
const hasFigures = (line: Line): boolean => piecesOf(line).slice(1).some((p) => parseNumber(p.text) !== null);

/** The stretches of lines that hold tables: from a row to the last row after it, across blank lines and furniture. */
function regions(lines: readonly Line[], skip: ReadonlySet<number>): Array<{ from: number; to: number }> {
  const out: Array<{ from: number; to: number }> = [];
  let i = 0;
  while (i < lines.length) {
    if (skip.has(lines[i]!.n) || !isRow(lines[i]!)) {
      i++;
      continue;
    }
    const left = lines[i]!.x ?? 0;
    // Where the rows so far print a column other than the first: a line that starts there is inside the table.
    const columns = new Set(piecesOf(lines[i]!).slice(1).map((p) => Math.round(p.x)));
    let last = i;
    let rows = 1;
    // Lines of text since the last row; blank lines and page furniture (a page break inside the table) do not count.
    let since = 0;
    let blanks = 0;
    for (let k = i + 1; k < lines.length; k++) {
      const line = lines[k]!;
      if (skip.has(line.n)) continue;
      if (line.text.trim() === '') {
        if (++blanks > 4) break;
        continue;
      }
      // A header in bold after rows of figures starts another table, unless it is this table's header printed again.
      if (line.bold && !hasFigures(line) && hasFigures(lines[last]!) && line.text !== lines[i]!.text) break;
      // Inside a table, a line whose pieces start where the rows' columns do is a row, however narrow its gaps.
      const aligned = piecesOf(line).length > 1 && piecesOf(line).slice(1).every((p) => [...columns].some((c) => Math.abs(c - p.x) <= 4));
      if (isRow(line) || aligned) {
        for (const p of piecesOf(line).slice(1)) columns.add(Math.round(p.x));
        rows++;
        last = k;
        since = 0;
        blanks = 0;
        continue;
      }
      // A line of one piece continues the table when it starts where a column right of the first does, or is a short
      // wrap of the first column; a long line at the left margin is the text after the table.
      const x = line.x ?? 0;
      const inColumn = x > left + 20 && [...columns].some((c) => Math.abs(c - x) <= 4);
      const text = printed(line.text);
      const next = lines.slice(k + 1, k + 6).find((l) => l.text.trim() !== '' && !skip.has(l.n));
      // After a blank line, text at the left margin is the table's end unless a row follows straight after it.
      const nextIsRow = next !== undefined && isRow(next) && next.n === line.n + 1;
      const wrap = since < 2 && (!line.bold || nextIsRow) && (blanks > 0 ? nextIsRow : text.length <= 40 || nextIsRow);
      if (inColumn || (wrap && since < 3)) {
        last = k;
        since++;
        blanks = 0;
        continue;
      }
      break;
    }
    if (rows >= 2) out.push({ from: i, to: last + 1 });
    i = last + 1;
  }
  return out;
}

/** Column boundaries: channels of white space that no line's pieces cross, but for the table's header lines. */
function columnStarts(lines: readonly Line[]): number[] {
  const pieces = lines.flatMap(piecesOf).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.end));
  if (pieces.length === 0) return [];
  // A header spans the columns it names ("Outturn vs Current Budget" over two), on the first lines and again where a
  // page break prints it again: its lines may cross a channel; no other line may.
  const top = lines.findIndex((l) => !l.bold);
  const header = new Set(lines.slice(0, top < 0 ? 0 : Math.min(top, 5)).map((l) => l.text));
  const spans = lines
    .filter((l) => !header.has(l.text))
    .flatMap(piecesOf)
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.end))
    .map((p) => [Math.floor(p.x), Math.ceil(p.end)] as const)
    .sort((x, y) => x[0] - y[0]);
  const starts = [Math.floor(Math.min(...pieces.map((p) => p.x)))];
  let reach = spans[0]?.[1];
  for (const [from, to] of spans.slice(1)) {
    // A gap between what the lines print, wide enough not to be the space between words, is a channel.
    if (reach !== undefined && from - reach >= CHANNEL) starts.push(reach + Math.floor((from - reach) / 2));
    reach = Math.max(reach ?? to, to);
  }
  return starts;
}

const columnOf = (starts: readonly number[], p: Piece) => {
  const centre = (p.x + p.end) / 2;
  let c = 0;
  while (c + 1 < starts.length && starts[c + 1]! <= centre) c++;
  return c;
};

/**
 * A piece printed across a column boundary (two cells the PDF set too close to tell apart) split at the word nearest
 * the boundary, its words placed by their share of the piece's width.
 */
function splitAcross(p: Piece, starts: readonly number[]): Piece[] {
  const boundary = starts.find((b) => b > p.x + 4 && b < p.end - 4);
  if (boundary === undefined) return [p];
  const perChar = (p.end - p.x) / Math.max(1, p.text.length);
  const words = [...p.text.matchAll(/\S+/g)];
  const at = words.findIndex((w) => p.x + w.index * perChar >= boundary - perChar * 2);
  if (at <= 0) return [p];
  const cut = words[at]!.index;
  const left: Piece = { text: p.text.slice(0, cut).trim(), x: p.x, end: p.x + cut * perChar };
  const right: Piece = { text: p.text.slice(cut).trim(), x: p.x + cut * perChar, end: p.end };
  return [left, ...splitAcross(right, starts)];
}

/** A line's text in one column: what it prints there, and where. */
interface Cell {
  text: string;
  x: number;
  end: number;
}

/** The cells of one line by column; undefined where the line prints nothing. */
function cellsOf(line: Line, starts: readonly number[]): Array<Cell | undefined> {
  const cells: Array<Cell | undefined> = starts.map(() => undefined);
  for (const p of piecesOf(line).flatMap((x) => splitAcross(x, starts))) {
    const c = columnOf(starts, p);
    const had = cells[c];
    cells[c] = had ? { text: `${had.text} ${p.text}`, x: had.x, end: p.end } : { ...p };
  }
  return cells;
}

/** How a line relates to the row above it: the start of a new row, or the wrap of its cells. */
type Sign = 'new' | 'wrap' | 'none';

/**
 * Whether a line starts a new row, from how text wraps. A cell has no holes, so a column that prints again after a
 * line without it starts a new row. A cell's text runs on when the line above ends on a joining word or mark, or this
 * one starts in lower case. Otherwise each column votes: a first word that would have fitted on the line above says
 * the line was broken on purpose (a new row), one that could not have fitted says the text wrapped.
 */
function signOf(cells: ReadonlyArray<Cell | undefined>, above: ReadonlyArray<Cell | undefined>, row: readonly string[], limits: readonly number[], size: number): Sign {
  let fitted = 0;
  let wrapped = 0;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (!cell) continue;
    const before = above[c];
    if (!before) {
      if (row[c]) return 'new';
      continue;
    }
    if (CELL_CONTINUES.test(before.text) || /^\p{Ll}/u.test(cell.text)) return 'wrap';
  }
  // A line that prints in every column the line above did is a record of its own, as in a list of names and
  // initials; a row's wrapped lines leave its short columns empty. A label the line above printed ("Present:") aside.
  const parallel = above.every((before, c) => !before || cells[c] || (c === 0 && /:$/.test(before.text)));
  if (parallel && cells.filter(Boolean).length >= 2) return 'new';
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    const before = above[c];
    if (!cell || !before) continue;
    const first = /^\S+/.exec(cell.text)?.[0] ?? '';
    const perChar = (before.end - before.x) / Math.max(1, before.text.length);
    if (before.end + perChar * (first.length + 1) <= limits[c]! - size * 0.2) fitted++;
    else wrapped++;
  }
  return fitted > wrapped ? 'new' : wrapped > 0 ? 'wrap' : 'none';
}

/**
 * One region as a table. Rows start where the first column starts a new entry; when a table separates its rows by
 * space (a column, such as a date, is printed only on the first line of each row, after a gap), rows start after a gap.
 */
function tableOf(lines: readonly Line[], from: number, to: number, skip: ReadonlySet<number>): Table | undefined {
  const own = lines.slice(from, to).filter((l) => !skip.has(l.n) && l.text.trim() !== '');
  const starts = columnStarts(own);
  if (starts.length < 2) return undefined;
  const gapBefore = new Set<Line>();
  const afterBlank = new Set<Line>();
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (line.text.trim() === '' || skip.has(line.n)) continue;
    const previous = lines.slice(from, i).reverse().find((l) => !skip.has(l.n));
    if (previous?.text.trim() === '') afterBlank.add(line);
    // After a gap, or right under a header printed in bold: where a row can start in a table spaced by gaps.
    if (i === from || afterBlank.has(line) || (previous?.bold && !line.bold)) gapBefore.add(line);
  }
  const cells = new Map(own.map((l) => [l, cellsOf(l, starts)]));
  const text = (l: Line) => cells.get(l)!.map((c) => c?.text ?? '');
  // How far text may run in each column: to its widest line, or to just before the next column's text.
  const limits = starts.map((_, c) => {
    const inColumn = own.flatMap((l) => cells.get(l)![c] ?? []);
    const next = own.flatMap((l) => cells.get(l)![c + 1] ?? []);
    const widest = Math.max(...inColumn.map((x) => x.end));
    return next.length ? Math.max(widest, Math.min(...next.map((x) => x.x)) - (own[0]!.size ?? 10) * 1.2) : widest;
  });
  // A column printed only on lines after a gap (two gaps at least, header aside) marks each row's first line.
  const plain = own.filter((l) => !l.bold);
  const keyed = starts.some((_, c) => {
    const filled = plain.filter((l) => cells.get(l)![c]);
    return filled.filter((l) => afterBlank.has(l)).length >= 2 && filled.every((l) => gapBefore.has(l)) && filled.length < plain.length;
  });
  const rows: Array<{ cells: string[]; lines: Line[] }> = [];
  const headerKey = own[0] && own[0].bold ? text(own[0]).join('|') : undefined;
  let above: ReadonlyArray<Cell | undefined> = [];
  for (const line of own) {
    const c = text(line);
    // The header printed again on a new page is a row of its own; what follows it continues the row before it.
    const last = rows[rows.length - 1];
    const repeatedHead = last && last.lines.length === 1 && last.cells.join('|') === headerKey && rows.length > 1;
    const current = repeatedHead ? rows[rows.length - 2] : last;
    const sign = current && !repeatedHead ? signOf(cells.get(line)!, above, current.cells, limits, line.size ?? 10) : 'none';
    const continuesFirst = current && CELL_CONTINUES.test(current.cells[0]!.trim());
    const startsRow =
      !current ||
      (keyed
        ? gapBefore.has(line) && c[0] !== ''
        : sign === 'new' || (sign === 'none' && c[0] !== '' && !continuesFirst && (isRow(line) || gapBefore.has(line))));
    if (startsRow || (headerKey && c.join('|') === headerKey)) rows.push({ cells: [...c], lines: [line] });
    else {
      current!.lines.push(line);
      c.forEach((t, k) => {
        if (t) current!.cells[k] = current!.cells[k] ? `${current!.cells[k]} ${t}` : t;
      });
    }
    above = cells.get(line)!;
  }
  // The header: the leading rows printed in bold, or a first row with no figures above rows with figures.
  const bold = (r: { lines: Line[] }) => r.lines.every((l) => l.bold);
  // A row of figures is data even in bold (a total); a table all in bold, figures or not, has no header to tell.
  const data = (r: { cells: string[] }) => r.cells.slice(1).filter((x) => parseNumber(x) !== null || /^[-–—]$/.test(x.trim())).length >= Math.max(1, (r.cells.length - 1) / 2);
  let heads = 0;
  while (heads < rows.length - 1 && bold(rows[heads]!) && !data(rows[heads]!)) heads++;
  if (rows.slice(heads).every((r) => bold(r) && !data(r))) heads = 0;
  // A table of labels and values ("DATE: | 5 JUNE 2026") has no header row.
  const labelled = rows.filter((r) => /:$/.test(r.cells[0]!.trim())).length >= rows.length / 2;
  if (heads === 0 && !labelled && rows.length > 1 && !data(rows[0]!) && rows.slice(1).some(data)) heads = 1;
  const head = rows.slice(0, heads);
  const body = rows.slice(heads);
  if (body.length === 0) return undefined;
  // The header printed again at the top of the next page stays (every word is kept), marked as not data.
  const key = (r: { cells: string[] }) => r.cells.join('|');
  const repeated = body.filter((r) => head.some((h) => key(h) === key(r)));
  const all = lines.slice(from, to);
  return {
    head: head.map((r) => r.cells),
    body: body.map((r) => r.cells),
    rowLines: body.map((r) => r.lines[0]!.n),
    start: all[0]!.n,
    end: all[all.length - 1]!.n,
    kind: 'tab',
    ...(head.length ? { headLines: head.map((r) => r.lines[0]!.n) } : {}),
    ...(repeated.length ? { notData: repeated.map((r) => ({ line: r.lines[0]!.n, reason: 'repeated-head' as const })) } : {}),
    furniture: all.filter((l) => l.text.trim() === '' || skip.has(l.n)),
    lines: all,
  };
}

/** The tables of a positioned source's lines. `skip` holds the line numbers of page furniture. */
export function positionedTables(lines: readonly Line[], skip: ReadonlySet<number> = new Set()): Table[] {
  return regions(lines, skip).flatMap((r) => tableOf(lines, r.from, r.to, skip) ?? []);
}
