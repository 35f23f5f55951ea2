import type { Meeting, Minutes } from '../schema';
import { instantOf, isPast, yearOf } from './date';
import type { Entry } from './entry';

/** What readers are told about a meeting's state: the status as recorded, or "took place" for a past scheduled one. */
export function meetingState(meeting: Meeting, now: Date): { label: string; past: boolean } {
  const past = isPast(meeting.start, now);
  if (meeting.status === 'cancelled') return { label: 'Cancelled', past };
  if (meeting.status === 'held') return { label: 'Held', past: true };
  return past ? { label: 'Took place (no minutes published here yet)', past } : { label: 'Scheduled', past };
}

/** Newest first, for `sort`: meetings with only a date count as midday. */
export const newestFirst = (a: Entry<Meeting>, b: Entry<Meeting>): number => instantOf(b.data.start) - instantOf(a.data.start);

/**
 * How many meetings the meetings page shows, newest first: a decade of a county's meetings is thousands of links,
 * most of a megabyte at 30,000 documents. Every meeting is on the page of its year and of its committee.
 */
export const LATEST_MEETINGS = 50;

/** Meetings grouped by calendar year (in London), newest year first, each year newest meeting first. */
export function meetingsByYear<T extends Entry<Meeting>>(meetings: T[]): Array<{ year: number; meetings: T[] }> {
  const years = new Map<number, T[]>();
  for (const m of [...meetings].sort(newestFirst)) {
    const year = yearOf(m.data.start);
    years.set(year, [...(years.get(year) ?? []), m]);
  }
  return [...years].sort((a, b) => b[0] - a[0]).map(([year, list]) => ({ year, meetings: list }));
}

/** The anchor of an agenda item on its meeting page: `#item-6`, `#item-11a`. */
export const itemAnchor = (number: string): string => `item-${number.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

/** What decisions and actions call a minute: its number, or its title when the minutes do not number it. */
export const minuteKey = (item: { number?: string | undefined; title: string }): string => item.number ?? item.title;

/** The anchor of a minute: `#minute-173`, or from its title for a section the minutes do not number. */
export const minuteAnchor = (number: string): string => `minute-${number.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

type MinuteItem = Minutes['items'][number];

/** A minute as other parts of a page refer to it, by the key decisions, votes, actions and declarations give. */
export interface MinuteRef {
  /** Its anchor on the minutes page, when the minutes have an item with that key (else there is nothing to link to). */
  anchor: string | undefined;
  /** How a reference names it, as minutes do ("Minute 180 refers"): "Minute 180", or an unnumbered section's title. */
  name: string;
  /** Its title as printed ("Enabling Growth Plan."), or its name when the minutes have no item with that key. */
  title: string;
  /** Its heading as printed: "180. Enabling Growth Plan.", or the title alone for an unnumbered section. */
  heading: string;
  /** Name and title for a list of references: "Minute 180: Enabling Growth Plan.", or the title alone. */
  citation: string;
}

/** Heading of a minute as printed: the number with its punctuation, then the title. */
export const minuteHeading = (item: MinuteItem): string =>
  item.number || item.label ? `${item.label ?? `${item.number}.`} ${item.title}` : item.title;

/** The minute of `items` that `key` (a decision's, vote's, action's or declaration's `minute`) names. */
export function minuteRef(items: readonly MinuteItem[], key: string): MinuteRef {
  const item = items.find((i) => minuteKey(i) === key);
  if (!item) return { anchor: undefined, name: `Minute ${key}`, title: `Minute ${key}`, heading: `Minute ${key}`, citation: `Minute ${key}` };
  const name = item.number ? `Minute ${item.number}` : item.title;
  return { anchor: minuteAnchor(key), name, title: item.title, heading: minuteHeading(item), citation: item.number ? `${name}: ${item.title}` : name };
}
