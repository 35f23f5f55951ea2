/**
 * Counts a document states ("six workshops", "our top three priorities") against the lists it prints, with an
 * erratum where they differ; the printed count is kept as printed.
 */
import type { SourceLine } from '../read/line';
import { NUMBER_WORD, numberValue, numberWord, type LocatedErratum } from './plan-table';

/** A count erratum with the line of the claim and the lines of the list it disagrees with. */
export interface CountFound extends LocatedErratum {
  /** Line of the claim ("six theme based ... workshops"). */
  line: number;
  /** First and last line of the list it was checked against. */
  list: { start: number; end: number };
}

/** How list items are labelled; each style gives the item's position (W1 is 1, (b) is 2, iii. is 3). */
const LABEL_STYLES: ReadonlyArray<{ pattern: RegExp; position: (label: string) => number | undefined }> = [
  { pattern: /^\s*(?:[-*•]\s*)?(?<prefix>[A-Z]{1,2})(?<label>\d{1,2})\s*[:.)]\s+\S/, position: (l) => Number(l) },
  { pattern: /^\s*(?:[-*•]\s*)?(?<label>\d{1,2})[.)]\s+\S/, position: (l) => Number(l) },
  { pattern: /^\s*(?:[-*•]\s*)?\((?<label>[a-z])\)\s+\S/, position: (l) => l.charCodeAt(0) - 96 },
  { pattern: /^\s*(?:[-*•]\s*)?\(?(?<label>[ivx]{1,5})[.)]\s+\S/, position: (l) => romanValue(l) },
];

const ROMAN: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10 };
function romanValue(numeral: string): number | undefined {
  const values = [...numeral].map((c) => ROMAN[c] ?? 0);
  return values.reduce((sum, v, i) => sum + (v < (values[i + 1] ?? 0) ? -v : v), 0) || undefined;
}

interface ListFound {
  style: number;
  items: number[];
  labels: string[];
  leadIn: SourceLine | undefined;
}

/** Every label style a line could be an item of, with its position ("(i)" is both the letter i and roman 1). */
function itemsOf(text: string): Array<{ style: number; position: number; label: string }> {
  return LABEL_STYLES.flatMap(({ pattern, position }, style) => {
    const groups = pattern.exec(text)?.groups;
    const label = groups?.['label'];
    const at = label === undefined ? undefined : position(label);
    return label !== undefined && at !== undefined ? [{ style, position: at, label: `${groups?.['prefix'] ?? ''}${label}` }] : [];
  });
}

/** Runs of labelled items numbered from 1, with only blank lines between them, and the line that leads into each. */
function findLists(lines: readonly SourceLine[]): ListFound[] {
  const lists: ListFound[] = [];
  let current: ListFound | undefined;
  let lastText: SourceLine | undefined;
  for (const line of lines) {
    if (line.text.trim() === '') continue;
    const items = itemsOf(line.text);
    const next = current && items.find((item) => item.style === current?.style && item.position === current.items.length + 1);
    const item = items.find((candidate) => candidate.position === 1);
    if (current && next) {
      current.items.push(line.n);
      current.labels.push(next.label);
    } else if (item) {
      current = { style: item.style, items: [line.n], labels: [item.label], leadIn: lastText };
      lists.push(current);
    } else current = undefined;
    lastText = line;
  }
  return lists.filter((list) => list.items.length >= 2);
}

/** Ways a lead-in names what its list counts: "The workshops were as follows:", "the following questions:", "four specific areas:". */
const LEAD_INS: readonly RegExp[] = [
  /\b(?<noun>[a-z]+s)\s+(?:were|are|was|is|will be)\s+(?:as\s+follows|listed\s+below|the\s+following)\b/i,
  /\bthe\s+following\s+(?:[a-z'-]+\s+){0,2}?(?<noun>[a-z]+s)\b/i,
  /\b(?<noun>[a-z]+s)\s*:\s*$/i,
];

const nounOf = (leadIn: SourceLine | undefined): string | undefined =>
  LEAD_INS.map((pattern) => pattern.exec(leadIn?.text ?? '')?.groups?.['noun']).find(Boolean)?.toLowerCase();

/** Words that end a noun phrase: a count followed by one of these is not counting the noun after it. */
const STOP_WORDS = new Set(['of', 'the', 'for', 'to', 'in', 'on', 'at', 'by', 'was', 'were', 'is', 'are', 'and', 'or', 'with', 'from', 'that', 'which', 'who', 'up']);

/** Claims "<number> <up to six words> <noun>" in a line, where the words between are a plain noun phrase. */
function claimsIn(line: SourceLine, noun: string): Array<{ printed: string; value: number }> {
  const pattern = new RegExp(String.raw`\b(?<count>${NUMBER_WORD}|\d{1,2})\s+(?<between>(?:[A-Za-z'’-]+\s+){0,6}?)${noun}\b`, 'gi');
  return [...line.text.matchAll(pattern)].flatMap((match) => {
    const printed = match.groups?.['count'] ?? '';
    const between = (match.groups?.['between'] ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean);
    const value = numberValue(printed);
    return value === undefined || between.some((word) => STOP_WORDS.has(word)) ? [] : [{ printed, value }];
  });
}

/** "Workshop 3 was postponed": a line that may explain why fewer took place than are listed. */
function explanations(lines: readonly SourceLine[], noun: string): SourceLine[] {
  const singular = noun.replace(/s$/, '');
  const pattern = new RegExp(String.raw`\b${singular}\s+\w+\s+(?:was|has been|had been)\s+(?:postponed|cancelled|canceled|withdrawn|deferred)`, 'i');
  return lines.filter((line) => pattern.test(line.text));
}

/** A short heading that counts: "The Top Ten", "Top Ten Ideas", "Three key risks". */
const COUNT_HEADING = new RegExp(String.raw`^(?:[A-Za-z]+\s+){0,2}?(?:top\s+(?<top>${NUMBER_WORD})(?:\s+[A-Za-z]+)?|(?<count>${NUMBER_WORD})(?:\s+[A-Za-z]+)?\s+[A-Za-z]+s)$`, 'i');
const BULLET = /^\s*[-*•](?<rest>.*)$/;

/** The bullet lines right under a heading (blank lines before the first allowed), and those with words. */
function bulletsAfter(lines: readonly SourceLine[], index: number): { items: number[]; all: number[] } {
  const items: number[] = [];
  const all: number[] = [];
  for (const next of lines.slice(index + 1)) {
    if (next.text.trim() === '') {
      if (all.length > 0) break;
      continue;
    }
    const bullet = BULLET.exec(next.text);
    if (!bullet) break;
    all.push(next.n);
    if ((bullet.groups?.['rest'] ?? '').trim()) items.push(next.n);
  }
  return { items, all };
}

/** Headings that count the bullet list under them, with the list's filled items and all its lines. */
function headedLists(lines: readonly SourceLine[]): Array<{ heading: SourceLine; printed: string; value: number; items: number[]; all: number[] }> {
  return lines.flatMap((line, index) => {
    const groups = COUNT_HEADING.exec(line.text.trim())?.groups;
    const printed = groups?.['top'] ?? groups?.['count'];
    const value = printed === undefined ? undefined : numberValue(printed);
    if (printed === undefined || value === undefined) return [];
    const { items, all } = bulletsAfter(lines, index);
    return all.length > 0 ? [{ heading: line, printed, value, items, all }] : [];
  });
}

/**
 * Counts stated in prose that disagree with the list they describe: "six ... workshops" where W1 to W7 are listed,
 * or a "Top Ten" heading over eleven ideas. The printed word is kept; claims within `window` lines of a list count.
 */
export function checkCounts(lines: readonly SourceLine[], window = 120): CountFound[] {
  const fromLists = findLists(lines).flatMap((list) => {
    const noun = nounOf(list.leadIn);
    const first = list.items[0] ?? 0;
    const last = list.items[list.items.length - 1] ?? 0;
    if (!noun) return [];
    const near = lines.filter((line) => line.n >= first - window && line.n <= last + window);
    const why = explanations(near, noun);
    return near.flatMap((line) =>
      claimsIn(line, noun)
        .filter((claim) => claim.value !== list.items.length)
        .map((claim) => countErratum(line, claim, noun, list, why)),
    );
  });
  const fromHeadings = headedLists(lines)
    .filter((h) => h.items.length !== h.value)
    .map((h) => {
      const first = h.items[0] ?? h.heading.n;
      const last = h.items[h.items.length - 1] ?? h.heading.n;
      return {
        erratum: {
          subject: `List under "${h.heading.text.trim()}" (line ${h.heading.n})`,
          printed: h.printed,
          expected: String(h.items.length),
          note: `The heading says "${h.printed}", but ${numberWord(h.items.length)} items are listed under it (lines ${first}–${last}).`,
        },
        lines: [h.heading.n, ...h.all],
        line: h.heading.n,
        list: { start: h.all[0] ?? first, end: h.all[h.all.length - 1] ?? last },
      };
    });
  return [...fromLists, ...fromHeadings];
}

function countErratum(
  line: SourceLine,
  claim: { printed: string; value: number },
  noun: string,
  list: ListFound,
  why: readonly SourceLine[],
): CountFound {
  const start = list.items[0] ?? line.n;
  const end = list.items[list.items.length - 1] ?? line.n;
  const labels = `${list.labels[0]}–${list.labels[list.labels.length - 1]}`;
  const because = why.map((w) => ` Line ${w.n} says: "${/[^.]*\b(?:postponed|cancelled|canceled|withdrawn|deferred)[^.]*\./i.exec(w.text)?.[0].trim() ?? ''}"`).join('');
  return {
    erratum: {
      subject: `Number of ${noun} (line ${line.n})`,
      printed: claim.printed,
      expected: String(list.items.length),
      note: `The text says "${claim.printed}" ${noun}, but the list at lines ${start}–${end} names ${numberWord(list.items.length)} (${labels}).${because}`,
    },
    lines: [line.n, ...list.items],
    line: line.n,
    list: { start, end },
  };
}
