/**
 * PDF text runs to lines, from their positions alone: runs on one baseline make a line, a wide gap between runs is a
 * TAB (a table cell, a right-hand action column), a raised small run ("th" after "9") joins the number it belongs
 * to, and a tall gap between lines is a blank line (a new paragraph). Pure: the reader in `pdf.ts` supplies the runs.
 */
import type { Line } from './line';

/** One run of text as the PDF draws it, in points from the page's bottom-left corner. */
export interface TextRun {
  text: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  /** Advance width and font size. */
  width: number;
  size: number;
  bold: boolean;
}

/** A page's lines before they are numbered in the document. */
export type PageLine = Omit<Line, 'n' | 'page'> & { y: number };

/** Symbol-font bullets (private-use code points of Symbol and Wingdings) as the bullet a reader sees. */
const SYMBOL_BULLETS = /[\uF0A7\uF0B7\uF076\uF0D8\uF0FC\uF06E\uF0A8\uF0E0]/g;

/** A gap wider than this many font sizes is a column boundary, not a space between words. */
const TAB_GAP = 1.6;
/** A gap narrower than this many font sizes joins two runs without a space (one word drawn in pieces). */
const JOIN_GAP = 0.12;
/** A gap wider than this many font sizes separates two pieces of a line (more than a space between words). */
const PIECE_GAP = 0.5;

/** A stretch of a line printed without a gap wider than a word space: a table cell, or part of one. */
type Piece = NonNullable<Line['pieces']>[number];

/** A number alone at the start of a line ("10", "5a.", "18.11.1") set apart from its title by a tab stop. */
const NUMBER_ONLY = /^\(?\d{1,5}(?:\.\d{1,3})*[a-zA-Z]?[.)]?$/;
/** After such a number, a gap this many font sizes wide is the tab stop before the title. */
const NUMBER_GAP = 0.6;
/** A line further below the last than this many line heights starts a new paragraph. */
const PARAGRAPH_GAP = 1.75;
/** Running heads and footers sit in this fraction of the page's height at its top or bottom. */
const MARGIN = 0.075;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** The text of one run as a reader sees it: symbol bullets as "•", no-break spaces as spaces. */
const cleanRun = (text: string): string => text.replace(SYMBOL_BULLETS, '•').replace(/\u00A0/g, ' ');

interface Cluster {
  y: number;
  size: number;
  runs: TextRun[];
}

/**
 * Groups runs into lines by baseline. Runs of body size form lines first; a smaller run then joins the line whose
 * baseline is just below it (a superscript) or just above it (a subscript), when the line has a run ending where it
 * starts; any other run is a line of its own. Small is small for the page, or a short mark small beside the run it
 * follows: on a page of 8pt tables, the 7pt "st" raised after an 11pt "Balance at 31" is still a superscript.
 */
function clusterLines(runs: TextRun[]): Cluster[] {
  const body = median(runs.map((r) => r.size));
  const largest = Math.max(...runs.map((r) => r.size));
  // Beside a larger run: a mark of a few characters, raised or lowered, starting where the larger run ends.
  const raisedMark = (run: TextRun) =>
    run.size < largest * 0.8 &&
    run.text.trim().length <= 3 &&
    runs.some((r) => run.size < r.size * 0.8 && run.y !== r.y && Math.abs(run.y - r.y) <= r.size * 0.6 && Math.abs(r.x + r.width - run.x) <= r.size * 0.5);
  const small = (run: TextRun) => run.size < body * 0.8 || raisedMark(run);
  const clusters: Cluster[] = [];
  const byY = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  for (const run of byY.filter((r) => !small(r))) addToCluster(clusters, run);
  for (const run of byY.filter(small)) {
    const host = clusters.find(
      (c) =>
        Math.abs(run.y - c.y) <= c.size * 0.6 &&
        c.runs.some((r) => Math.abs(r.x + r.width - run.x) <= c.size * 0.5 || (run.x > r.x && run.x < r.x + r.width)),
    );
    if (host) host.runs.push(run);
    else addToCluster(clusters, run);
  }
  return clusters.sort((a, b) => b.y - a.y || (a.runs[0]?.x ?? 0) - (b.runs[0]?.x ?? 0));
}

function addToCluster(clusters: Cluster[], run: TextRun): void {
  const tolerance = (c: Cluster) => Math.max(1, Math.min(c.size, run.size) * 0.3);
  const near = clusters.find((c) => Math.abs(c.y - run.y) <= tolerance(c));
  if (near) {
    near.runs.push(run);
    if (run.size > near.size) near.size = run.size;
  } else clusters.push({ y: run.y, size: run.size, runs: [run] });
}

/** Drops a run drawn twice in the same place (text made bold by printing it twice, slightly offset). */
function withoutOverprint(runs: TextRun[]): TextRun[] {
  return runs.filter(
    (r, i) => !runs.slice(0, i).some((o) => o.text === r.text && Math.abs(o.x - r.x) < r.size * 0.2 && Math.abs(o.y - r.y) < r.size * 0.2),
  );
}

/** One line's text from its runs, left to right: a TAB at a wide gap, a space at a word gap, nothing inside a word. */
function joinRuns(cluster: Cluster): PageLine {
  const runs = [...cluster.runs].sort((a, b) => a.x - b.x);
  const space = wordGap(runs, cluster.size);
  let text = '';
  const cells: number[] = [];
  const pieces: Piece[] = [];
  let end = -Infinity;
  for (const run of runs) {
    const piece = cleanRun(run.text);
    const gap = run.x - end;
    const size = Math.max(run.size, cluster.size);
    if (text === '') cells.push(run.x);
    else if (gap > size * TAB_GAP || (NUMBER_ONLY.test(text.trimEnd()) && gap > size * NUMBER_GAP)) {
      text = `${text.trimEnd()}\t`;
      cells.push(run.x);
    } else if (gap > space && !/\s$/.test(text) && !/^\s/.test(piece)) text += ' ';
    text += text.endsWith('\t') ? piece.trimStart() : piece;
    // Pieces: what is printed with no more than a word's space between, for finding a table's columns later.
    const last = pieces[pieces.length - 1];
    if (last && gap <= size * PIECE_GAP) {
      last.text += gap > space && !/\s$/.test(last.text) && !/^\s/.test(piece) ? ` ${piece}` : piece;
      last.end = Math.max(last.end, run.x + run.width);
    } else if (piece.trim()) pieces.push({ text: piece.trim(), x: run.x, end: run.x + run.width });
    end = Math.max(end, run.x + run.width);
  }
  const visible = runs.filter((r) => r.text.trim() !== '');
  const line: PageLine = { text: text.trim(), y: cluster.y, x: runs[0]?.x ?? 0, end: Math.round(end * 10) / 10, size: cluster.size };
  if (cells.length > 1) line.cells = cells;
  if (pieces.length > 1) line.pieces = pieces.map((p) => ({ text: p.text.trim(), x: Math.round(p.x * 10) / 10, end: Math.round(p.end * 10) / 10 }));
  if (visible.length > 0 && visible.every((r) => r.bold)) line.bold = true;
  else if (visible[0]?.bold) {
    // A bold lead-in ("2643. Police Report:" then plain text): how far the bold words reach.
    const last = cleanRun(visible[visible.findIndex((r) => !r.bold) - 1]!.text).trim();
    const end = line.text.indexOf(last);
    if (end >= 0) line.boldUntil = end + last.length;
  }
  return line;
}

/**
 * The gap that separates words on a line. Usually a small fraction of the font size; but a letter-spaced heading
 * ("H E R T I N G F O R D") draws each letter as a run with a gap, and there a word gap is much wider than the gaps
 * between its letters. Only letters count: a row of figures with "-" in its empty cells ("Total  -  -  5  -") is a
 * table, whose cells must not run together.
 */
function wordGap(runs: TextRun[], size: number): number {
  const letters = runs.filter((r) => /^\p{L}$/u.test(r.text.trim())).length;
  if (runs.length < 6 || letters < runs.length * 0.6) return size * JOIN_GAP;
  const gaps = runs.slice(1).map((r, i) => r.x - (runs[i]!.x + runs[i]!.width));
  return Math.max(size * JOIN_GAP, median(gaps) * 1.8);
}

/**
 * A space the PDF prints as a run of its own, narrower than a word gap ("COVID-19", " ", "restrictions" a point apart
 * on a justified line), still ends a word: it goes on the end of the run before it. The spaces pdf.js adds for wide
 * gaps are wider than that, and there the gap itself tells where words end.
 */
function withNarrowSpaces(runs: TextRun[]): TextRun[] {
  return runs.map((run, i) => {
    const next = runs[i + 1];
    const narrowSpace =
      next !== undefined &&
      next.text !== '' &&
      next.text.trim() === '' &&
      next.width <= run.size * JOIN_GAP &&
      Math.abs(next.y - run.y) < run.size * 0.2 &&
      Math.abs(next.x - (run.x + run.width)) < run.size * JOIN_GAP;
    return narrowSpace && run.text.trim() !== '' && !/\s$/.test(run.text) ? { ...run, text: `${run.text} ` } : run;
  });
}

/**
 * A page's runs as lines, top to bottom, with a blank line (`text: ''`) wherever the gap to the line above is taller
 * than a paragraph break. Empty and space-only runs only mark gaps, which the positions already give, except a narrow
 * printed space, which ends the word before it.
 */
export function pageLines(runs: TextRun[]): PageLine[] {
  const visible = withoutOverprint(withNarrowSpaces(runs).filter((r) => r.text.trim() !== ''));
  const lines = clusterLines(visible).map(joinRuns).filter((l) => l.text !== '');
  const out: PageLine[] = [];
  for (const line of lines) {
    const above = out[out.length - 1];
    if (above && above.text !== '' && above.y - line.y > PARAGRAPH_GAP * Math.max(above.size ?? 0, line.size ?? 0)) {
      out.push({ text: '', y: (above.y + line.y) / 2 });
    }
    out.push(line);
  }
  return out;
}

/**
 * The pages' lines as one numbered document: a blank line between pages, and the line each page starts on. A page
 * with no text still has a start (the next page's first line), so page numbers stay the file's own. Lines in the
 * page's top or bottom margin are marked, for the furniture stage.
 */
export function documentLines(pages: Array<{ lines: PageLine[]; height: number }>): { lines: Line[]; pageStarts: number[] } {
  const lines: Line[] = [];
  const pageStarts: number[] = [];
  pages.forEach((page, index) => {
    if (lines.length > 0) lines.push({ n: lines.length + 1, text: '', page: index });
    pageStarts.push(lines.length + 1);
    for (const { y, ...line } of page.lines) {
      const margin = page.height - y < page.height * MARGIN ? 'top' : y < page.height * MARGIN ? 'bottom' : undefined;
      const top = Math.round((page.height - y) * 10) / 10;
      lines.push({ ...line, n: lines.length + 1, page: index + 1, ...(line.text ? { top } : {}), ...(margin && line.text ? { margin } : {}) });
    }
  });
  return { lines, pageStarts };
}
