/**
 * The one shape of a table, whichever reader found it: tab, markdown and HTML tables (`tables.ts`) and a PDF's tables
 * from where its text sits (`columns.ts`).
 */
import type { SourceLine } from '../read/line';

/** A table as printed: every cell's text kept exactly, with the source lines it came from. */
export interface Table {
  /** Header rows (usually one; none when the source printed no header). */
  head: string[][];
  /** Body rows, each a list of cells in printed order. */
  body: string[][];
  /** Source line number of each body row (same length as `body`). */
  rowLines: number[];
  /** First and last source line of the whole table. */
  start: number;
  end: number;
  /** How the source wrote the table. */
  kind?: 'tab' | 'markdown' | 'html';
  /** Heading printed just above the table (outside `start`..`end`), when there is one. */
  caption?: string;
  /** Line of the caption. */
  captionLine?: number;
  /** Source line of each header row (same length as `head`). */
  headLines?: number[];
  /** Lines inside the table that are not rows: blank lines and separator rows. None holds a word. */
  furniture?: SourceLine[];
  /** Body rows that are not data: a page heading carried into the table, or the header printed again. */
  notData?: Array<{ line: number; reason: 'interruption' | 'repeated-head' }>;
  /** The source lines from `start` to `end`, exactly as given. */
  lines?: SourceLine[];
}
