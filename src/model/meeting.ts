import type { Meeting } from '../schema';
import { yearOf } from './date';
import type { Entry } from './graph';

/** What readers are told about a meeting's state: the status as recorded, or "took place" for a past scheduled one. */
export function meetingState(meeting: Meeting, now: Date): { label: string; past: boolean } {
  const past = Date.parse(meeting.start) < now.getTime();
  if (meeting.status === 'cancelled') return { label: 'Cancelled', past };
  if (meeting.status === 'held') return { label: 'Held', past: true };
  return past ? { label: 'Took place (no minutes published here yet)', past } : { label: 'Scheduled', past };
}

/** Meetings grouped by calendar year (in London), newest year first, each year newest meeting first. */
export function meetingsByYear<T extends Entry<Meeting>>(meetings: T[]): Array<{ year: number; meetings: T[] }> {
  const years = new Map<number, T[]>();
  for (const m of [...meetings].sort((a, b) => Date.parse(b.data.start) - Date.parse(a.data.start))) {
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
