/**
 * Numbered minutes in any numbering: "84.", "2643", "18.11.1", "5a", a number and a TAB with no dot, "(Item 5)",
 * the numbers of a Markdown list, or no numbers at all (headings). The headings are the longest, best-shaped run of
 * lines that share one style of number and count upwards, allowing gaps (88 then 99), an item or two out of order,
 * and sub-lists that start again at 1 (payments 1 to 3 inside minute 5d), which are left in their minute. Numbers
 * stay exactly as printed.
 */
import { plural } from '../../io';
import { MINUTE_NUMBER_WORD, ROUTINE_MINUTE_TITLES, SENTENCE_OPENERS } from '../house-style';
import type { Line } from '../read/line';
import { printed } from '../read/markup';

/** A minute heading: where it is, its number and title as printed, and where on its line the heading ends. */
export interface MinuteHeading {
  /** Index of the heading's line in the lines given. */
  index: number;
  /** The number as printed without its punctuation ("83", "18.11.1", "5a"); absent for an unnumbered section. */
  number?: string;
  /** The number as printed with its punctuation ("83.", "5a.", "1", "Item 5"). */
  label?: string;
  /** The title as printed, without a trailing colon. */
  title: string;
  /** Where on the line the heading starts and ends (columns of the line's text); text after `end` is the minute's. */
  start: number;
  end: number;
}

export interface Numbering {
  headings: MinuteHeading[];
  /** How the headings were found, in words, for the import report. */
  style: string;
}

interface Candidate {
  index: number;
  parts: number[];
  suffix: string;
  number: string;
  label: string;
  /** Columns of the heading's start and of the title's start on the line. */
  start: number;
  titleStart: number;
  style: string;
  score: number;
}

/**
 * "83. TITLE", "18.11.1 Title", "5a. Title", "5(a) Title", "1\tTitle", "1\. Title" (Markdown), "**83. TITLE**", "Item 5:
 * Title", a number that restarts each year after the year ("Minute 23/45", "23/45 Title"), and any of these as a
 * heading of HTML, Word or Markdown ("## 23/45. Title").
 */
const NUMBERED = new RegExp(
  String.raw`^(?<lead>\s*(?:#{1,6}\s+)?(?:\*\*|__)?\s*(?:(?:${MINUTE_NUMBER_WORD.source})\s+)?)(?<year>\d{2,4}\/)?(?<num>\d{1,5}(?:\.\d{1,3}){0,3})(?:(?<suffix>[a-zA-Z])(?![a-zA-Z])|\((?<bracketed>[a-zA-Z])\))?(?<punct>\\?[.):]|\s?[-–]\s)?(?<sep>\s*\t\s*|\s+)(?=\S)`,
  'i',
);
/** "Title (Item 5)", "Title (Minute 12)". */
const ITEM_BESIDE = /^(?<title>\S.*?)\s*\((?:item|minute|agenda item)\s+(?<num>\d{1,4}[a-z]?)\)\s*$/i;
/** A title starts with a capital, a digit or an opening quote or bracket. */
const TITLE_START = /^(?:\*\*|__)?[\p{Lu}\d(‘“"'[]/u;

const MAX_GAP = 12;
const MAX_BACK = 3;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * The candidate headings on a line, if its text starts with a number followed by a title. A number in two parts
 * around a slash is read both ways, the year first ("24/31": minute 31 of 2024) and last ("12/24": minute 12 of
 * 2024/25), and the reading whose numbers count up from line to line is the one a chain is made of.
 */
function candidates(line: Line, index: number): Candidate[] {
  const text = line.text;
  if ((text.match(/\t/g) ?? []).length >= 2) return []; // a table row, not a heading
  const m = NUMBERED.exec(text);
  if (m) {
    const g = m.groups!;
    const titleStart = m[0].length;
    if (!TITLE_START.test(text.slice(titleStart))) return [];
    const num = g['num']!;
    const year = g['year'] ?? '';
    const suffix = (g['suffix'] ?? g['bracketed'] ?? '').toLowerCase();
    const printedSuffix = g['bracketed'] ? `(${g['bracketed']})` : (g['suffix'] ?? '');
    const punct = (g['punct'] ?? '').replace('\\', '').trim();
    if (/^\d{4}$/.test(num) && !punct && !/\t/.test(g['sep']!) && /^(?:19|20)\d\d$/.test(num)) return []; // a year
    const parts = num.split('.').map(Number);
    // `prefix`: what every number of one run shares before its counter, its parents ("18.11" of "18.11.1") or its
    // year. The year of "23/45" is part of the numbering: "23/45" and "24/01" are not one run.
    const styleOf = (prefix: string) =>
      [
        parts.length,
        punct || (/\t/.test(g['sep']!) ? 'tab' : 'space'),
        /^0\d/.test(num) ? 'zero' : '',
        g['lead']!.trim().replace(/\*|_/g, '').toLowerCase().replace(/\W/g, ''),
        prefix,
        g['bracketed'] ? '()' : '',
      ].join('|');
    const style = styleOf(`${year}${parts.length > 1 ? parts.slice(0, -1).join('.') : ''}`);
    const lead = g['lead']!.replace(/^\s*(?:#{1,6}\s+)?(?:\*\*|__)?\s*/, '');
    const found: Candidate = {
      index,
      parts,
      suffix,
      number: `${year}${num}${printedSuffix}`,
      label: `${lead}${year}${num}${printedSuffix}${punct}`,
      start: text.length - text.trimStart().length,
      titleStart,
      style,
      score: 0,
    };
    if (!year || suffix || !/^\d{2,4}$/.test(num)) return [found];
    // The year last: the counter is the number before the slash, and the year after it is shared by the run.
    return [found, { ...found, parts: [Number(year.slice(0, -1))], style: styleOf(`/${num}`) }];
  }
  const beside = ITEM_BESIDE.exec(printed(text));
  if (beside) {
    const num = beside.groups!['num']!;
    return [{ index, parts: [Number.parseInt(num, 10)], suffix: num.replace(/^\d+/, '').toLowerCase(), number: num, label: `Item ${num}`, start: 0, titleStart: 0, style: 'item-beside', score: 0 }];
  }
  return [];
}

/** Orders two numbers as a reader would: 5 < 5a < 5b < 6; 18.11.2 < 18.11.10. */
function compare(a: Candidate, b: Candidate): number {
  for (let i = 0; i < Math.max(a.parts.length, b.parts.length); i++) {
    const d = (a.parts[i] ?? -1) - (b.parts[i] ?? -1);
    if (d !== 0) return d;
  }
  return a.suffix.localeCompare(b.suffix);
}

/** How far `b` is after `a` in its last counter, for the gap allowance. */
function distance(a: Candidate, b: Candidate): number {
  const sameParent = a.parts.length === b.parts.length && a.parts.slice(0, -1).join('.') === b.parts.slice(0, -1).join('.');
  if (!sameParent) return compare(a, b) < 0 ? 1 : -99;
  const step = b.parts[b.parts.length - 1]! - a.parts[a.parts.length - 1]!;
  if (step !== 0) return step;
  // 5 -> 5a -> 5b: one step per letter.
  const letter = (s: string) => (s ? s.charCodeAt(0) - 96 : 0);
  return letter(b.suffix) - letter(a.suffix);
}

/** How much a candidate looks like a minute heading rather than a numbered list item. */
function shapeScore(c: Candidate, lines: readonly Line[], all: ReadonlyMap<number, readonly Candidate[]>, leftmost: number): number {
  const line = lines[c.index]!;
  const title = printed(line.text.slice(c.titleStart));
  let score = 1;
  if (line.bold || (line.boldUntil ?? 0) > c.titleStart) score += 1.5;
  if (line.heading) score += 2;
  if (!lines[c.index - 1] || lines[c.index - 1]!.text.trim() === '') score += 0.3;
  if (words(title) <= 10 || /^[^.]{1,80}:/.test(title)) score += 0.3;
  if (ROUTINE_MINUTE_TITLES.test(title.slice(0, 60))) score += 0.5;
  if ((line.x ?? 0) > leftmost + 6) score -= 0.5;
  // A run of numbered lines with nothing between them is a list (payments, references), not a set of minutes.
  const next = lines.slice(c.index + 1).findIndex((l) => l.text.trim() !== '');
  const following = next === -1 ? [] : (all.get(c.index + 1 + next) ?? []);
  if (next === 0 && following.some((f) => f.style === c.style)) score -= 0.6;
  // A numbered row inside a table (the line above has cells) is a reference number, not a minute.
  const above = lines.slice(Math.max(0, c.index - 2), c.index).reverse().find((l) => l.text.trim() !== '');
  if (above?.text.includes('\t') && !all.has(lines.indexOf(above))) score -= 0.7;
  return score;
}

/** The best chain of one style's candidates: numbers counting up (gaps allowed, a few unused numbers out of order). */
function bestChain(cands: Candidate[]): { chain: Candidate[]; score: number } {
  const best: Array<{ score: number; prev: number }> = cands.map((c) => ({ score: c.score, prev: -1 }));
  const used = (i: number, c: Candidate) => {
    for (let k = i; k !== -1; k = best[k]!.prev) if (compare(cands[k]!, c) === 0) return true;
    return false;
  };
  for (let j = 0; j < cands.length; j++) {
    for (let i = 0; i < j; i++) {
      const step = distance(cands[i]!, cands[j]!);
      const forward = step >= 1 && step <= MAX_GAP && compare(cands[i]!, cands[j]!) < 0;
      const back = step < 0 && step >= -MAX_BACK && !used(i, cands[j]!);
      if (!forward && !back) continue;
      const score = best[i]!.score + cands[j]!.score - 0.1 * Math.max(0, Math.abs(step) - 1) - (back ? 0.5 : 0);
      if (score > best[j]!.score) best[j] = { score, prev: i };
    }
  }
  let end = -1;
  best.forEach((b, i) => {
    if (end === -1 || b.score > best[end]!.score) end = i;
  });
  const chain: Candidate[] = [];
  for (let k = end; k !== -1; k = best[k]!.prev) chain.unshift(cands[k]!);
  return { chain, score: end === -1 ? 0 : best[end]!.score };
}

/** Where a heading's title ends on its line: a bold lead-in, a colon, a TAB, a sentence; a short line is all title. */
function titleEnd(line: Line, from: number): number {
  const text = line.text;
  if ((line.boldUntil ?? 0) > from + 1) return line.boldUntil! + (/^\s*:/.test(text.slice(line.boldUntil!)) ? /^\s*:/.exec(text.slice(line.boldUntil!))![0].length : 0);
  const rest = text.slice(from);
  const colon = /^[^:]{2,100}?:(?!\d)/.exec(rest);
  if (colon) return from + colon[0].length;
  const tab = rest.indexOf('\t');
  if (tab > 0) return from + tab;
  if (words(rest) <= 15) return text.length;
  const dash = /^.{3,100}?(?=\s[–—-]\s)/.exec(rest);
  if (dash) return from + dash[0].length;
  const sentence = /^.{10,120}?[.!?](?=\s+[\p{Lu}"“])/u.exec(rest);
  if (sentence) return from + sentence[0].length;
  // A title run into the text without punctuation ends where a sentence visibly starts: a sub-number ("7.1"), or a
  // word that opens sentences after a lower-case word or a number ("... on agenda items The Parish Councillors ...").
  const tokens = [...rest.matchAll(/\S+/g)];
  for (let k = 1; k < Math.min(tokens.length, 25); k++) {
    const word = tokens[k]![0];
    const before = tokens[k - 1]![0];
    if (/^\d+\.\d+\.?$/.test(word) || (SENTENCE_OPENERS.test(word) && /[\p{Ll}\d]$/u.test(before))) return from + tokens[k]!.index - 1;
  }
  return text.length;
}

function toHeading(c: Candidate, lines: readonly Line[]): MinuteHeading {
  const line = lines[c.index]!;
  const end = c.style === 'item-beside' ? line.text.length : titleEnd(line, c.titleStart);
  const title = c.style === 'item-beside' ? ITEM_BESIDE.exec(printed(line.text))!.groups!['title']! : printed(line.text.slice(c.titleStart, end)).replace(/\s*:\s*$/, '');
  return { index: c.index, number: c.number, label: c.label, title, start: c.start, end };
}

/**
 * Minutes printed inside a line, where a chain skips numbers ("3. Notice ... 4. Minutes of ... 5. Matters Arising"):
 * the missing numbers are looked for, in order, after a sentence ends on the lines between.
 */
function inlineHeadings(chain: Candidate[], lines: readonly Line[]): MinuteHeading[] {
  const found: MinuteHeading[] = [];
  for (let k = 0; k < chain.length - 1; k++) {
    const a = chain[k]!;
    const b = chain[k + 1]!;
    if (a.parts.length !== 1 || b.parts.length !== 1 || b.parts[0]! - a.parts[0]! < 2) continue;
    let want = a.parts[0]! + 1;
    for (let i = a.index; i < b.index && want < b.parts[0]!; i++) {
      const text = lines[i]!.text;
      const starts: Array<{ number: number; at: number; titleStart: number }> = [];
      let from = i === a.index ? a.titleStart : 0;
      while (want < b.parts[0]!) {
        const re = new RegExp(String.raw`(?<=[.!?:"”’)]\s+|\s{2,})(${want})\\?\.\s+(?=[\p{Lu}])`, 'gu');
        re.lastIndex = from;
        const m = re.exec(text);
        if (!m) break;
        starts.push({ number: want, at: m.index, titleStart: m.index + m[0].length });
        from = m.index + m[0].length;
        want++;
      }
      starts.forEach((s, j) => {
        const limit = starts[j + 1]?.at ?? text.length;
        const { boldUntil: _bold, ...plainLine } = lines[i]!;
        const end = Math.min(titleEnd({ ...plainLine, text: text.slice(0, limit) }, s.titleStart), limit);
        found.push({ index: i, number: String(s.number), label: `${s.number}.`, title: printed(text.slice(s.titleStart, end)).replace(/\s*:\s*$/, ''), start: s.at, end });
      });
    }
  }
  return found;
}

/** Short bold or heading lines after the last numbered minute, at its margin: sections the minutes do not number. */
function trailingSections(last: Candidate, lines: readonly Line[], skip: ReadonlySet<number>): MinuteHeading[] {
  const head = lines[last.index]!;
  if (!head.bold && !head.heading) return [];
  const found: MinuteHeading[] = [];
  for (let i = last.index + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const text = printed(line.text);
    if (skip.has(line.n) || !text || !(line.bold || line.heading) || line.text.includes('\t')) continue;
    if (words(text) > 8 || /[.,;]$/.test(text) || /_{3,}/.test(text) || Math.abs((line.x ?? 0) - (head.x ?? 0)) > 4) continue;
    found.push({ index: i, title: text.replace(/\s*:\s*$/, ''), start: 0, end: line.text.length });
  }
  return found;
}

/** Headings with no numbers (Markdown `##`, HTML `<h2>`): each starts a section of the minutes. */
function headingSections(lines: readonly Line[], skip: ReadonlySet<number>): MinuteHeading[] {
  const levels = lines.filter((l) => l.heading && !skip.has(l.n)).map((l) => l.heading!);
  if (levels.length < 2) return [];
  // The most common heading level below the title is the minutes' own.
  const counts = new Map<number, number>();
  for (const level of levels) counts.set(level, (counts.get(level) ?? 0) + 1);
  const level = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  return lines.flatMap((line, index) =>
    line.heading === level && !skip.has(line.n) ? [{ index, title: printed(line.text).replace(/\s*:\s*$/, ''), start: 0, end: line.text.length }] : [],
  );
}

/**
 * Finds the minute headings in a set of minutes. `skip` holds the line numbers of page furniture. Returns the headings
 * in line order, and how they were found.
 */
export function findMinuteHeadings(lines: readonly Line[], skip: ReadonlySet<number> = new Set()): Numbering {
  const byLine = new Map<number, Candidate[]>();
  lines.forEach((line, index) => {
    if (skip.has(line.n)) return;
    const found = candidates(line, index);
    if (found.length > 0) byLine.set(index, found);
  });
  const all = [...byLine.values()].flat();
  const leftmost = Math.min(...all.map((c) => lines[c.index]!.x ?? 0), Infinity);
  for (const c of all) c.score = shapeScore(c, lines, byLine, leftmost);
  const byStyle = Map.groupBy(all, (c) => c.style);
  const chains = [...byStyle].map(([style, cands]) => ({ style, ...bestChain(cands) }));
  // A deeper numbering (5.1, 5.2) is a minute's sub-items when a top-level run exists.
  const depth = (style: string) => Number(style.split('|')[0]);
  const best = chains
    .filter((c) => c.chain.length >= 2)
    .sort((a, b) => depth(a.style) - depth(b.style) || b.score - a.score)
    .find((c, _, all) => c.score >= 0.6 * Math.max(...all.map((x) => x.score)) || depth(c.style) > 1);
  if (best) {
    const numbered = best.chain.map((c) => toHeading(c, lines));
    const inline = inlineHeadings(best.chain, lines);
    const sections = trailingSections(best.chain[best.chain.length - 1]!, lines, skip);
    const headings = [...numbered, ...inline, ...sections].sort((a, b) => a.index - b.index || a.start - b.start);
    const [parts, punct, , , prefix = ''] = best.style === 'item-beside' ? ['beside'] : best.style.split('|');
    const example = best.chain.slice(0, 2).map((c) => c.label).join(', ');
    const year = prefix.endsWith('/') ? ' after the year' : prefix.startsWith('/') ? ' before the year' : '';
    return {
      headings,
      style: `${best.chain.length + inline.length} numbered minutes (${example}, ...: ${parts === 'beside' ? 'numbers in brackets after the title' : parts === '1' ? `whole numbers${year}` : `numbers with ${parts} parts`}${punct === 'tab' ? ' then a TAB' : punct === 'space' ? ' without a full stop' : ''})${inline.length ? `, ${inline.length} printed inside another minute's line` : ''}${sections.length ? `, then ${plural(sections.length, 'unnumbered section')}` : ''}`,
    };
  }
  const sections = headingSections(lines, skip);
  if (sections.length >= 2) return { headings: sections, style: `${sections.length} unnumbered sections (headings)` };
  return { headings: [], style: 'no numbered minutes or section headings' };
}
