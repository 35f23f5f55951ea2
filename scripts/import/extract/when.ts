/**
 * Dates and times as councils print them ("13th February 2019", "Wednesday 2 August 2017 at 7.00 pm", "1900hrs"),
 * read with chrono (day before month, as in the UK), and local times in Europe/London with the offset of the day.
 */
import * as chrono from 'chrono-node';
import { offsetAt } from '../../../src/model/date';
import { CLOCK_24, WELSH_MONTHS, WELSH_ORDINAL } from '../house-style';

/** A date found in text, with where it was printed. */
export interface FoundDate {
  /** YYYY-MM-DD. */
  iso: string;
  /** The start time printed with it, "HH:MM", when there is one. */
  time?: string;
  /** Where the date's words start and end in the text. */
  index: number;
  end: number;
  /** The words as printed. */
  printed: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

const MONTH_NAMES = Object.keys(WELSH_MONTHS).join('|');
/** A Welsh month name, or the ordinal ending of the day printed before one ("25ain Chwefror"), which chrono does not read. */
const WELSH_MONTH = new RegExp(String.raw`${WELSH_ORDINAL.source}(?=\s+(?:${MONTH_NAMES})\b)|\b(?:${MONTH_NAMES})\b`, 'gi');

/** Welsh month names as English ones, and a way back from a place in the new text to the same place in the old. */
function withEnglishMonths(text: string): { text: string; back: (index: number) => number } {
  const shifts: Array<{ at: number; delta: number }> = [];
  let delta = 0;
  const out = text.replace(WELSH_MONTH, (m, offset: number) => {
    const english = WELSH_MONTHS[m.toLowerCase()] ?? '';
    // `at` is where the replaced words end in the new text; places from there on move back by `delta`.
    shifts.push({ at: offset + delta + english.length, delta: (delta += english.length - m.length) });
    return english;
  });
  const back = (index: number) => index - ([...shifts].reverse().find((s) => index >= s.at)?.delta ?? 0);
  return { text: out, back };
}

/** A 24-hour time chrono does not read ("at 19.00", "1900hrs"), as "HH:MM". */
export function clock24(text: string): string | undefined {
  const g = CLOCK_24.exec(text)?.groups;
  if (!g) return undefined;
  const h = g['h'] ?? g['h2'];
  const m = g['m'] ?? g['m2'];
  return h !== undefined && m !== undefined ? `${pad(Number(h))}:${m}` : undefined;
}

/** A time of day as printed ("7.00pm", "5.00 pm", "19.00", "1900hrs", "7pm"), as "HH:MM". */
export function clockTime(text: string): string | undefined {
  const twelve = /\b(?<h>1[0-2]|0?[1-9])(?:[.:](?<m>[0-5]\d))?\s*(?<p>[ap])\.?\s*m\b\.?/i.exec(text)?.groups;
  if (twelve) {
    const hour = (Number(twelve['h']) % 12) + (twelve['p']!.toLowerCase() === 'p' ? 12 : 0);
    return `${pad(hour)}:${twelve['m'] ?? '00'}`;
  }
  if (/\bnoon\b|\bmidday\b/i.test(text)) return '12:00';
  const plain = /^\s*(?:at\s+)?(?<h>[01]?\d|2[0-3])[.:](?<m>[0-5]\d)\s*(?:hrs?|hours)?\.?\s*$/i.exec(text)?.groups;
  if (plain) return `${pad(Number(plain['h']))}:${plain['m']}`;
  return clock24(text);
}

/** A date printed in figures, day (or month) first: "03/12/2019", "13-02-19", "12.03.2019". */
const FIGURES = /(?:^|\s)(\d{1,2})([/.-])\d{1,2}\2(\d{2}|\d{4})$/;
/** Years a council's minutes can be from: parish councils date from 1894, and nothing is printed centuries ahead. */
const MIN_YEAR = 1800;
const MAX_YEAR = 2199;

/**
 * Every full date in a text (day, month and year printed), in order. A time printed with it ("at 7.00pm",
 * "AT 19.00", "at 1900hrs") is read too; a date without a year is left out, since nothing says which year it is.
 */
export function datesIn(text: string): FoundDate[] {
  const english = withEnglishMonths(text);
  const results = chrono.en.GB.parse(english.text, new Date(Date.UTC(2000, 0, 1)), { forwardDate: false });
  return results.flatMap((r): FoundDate[] => {
    const s = r.start;
    if (!s.isCertain('year') || !s.isCertain('month') || !s.isCertain('day')) return [];
    if (s.get('year')! < MIN_YEAR || s.get('year')! > MAX_YEAR) return [];
    // A date in figures is a UK date only read day first ("03/12/2019"), and is no date at all when it is part of a
    // longer reference: "3/19/0086/HH" and "3/18/0972/FUL" are planning applications, not 19 March 1986.
    const figures = FIGURES.exec(r.text);
    if (figures && (Number(figures[1]) !== s.get('day') || /^0\d{3}$/.test(figures[3]!))) return [];
    if (figures && (/^[/\\]\w/.test(english.text.slice(r.index + r.text.length)) || /[\w/\\]$/.test(english.text.slice(0, r.index)))) return [];
    const iso = `${s.get('year')}-${pad(s.get('month')!)}-${pad(s.get('day')!)}`;
    const index = english.back(r.index);
    const end = english.back(r.index + r.text.length);
    const found: FoundDate = { iso, index, end, printed: text.slice(index, end) };
    if (s.isCertain('hour')) found.time = `${pad(s.get('hour')!)}:${pad(s.get('minute') ?? 0)}`;
    else {
      const printedAfter = /^\s*,?\s*(?:at|am|from|commencing)\s+(\d[\d.:]*\s*(?:[ap]\.?\s?m\b|hrs?\b|hours\b)?)/i.exec(text.slice(end, end + 30))?.[1];
      const after = (printedAfter ? clockTime(`at ${printedAfter}`) : undefined) ?? clock24(text.slice(Math.max(0, index - 20), index));
      if (after) found.time = after;
    }
    return [found];
  });
}

/** A date from a file name ("20240226", "2024-02-26", "minutes_2018-11-06_"), when it holds one that is a real date. */
export function dateInFileName(name: string): string | undefined {
  const m = /(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)/.exec(name);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return new Date(`${iso}T12:00:00Z`).toISOString().startsWith(iso) ? iso : undefined;
}

/** A local date and time in Europe/London as an ISO date-time with the offset in force that day. */
export function londonDateTime(date: string, time: string): string {
  const local = `${date}T${time}:00`;
  return `${local}${offsetAt(local)}`;
}

const TIME_RANGE =
  /^(?<from>(?<fromClock>\d{1,2}(?:[.:]\d{2})?)(?:\s*(?<fromMeridiem>am|pm))?)\s*[-–—]\s*(?<to>(?<toClock>\d{1,2}(?:[.:]\d{2})?)\s*(?<toMeridiem>am|pm))\.?$/i;

/** "2.00" with "pm" as "14:00". */
function clock(hm: string, meridiem: string): string {
  const [h = 0, m = 0] = hm.split(/[.:]/).map(Number);
  const hour = (h % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  return `${pad(hour)}:${pad(m)}`;
}

/**
 * A meeting's times printed as a range at the foot of its minutes ("2.00 - 4.45 pm"): the start takes the end's am/pm
 * unless that would put it after the end. Undefined when the line is not a range.
 */
export function timeRange(text: string): { from: string; to: string; startsAt: string; endsAt: string } | undefined {
  const g = TIME_RANGE.exec(text.trim())?.groups;
  if (!g?.['from'] || !g['to'] || !g['fromClock'] || !g['toClock'] || !g['toMeridiem']) return undefined;
  const endsAt = clock(g['toClock'], g['toMeridiem']);
  const startsAt = clock(g['fromClock'], g['fromMeridiem'] ?? g['toMeridiem']);
  const morning = !g['fromMeridiem'] && startsAt > endsAt;
  return { from: g['from'], to: g['to'], startsAt: morning ? clock(g['fromClock'], 'am') : startsAt, endsAt };
}
