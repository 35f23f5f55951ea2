/** Minutes: one set of minutes inside a pack, from its "Minutes of a meeting of ..." line to the CHAIRMAN signature. Pure. */
import type { z } from 'zod';
import type { Decision, Declaration, PersonMention, reviewFlag } from '../../../src/schema';
import type { SourceLine } from '../read/line';

type ReviewFlag = z.infer<typeof reviewFlag>;

/** First and last source line of something, both inclusive. */
export interface LineRange {
  start: number;
  end: number;
}

/** What the heading line says. */
export interface MinutesHeading {
  /** Body as printed, without a leading "the" ("Scrutiny Commission"). */
  body: string;
  /** Venue as printed ("County Hall, Glenfield"). */
  venue: string;
  /** Date of the meeting, YYYY-MM-DD. */
  date: string;
  /** Weekday as printed, when printed. */
  weekday?: string;
  /** Start time as printed after the date ("2.00 pm"), when printed. */
  time?: string;
}

/** A person in an attendance list: the name as printed, the role beside it, and the whole printed line. */
export type Attendee = PersonMention & {
  /** Source line the name is on. */
  line: number;
  /** The whole printed line, trimmed (a line can name two people). */
  text: string;
  /** A bracketed note after the name ("in the Chair", "for Minute 180"). */
  note?: string;
  /** Marked "(in the Chair)". */
  chair: boolean;
};

/** A paragraph of minute text: one printed line, or several when a page break split a sentence. */
export interface MinutesParagraph extends LineRange {
  /** The non-blank source lines it was joined from. */
  lines: number[];
  /** Printed text, lines joined by a space. */
  text: string;
  /** Text without the bullet dash and the "(a)" label. */
  body: string;
  /** Printed as a "- " bullet. */
  bullet: boolean;
  /** The printed label without brackets ("a", "iv"), when there is one. */
  label?: string;
}

/** One numbered minute: its heading line to its last non-blank line. */
export interface MinuteItem extends LineRange {
  /** Number as printed ("173"). */
  number: string;
  /** Title as printed, full stop and all ("Minutes."). */
  title: string;
  /** References to papers it considered, as printed ("Agenda Item 8"). */
  considers: string[];
  /** The text under the heading. */
  paragraphs: MinutesParagraph[];
}

/** A decision with where it was printed. */
export interface ParsedDecision extends LineRange {
  decision: Decision;
  /** Line of the RESOLVED (or NOTED) word. */
  markerLine: number;
  /** Printed sub-label ("a"), when there is one. */
  label?: string;
}

/** A declaration of interest with the line the name is printed on. */
export interface ParsedDeclaration {
  declaration: Declaration;
  line: number;
}

/** One printed line of the closing block. */
export interface ClosingLine {
  line: number;
  text: string;
}

/** The closing lines: "2.00 - 4.45 pm", "04 March 2015", "CHAIRMAN". */
export interface MinutesClosing extends LineRange {
  /** from/to: the two sides as printed ("2.00", "4.45 pm"); startsAt/endsAt: 24-hour "14:00", "16:45". */
  time?: ClosingLine & { from?: string; to?: string; startsAt?: string; endsAt?: string };
  date?: ClosingLine & { iso?: string };
  signature?: ClosingLine;
}

export const partKinds = [
  'heading',
  'present',
  'inAttendance',
  'apologies',
  'minute',
  'closing',
  'blankPage',
  'unplaced',
] as const;
export type PartKind = (typeof partKinds)[number];

/** A run of lines with one role; together the parts cover every non-blank input line once. */
export interface MinutesPart extends LineRange {
  kind: PartKind;
  /** Minute number, for kind "minute". */
  minute?: string;
}

/** Everything read from one set of minutes. */
export interface ParsedMinutes {
  heading?: MinutesHeading;
  present: Attendee[];
  inAttendance: Attendee[];
  apologies: Attendee[];
  items: MinuteItem[];
  decisions: ParsedDecision[];
  declarations: ParsedDeclaration[];
  closing?: MinutesClosing;
  /** In line order; every non-blank line is in exactly one. */
  parts: MinutesPart[];
  /** Passages kept verbatim that a person should look at. */
  review: ReviewFlag[];
}

// ---------------------------------------------------------------------------------------------------------------
// Dates and the heading

const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

const DATE_RE =
  /^(?:(?<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),?\s+)?(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?<month>[A-Za-z]+),?\s+(?<year>\d{4})$/;

/** Reads "Wednesday, 4 March 2015" or "04 March 2015" as YYYY-MM-DD; undefined when it is not a real date. */
function isoDateOf(text: string): { iso: string; weekday?: string } | undefined {
  const g = DATE_RE.exec(text.trim())?.groups;
  const month = MONTHS[g?.['month']?.toLowerCase() ?? ''];
  if (!g || month === undefined) return undefined;
  const [year, day] = [Number(g['year']), Number(g['day'])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  const iso = date.toISOString().slice(0, 10);
  return g['weekday'] ? { iso, weekday: g['weekday'] } : { iso };
}

const HEADING_RE =
  /^Minutes of (?:a|the) (?:[A-Za-z]+ )?meeting of (?:the )?(?<body>.+?) held (?:at |in )?(?<venue>.+?) on (?<date>(?:[A-Z][a-z]+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+,?\s+\d{4})(?:,?\s+at\s+(?<time>\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m))?\.?$/;

/** Reads "Minutes of a meeting of the X held at V on Wednesday, 4 March 2015." into body, venue and date. */
export function parseMinutesHeading(text: string): MinutesHeading | undefined {
  const g = HEADING_RE.exec(text.trim())?.groups;
  const date = g ? isoDateOf(g['date'] ?? '') : undefined;
  if (!g || !date) return undefined;
  const heading: MinutesHeading = { body: g['body'] ?? '', venue: g['venue'] ?? '', date: date.iso };
  if (date.weekday) heading.weekday = date.weekday;
  if (g['time']) heading.time = g['time'];
  return heading;
}

// ---------------------------------------------------------------------------------------------------------------
// The decision word

const DECISION_WORD = 'RESOLVED';
/** Real words within two edits of RESOLVED that are not it, in capitals. */
const NOT_DECISION_WORDS = new Set([
  'RESERVED',
  'REVOLVED',
  'REVOLVE',
  'REMOVED',
  'SOLVED',
  'EVOLVED',
  'RESOLD',
  'RESOLED',
  'REFOLDED',
  'RESOLVER',
]);
const MARKER_RE = /^(?<word>[A-Z]{5,11})(?<sep>:|\s+(?=[Tt]hat\b)|$)\s*(?<rest>.*)$/;

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost one. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i]![j] = best;
    }
  }
  return at(a.length, b.length);
}

/** Whether a capitalised word is RESOLVED or a misprint of it (at most two edits, not a real word). */
function isDecisionWord(word: string): boolean {
  return !NOT_DECISION_WORDS.has(word) && editDistance(word, DECISION_WORD) <= 2;
}

/** Finds RESOLVED, or a near-miss in capitals followed by ":", at the start of a line; gives the word as printed and the rest. */
export function matchDecisionMarker(text: string): { printedAs: string; rest: string } | undefined {
  const g = MARKER_RE.exec(text.trim())?.groups;
  const word = g?.['word'] ?? '';
  if (!g || !isDecisionWord(word)) return undefined;
  if (g['sep'] !== ':' && word !== DECISION_WORD) return undefined;
  return { printedAs: word, rest: g['rest'] ?? '' };
}

// ---------------------------------------------------------------------------------------------------------------
// Decision kinds

const KIND_RULES: { kind: Decision['kind']; re: RegExp }[] = [
  {
    kind: 'recommendation',
    re: /\b(?:be|is|are) (?:commended|recommended|referred|submitted|forwarded)\b[^.;]*\b(?:to|at|by)\b/i,
  },
  { kind: 'recommendation', re: /\bfor (?:consideration|approval|decision) (?:at|by) the\b/i },
  { kind: 'recommendation', re: /\brecommends? (?:to|that) the\b/i },
  { kind: 'noting', re: /\bbe noted\b/i },
  { kind: 'noting', re: /\bit was noted\b/i },
  { kind: 'noting', re: /\bNOTED\b/ },
];

/** Kind of a decision from its text: recommendation to another body, noting, or else resolution. */
export function classifyDecision(text: string): Decision['kind'] {
  return KIND_RULES.find((r) => r.re.test(text))?.kind ?? 'resolution';
}

// ---------------------------------------------------------------------------------------------------------------
// Line patterns

const MINUTE_HEADING_RE = /^(?<number>\d{1,4})(?<suffix>[A-Z]?)\.\s+(?<title>[A-Z0-9(‘“"'].{0,199})$/;
const MAX_MINUTE_GAP = 5;
const BULLET_RE = /^(?<dash>-\s+)?(?:\((?<label>[a-z]{1,6}|\d{1,3})\)\s+)?(?<body>.*)$/i;
const SENTENCE_END_RE = /[.!?;:)"”’]$/;
const STARTS_LOWER_RE = /^[a-z]/;
const BLANK_PAGE_RE = /^this page is intentionally left blank\.?$/i;
const CONSIDERS_RE = /marked,?\s+["'“‘](?<ref>Agenda Item\s+\d+[A-Za-z]?)["'”’]/g;
const TITLE = String.raw`(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Sir|Lady|Lord|Prof|Professor)\.?\s`;
const NAME_LINE_RE = new RegExp(String.raw`^${TITLE}[^,;:]{1,80}$`);
const NAME_SPLIT_RE = new RegExp(String.raw`(?:,\s*|\s+and\s+)(?=${TITLE})`);
const ATTENDEE_RE = /^(?<name>[^,(]+?)\s*(?:,\s*(?<role>[^()]+?))?\s*(?:\((?<note>[^()]*)\))?\.?$/;
const CHAIR_NOTE_RE = /^in the chair$/i;
const APOLOGIES_SENTENCE_RE = /^Apologies for absence were received from (?<names>.+?)\.?$/;
const DECLARED_LIST_RE = /\bdeclared an? (?<interest>.+?)\s*:$/;
const DECLARED_ONE_RE = new RegExp(String.raw`^(?<name>${TITLE}.+?)\s+declared an? (?<interest>.+?)\.?$`);
const NOTED_RE = /(?:It (?:was|is) )?\bNOTED\b/;

const TIME_RE =
  /^(?<from>(?<fromClock>\d{1,2}(?:[.:]\d{2})?)(?:\s*(?<fromMeridiem>am|pm))?)\s*[-–—]\s*(?<to>(?<toClock>\d{1,2}(?:[.:]\d{2})?)\s*(?<toMeridiem>am|pm))\.?$/i;
const SIGNATURE_RE = /^(?:CHAIRMAN|CHAIR|Chairman|Chair)$/;

type SectionKind = 'present' | 'inAttendance' | 'apologies';
const SECTION_MARKERS: { kind: SectionKind; re: RegExp }[] = [
  { kind: 'present', re: /^PRESENT(?::\s*(?<rest>.*))?$/i },
  { kind: 'inAttendance', re: /^In attendance(?::\s*(?<rest>.*))?$/i },
  { kind: 'apologies', re: /^Apologies(?: for absence)?(?::\s*| were received from\s+)?(?<rest>.*)$/i },
];

const nonBlank = (lines: SourceLine[]) => lines.filter((l) => l.text.trim() !== '');

// ---------------------------------------------------------------------------------------------------------------
// People

/** Splits a printed line into people: "Mr. A CC, Role and Mr. B CC, Role (for Minute 180)". */
function attendeesOf(line: SourceLine): Attendee[] {
  const text = line.text.trim();
  const segments = text.split(NAME_SPLIT_RE);
  const lineNote = ATTENDEE_RE.exec(segments[segments.length - 1] ?? '')?.groups?.['note'];
  return segments.flatMap((segment) => {
    const g = ATTENDEE_RE.exec(segment.trim())?.groups;
    if (!g?.['name']) return [];
    const note = g['note'] ?? lineNote;
    const chair = CHAIR_NOTE_RE.test(note ?? '');
    const attendee: Attendee = { printed: g['name'], line: line.n, text, chair };
    const role = g['role'] ?? (chair ? note : undefined);
    if (role) attendee.role = role;
    if (note) attendee.note = note;
    return [attendee];
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Paragraphs

/** Joins lines into paragraphs; a line that starts in lower case continues one that did not end a sentence. */
function toParagraphs(lines: SourceLine[], review: ReviewFlag[]): MinutesParagraph[] {
  const paragraphs: MinutesParagraph[] = [];
  for (const line of nonBlank(lines)) {
    const text = line.text.trim();
    const last = paragraphs[paragraphs.length - 1];
    if (STARTS_LOWER_RE.test(text) && last && !SENTENCE_END_RE.test(last.text)) {
      Object.assign(last, {
        end: line.n,
        lines: [...last.lines, line.n],
        text: `${last.text} ${text}`,
        body: `${last.body} ${text}`,
      });
      continue;
    }
    if (STARTS_LOWER_RE.test(text)) {
      review.push({
        line: line.n,
        reason: 'starts mid-sentence: the beginning of the sentence was lost in extraction',
      });
    }
    paragraphs.push(paragraphOf(line, text));
  }
  return paragraphs;
}

/** One line as a paragraph, with its bullet dash and "(a)" label read off. */
function paragraphOf(line: SourceLine, text: string): MinutesParagraph {
  const g = BULLET_RE.exec(text)?.groups ?? {};
  const paragraph: MinutesParagraph = {
    start: line.n,
    end: line.n,
    lines: [line.n],
    text,
    body: g['body'] ?? text,
    bullet: g['dash'] !== undefined,
  };
  if (g['label']) paragraph.label = g['label'].toLowerCase();
  return paragraph;
}

// ---------------------------------------------------------------------------------------------------------------
// Finding the minutes and the closing

interface HeadingAt {
  index: number;
  number: string;
  title: string;
}

/** Numbered minute headings: a number that follows the previous one closely, then a capitalised title. */
function findMinuteHeadings(lines: SourceLine[]): HeadingAt[] {
  const found: HeadingAt[] = [];
  lines.forEach((line, index) => {
    const g = MINUTE_HEADING_RE.exec(line.text.trim())?.groups;
    if (!g) return;
    const n = Number(g['number']);
    const prev = found[found.length - 1];
    const prevN = prev ? Number.parseInt(prev.number, 10) : undefined;
    const follows =
      prevN === undefined || (n > prevN && n - prevN <= MAX_MINUTE_GAP) || (n === prevN && g['suffix'] !== '');
    if (follows) found.push({ index, number: `${g['number']}${g['suffix']}`, title: g['title'] ?? '' });
  });
  return found;
}

const CLOSING_PATTERNS: { field: 'time' | 'date' | 'signature'; test: (t: string) => boolean }[] = [
  { field: 'time', test: (t) => TIME_RE.test(t) },
  { field: 'date', test: (t) => isoDateOf(t) !== undefined },
  { field: 'signature', test: (t) => SIGNATURE_RE.test(t) },
];

/** "2.00" with "pm" as "14:00". */
function clock(hm: string, meridiem: string): string {
  const [h = 0, m = 0] = hm.split(/[.:]/).map(Number);
  const hour = (h % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  return `${String(hour).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Reads "2.00 - 4.45 pm": the start takes the end's am/pm unless that would put it after the end. */
function timeRange(text: string): { from: string; to: string; startsAt: string; endsAt: string } | undefined {
  const g = TIME_RE.exec(text)?.groups;
  if (!g?.['from'] || !g['to'] || !g['fromClock'] || !g['toClock'] || !g['toMeridiem']) return undefined;
  const endsAt = clock(g['toClock'], g['toMeridiem']);
  const startsAt = clock(g['fromClock'], g['fromMeridiem'] ?? g['toMeridiem']);
  const morning = !g['fromMeridiem'] && startsAt > endsAt;
  return { from: g['from'], to: g['to'], startsAt: morning ? clock(g['fromClock'], 'am') : startsAt, endsAt };
}

/** The closing block: trailing time, date and signature lines, read from the end. */
function findClosing(lines: SourceLine[]): MinutesClosing | undefined {
  const closing: Partial<MinutesClosing> = {};
  for (const line of nonBlank(lines).reverse()) {
    const text = line.text.trim();
    const field = CLOSING_PATTERNS.find((p) => p.test(text) && closing[p.field] === undefined)?.field;
    if (!field) break;
    const at: ClosingLine = { line: line.n, text };
    if (field === 'time') closing.time = { ...at, ...timeRange(text) };
    if (field === 'date') closing.date = { ...at, ...isoDateOf(text) };
    if (field === 'signature') closing.signature = at;
    closing.start = line.n;
    closing.end ??= line.n;
  }
  return closing.start === undefined || closing.end === undefined ? undefined : (closing as MinutesClosing);
}

// ---------------------------------------------------------------------------------------------------------------
// The preamble: heading, PRESENT, In Attendance, Apologies

interface Preamble {
  heading?: MinutesHeading;
  present: Attendee[];
  inAttendance: Attendee[];
  apologies: Attendee[];
  parts: MinutesPart[];
}

/** Reads the lines before the first minute into the heading and the attendance sections. */
function parsePreamble(lines: SourceLine[], review: ReviewFlag[]): Preamble {
  const pre: Preamble = { present: [], inAttendance: [], apologies: [], parts: [] };
  let section: PartKind = 'unplaced';
  for (const line of nonBlank(lines)) {
    const text = line.text.trim();
    const heading = pre.heading ? undefined : parseMinutesHeading(text);
    const marker = SECTION_MARKERS.map((m) => ({ kind: m.kind, g: m.re.exec(text)?.groups })).find((m) => m.g);
    if (heading) {
      pre.heading = heading;
      section = 'heading';
      pre.parts.push({ kind: 'heading', start: line.n, end: line.n });
      continue;
    }
    if (marker) {
      section = marker.kind;
      pre.parts.push({ kind: section, start: line.n, end: line.n });
      const rest = marker.g?.['rest'] ?? '';
      if (rest) pre[marker.kind].push(...attendeesOf({ n: line.n, text: rest }));
      continue;
    }
    if (section === 'heading') section = 'unplaced';
    extendPart(pre.parts, section, line.n);
    if (section === 'present' || section === 'inAttendance' || section === 'apologies')
      pre[section].push(...attendeesOf(line));
    else
      review.push({
        line: line.n,
        reason: 'a line before the first minute that is not the heading or an attendance list',
      });
  }
  return pre;
}

/** Grows the last part when it has this kind, else starts a new one. */
function extendPart(parts: MinutesPart[], kind: PartKind, n: number): void {
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.end = n;
  else parts.push({ kind, start: n, end: n });
}

// ---------------------------------------------------------------------------------------------------------------
// Decisions, declarations, apologies inside minutes

/** Groups a decision block's paragraphs: a lead-in ending ":" takes the bullets and labelled items after it. */
function groupDecisionParagraphs(paragraphs: MinutesParagraph[]): MinutesParagraph[][] {
  const groups: MinutesParagraph[][] = [];
  for (const p of paragraphs) {
    const last = groups[groups.length - 1];
    const lead = last?.[0];
    const item = p.bullet || p.label !== undefined;
    const nextOfLead = lead?.label !== undefined && p.label === successor(lead.label);
    if (last && lead?.text.endsWith(':') && item && !nextOfLead) last.push(p);
    else groups.push([p]);
  }
  return groups;
}

/** The label after this one in its series: "a" to "b", "2" to "3". */
function successor(label: string): string {
  return /^\d+$/.test(label) ? String(Number(label) + 1) : String.fromCharCode(label.charCodeAt(label.length - 1) + 1);
}

/** The decisions of one minute: each RESOLVED block's items, and "It was NOTED that" sentences outside them. */
function decisionsOf(item: MinuteItem): ParsedDecision[] {
  const out: ParsedDecision[] = [];
  let block: { printedAs: string; markerLine: number; paragraphs: MinutesParagraph[] } | undefined;
  const flush = () => {
    if (block) out.push(...decisionsOfBlock(item.number, block.printedAs, block.markerLine, block.paragraphs));
    block = undefined;
  };
  for (const p of item.paragraphs) {
    const marker = matchDecisionMarker(p.text);
    if (marker) {
      flush();
      block = { printedAs: marker.printedAs, markerLine: p.start, paragraphs: [] };
      if (marker.rest)
        block.paragraphs.push({
          ...paragraphOf({ n: p.start, text: marker.rest }, marker.rest),
          end: p.end,
          lines: p.lines,
        });
    } else if (block) block.paragraphs.push(p);
    else out.push(...notedIn(item.number, p));
  }
  flush();
  return out;
}

/** The decisions after one RESOLVED word: one per labelled item or paragraph, a lead-in with its sub-items. */
function decisionsOfBlock(
  minute: string,
  printedAs: string,
  markerLine: number,
  paragraphs: MinutesParagraph[],
): ParsedDecision[] {
  const groups = groupDecisionParagraphs(paragraphs);
  return groups.map((group) => {
    const first = group[0]!;
    const last = group[group.length - 1]!;
    const label = first.label;
    const text = group.map((p) => (p === first ? p.body : p.text.replace(/^-\s+/, ''))).join('\n');
    const parsed: ParsedDecision = {
      decision: { id: '', minute, printedAs, text, kind: classifyDecision(text), followUps: [] },
      markerLine,
      start: first.start,
      end: last.end,
    };
    if (label) parsed.label = label;
    return parsed;
  });
}

/** "It was NOTED that ..." outside a RESOLVED block, as a noting decision. */
function notedIn(minute: string, p: MinutesParagraph): ParsedDecision[] {
  const match = NOTED_RE.exec(p.body);
  if (!match) return [];
  const text = p.body.slice(match.index);
  return [
    {
      decision: { id: '', minute, printedAs: 'NOTED', text, kind: 'noting', followUps: [] },
      markerLine: p.start,
      start: p.start,
      end: p.end,
    },
  ];
}

/**
 * Gives each decision its anchor id: the printed label (decision-180-a); else decision-181 when it is the minute's only
 * unlabelled decision, or decision-181-1, -2 in order when there are several. An id already taken gets -2, -3. The
 * "decision-" prefix keeps them apart from the minutes' own anchors (#minute-181) on the same page.
 */
function assignIds(decisions: ParsedDecision[]): void {
  const unlabelled = Map.groupBy(
    decisions.filter((d) => d.label === undefined),
    (d) => d.decision.minute,
  );
  const seen = new Map<string, number>();
  for (const d of decisions) {
    const siblings = unlabelled.get(d.decision.minute) ?? [];
    const suffix = d.label ?? (siblings.length > 1 ? String(siblings.indexOf(d) + 1) : undefined);
    const base = ['decision', d.decision.minute, suffix]
      .filter(Boolean)
      .join('-')
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '');
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    d.decision.id = count === 1 ? base : `${base}-${count}`;
  }
}

/** Declarations in one minute: "The following members each declared a personal interest ...:" then one name a line. */
function declarationsOf(item: MinuteItem): ParsedDeclaration[] {
  const out: ParsedDeclaration[] = [];
  let interest: string | undefined;
  for (const p of item.paragraphs) {
    const one = DECLARED_ONE_RE.exec(p.body)?.groups;
    const list = DECLARED_LIST_RE.exec(p.body)?.groups;
    if (one?.['name'] && one['interest']) {
      out.push({
        declaration: { printed: one['name'], interest: one['interest'], minute: item.number },
        line: p.start,
      });
      interest = undefined;
    } else if (list?.['interest']) interest = list['interest'];
    else if (interest && NAME_LINE_RE.test(p.body)) {
      out.push({ declaration: { printed: p.body, interest, minute: item.number }, line: p.start });
    } else interest = undefined;
  }
  return out;
}

/** "Apologies for absence were received from Mr. A CC and Mrs. B CC." inside a minute. */
function apologiesIn(item: MinuteItem): Attendee[] {
  return item.paragraphs.flatMap((p) => {
    const names = APOLOGIES_SENTENCE_RE.exec(p.body)?.groups?.['names'];
    return names ? attendeesOf({ n: p.start, text: names }) : [];
  });
}

/** Every "marked 'Agenda Item 8'" reference in a minute, once each, in printed order. */
function considersOf(paragraphs: MinutesParagraph[]): string[] {
  const refs = paragraphs.flatMap((p) => [...p.text.matchAll(CONSIDERS_RE)].map((m) => m.groups?.['ref'] ?? ''));
  return [...new Set(refs.filter(Boolean).map((r) => r.replace(/\s+/g, ' ')))];
}

// ---------------------------------------------------------------------------------------------------------------
// Putting it together

/** Where the minutes end: before a trailing "intentionally left blank" page and the closing lines. */
function splitTail(lines: SourceLine[]): { body: SourceLine[]; blank: SourceLine[] } {
  const body = [...lines];
  const blank: SourceLine[] = [];
  while (body.length > 0) {
    const last = body[body.length - 1]!;
    if (last.text.trim() !== '' && !BLANK_PAGE_RE.test(last.text.trim())) break;
    if (last.text.trim() !== '') blank.unshift(last);
    body.pop();
  }
  return { body, blank };
}

/** One numbered minute from its heading line to the line before the next. */
function buildItem(heading: HeadingAt, lines: SourceLine[], review: ReviewFlag[]): MinuteItem {
  const headLine = lines[0]!;
  const paragraphs = toParagraphs(lines.slice(1), review);
  const last = nonBlank(lines).pop() ?? headLine;
  return {
    number: heading.number,
    title: heading.title,
    start: headLine.n,
    end: last.n,
    considers: considersOf(paragraphs),
    paragraphs,
  };
}

/** Reads one set of minutes: attendance, numbered minutes, decisions, declarations, closing, and a part for every line. */
export function parseMinutes(lines: SourceLine[]): ParsedMinutes {
  const review: ReviewFlag[] = [];
  const { body, blank } = splitTail(lines);
  const headings = findMinuteHeadings(body);
  const closing = headings.length > 0 ? findClosing(body.slice(headings[headings.length - 1]!.index + 1)) : undefined;
  const minutesEnd = closing ? body.findIndex((l) => l.n === closing.start) : body.length;
  const preamble = parsePreamble(body.slice(0, headings[0]?.index ?? minutesEnd), review);
  const items = headings.map((h, i) => buildItem(h, body.slice(h.index, headings[i + 1]?.index ?? minutesEnd), review));
  const decisions = items.flatMap(decisionsOf);
  assignIds(decisions);
  if (!preamble.heading)
    review.push({ line: lines[0]?.n ?? 1, reason: 'no "Minutes of a meeting of ..." heading was found' });
  const parts: MinutesPart[] = [
    ...preamble.parts,
    ...items.map((it): MinutesPart => ({ kind: 'minute', minute: it.number, start: it.start, end: it.end })),
    ...(closing ? [{ kind: 'closing' as const, start: closing.start, end: closing.end }] : []),
    ...blank.map((l): MinutesPart => ({ kind: 'blankPage', start: l.n, end: l.n })),
  ];
  const result: ParsedMinutes = {
    present: preamble.present,
    inAttendance: preamble.inAttendance,
    apologies: [...preamble.apologies, ...items.flatMap(apologiesIn)],
    items,
    decisions,
    declarations: items.flatMap(declarationsOf),
    parts,
    review: review.sort((a, b) => a.line - b.line),
  };
  if (preamble.heading) result.heading = preamble.heading;
  if (closing) result.closing = closing;
  return result;
}
