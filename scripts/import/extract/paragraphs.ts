/**
 * Paragraphs and sentences of a stretch of lines, with a way back from any place in a paragraph's text to the line
 * and column it was printed at, so a decision found in the middle of a paragraph can be set apart exactly.
 *
 * Lines join into a paragraph as a reader would join them: a blank line, a bullet or numbered item, a table row or a
 * line after a short one that ends a sentence start a new paragraph; a line that starts in lower case continues one.
 */
import type { Line } from '../read/line';
import { printed } from '../read/markup';

/** A place in the lines: the index of a line and a column of its text. */
export interface Place {
  index: number;
  col: number;
}

/** One piece of a paragraph: a line, or the part of it from `from` to `to`. */
interface Piece {
  index: number;
  from: number;
  to: number;
  /** Where the piece's text starts in the paragraph's text. */
  at: number;
}

export interface Paragraph {
  /** The paragraph's text, its lines trimmed and joined by a space, markup as printed. */
  text: string;
  pieces: Piece[];
  /** First and last line index (inclusive). */
  first: number;
  last: number;
  /** Printed as a list item: its label ("1", "a", "•"). */
  item?: string;
}

export interface Sentence {
  text: string;
  paragraph: Paragraph;
  /** Offsets in the paragraph's text. */
  start: number;
  end: number;
}

/** A list item's label at the start of a line: "1.", "2)", "(a)", "a)", "i.", "•", "-", "*". */
const LIST_ITEM = /^\s*(?:\*\*)?\s*(?:(?<num>\d{1,3})(?:\\?[.)])|\((?<paren>[a-z]{1,4}|\d{1,3})\)|(?<letter>[a-z]|[ivx]{1,4})[.)]|(?<bullet>[•·▪‣◦*-]))\s+/i;

const endsSentence = (text: string) => /[.!?:;)"”’]\s*$/.test(printed(text));
/** A full stop, "!" or "?" at the end of a line, perhaps inside a closing quote or bracket. */
const endsWithStop = (text: string) => /[.!?]["”’)]*\s*$/.test(printed(text));

/**
 * Whether the next line's first word would have fitted at the end of the line before: then that line ended early, by
 * choice, and the next starts a new paragraph even without a full stop ("... resolved to pay" / "Draft 2 of ...").
 */
function wouldHaveFitted(previous: Line, next: Line, longest: number, right: number): boolean {
  const word = next.text.trim().split(/\s+/)[0]?.length ?? 0;
  if (previous.x !== undefined && previous.end !== undefined && right > 0) {
    const perChar = (previous.end - previous.x) / Math.max(1, previous.text.length);
    return previous.end + (word + 1) * perChar < right - 2;
  }
  return word + 1 <= longest - previous.text.length;
}

/** The label of a list item, if the line starts one. */
export function listItem(text: string): string | undefined {
  const g = LIST_ITEM.exec(text)?.groups;
  return g ? (g['num'] ?? g['paren'] ?? g['letter'] ?? g['bullet']) : undefined;
}

/**
 * Paragraphs of the lines from index `from` to `to` (exclusive). `skip` holds line numbers of furniture, which never
 * join a paragraph but do not end one either (a sentence runs on over a page break).
 */
export function paragraphsOf(lines: readonly Line[], from: number, to: number, skip: ReadonlySet<number> = new Set()): Paragraph[] {
  const longest = Math.max(1, ...lines.slice(from, to).map((l) => l.text.length));
  const right = Math.max(0, ...lines.slice(from, to).map((l) => l.end ?? 0));
  const out: Paragraph[] = [];
  let current: Paragraph | undefined;
  let previous: Line | undefined;
  let blank = false;
  for (let index = from; index < to; index++) {
    const line = lines[index]!;
    if (skip.has(line.n)) continue;
    const text = line.text;
    if (text.trim() === '') {
      blank = true;
      continue;
    }
    const item = listItem(text);
    const continues =
      current !== undefined &&
      previous !== undefined &&
      item === undefined &&
      !text.includes('\t') &&
      !previous.text.includes('\t') &&
      !line.heading &&
      !previous.heading &&
      // A line in lower case goes on with the sentence above unless that ended with a full stop: "... Gilhooley (SBC)"
      // then "who advised that ...".
      (/^\s*\p{Ll}/u.test(text) ? !endsWithStop(previous.text) : !endsSentence(previous.text) && !blank && !wouldHaveFitted(previous, line, longest, right));
    // A page break (furniture or the blank line between pages) does not end a sentence that runs on.
    const pageBreak = blank && previous !== undefined && line.page !== undefined && previous.page !== undefined && line.page !== previous.page;
    const lead = text.length - text.trimStart().length;
    const trimmed = text.trim();
    if (current && continues && (!blank || pageBreak || /^\s*\p{Ll}/u.test(text))) {
      current.pieces.push({ index, from: lead, to: lead + trimmed.length, at: current.text.length + 1 });
      current.text += ` ${trimmed}`;
      current.last = index;
    } else {
      current = { text: trimmed, pieces: [{ index, from: lead, to: lead + trimmed.length, at: 0 }], first: index, last: index, ...(item ? { item } : {}) };
      out.push(current);
    }
    previous = line;
    blank = false;
  }
  return out;
}

/** The line and column of an offset in a paragraph's text. */
export function placeOf(p: Paragraph, offset: number): Place {
  const piece = [...p.pieces].reverse().find((x) => x.at <= offset) ?? p.pieces[0]!;
  return { index: piece.index, col: piece.from + Math.min(offset - piece.at, piece.to - piece.from) };
}

/** Words that end with a full stop without ending a sentence. */
const ABBREVIATION = /\b(?:Mr|Mrs|Ms|Dr|Cllr|Cllrs|No|Nos|Ch|St|Rd|etc|e\.g|i\.e|approx|ref|para|Co|Ltd|Cttee|Rev|Prof|vs|a\.m|p\.m|incl|Min|Mins|Vol|Fig|Tel|[A-Z])\.$/;

/**
 * A paragraph's sentences. A sentence ends at ".", "!" or "?" before a capital or a digit, unless the word is an
 * abbreviation ("Cllr.", "Ch. No."). Text without an end mark is one sentence.
 */
export function sentencesOf(p: Paragraph): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const re = /[.!?]+["”’)]*\s+(?=[\p{Lu}\d"“‘(£])/gu;
  for (let m = re.exec(p.text); m; m = re.exec(p.text)) {
    const before = p.text.slice(start, m.index + 1);
    const next = /^\S+/.exec(p.text.slice(m.index + m[0].length))?.[0] ?? '';
    if (ABBREVIATION.test(before.trimEnd()) && !/^(?:It|The|This|These|There|He|She|They|We)$/.test(next)) continue;
    const end = m.index + m[0].trimEnd().length;
    out.push({ text: p.text.slice(start, end), paragraph: p, start, end });
    start = m.index + m[0].length;
  }
  if (start < p.text.length && p.text.slice(start).trim()) out.push({ text: p.text.slice(start).trimEnd(), paragraph: p, start, end: p.text.trimEnd().length });
  return out;
}

/**
 * Cuts lines at places, so that what starts in the middle of a line (a minute printed after another on one line, a
 * decision in the middle of a paragraph) starts a line of its own. Each piece keeps its line number and notes its
 * column (`col`); no character is added or lost. Returns the new lines and where each place now starts.
 */
export function cutLines(lines: readonly Line[], places: readonly Place[]): { lines: Line[]; at: (place: Place) => number } {
  const cuts = new Map<number, number[]>();
  for (const p of places) {
    const text = lines[p.index]?.text ?? '';
    if (p.col <= 0 || p.col >= text.length || text.slice(0, p.col).trim() === '' || text.slice(p.col).trim() === '') continue;
    cuts.set(p.index, [...new Set([...(cuts.get(p.index) ?? []), p.col])].sort((a, b) => a - b));
  }
  const out: Line[] = [];
  const starts = new Map<number, Array<{ col: number; index: number }>>();
  lines.forEach((line, index) => {
    const cols = [0, ...(cuts.get(index) ?? [])];
    starts.set(
      index,
      cols.map((col, k) => {
        const end = cols[k + 1] ?? line.text.length;
        const piece: Line = { ...line, text: line.text.slice(col, end) };
        if (k > 0) piece.col = (line.col ?? 0) + col;
        if (k > 0 || end < line.text.length) delete piece.boldUntil;
        if (line.boldUntil !== undefined && line.boldUntil > col && line.boldUntil <= end) piece.boldUntil = line.boldUntil - col;
        out.push(piece);
        return { col, index: out.length - 1 };
      }),
    );
  });
  const at = (place: Place) => {
    const pieces = starts.get(place.index);
    if (!pieces) return out.length;
    const text = lines[place.index]!.text;
    if (place.col === 0) return pieces[0]!.index;
    if (place.col >= text.length || text.slice(place.col).trim() === '') return pieces[pieces.length - 1]!.index + 1;
    return [...pieces].reverse().find((p) => p.col <= place.col)!.index;
  };
  return { lines: out, at };
}
