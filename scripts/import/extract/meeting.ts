/**
 * The meeting a document is about, from the words at its head: the council, the body, the date and start time
 * (Europe/London), the venue, and from its foot the closing time and the date the chair signed it. Only what is
 * printed is read; what is not printed stays undefined, and the date falls back to the file name only when the
 * text names none (the result says so).
 */
import {
  BODY_IN_HEADING,
  CLOSING_TIME,
  COUNCIL_NAME_ENDINGS,
  LOCAL_COUNCIL_KIND,
  MEETING_DATE_CONTEXT,
  NOT_IN_COUNCIL_NAME,
  NOT_MEETING_DATE,
  SMALL_WORDS,
  WELSH_COUNCIL_KINDS,
  WELSH_COUNCIL_NAME,
} from '../house-style';
import type { Line } from '../read/line';
import { printed } from '../read/markup';
import { clockTime, dateInFileName, datesIn } from './when';

/** Something read from the text, with the line it was read from. */
export interface Found<T> {
  value: T;
  /** Source line, or undefined when it came from the file's metadata or name. */
  line?: number;
  /** Where it came from, in words, for the import report. */
  from: string;
}

export interface MeetingFacts {
  council?: Found<string>;
  body?: Found<string>;
  /** YYYY-MM-DD. */
  date?: Found<string>;
  /** "HH:MM", local time. */
  time?: Found<string>;
  venue?: Found<string>;
  /** "HH:MM" the meeting closed, when printed. */
  closedAt?: Found<string>;
  /** The date on a "Signed ... Dated" line: when the minutes were approved, not when the meeting was. */
  signedOn?: Found<string>;
}

/** A run of consecutive lines at the head of a document, read as one text with a map back to its lines. */
interface HeadBlock {
  text: string;
  /** Start offset of each line's text in `text`. */
  offsets: Array<{ at: number; line: number }>;
}

/** How many blocks at a document's head can hold its title, date and venue. */
const HEAD_BLOCKS = 10;

const lineAt = (block: HeadBlock, index: number) => [...block.offsets].reverse().find((o) => o.at <= index)?.line;

/** The first blocks of non-blank lines, skipping furniture. */
function headBlocks(lines: readonly Line[], skip: ReadonlySet<number>, count = HEAD_BLOCKS): HeadBlock[] {
  const blocks: HeadBlock[] = [];
  let current: HeadBlock | undefined;
  for (const line of lines) {
    if (skip.has(line.n)) continue;
    const text = printed(line.text).replace(/\t+/g, ' ');
    if (text === '') {
      if (current) blocks.push(current);
      current = undefined;
      if (blocks.length >= count) break;
      continue;
    }
    current ??= { text: '', offsets: [] };
    // A line that opens with a label ("Date: ...", "Venue: ...") is a field of its own, not the heading running on.
    if (current.text) current.text += /^\p{Lu}\p{L}*(?:\s\p{L}+){0,2}\s*:\s/u.test(text) ? '; ' : ' ';
    current.offsets.push({ at: current.text.length, line: line.n });
    current.text += text;
  }
  if (current && blocks.length < count) blocks.push(current);
  return blocks;
}

/** Title case for a name printed in capitals; a name in mixed case is kept as printed. */
export function nameCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .split(/(\s+|-)/)
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : w.replace(/^([("'‘]?)(\p{L})/u, (_, p: string, c: string) => p + c.toUpperCase())))
    .join('');
}

const ENDINGS = COUNCIL_NAME_ENDINGS.map((e) => e.toLowerCase().split(' '));
const CONNECTORS = new Set(['of', 'upon', 'on', 'and', '&', 'the', 'in', 'de', 'la']);

/** A council's name in a line ("Milburn Parish Council - 6th November", "MINUTES OF ... WEST DEREHAM PARISH COUNCIL"). */
export function councilNameIn(text: string): string | undefined {
  const capitals = text === text.toUpperCase();
  // A Welsh name printed in capitals ("CYNGOR CYMUNED TYNDYRN") is read in title case, as the pattern expects.
  const welsh = WELSH_COUNCIL_NAME.exec(capitals ? nameCase(text) : text);
  if (welsh) return welsh[0].trim();
  const words = text.split(/\s+/).filter(Boolean);
  const bare = words.map((w) => w.toLowerCase().replace(/[^\p{L}&'’-]/gu, ''));
  for (let i = 0; i < words.length; i++) {
    const ending = ENDINGS.find((e) => e.every((w, k) => bare[i + k] === w));
    if (!ending) continue;
    // "the County Council": an ending with no name before it; its own words ("County") are not a name.
    const skipTo = i + ending.length - 1;
    let start = i;
    for (let k = i - 1; k >= 0; k--) {
      const word = words[k]!;
      const b = bare[k]!;
      if (/[:;,.()]$/.test(word) || b === '') break;
      const nameWord = (capitals || /^[\p{Lu}]/u.test(word)) && !NOT_IN_COUNCIL_NAME.has(b);
      if (nameWord) start = k;
      else if (!(CONNECTORS.has(b) && k > 0 && !NOT_IN_COUNCIL_NAME.has(bare[k - 1]!) && (capitals || /^[\p{Lu}]/u.test(words[k - 1]!)))) break;
    }
    if (start === i) {
      i = skipTo;
      continue;
    }
    return nameCase(words.slice(start, i + ending.length).join(' ').replace(/[^\p{L})]+$/u, ''));
  }
  return undefined;
}

/** A body named in a heading, unless the words only say "meeting" or point back at the council. */
function bodyIn(text: string): string | undefined {
  for (const re of BODY_IN_HEADING) {
    const body = re.exec(text)?.groups?.['body']?.trim().replace(/\s+/g, ' ');
    if (!body) continue;
    const words = body.toLowerCase().split(' ');
    if (words.every((w) => ['meeting', 'the', 'above', 'council', 'this', 'said', 'a', 'an'].includes(w))) continue;
    if (!/\p{Lu}/u.test(body) || /\d/.test(body) || words.length > 12) continue;
    return body;
  }
  return undefined;
}

/**
 * The full meeting of a council: "Parish Council" for a parish, "Full Council" for a principal council. A Welsh name
 * gives the same body as the English one ("Cyngor Cymuned Tyndyrn" meets as the Community Council), so minutes in
 * both languages are of one meeting.
 */
export const fullCouncilName = (council: string | undefined): string => {
  const kind = council ? WELSH_COUNCIL_NAME.exec(council)?.groups?.['kind'] : undefined;
  const name = kind ? WELSH_COUNCIL_KINDS[kind] : council;
  const local = name ? LOCAL_COUNCIL_KIND.exec(name) : undefined;
  return local ? nameCase(`${local[1]} Council`) : 'Full Council';
};

/** The date and time the head prints for the meeting: a date in a sentence or heading about the meeting comes first. */
function meetingDate(blocks: HeadBlock[]): { date?: Found<string>; time?: Found<string> } {
  const candidates = blocks.flatMap((block, b) =>
    datesIn(block.text).flatMap((d) => {
      const line = lineAt(block, d.index);
      const lineText = block.text.slice(block.offsets.find((o) => o.line === line)?.at ?? 0, d.index);
      if (NOT_MEETING_DATE.test(lineText) || NOT_MEETING_DATE.test(block.text.slice(Math.max(0, d.index - 40), d.index))) return [];
      const context = b === 0 || MEETING_DATE_CONTEXT.test(block.text.slice(Math.max(0, d.index - 80), d.end + 10)) ? 0 : 1;
      return [{ d, line, rank: context * 100 + b }];
    }),
  );
  const best = candidates.sort((a, b) => a.rank - b.rank)[0];
  if (!best) return {};
  const date: Found<string> = { value: best.d.iso, from: `"${best.d.printed.trim()}"`, ...(best.line ? { line: best.line } : {}) };
  return best.d.time ? { date, time: { value: best.d.time, from: `"${best.d.printed.trim()}"`, ...(best.line ? { line: best.line } : {}) } } : { date };
}

/** A start time printed in the head apart from the date: "Held in Ayton Community Hall at 7pm." */
function startTime(blocks: HeadBlock[]): Found<string> | undefined {
  for (const block of blocks) {
    if (!/\b(?:held|commenc\w*|start\w*|meeting)\b/i.test(block.text) || CLOSING_TIME.test(block.text) || /\bnext meeting\b/i.test(block.text)) continue;
    const m = /\b(?:at|from|commencing)\s+(\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?\s?m\b|\d{1,2}[.:]\d{2}\b|\d{4}\s*hrs?\b)/i.exec(block.text);
    const time = m ? clockTime(`at ${m[1]}`) : undefined;
    if (m && time) return { value: time, from: `"${m[0]}"`, ...(lineAt(block, m.index) ? { line: lineAt(block, m.index)! } : {}) };
  }
  return undefined;
}

/** The venue after "held in/at" or after the time: "at 7.00pm in Tintern Village Hall". */
function venue(blocks: HeadBlock[]): Found<string> | undefined {
  for (const block of blocks) {
    const m = /(?:\b[Hh][Ee][Ll][Dd]|\b[Mm]eeting|\d\s*[AaPp]\.?[Mm]\.?|\b\d{2}[.:]?\d{2}(?:\s*hrs?)?)\s+(?:(?:[Aa][Tt]|[Ii][Nn])\s+)(?<venue>(?:the\s+)?[\p{Lu}][\p{L}'’&.-]*(?:\s+(?:[\p{Lu}][\p{L}'’&.-]*|&|and|of|the|on|upon)|,\s+[\p{Lu}][\p{L}'’&.-]*)*)/u.exec(block.text);
    const v = m?.groups?.['venue']
      ?.replace(/\s+on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b.*$/i, '')
      .replace(/\s+(?:on|at|and|of|the)$/i, '')
      .replace(/[.,;:]+$/, '')
      .trim();
    if (!m || !v || datesIn(v).length > 0 || clockTime(v) || /^(?:on|the)$/i.test(v)) continue;
    return { value: v, from: `"${m[0]}"`, ...(lineAt(block, m.index) ? { line: lineAt(block, m.index)! } : {}) };
  }
  return undefined;
}

/**
 * Reads the meeting from a document: its head (the first blocks of lines, or the first `head` lines, and the file's
 * own title), its foot, and as a last resort for the date, the file name.
 */
export function readMeeting(
  lines: readonly Line[],
  options: { skip?: ReadonlySet<number>; title?: string; fileName?: string; head?: number } = {},
): MeetingFacts {
  const skip = options.skip ?? new Set<number>();
  const blocks = headBlocks(options.head === undefined ? lines : lines.slice(0, Math.max(options.head, 1)), skip);
  const titled: HeadBlock[] = options.title ? [{ text: options.title, offsets: [] }] : [];
  const facts: MeetingFacts = {};

  for (const block of [...blocks.slice(0, 6), ...titled]) {
    const name = councilNameIn(block.text);
    if (name) {
      const at = block.text.toLowerCase().indexOf(name.toLowerCase());
      const line = block.offsets.length > 0 ? lineAt(block, Math.max(0, at)) : undefined;
      facts.council = line ? { value: name, from: `"${block.text.slice(at, at + name.length)}"`, line } : { value: name, from: 'the file\'s title' };
      break;
    }
  }
  for (const block of [...blocks, ...titled]) {
    const heading = bodyIn(block.text);
    if (!heading) continue;
    // "Finance Committee of Anytown Town Council": the body is the committee; the council is named apart.
    const of = facts.council ? new RegExp(String.raw`\s+of\s+(?:the\s+)?${facts.council.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i') : undefined;
    const name = of ? heading.replace(of, '') : heading;
    const councilName = facts.council?.value.toLowerCase();
    const isCouncil = (councilName && nameCase(name).toLowerCase() === councilName) || /^(?:the )?(?:above |said |this )?council$/i.test(name) || councilNameIn(name) === nameCase(name);
    facts.body = { value: isCouncil ? fullCouncilName(facts.council?.value ?? councilNameIn(name)) : nameCase(name), from: `"${name}"`, ...(lineAt(block, 0) ? { line: lineAt(block, 0)! } : {}) };
    break;
  }

  const { date, time } = meetingDate([...titled, ...blocks]);
  if (date) facts.date = date;
  else {
    const fromName = options.fileName ? dateInFileName(options.fileName) : undefined;
    if (fromName) facts.date = { value: fromName, from: 'the file name (the text prints no date)' };
  }
  const start = time ?? startTime([...blocks, ...titled]);
  if (start && facts.date) facts.time = start;
  const place = venue(blocks);
  if (place) facts.venue = place;

  // The foot is read with its furniture: a "Signed ... Dated" line is often printed at the bottom of every page.
  for (const line of [...lines].reverse()) {
    const text = printed(line.text);
    const closed = CLOSING_TIME.exec(text);
    const closedTime = closed ? clockTime(`at ${closed.groups!['time']}`) : undefined;
    if (closedTime && !facts.closedAt) facts.closedAt = { value: closedTime, line: line.n, from: `"${closed![0]}"` };
    const signed = /\bsigned\b.*\bdated?\b/i.test(text) ? datesIn(text)[0] : undefined;
    if (signed && !facts.signedOn) facts.signedOn = { value: signed.iso, line: line.n, from: `"${signed.printed}"` };
  }
  return facts;
}
