import { readdirSync, readFileSync } from 'node:fs';
import type { SourceLine } from '../../scripts/import/read/line';
import type { Table } from '../../scripts/import/layout/table';
import { join } from 'node:path';

/** The seed packs as committed in content/sources (copies of shared/seeds made by the importer). */
export const SOURCES = join(import.meta.dirname, '..', '..', 'content', 'sources');

export const seedPacks = (): Array<{ id: string; path: string; text: string }> =>
  readdirSync(SOURCES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f.slice(0, -4), path: join(SOURCES, f), text: readFileSync(join(SOURCES, f), 'utf8') }));

/** Source words as a reader should find them: markup and link targets are not words; page furniture is removed. */
export function sourceText(lines: Array<{ n: number; text: string }>, furniture: Set<number>): string {
  return lines
    .filter((l) => !furniture.has(l.n))
    .map((l) => l.text.replace(/<[^>]*>/g, ' ').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'))
    .join('\n');
}

/** A Table from the non-blank lines start..end, split on tabs, the first line the header: a table as a test states it. */
export function tableOf(lines: readonly SourceLine[], start: number, end: number): Table {
  const rows = lines.filter((line) => line.n >= start && line.n <= end && line.text.trim() !== '');
  const [head, ...body] = rows;
  if (!head) throw new Error(`no lines ${start}-${end}`);
  return {
    head: [head.text.split('\t')],
    body: body.map((row) => row.text.split('\t')),
    rowLines: body.map((row) => row.n),
    start: head.n,
    end: rows[rows.length - 1]?.n ?? head.n,
  };
}

/** The seven tables of Appendix A (the Communities Strategy action plan) in the 2015 pack, header to last row. */
export const appendixA: Array<[number, number]> = [
  [833, 844],
  [846, 860],
  [862, 874],
  [876, 885],
  [887, 899],
  [901, 916],
  [918, 927],
];
