/**
 * The line model every reader produces, whatever the format: numbered lines of text (as kept in
 * `content/sources/<id>.txt`), with what the format told about each line (its page, bold, heading level, position).
 * Later stages read only this model, so a PDF, a Word file and a web page are structured by the same code.
 */

/** One line of a source, numbered from 1 as an editor shows it. */
export interface SourceLine {
  n: number;
  text: string;
}

/** A line with what its format says about it. Everything but `n` and `text` is optional: plain text says nothing. */
export interface Line extends SourceLine {
  /** The page it is printed on (1 = the first page of the file), for formats with pages. */
  page?: number;
  /** Printed in bold from start to end. */
  bold?: boolean;
  /** For a piece of a line cut in two (a minute that starts mid-line): where the piece starts on its line. */
  col?: number;
  /** Where a bold lead-in ends ("2643. Police Report:" then plain text): a length of `text`. */
  boldUntil?: number;
  /** Heading level the format marks (HTML h1-h6, Markdown #, Word's heading styles). */
  heading?: number;
  /** Left edge in points from the page's left margin (PDF), for indentation and columns. */
  x?: number;
  /** Right edge of the line's last run, in points (PDF): with `x`, how much of the measure the line fills. */
  end?: number;
  /** Left edge of each TAB-separated cell, in points (PDF), for aligning table columns. */
  cells?: number[];
  /** The line's pieces, split wherever the gap is wider than a space, with their left and right edges (PDF). */
  pieces?: Array<{ text: string; x: number; end: number }>;
  /** Font size in points (PDF). */
  size?: number;
  /** Distance of the baseline from the top of the page, in points (PDF). */
  top?: number;
  /** Printed in the page's top or bottom margin, where running heads and footers go (PDF). */
  margin?: 'top' | 'bottom';
}

/** Formats the importer reads. */
export const sourceFormats = ['pdf', 'docx', 'html', 'md', 'txt'] as const;
export type SourceFormat = (typeof sourceFormats)[number];

/** A source as read: its lines, its pages, and what the format says the document is about. */
export interface SourceText {
  format: SourceFormat;
  /** The extracted text: the lines' text joined by newlines, as kept in `content/sources/`. */
  text: string;
  lines: Line[];
  /** Line where each page starts (index 0 is the file's first page); empty for formats without pages. */
  pageStarts: number[];
  /** Lines that carry the file's metadata, not the document's words (Markdown front matter). */
  metadata: Array<{ line: number; printed: string }>;
  /** A date the file's metadata gives (a web page's posting date), which is not the meeting's date. */
  posted?: string;
  /** A title the file's metadata gives. */
  title?: string;
}

/** A run of consecutive non-blank lines: the unit the later stages classify. */
export interface Block<L extends SourceLine = SourceLine> {
  /** First line number. */
  start: number;
  /** Last line number. */
  end: number;
  lines: L[];
}

/** Splits text into numbered lines; Windows line endings and trailing spaces are not part of the words. */
export function toLines(text: string): Line[] {
  return text.split(/\r?\n/).map((t, i) => ({ n: i + 1, text: t.replace(/\s+$/, '') }));
}

/** Groups lines into blocks separated by blank lines. */
export function toBlocks<L extends SourceLine>(lines: L[]): Block<L>[] {
  const blocks: Block<L>[] = [];
  let current: L[] = [];
  const flush = () => {
    if (current.length > 0) blocks.push({ start: current[0]!.n, end: current[current.length - 1]!.n, lines: current });
    current = [];
  };
  for (const line of lines) {
    if (line.text.trim() === '') flush();
    else current.push(line);
  }
  flush();
  return blocks;
}

/** The page a line is on, from the pages' first lines. */
export function pageOf(pageStarts: readonly number[], line: number): number | undefined {
  if (pageStarts.length === 0) return undefined;
  let page = 1;
  for (let i = 0; i < pageStarts.length && pageStarts[i]! <= line; i++) page = i + 1;
  return page;
}
