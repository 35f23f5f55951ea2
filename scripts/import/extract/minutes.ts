/**
 * Minutes, in any council's house style: the meeting they record, who was there, the numbered minutes (or unnumbered
 * sections), and in each minute its decisions, votes, actions and declarations of interest. Pure.
 *
 * Where a minute or a decision starts in the middle of a line, the line is cut there (`cutLines`), so everything
 * found is a run of whole lines that the renderer can set apart without moving or dropping a word.
 */
import type { z } from 'zod';
import type { reviewFlag } from '../../../src/schema';
import { CLOSING_TIME, NOBODY } from '../house-style';
import type { Line } from '../read/line';
import { printed } from '../read/markup';
import { findActions, type FoundAction } from './action';
import { ATTENDANCE_LISTS, attendanceLabel, attendeesIn, readAttendance, type Attendance, type Attendee } from './attendance';
import { assignIds, decisionsOf, printsResolvedBlocks, type FoundDecision, type FoundVote } from './decision';
import { readMeeting, type MeetingFacts } from './meeting';
import { findMinuteHeadings, type MinuteHeading, type Numbering } from './numbering';
import { cutLines, paragraphsOf, type Place } from './paragraphs';
import { namedVotes, type NamedVote } from './vote';
import { datesIn, timeRange } from './when';

type ReviewFlag = z.infer<typeof reviewFlag>;

/** One minute (or unnumbered section): its heading line and its body, as indexes into the minutes' lines. */
export interface MinuteItem {
  /** The number as printed, without punctuation ("83", "18.11.1", "5a"); absent for an unnumbered section. */
  number?: string;
  /** The number as printed with its punctuation ("83.", "1"). */
  label?: string;
  title: string;
  /** What decisions and actions call the minute: its number, or its title when it has none. */
  key: string;
  /** Index of the heading line. */
  heading: number;
  /** Body: from (inclusive) to (exclusive). */
  from: number;
  to: number;
  /** References to papers it considered, as printed ("Agenda Item 8"). */
  considers: string[];
}

/** A decision, vote or action with the lines it is printed on. */
export type Located<T> = T & { first: number; last: number };

export interface ParsedDeclaration {
  printed: string;
  interest: string;
  minute: string;
  line: number;
}

export interface ParsedMinutes {
  /** The minutes' lines, cut where a minute or decision starts mid-line. */
  lines: Line[];
  meeting: MeetingFacts;
  attendance: Attendance;
  items: MinuteItem[];
  /** How the minutes are numbered, in words. */
  numbering: string;
  /** Whether decisions are printed in RESOLVED blocks or in sentences. */
  style: 'blocks' | 'phrases';
  decisions: Array<Located<FoundDecision>>;
  votes: Array<FoundVote & { index: number; named?: NamedVote }>;
  actions: Array<FoundAction & { minute?: string }>;
  declarations: ParsedDeclaration[];
  /** The closing lines after the last minute (closing time, signature), as an index range. */
  closing?: { from: number; to: number; startsAt?: string; endsAt?: string };
  review: ReviewFlag[];
}

const CONSIDERS_RE = /marked,?\s+["'“‘](?<ref>Agenda Item\s+\d+[A-Za-z]?)["'”’]/g;
const SIGNATURE = /^(?:signed\b|chair(?:man|woman|person)?\b|(?:\[?end of minutes\]?)$)/i;
const NAME_PART = String.raw`(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]+)`;
const DECLARED = new RegExp(String.raw`(?<name>(?:(?:County\s+)?Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+${NAME_PART}(?:\s+${NAME_PART})*)\s+declared\s+(?:an?\s+)?(?<interest>[^.]*?\binterests?\b[^.]*)`, 'u');
const DECLARED_LIST_RE = /\bdeclared an? (?<interest>.+?)\s*:$/;
const NAME_LINE_RE = /^(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Sir|Lady|Lord|Prof|Professor)\.?\s[^,;:]{1,80}$/;

/** Corrections a person made to the structure the importer read (hints file). */
export interface StructureOverrides {
  minutes: Array<{ line: number; number?: string | undefined; title: string }>;
  notMinutes: number[];
  notDecisions: number[];
}

/** The minute headings found, less those a person said are not headings, plus those a person added. */
function withOverrides(found: Numbering, lines: readonly Line[], overrides: StructureOverrides | undefined): Numbering {
  if (!overrides) return found;
  const not = new Set(overrides.notMinutes);
  const added = overrides.minutes.flatMap((m): MinuteHeading[] => {
    const index = lines.findIndex((l) => l.n === m.line);
    return index === -1 ? [] : [{ index, ...(m.number ? { number: m.number, label: m.number } : {}), title: m.title, start: 0, end: lines[index]!.text.length }];
  });
  const headings = [...found.headings.filter((h) => !not.has(lines[h.index]!.n) && !added.some((a) => a.index === h.index)), ...added].sort((a, b) => a.index - b.index || a.start - b.start);
  return { headings, style: `${found.style}; corrected in the hints file` };
}

/** The closing lines at the end of the minutes: the closing time, a time range, a date, a signature. */
function closingStart(lines: readonly Line[], from: number, to: number, skip: ReadonlySet<number>): number {
  let start = to;
  for (let i = to - 1; i >= from; i--) {
    const line = lines[i]!;
    const text = printed(line.text);
    if (text === '' || skip.has(line.n)) continue;
    const closing =
      timeRange(text) !== undefined ||
      (CLOSING_TIME.test(text) && text.split(/\s+/).length <= 16) ||
      SIGNATURE.test(text) ||
      /_{4,}/.test(text) ||
      (datesIn(text).length === 1 && datesIn(text)[0]!.printed.length >= text.length - 3);
    if (!closing) break;
    start = i;
  }
  return start;
}

/** Apologies given in a minute ("83. Apologies for absence / Cllr Paul Rochford", "... were received from A, B and C."). */
function apologiesIn(lines: readonly Line[], item: MinuteItem, skip: ReadonlySet<number>): Attendee[] {
  if (!/\bapolog/i.test(item.title)) return [];
  return paragraphsOf(lines, item.from, item.to, skip).flatMap((p) => {
    const said = printed(p.text);
    // "Apologies for absence were received from A, B": the names follow "received from" wherever the sentence starts.
    const text = (/\breceived from\b/i.test(said) ? said.replace(/^.*?\breceived from\b\s*[:–—-]?\s*/i, '') : said.replace(/^.*?\bapologies(?: for absence)?(?: from)?\b\s*[:–—-]?\s*/i, ''))
      .replace(/\s*\((?:SBC|[A-Z]{2,4})\)\s*(?=\()/g, ' ');
    if (!text || NOBODY.test(text) || /\bas above\b/i.test(text) || /^there were no\b/i.test(text)) return [];
    return attendeesIn(text, lines[p.first]!);
  });
}

/** Declarations in a minute: "Cllr X declared a pecuniary interest in ...", or a list under "declared a ... interest:". */
function declarationsIn(lines: readonly Line[], item: MinuteItem, skip: ReadonlySet<number>): ParsedDeclaration[] {
  const out: ParsedDeclaration[] = [];
  let interest: string | undefined;
  for (const p of paragraphsOf(lines, item.from, item.to, skip)) {
    const body = printed(p.text).replace(/^[-•]\s+/, '');
    const one = DECLARED.exec(body)?.groups;
    const list = DECLARED_LIST_RE.exec(body)?.groups;
    if (one?.['name'] && one['interest']) {
      out.push({ printed: one['name'], interest: one['interest'].trim(), minute: item.key, line: lines[p.first]!.n });
      interest = undefined;
    } else if (list?.['interest']) interest = list['interest'];
    else if (interest && NAME_LINE_RE.test(body)) out.push({ printed: body, interest, minute: item.key, line: lines[p.first]!.n });
    else interest = undefined;
  }
  return out;
}

/** Every "marked 'Agenda Item 8'" reference in a minute, once each, in printed order. */
function considersIn(lines: readonly Line[], from: number, to: number): string[] {
  const text = lines.slice(from, to).map((l) => l.text).join('\n');
  return [...new Set([...text.matchAll(CONSIDERS_RE)].map((m) => m.groups!['ref']!.replace(/\s+/g, ' ')))];
}

/**
 * Reads a set of minutes. `skip` holds the line numbers of page furniture; `title` and `fileName` are the file's own
 * title and name, which the meeting's date comes from when the text prints none.
 */
export function parseMinutes(
  section: readonly Line[],
  options: { skip?: ReadonlySet<number>; title?: string; fileName?: string; overrides?: StructureOverrides | undefined } = {},
): ParsedMinutes {
  const skip = options.skip ?? new Set<number>();
  const review: ReviewFlag[] = [];
  const numbering = withOverrides(findMinuteHeadings(section, skip), section, options.overrides);

  // Cut each heading's line where the heading starts and ends, so the heading and the minute's text are lines apart.
  const first = cutLines(section, numbering.headings.flatMap((h): Place[] => [{ index: h.index, col: h.start }, { index: h.index, col: h.end }]));
  let lines = first.lines;
  let items: MinuteItem[] = numbering.headings.map((h, k) => {
    const heading = first.at({ index: h.index, col: h.start });
    const next = numbering.headings[k + 1];
    return {
      ...(h.number ? { number: h.number } : {}),
      ...(h.label ? { label: h.label } : {}),
      title: h.title,
      key: h.number ?? h.title,
      heading,
      from: heading + 1,
      to: next ? first.at({ index: next.index, col: next.start }) : lines.length,
      considers: [],
    };
  });
  const headEnd = items[0]?.heading ?? lines.length;
  const meeting = readMeeting(lines, { skip, head: headEnd, ...(options.title ? { title: options.title } : {}), ...(options.fileName ? { fileName: options.fileName } : {}) });
  const { attendance } = readAttendance(lines.slice(0, headEnd), skip);

  // The closing lines belong to no minute.
  const last = items[items.length - 1];
  const closeAt = last ? closingStart(lines, last.from, last.to, skip) : lines.length;
  if (last) last.to = closeAt;

  const style = printsResolvedBlocks(section) ? 'blocks' : 'phrases';
  const found = items.map((item) => decisionsOf(item.key, lines, item.from, item.to, { blocks: style === 'blocks', skip }));
  const notDecisions = new Set(options.overrides?.notDecisions ?? []);
  const decisions = found.flatMap((f) => f.decisions).filter((d) => !notDecisions.has(lines[d.from.index]!.n));
  const votes = found.flatMap((f) => f.votes);
  assignIds(decisions);

  // Cut again where decisions start and end, and move everything found onto the new lines.
  const second = cutLines(lines, decisions.flatMap((d) => [d.from, d.to]));
  const move = (index: number) => second.at({ index, col: 0 });
  items = items.map((i) => ({ ...i, heading: move(i.heading), from: move(i.from), to: move(i.to) }));
  const closing = last ? { from: move(closeAt), to: second.lines.length } : undefined;
  const located = decisions.map((d) => ({ ...d, first: second.at(d.from), last: second.at(d.to) - 1 }));
  lines = second.lines;
  for (const item of items) item.considers = considersIn(lines, item.from, item.to);

  const itemAt = (index: number) => items.find((i) => index >= i.heading && index < i.to);
  const locatedVotes: ParsedMinutes['votes'] = votes.map((v) => ({ ...v, index: second.at(v.at) }));
  for (const item of items) {
    for (const named of namedVotes(lines, item.from, item.to)) {
      const vote = [...locatedVotes].reverse().find((v) => v.minute === item.key && v.index <= named.last);
      if (vote) vote.named = named;
      else locatedVotes.push({ minute: item.key, unanimous: false, printed: '', at: { index: named.first, col: 0 }, decided: [], index: named.first, named });
    }
  }
  const actions = findActions(lines, skip).map((a) => {
    const item = itemAt(a.index);
    return item ? { ...a, minute: item.key } : a;
  });

  for (const item of items) attendance.apologies.push(...apologiesIn(lines, item, skip));
  // A section headed by a list's label ("## Present", "In attendance") is that list, and may go on to another.
  for (const item of items) {
    const label = attendanceLabel(item.title);
    if (!label || label.rest !== '' || label.list === 'apologies') continue;
    const read = readAttendance(lines.slice(item.heading, item.to), skip).attendance;
    for (const list of ATTENDANCE_LISTS) attendance[list].push(...read[list]);
  }
  const declarations = items.flatMap((item) => declarationsIn(lines, item, skip));

  // A paragraph that starts in lower case lost its beginning in extraction: a person should look at it.
  for (const item of items) {
    for (const p of paragraphsOf(lines, item.from, item.to, skip)) {
      if (/^\p{Ll}/u.test(p.text)) review.push({ line: lines[p.first]!.n, reason: 'starts mid-sentence: the beginning of the sentence was lost in extraction' });
    }
  }
  const range = closing ? lines.slice(closing.from, closing.to).map((l) => timeRange(printed(l.text))).find(Boolean) : undefined;
  if (numbering.headings.length === 0) review.push({ line: section[0]?.n ?? 1, reason: 'no numbered minutes or section headings were found; the text is kept as printed' });
  return {
    lines,
    meeting,
    attendance,
    items,
    numbering: numbering.style,
    style,
    decisions: located,
    votes: locatedVotes.sort((a, b) => a.index - b.index),
    actions,
    declarations,
    ...(closing && closing.from < closing.to ? { closing: { ...closing, ...(range ? { startsAt: range.startsAt, endsAt: range.endsAt } : {}) } } : {}),
    review,
  };
}
