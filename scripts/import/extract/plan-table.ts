/**
 * Plans as printed in tables: a row with its source line, a cell's words, number words ("six"), and the erratum
 * shape every plan reader returns. Shared by the readers of actions, priorities, risks and counts.
 */
import type { Erratum } from '../../../src/schema';
import type { Table } from '../layout/table';

/** An erratum with the source lines it is about, so the caller can place it beside the printed text. */
export interface LocatedErratum {
  erratum: Erratum;
  lines: number[];
}

/** One row of a table with the source line it was printed on. */
export interface Row {
  cells: readonly string[];
  line: number;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20,
};

/** Number words longest first, for use inside a regex alternation. */
export const NUMBER_WORD = Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** The value of a printed number, in digits or as a word from one to twenty ("Six", "7"); undefined otherwise. */
export function numberValue(printed: string): number | undefined {
  const word = printed.trim().toLowerCase();
  return /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word];
}

/** The word for a number from one to twenty, or its digits beyond that. */
export function numberWord(value: number): string {
  return Object.keys(NUMBER_WORDS).find((word) => NUMBER_WORDS[word] === value) ?? String(value);
}

/** A cell's words without HTML tags (`<ul style=...>`, `<p>`) or doubled spaces; bullets are kept as printed. */
export function cellText(cell: string | undefined): string {
  return (cell ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Header rows then body rows, each with its line; header rows are taken to sit on consecutive lines from `start`. */
export function rowsOf(table: Table): Row[] {
  const head = table.head.map((cells, i) => ({ cells, line: table.start + i }));
  const body = table.body.map((cells, i) => ({ cells, line: table.rowLines[i] ?? table.end }));
  return [...head, ...body];
}

export const unique = (numbers: Iterable<number>): number[] => [...new Set(numbers)].sort((a, b) => a - b);

export const lineList = (lines: readonly number[]): string =>
  lines.length === 2 ? `lines ${lines[0]} and ${lines[1]}` : lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`;

/** Which role a header cell plays, from an ordered lookup table of header patterns (first match wins). */
export function roleOf<R extends string>(columns: ReadonlyArray<readonly [R, RegExp]>, header: string): R | undefined {
  return columns.find(([, pattern]) => pattern.test(header))?.[0];
}

/** A row that only names a group ("Confidentiality", "<p>Team cohesion and support</p>"): it ends the open action. */
export function isGroupHeading(row: Row): boolean {
  const texts = row.cells.map(cellText);
  const first = texts[0] ?? '';
  return (
    first !== '' &&
    texts.slice(1).every((text) => text === '') &&
    !/^[-*•·]|[.:;?]$/.test(first) &&
    first.split(' ').length <= 8
  );
}
