/**
 * Tables found in a source, as one shape: tab-separated runs, markdown pipe tables and HTML table fragments here, and
 * a PDF's tables from where its text sits (`columns.ts`). Pure functions only: lines in, tables out; their figures
 * are read in `figures.ts` and their printed totals checked in `totals.ts`.
 *
 * Tab tables. The PDF-to-Markdown tool writes a table row as one line with a tab between cells; `toLines` has
 * already trimmed trailing whitespace, so a row whose last cells were empty keeps fewer tabs, and a row with only
 * its first cell filled ("Pooled Budget", "<u>Activity in 2009/10</u>") keeps none. The rule, in order:
 *
 * 1. A block is a run of consecutive non-blank lines holding at least one tab line. Every line of it is a row:
 *    a tab line is split on tabs, a line without tabs is a one-cell row. A line whose cells are only dashes
 *    ("---\t-----") is a separator row: furniture, not data.
 * 2. Blocks join across a gap of at most 4 lines that holds only blank lines or lines without words (a table broken
 *    by blank lines or a page break), or across a gap that holds exactly one short line (at most 60 characters, not
 *    numbered, no closing punctuation, blank lines round it) when the widest rows of both parts have the same number
 *    of cells: a page or section heading printed inside a table ("Appendix Two", "Staff Wellbeing"). That line is
 *    kept as a one-cell row, listed in `notData`; so are up to two footnotes ("⁶ BCF targets are ...") printed at
 *    the foot of a page that breaks a table. (Widths are unreliable after trailing empty cells are trimmed, so
 *    a heading between parts of different widths ends the table and becomes the next part's caption instead.)
 * 3. The joined run is a table when it has at least two tab rows, or one tab row and a separator row, or one tab row
 *    of four or more short labels (the header of a table printed empty). A single tab line between prose
 *    ("1. Minutes of the meeting ...\t(Pages 5 - 10)") is not a table; neither is a run in which most rows are
 *    numbered items with nothing else in them (the agenda: "<u>Item</u>\t<u>Report by</u>" then "2. Question Time.").
 *
 * Cells are plain text: HTML fragments inside a cell (`<p>`, `<ul>`, `<table>` ...) become text with every word kept,
 * paragraph and list breaks as newlines, ticked and empty checkboxes as ☑ and ☐. The lines themselves are kept in
 * `lines`, so every character can be recovered; lines inside the table that are not rows (blank lines, separators)
 * are listed in `furniture` and hold no words.
 */
import { htmlToText } from '../read/html-fragment';
import type { Line, SourceLine } from '../read/line';
import { positionedTables } from './columns';
import { cellFigures, parseNumber } from './figures';
import type { Table } from './table';

// ---------------------------------------------------------------------------------------------------------------
// Tab tables: lines to runs

type LineKind = 'blank' | 'sep' | 'tab' | 'text';

const WORD = /[\p{L}\p{N}]/u;
const SEPARATOR_CELL = /^\s*:?-{2,}:?\s*$/;

/** What a line is, for table finding: a line without a letter or digit is blank. */
function lineKind(text: string): LineKind {
  if (text.includes('\t')) {
    const cells = text.split('\t');
    return cells.every((c) => c.trim() === '' || SEPARATOR_CELL.test(c)) && cells.some((c) => c.trim()) ? 'sep' : 'tab';
  }
  return WORD.test(text) ? 'text' : 'blank';
}

/** Positions (indexes into the line array) of one candidate table and of the lines that join its parts. */
interface Run {
  from: number;
  to: number;
  interruptions: number[];
}

const width = (lines: SourceLine[], run: Run) =>
  Math.max(
    0,
    ...lines
      .slice(run.from, run.to + 1)
      .filter((l) => lineKind(l.text) === 'tab')
      .map((l) => l.text.split('\t').length),
  );

/** Maximal runs of non-blank lines that hold a tab line. */
function blocks(kinds: LineKind[]): Run[] {
  const runs: Run[] = [];
  let from = -1;
  kinds.forEach((kind, i) => {
    if (kind !== 'blank' && from < 0) from = i;
    const endsHere = kind !== 'blank' && (i === kinds.length - 1 || kinds[i + 1] === 'blank');
    if (endsHere) {
      if (kinds.slice(from, i + 1).some((k) => k === 'tab' || k === 'sep'))
        runs.push({ from, to: i, interruptions: [] });
      from = -1;
    }
  });
  return runs;
}

const MAX_BLANK_GAP = 4;
const NUMBERED_HEADING = /^\d+(?:\.\d+)*\.?\s/;
/** A footnote printed at the foot of a page: "⁶ BCF targets are currently shorter term ...". */
const FOOTNOTE = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s/;

/** Whether two runs are one table broken by blank lines or by a page heading (rule 2 above). */
function joins(lines: SourceLine[], kinds: LineKind[], a: Run, b: Run): number[] | null {
  const gap = kinds.slice(a.to + 1, b.from);
  const texts = gap.flatMap((k, i) => (k === 'text' ? [a.to + 1 + i] : []));
  const [wa, wb] = [width(lines, a), width(lines, b)];
  if (texts.length === 0) return gap.length <= MAX_BLANK_GAP ? [] : null;
  const footnotes = texts.every((i) => FOOTNOTE.test(lines[i]!.text.trim()));
  if (footnotes) return texts.length <= 2 && gap.length <= MAX_BLANK_GAP + 2 && wa === wb ? texts : null;
  const heading = lines[texts[0]!]!.text.trim();
  const short = heading.length <= 60 && !/[.:;,]$/.test(heading) && !NUMBERED_HEADING.test(heading);
  return texts.length === 1 && short && gap.length <= MAX_BLANK_GAP + 1 && wa === wb ? texts : null;
}

/** Runs joined across gaps. */
function joinRuns(lines: SourceLine[], kinds: LineKind[], runs: Run[]): Run[] {
  const joined: Run[] = [];
  for (const run of runs) {
    const last = joined[joined.length - 1];
    const through = last ? joins(lines, kinds, last, run) : null;
    if (last && through)
      joined[joined.length - 1] = {
        from: last.from,
        to: run.to,
        interruptions: [...last.interruptions, ...through, ...run.interruptions],
      };
    else joined.push(run);
  }
  return joined;
}

const splitCells = (text: string) => text.split('\t').map(htmlToText);
export const filled = (row: string[]) => row.filter((c) => c.trim() !== '');
const NUMBERED_ITEM = /^\d+[.)]\s/;

/** Rule 3: enough of a table to be one, and not a numbered list that happens to hold a tab. */
function isTable(lines: SourceLine[], kinds: LineKind[], run: Run): boolean {
  const rows = lines
    .slice(run.from, run.to + 1)
    .filter((_, i) => kinds[run.from + i] === 'tab' || kinds[run.from + i] === 'text')
    .map((l) => splitCells(l.text));
  const tabRows = kinds.slice(run.from, run.to + 1).filter((k) => k === 'tab').length;
  const listItems = rows.slice(1).filter((r) => filled(r).length === 1 && NUMBERED_ITEM.test(r[0] ?? '')).length;
  if (listItems * 2 > rows.length - 1) return false;
  if (tabRows >= 2) return true;
  if (kinds.slice(run.from, run.to + 1).includes('sep')) return true;
  const only = rows.find((r) => filled(r).length > 1) ?? [];
  return rows.length === 1 && filled(only).length >= 4 && filled(only).every((c) => c.length <= 40 && !hasFigure(c));
}

// ---------------------------------------------------------------------------------------------------------------
// Header rows, repeated headers, captions

const PERIOD = /\b(?:(?:19|20)\d{2}|\d{2})\s?[/-]\s?(?:(?:19|20)?\d{2})\b|\b(?:19|20)\d{2}\b/;
/** Words a period heading may hold besides the period: months, "to", "Target", a money scale. */
const PERIOD_WORDS = new RegExp(
  `\\b(?:${[
    'apr(?:il)?', 'may', 'june?', 'july?', 'aug(?:ust)?', 'sept?(?:ember)?', 'oct(?:ober)?', 'nov(?:ember)?',
    'dec(?:ember)?', 'jan(?:uary)?', 'feb(?:ruary)?', 'mar(?:ch)?', 'to', 'q[1-4]', 'quarter', 'year', 'targets?',
    'baseline', 'actual', 'forecast', "£'?000s?", '000s', "£'s",
  ].join('|')})\\b`,
  'gi',
);

/** A column label that names a period ("2013/14", "Apr to Mar 2011/12", "Target 11/12", "2010/11 £000s"). */
export const isPeriodLabel = (cell: string): boolean =>
  PERIOD.test(cell) && !/\d/.test(cell.replace(new RegExp(PERIOD.source, 'g'), '').replace(PERIOD_WORDS, ''));

/** A cell that prints a figure: a number, or text that starts with one ("5 (07/08)", "21% reduction"). */
export function hasFigure(cell: string): boolean {
  const text = cell.trim();
  if (isPeriodLabel(text)) return false;
  return (
    parseNumber(text) !== null ||
    cellFigures(text).length > 0 ||
    /^[<>≤≥]?[-(]?£?\d[\d,]*(\.\d+)?%?(\s|$|\*)/.test(text)
  );
}

/** Words that head a column in the packs' text tables. */
const HEADER_WORDS = new RegExp(
  `^(?:${[
    'item', 'ref', 'name', 'position', 'date', 'description', 'comments?', 'details?', 'activity', 'timescale',
    'status', 'risk', 'priority', 'priorities', 'objective', 'measure(?:d by)?', 'agency', 'authority', 'area',
    'service', 'programme', 'projects?', 'component', 'owner', 'lead', 'yes/no', 'references', 'total', 'target',
    'key challenge', 'development area', 'equality objective', 'action', 'officer responsible', 'by when',
    'signature', 'challenges / risks',
  ].join('|')})\\b`,
  'i',
);

/** Whether a row reads as column labels: two or more short cells, none a figure, not a numbered entry ("1."). */
const isLabelRow = (row: string[]) =>
  filled(row).length >= 2 &&
  !/^\d+(\.\d+)*\.?$/.test(row[0]?.trim() ?? '') &&
  filled(row).every((c) => !hasFigure(c) && c.length <= 80);

/** All filled cells in capitals ("OTHER IMPLICATIONS", "PRIORITY"): how these packs print column headings. */
const isCapsRow = (row: string[]) => filled(row).every((c) => /[A-Z]{2}/.test(c) && c === c.toUpperCase());

/** A table of figures: at least half its rows after the first print a figure after the label. */
const isNumeric = (rows: string[][]) =>
  rows.slice(1).filter((r) => r.slice(1).some(hasFigure)).length * 2 >= rows.length - 1 && rows.length > 1;

/** Whether row `n` can be a header row: a label row, or a one-cell title row above every label row. */
const isHeadRow = (rows: string[][], n: number) =>
  filled(rows[n]!).length <= 1 ? !rows.slice(0, n).some((r) => filled(r).length > 1) : isLabelRow(rows[n]!);

/**
 * Header rows. In a table of figures (half its rows print one): the label rows above the first row with a figure,
 * with any one-cell title row above them ("Pooled Budget"), at most five rows. In a table of text: the first row,
 * when its cells are short labels and one of them is a usual column heading ("Ref", "Name", "Development area") or
 * all of them are in capitals ("PRIORITY", "OTHER IMPLICATIONS").
 */
function headCount(rows: string[][]): number {
  const firstData = isNumeric(rows) ? rows.findIndex((r) => r.slice(1).some(hasFigure)) : -1;
  if (firstData > 0) {
    let n = 0;
    while (n < Math.min(firstData, 5) && isHeadRow(rows, n)) n++;
    return rows.slice(0, n).some(isLabelRow) ? n : 0;
  }
  const first = rows[0] ?? [];
  const named = filled(first).some((c) => HEADER_WORDS.test(c)) || isCapsRow(first);
  return isLabelRow(first) && filled(first).every((c) => c.length <= 60) && named ? 1 : 0;
}

const rowKey = (row: string[]) => filled(row).join('\u0000').toLowerCase().replace(/\s+/g, ' ');

/** Lines that are print furniture or contact details, never a caption. */
const NOT_CAPTION =
  /^\W*(?:draft|this page is intentionally left blank|page \d+)\W*$|@|\b0\d{3,4} ?\d{3} ?\d{3,4}\b|\d{6,}|^[(⁰¹²³⁴⁵⁶⁷⁸⁹*•·-]/i;

/** A heading: short, starting with a capital or a section number, without closing punctuation. */
const isCaption = (text: string) =>
  text.length <= 100 &&
  /^[A-Z0-9]/.test(text) &&
  !/[.,;:]$|:-$/.test(text) &&
  !/^\d+$/.test(text) &&
  !NOT_CAPTION.test(text);

/** A lead-in sentence between a heading and its table ("Performance against ... to date:-"), or a paragraph. */
const isLeadIn = (text: string) => text.length > 100 || /[:]-?$/.test(text);

/**
 * The heading printed above a table: the nearest line above it when that is a heading, looking past lead-in
 * sentences and paragraphs (up to four lines of text); none when something else comes first.
 */
function captionOf(lines: SourceLine[], from: number): { caption: string; line: number } | undefined {
  let seen = 0;
  for (let i = from - 1; i >= 0 && seen < 4; i--) {
    const text = htmlToText(lines[i]!.text);
    if (lines[i]!.text.includes('\t')) return undefined;
    if (!WORD.test(text)) continue;
    seen++;
    if (isCaption(text)) return withParent(lines, i, text);
    if (!isLeadIn(text)) return undefined;
  }
  return undefined;
}

/** A short caption ("Core Funding") with the heading just above it ("Youth Offending Service Budget for 2015/16"). */
function withParent(lines: SourceLine[], at: number, caption: string): { caption: string; line: number } {
  let i = at - 1;
  while (i >= 0 && !WORD.test(lines[i]!.text)) i--;
  const above = i >= 0 ? htmlToText(lines[i]!.text) : '';
  const join =
    caption.length <= 30 &&
    at - i <= 2 &&
    above.length <= 60 &&
    isCaption(above) &&
    above !== caption &&
    !lines[i]!.text.includes('\t');
  return { caption: join ? `${above} – ${caption}` : caption, line: lines[at]!.n };
}

// ---------------------------------------------------------------------------------------------------------------
// Building tables

/** A table from a run of lines. */
function tabTable(lines: SourceLine[], kinds: LineKind[], run: Run): Table {
  const span = lines.slice(run.from, run.to + 1);
  const rowAt = span.flatMap((line, i) =>
    kinds[run.from + i] === 'tab' || kinds[run.from + i] === 'text' ? [line] : [],
  );
  const rows = rowAt.map((l) => splitCells(l.text));
  const n = headCount(rows);
  const headKeys = new Set(
    rows
      .slice(0, n)
      .filter((r) => filled(r).length > 1)
      .map(rowKey),
  );
  const interruptions = new Set(run.interruptions.map((i) => lines[i]!.n));
  const notData = rowAt.slice(n).flatMap((line, i): NonNullable<Table['notData']> => {
    if (interruptions.has(line.n)) return [{ line: line.n, reason: 'interruption' }];
    return headKeys.has(rowKey(rows[n + i]!)) ? [{ line: line.n, reason: 'repeated-head' }] : [];
  });
  const caption = captionOf(lines, run.from);
  return {
    kind: 'tab',
    head: rows.slice(0, n),
    headLines: rowAt.slice(0, n).map((l) => l.n),
    body: rows.slice(n),
    rowLines: rowAt.slice(n).map((l) => l.n),
    start: span[0]!.n,
    end: span[span.length - 1]!.n,
    ...(caption ? { caption: caption.caption, captionLine: caption.line } : {}),
    furniture: span.filter((_, i) => kinds[run.from + i] === 'blank' || kinds[run.from + i] === 'sep'),
    notData,
    lines: span,
  };
}

/** Tab-separated tables (see the rule at the top of this file). */
function tabTables(lines: SourceLine[]): Table[] {
  const kinds = lines.map((l) => lineKind(l.text));
  return joinRuns(lines, kinds, blocks(kinds))
    .filter((run) => isTable(lines, kinds, run))
    .map((run) => tabTable(lines, kinds, run));
}

const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_SEPARATOR = /^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*\|?\s*$/;

/** Cells of a markdown pipe row; `\|` is a pipe inside a cell. */
const pipeCells = (text: string) =>
  text
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => htmlToText(c.replace(/\\\|/g, '|')));

/** Markdown pipe tables: two or more `| a | b |` lines; a `|---|---|` row after the first makes it the header. */
function markdownTables(lines: SourceLine[]): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    let j = i;
    while (j < lines.length && PIPE_ROW.test(lines[j]!.text)) j++;
    if (j - i >= 2) tables.push(pipeTable(lines, i, j - 1));
    i = j;
  }
  return tables;
}

/** One markdown pipe table from lines `from`..`to` (indexes). */
function pipeTable(lines: SourceLine[], from: number, to: number): Table {
  const span = lines.slice(from, to + 1);
  const separator = span.findIndex((l) => PIPE_SEPARATOR.test(l.text));
  const rows = span.filter((l) => !PIPE_SEPARATOR.test(l.text));
  const n = separator === 1 ? 1 : 0;
  const caption = captionOf(lines, from);
  return {
    kind: 'markdown',
    head: rows.slice(0, n).map((l) => pipeCells(l.text)),
    headLines: rows.slice(0, n).map((l) => l.n),
    body: rows.slice(n).map((l) => pipeCells(l.text)),
    rowLines: rows.slice(n).map((l) => l.n),
    start: span[0]!.n,
    end: span[span.length - 1]!.n,
    ...(caption ? { caption: caption.caption, captionLine: caption.line } : {}),
    furniture: span.filter((l) => PIPE_SEPARATOR.test(l.text)),
    notData: [],
    lines: span,
  };
}

const ROW = /<tr\b[^>]*>([\s\S]*?)<\/tr>/gi;
const CELL = /<(t[hd])\b[^>]*>([\s\S]*?)<\/t[hd]>/gi;

/**
 * HTML `<table>` fragments on lines that are not in a tab or pipe table (those keep the fragment as cell text):
 * rows of `<th>` cells, or rows inside `<thead>`, are the header.
 */
function htmlTables(lines: SourceLine[], taken: Set<number>): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (taken.has(lines[i]!.n) || !/<table\b/i.test(lines[i]!.text)) continue;
    let j = i;
    while (j < lines.length - 1 && !/<\/table>/i.test(lines[j]!.text)) j++;
    tables.push(htmlTable(lines, i, j));
    i = j;
  }
  return tables;
}

/** One HTML table from lines `from`..`to` (indexes). */
function htmlTable(lines: SourceLine[], from: number, to: number): Table {
  const span = lines.slice(from, to + 1);
  const html = span.map((l) => l.text).join('\n');
  const headEnd = html.search(/<\/thead>/i);
  const rows = [...html.matchAll(ROW)].map((m) => ({
    at: m.index,
    cells: [...m[1]!.matchAll(CELL)].map((c) => ({ th: c[1]!.toLowerCase() === 'th', text: htmlToText(c[2]!) })),
  }));
  const isHead = (r: (typeof rows)[number]) => (headEnd >= 0 ? r.at < headEnd : r.cells.every((c) => c.th));
  const n = rows.findIndex((r) => !isHead(r));
  const split = n < 0 ? rows.length : n;
  const lineOf = (at: number) => span[html.slice(0, at).split('\n').length - 1]!.n;
  const caption = captionOf(lines, from);
  return {
    kind: 'html',
    head: rows.slice(0, split).map((r) => r.cells.map((c) => c.text)),
    headLines: rows.slice(0, split).map((r) => lineOf(r.at)),
    body: rows.slice(split).map((r) => r.cells.map((c) => c.text)),
    rowLines: rows.slice(split).map((r) => lineOf(r.at)),
    start: span[0]!.n,
    end: span[span.length - 1]!.n,
    ...(caption ? { caption: caption.caption, captionLine: caption.line } : {}),
    furniture: [],
    notData: [],
    lines: span,
  };
}

/** Every table in a run of lines, in source order: tab-separated, markdown pipe, and HTML `<table>` fragments. */
export function findTables(lines: readonly Line[], options: { positioned?: boolean; skip?: ReadonlySet<number> } = {}): Table[] {
  // A positioned source (a PDF) gives where each piece of text sits: its tables come from columns of white space.
  if (options.positioned) return positionedTables(lines, options.skip);
  const found = [...tabTables(lines as SourceLine[]), ...markdownTables(lines as SourceLine[])];
  const taken = new Set(found.flatMap((t) => (t.lines ?? []).map((l) => l.n)));
  return [...found, ...htmlTables(lines as SourceLine[], taken)].sort((a, b) => a.start - b.start);
}

/**
 * Column labels: the header rows' cells joined top to bottom, a label printed over empty cells to its right
 * ("Targets" over "09/10", "10/11" ...) carried across them.
 */
export function columnLabels(table: Table): string[] {
  const cols = Math.max(0, ...table.head.map((r) => r.length), ...table.body.map((r) => r.length));
  const labelled = table.head.filter((r) => filled(r).length > 1);
  const carried = labelled.map((row, depth) =>
    Array.from({ length: cols }, (_, c) => {
      if ((row[c] ?? '').trim() || depth === labelled.length - 1) return (row[c] ?? '').trim();
      let k = c;
      while (k > 0 && !(row[k] ?? '').trim()) k--;
      const below = labelled[depth + 1]?.[c]?.trim();
      return k > 0 && below ? (row[k] ?? '').trim() : '';
    }),
  );
  return Array.from({ length: cols }, (_, c) =>
    carried
      .map((r) => r[c])
      .filter(Boolean)
      .join(' '),
  );
}
