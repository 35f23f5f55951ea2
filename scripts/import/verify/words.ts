/**
 * No word lost: after composing, every word of a source (less the furniture the importer names: page numbers,
 * running heads, blank-page notices, front matter) must be in the content it is about to write, in order. Checked on
 * every import, not only in tests; when a word is missing, nothing is written and the source lines are printed.
 */
import { fidelity, wordsOf } from '../../../src/model/words';
import type { Entry } from '../compose/entry';
import type { Problem } from '../problem';
import type { SourceLine } from '../read/line';
import { mdxText } from './mdx-text';

/** A line's words as a reader should find them: markup and link targets are not words. */
const lineText = (text: string) => text.replace(/<[^>]*>/g, ' ').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');

export interface WordCheck {
  total: number;
  kept: number;
  /** Source lines that lost words, with the words lost. */
  lost: Array<{ line: number; text: string; words: string[] }>;
}

/** The content a source's words should be in: its documents and minutes, in the order of the lines they were read from. */
export function contentOf(source: string, entries: Iterable<Entry>): string {
  const own = [...entries].flatMap((e) =>
    (e.collection === 'documents' || e.collection === 'minutes') && e.data.source.pack === source ? [{ from: e.data.source.lines?.from ?? 0, body: e.body ?? '' }] : [],
  );
  return own.sort((a, b) => a.from - b.from).map((e) => mdxText(e.body)).join('\n');
}

/** Checks that every source word outside `furniture` is in `published`, in order. */
export function checkWords(lines: readonly SourceLine[], furniture: ReadonlySet<number>, published: string): WordCheck {
  const words: string[] = [];
  const lineOf: number[] = [];
  for (const line of lines) {
    if (furniture.has(line.n)) continue;
    for (const w of wordsOf(lineText(line.text))) {
      words.push(w);
      lineOf.push(line.n);
    }
  }
  const result = fidelity(words, wordsOf(published));
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
