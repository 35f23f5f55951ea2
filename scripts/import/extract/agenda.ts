import type { AgendaItem } from '../../../src/schema';
import type { SourceLine } from '../read/line';
import { plain } from '../read/markup';
import { clockTime, datesIn } from './when';

/** What the front sheet of a pack says about the meeting. Every field is optional: packs differ. */
export interface MeetingHeader {
  body?: string;
  date?: string;
  time?: string;
  venue?: string;
  contact?: { name?: string; phone?: string; email?: string };
  /** Lines of the printed membership list. */
  membership: SourceLine[];
  /** Webcast notice, when printed. */
  webcast?: { note: string; url?: string };
}

const FIELD = /^\**\s*(?<key>meeting|date\/time|date|time|location|place|venue|contact|officer contact|email)\s*:\s*(?<value>.*)$/i;

/** Reads the labelled fields of a front sheet ("Meeting:", "Date/Time:", "PLACE:" ...), in both councils' styles. */
export function parseMeetingHeader(lines: SourceLine[]): MeetingHeader {
  const header: MeetingHeader = { membership: [] };
  const contact: NonNullable<MeetingHeader['contact']> = {};
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    const meetingOf = /^\**\s*meeting of (?:the )?(?<body>.+?)\**$/i.exec(text);
    if (meetingOf && !header.body) header.body = titleCase(plain(meetingOf.groups!['body']!));
    const field = FIELD.exec(plain(text).length ? text.trim() : '');
    if (field) {
      const key = field.groups!['key']!.toLowerCase();
      let value = plain(field.groups!['value']!);
      // A value the converter wrapped onto the next line ("**PLACE: TEA ROOM, ...,\nLEICESTER**").
      if (/\*\*/.test(text) && !/\*\*\s*$/.test(text) && lines[i + 1]) value = plain(`${value} ${lines[i + 1]!.text}`);
      if (key === 'meeting') header.body = value;
      if (key === 'date/time' || key === 'date') {
        const found = datesIn(value)[0];
        if (found) header.date = found.iso;
        const time = found?.time ?? clockTime(value);
        if (time) header.time = time;
      }
      if (key === 'time') {
        const time = clockTime(value);
        if (time) header.time = time;
      }
      if (key === 'location' || key === 'place' || key === 'venue') header.venue = value.replace(/,\s*$/, '');
      if (key === 'contact' || key === 'officer contact') {
        const m = /^(?<name>[^(]+?)\s*(?:\(Tel:?\s*(?<phone>[^)]+)\))?$/.exec(value);
        if (m?.groups?.['name']) contact.name = m.groups['name'].trim();
        if (m?.groups?.['phone']) contact.phone = m.groups['phone'].trim();
      }
      if (key === 'email') contact.email = value.trim();
    }
    const email = /\bemail:\s*(?<email>[\w.+-]+@[\w.-]+\w)/i.exec(text);
    if (email && !contact.email) contact.email = email.groups!['email']!;
    const tel = /\bTel:\s*(?<phone>[\d ]+[\d/]*\d)/i.exec(text);
    if (tel && !contact.phone) contact.phone = tel.groups!['phone']!.trim();
    if (/filmed|webcast|broadcast/i.test(text)) {
      const url = /<?(https?:\/\/[^\s>)]+)>?/.exec(text)?.[1];
      header.webcast = url ? { note: plain(text.replace(/<(https?:[^>]+)>/, '$1')), url } : { note: plain(text) };
    }
  }
  if (Object.keys(contact).length > 0) header.contact = contact;
  header.membership = membershipLines(lines);
  return header;
}

/** The lines listing members: after a "Membership"/"Members of the ..." heading, up to the next notice or heading. */
function membershipLines(lines: SourceLine[]): SourceLine[] {
  const start = lines.findIndex((l) => /^\**\s*(membership|members of the [a-z ]+)\s*\**$/i.test(l.text.trim()));
  if (start === -1) return [];
  const out: SourceLine[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.text.trim() === '') continue;
    if (!/\b(CC|Councillors?)\b/.test(line.text) && !/^and\s+\w+$/i.test(line.text.trim())) break;
    out.push(line);
  }
  return out;
}

const titleCase = (s: string) =>
  s.toLowerCase().replace(/\b([a-z])/g, (c) => c.toUpperCase()).replace(/\b(And|Of|The|For)\b/g, (w) => w.toLowerCase());

/** An agenda item as read from the pack, with the lines it was read from. */
export interface ParsedItem extends Omit<AgendaItem, 'documents' | 'toFollow'> {
  toFollow: boolean;
  /** First and last source line of the item, including its notes. */
  start: number;
  end: number;
  /** True for items after the "private session" marker. */
  private: boolean;
}

const ITEM = /^\**\s*(?<number>\d{1,2}[A-Za-z]?)\.\s+(?<rest>.+)$/;
const PAGES = /\(\s*Pages?\s+(?<from>\d+)\s*(?:[-–]\s*(?<to>\d+))?\s*\)/i;
/** Officers a report can be "by": the second column of the agenda, often fused into the title. */
const OFFICER =
  /\s*\b(?<by>(?:Joint report of the |Report of the )?(?:(?:Strategic |Service |Interim |Deputy )?Director|Chief Executive|Chief Finance Officer|Town Clerk|Monitoring Officer|Head of|Assistant Chief Executive)\b.*)$/;

/**
 * Reads the agenda: numbered items with their titles, "report by" officer, page ranges, "to follow" and private
 * items. The agenda runs from an "AGENDA" line to the end of the given lines; notes under an item stay with it.
 */
export function parseAgenda(lines: SourceLine[]): ParsedItem[] {
  const start = lines.findIndex((l) => /^\**\s*(A G E N D A|AGENDA)\b/.test(l.text.trim()));
  if (start === -1) return [];
  const items: ParsedItem[] = [];
  let inPrivate = false;
  let expected: number | undefined;
  let closed = false;
  const body = lines.slice(start + 1);
  for (let i = 0; i < body.length; i++) {
    const line = body[i]!;
    let text = line.text.trim();
    // A bold title the converter wrapped: "**9. GOVERNANCE OF INVESTMENTS - AUDIT" + "COMMISSION REPORT**".
    if (/^\*\*/.test(text) && !/\*\*$/.test(text) && /\*\*$/.test(body[i + 1]?.text.trim() ?? '')) {
      text = `${text} ${body[i + 1]!.text.trim()}`;
      i++;
    }
    if (/^\**\s*(\d+\.\s*)?private session\b/i.test(text) || /^\**\s*part b\b/i.test(text)) inPrivate = true;
    const m = ITEM.exec(text);
    const number = m ? Number.parseInt(m.groups!['number']!, 10) : NaN;
    // After the first item (a supplement may start at any number), only the next number or a skip of a few opens
    // an item, so numbered prose further down does not.
    if (m && (expected === undefined || (number >= expected - 1 && number <= expected + 3))) {
      expected = number + 1;
      closed = false;
      items.push(readItemLine(m.groups!['number']!, m.groups!['rest']!, line.n, inPrivate));
      continue;
    }
    const last = items[items.length - 1];
    if (!last || text === '' || closed) continue;
    // A heading in capitals ends the notes of the item above it: what follows is guidance or a notice.
    if (isCapsHeading(text)) {
      closed = true;
      continue;
    }
    last.end = body[i]!.n;
    const pages = PAGES.exec(text);
    if (pages && !last.pages) last.pages = pageRange(pages);
    if (/\bto follow\b/i.test(text)) last.toFollow = true;
    const note = plain(text.replace(PAGES, '')).trim();
    // Lines of the officer's name wrapped one word per line ("Director of / Children and / Family Services").
    if (note && !last.reportBy && !PAGES.test(text) && /^(Director|Chief|Head)\b/.test(note)) last.reportBy = note;
    else if (note && last.reportBy && /^[A-Z][a-z]+( [a-z]+)*( [A-Z][a-z]+)*$/.test(note) && note.split(' ').length <= 3 && !last.note) {
      last.reportBy = `${last.reportBy} ${note}`;
    } else if (note) last.note = last.note ? `${last.note} ${note}` : note;
  }
  return items;
}

/** A line in capitals with at least three words: a heading in both councils' styles. */
export const isCapsHeading = (text: string): boolean => {
  const t = plain(text);
  return /[A-Z]/.test(t) && t === t.toUpperCase() && t.split(/\s+/).filter((w) => /[A-Z]/.test(w)).length >= 3;
};

function pageRange(m: RegExpExecArray) {
  const from = Number(m.groups!['from']);
  return { from, to: m.groups!['to'] ? Number(m.groups!['to']) : from };
}

function readItemLine(number: string, rest: string, line: number, isPrivate: boolean): ParsedItem {
  let text = rest;
  const item: ParsedItem = { number, title: '', toFollow: false, start: line, end: line, private: isPrivate };
  const pages = PAGES.exec(text);
  if (pages) {
    item.pages = pageRange(pages);
    text = text.replace(PAGES, ' ');
  }
  if (/\bto follow\b/i.test(text)) item.toFollow = true;
  const [title, by] = text.split('\t').map((s) => plain(s));
  let name = title ?? '';
  let reportBy = by || undefined;
  const officer = reportBy ? undefined : OFFICER.exec(name);
  if (officer && officer.index > 0) {
    reportBy = officer.groups!['by']!.trim();
    name = name.slice(0, officer.index).trim();
  }
  item.title = name.replace(/\s*\[?Appendix [A-Z0-9]+\]?(\(#\))?\s*$/i, '').trim() || plain(rest);
  if (reportBy) item.reportBy = reportBy.replace(/\s*\d{4}-\d{2}\.?\s*/, ' ').trim();
  return item;
}
