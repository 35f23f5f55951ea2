import { diffArrays } from 'diff';

/** Words as readers and search see them: letters and digits, lower-cased; punctuation and markup are not words. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** How much of a source survives, in order, in a published text. */
export interface Fidelity {
  total: number;
  matched: number;
  /** Source words not found in order, with a few words of context, for the report. */
  missing: Array<{ at: number; word: string; context: string }>;
}

/**
 * Aligns source words with published words (a shortest edit script, as `diff` computes it) and counts the source
 * words that survive in order. Extra published words (headings the site adds, repeated text) cost nothing; a source
 * word dropped, changed or moved out of order counts as missing.
 */
export function fidelity(source: string[], published: string[]): Fidelity {
  const missing: Fidelity['missing'] = [];
  let at = 0;
  for (const part of diffArrays(source, published)) {
    if (part.added) continue;
    if (part.removed) {
      for (const word of part.value) {
        missing.push({ at, word, context: source.slice(Math.max(0, at - 5), at + 6).join(' ') });
        at++;
      }
    } else at += part.count ?? part.value.length;
  }
  return { total: source.length, matched: source.length - missing.length, missing };
}
