import { FURNITURE_LINES, PAGE_NUMBER, pageNumberOf } from '../house-style';
import type { Line, SourceLine } from '../read/line';

/** Kinds of page furniture: print artefacts and metadata that are not part of what the council wrote. */
export const furnitureKinds = ['blank-page', 'draft-stamp', 'page-number', 'running-head', 'metadata'] as const;
export type FurnitureKind = (typeof furnitureKinds)[number];

/** A furniture line, which the reading text drops and the document keeps as a page boundary. */
export interface Furniture {
  line: number;
  kind: FurnitureKind;
  /** The line as printed. */
  printed: string;
  /** The printed page number, for `page-number` lines; the page of the file for lines of a paged source. */
  page?: number;
}

const isBlank = (line: SourceLine | undefined) => line === undefined || line.text.trim() === '';

/** A page number as printed ("Page 3 of 9", "- 3 -", "!3"), or undefined. */
export function printedPageNumber(text: string): number | undefined {
  const m = PAGE_NUMBER.exec(text.trim());
  return m ? pageNumberOf(m) : undefined;
}

/**
 * Furniture in text without pages (extracted text): a line counts only when it stands alone between blank lines,
 * so a "DRAFT" heading run into text, or a number inside a list, stays part of the document.
 */
function standaloneFurniture(lines: Line[]): Furniture[] {
  const found: Furniture[] = [];
  lines.forEach((line, i) => {
    if (isBlank(line) || !isBlank(lines[i - 1]) || !isBlank(lines[i + 1])) return;
    const printed = line.text.trim();
    const kind = FURNITURE_LINES.find((f) => f.test.test(line.text))?.kind;
    const page = printedPageNumber(line.text);
    if (kind) found.push({ line: line.n, kind, printed });
    else if (page !== undefined) found.push({ line: line.n, kind: 'page-number', printed, page });
  });
  return found;
}

/** A line's text with its numbers blanked, so "Page 3 of 9" and "Page 4 of 9" are the same running footer. */
const runningKey = (text: string) => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/** How many lines at the top and at the bottom of a page can be running heads or footers. */
const MARGIN_LINES = 3;
/** How far apart (in points) the same running head may sit on two pages. */
const SAME_PLACE = 3;

/**
 * Furniture of a paged source (a PDF): page numbers at the top or bottom of a page, and running heads and footers:
 * the same words in the same place at the top or bottom of two or more pages (a table's header row repeated on each
 * page is the table's, not furniture, unless it sits in the margin). The first page's top lines are its title, not a
 * running head, unless they are a page number.
 */
function pagedFurniture(lines: Line[], pageStarts: readonly number[]): Furniture[] {
  const pages = pageStarts.map((start, i) => {
    const end = (pageStarts[i + 1] ?? lines.length + 1) - 1;
    const own = lines.slice(start - 1, end).filter((l) => !isBlank(l));
    return { page: i + 1, top: own.slice(0, MARGIN_LINES), bottom: own.slice(-MARGIN_LINES) };
  });
  const places = new Map<string, Array<{ page: number; top: number | undefined }>>();
  for (const p of pages) {
    for (const line of new Set([...p.top, ...p.bottom])) {
      const key = runningKey(line.text);
      places.set(key, [...(places.get(key) ?? []), { page: p.page, top: line.top }]);
    }
  }
  // On at least half the pages, in the same place: a block that happens to start each page is not furniture.
  const repeated = (line: Line) => {
    const same = (places.get(runningKey(line.text)) ?? []).filter(
      (o) => o.top === undefined || line.top === undefined || Math.abs(o.top - line.top) <= SAME_PLACE,
    );
    return new Set(same.map((o) => o.page)).size >= Math.max(2, pages.length / 2);
  };
  // A bare number is a page number only near the page's own number, or in the margin; else it is content.
  const pageNumber = (line: Line, page: number) => {
    const printed = printedPageNumber(line.text);
    const bare = /^\d+$/.test(line.text.trim());
    return printed !== undefined && (!bare || line.margin !== undefined || Math.abs(printed - page) <= 2) ? printed : undefined;
  };
  const found = new Map<number, Furniture>();
  for (const p of pages) {
    for (const [line, top] of [...p.top.map((l) => [l, true] as const), ...p.bottom.map((l) => [l, false] as const)]) {
      if (found.has(line.n)) continue;
      const printed = line.text.trim();
      const page = pageNumber(line, p.page);
      const running = repeated(line) && (!line.text.includes('\t') || line.margin !== undefined) && !(top && p.page === 1);
      if (page !== undefined) found.set(line.n, { line: line.n, kind: 'page-number', printed, page });
      else if (running) found.set(line.n, { line: line.n, kind: 'running-head', printed, page: p.page });
    }
  }
  return [...found.values()];
}

/**
 * Finds page furniture: page numbers, running heads and footers, blank-page notices and draft stamps, and the lines
 * of a file's own metadata (Markdown front matter). They leave the reading text and stay as page marks.
 */
export function findFurniture(
  lines: Line[],
  source: { pageStarts?: readonly number[]; metadata?: ReadonlyArray<{ line: number; printed: string }> } = {},
): Furniture[] {
  const metadata = (source.metadata ?? []).map((m): Furniture => ({ line: m.line, kind: 'metadata', printed: m.printed }));
  const paged = (source.pageStarts?.length ?? 0) > 1 ? pagedFurniture(lines, source.pageStarts!) : [];
  const taken = new Set([...metadata, ...paged].map((f) => f.line));
  const standalone = standaloneFurniture(lines).filter((f) => !taken.has(f.line));
  return [...metadata, ...paged, ...standalone].sort((a, b) => a.line - b.line);
}
