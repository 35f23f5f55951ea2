/**
 * No word lost: after composing, every word of a source (less the furniture the importer names: page numbers,
 * running heads, blank-page notices, front matter) must be in the content it is about to write, in order. Checked on
 * every import, not only in tests; when a word is missing, nothing is written and the source lines are printed.
 */
import { fidelity, wordsOf } from '../../../src/model/words';
import type { ComposedEntry } from '../compose/entry';
import type { Problem } from '../problem';
import type { SourceLine } from '../read/line';
import { tablesIn } from '../../../src/model/printed-table';
import { mdxText } from './mdx-text';

/** A line's words as a reader should find them: markup and link targets are not words. */
const lineText = (text: string) => text.replace(/<[^>]*>/g, ' ').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');

export interface WordCheck {
  total: number;
  kept: number;
  /** Source lines that lost words, with the words lost. */
  lost: Array<{ line: number; text: string; words: string[] }>;
}

/** What a source's words should be in: the text of its documents and minutes, in source order, and their tables. */
export interface Published {
  text: string;
  /** Tables with the source lines they were read from: their words are read by cell, not by line. */
  tables: Array<{ from: number; to: number; text: string }>;
}

/** The content a source's words should be in: its documents and minutes, in the order of the lines they were read from. */
export function contentOf(source: string, entries: Iterable<ComposedEntry>): Published {
  const own = [...entries].flatMap((e) =>
    (e.collection === 'documents' || e.collection === 'minutes') && e.data.source.pack === source ? [{ from: e.data.source.lines?.from ?? 0, body: e.body ?? '' }] : [],
  );
  own.sort((a, b) => a.from - b.from);
  return { text: own.map((e) => mdxText(e.body)).join('\n'), tables: own.flatMap((e) => tablesIn(e.body).map((t) => ({ from: t.lines[0], to: t.lines[1], text: [...t.head, ...t.rows].flat().join(' ') }))) };
}

/**
 * The source's words in the order a reader meets them. A table printed in a PDF reads line by line across its
 * columns; published, it reads cell by cell, so a cell that wraps onto three lines is read whole. The words of a
 * table's lines are put in the table's order, each matched to one word of its cells; a word the cells do not hold
 * stays where it is, to be reported lost.
 */
function readingOrder(words: string[], lineOf: number[], tables: Published['tables']): void {
  for (const table of tables) {
    const at = lineOf.findIndex((n) => n >= table.from && n <= table.to);
    if (at < 0) continue;
    let end = at;
    while (end < lineOf.length && lineOf[end]! <= table.to) end++;
    const pool = new Map<string, number[]>();
    words.slice(at, end).forEach((w, i) => pool.set(w, [...(pool.get(w) ?? []), at + i]));
    const order: number[] = [];
    for (const w of wordsOf(table.text)) {
      const next = pool.get(w)?.shift();
      if (next !== undefined) order.push(next);
    }
    const used = new Set(order);
    for (let i = at; i < end; i++) if (!used.has(i)) order.push(i);
    const [w, l] = [order.map((i) => words[i]!), order.map((i) => lineOf[i]!)];
    words.splice(at, w.length, ...w);
    lineOf.splice(at, l.length, ...l);
  }
}

/** Checks that every source word outside `furniture` is in `published`, in order (a table's words in its cells' order). */
export function checkWords(lines: readonly SourceLine[], furniture: ReadonlySet<number>, published: Published): WordCheck {
  const words: string[] = [];
  const lineOf: number[] = [];
  for (const line of lines) {
    if (furniture.has(line.n)) continue;
    for (const w of wordsOf(lineText(line.text))) {
      words.push(w);
      lineOf.push(line.n);
    }
  }
  readingOrder(words, lineOf, published.tables);
  const result = fidelity(words, wordsOf(published.text));
  const byLine = new Map<number, string[]>();
  for (const m of result.missing) byLine.set(lineOf[m.at]!, [...(byLine.get(lineOf[m.at]!) ?? []), m.word]);
  const text = new Map(lines.map((l) => [l.n, l.text]));
  return { total: result.total, kept: result.matched, lost: [...byLine].map(([line, w]) => ({ line, text: text.get(line) ?? '', words: w })) };
}

/** The problem to report when words would be lost: which lines, and what to do. */
export function wordsLostProblem(file: string, check: WordCheck): Problem {
  const shown = check.lost.slice(0, 10).map((l) => `\n    line ${l.line}: ${l.text.trim().slice(0, 100)}  (lost: ${l.words.slice(0, 6).join(' ')})`).join('');
  const more = check.lost.length > 10 ? `\n    ... and ${check.lost.length - 10} more lines` : '';
  return {
    code: 'words-lost',
    severity: 'error',
    file,
    line: check.lost[0]!.line,
    message: `the import would lose ${check.total - check.kept} of ${check.total} words of this source, so nothing was written. The lines that would lose words:${shown}${more}\n  This is a fault of the importer: please report it with the source file.`,
  };
}
