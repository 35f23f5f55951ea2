import { Feed } from 'feed';
import ical from 'ical-generator';
import type { Body, Council, Meeting } from '../schema';
import { formatDate, instantOf, isDateOnly, localDate, zonedDateTime } from './date';
import type { RegisterEntry } from './decision';
import type { Entry } from './graph';

/** Calendars and feeds come one for everything ("all") and one per committee. */
export const feedIds = (bodies: Array<{ id: string }>): string[] => ['all', ...bodies.map((b) => b.id)];

/** Packs print a start time only, unless the minutes say when the meeting closed; two hours is the usual length. */
const USUAL_LENGTH = 2 * 60 * 60 * 1000;

/**
 * When a meeting is in a calendar: all day on its date when no time was printed; else from its start to its closing
 * time, or for the usual length when none was printed (or the one printed is not after the start).
 */
export function calendarTimes(meeting: Pick<Meeting, 'start' | 'closed'>): { allDay: true; start: Date } | { allDay: false; start: Date; end: Date } {
  // A bare date as midday UTC: an all-day event is written as its UTC date, which is then the meeting's date.
  if (isDateOnly(meeting.start)) return { allDay: true, start: new Date(instantOf(meeting.start)) };
  const start = new Date(meeting.start);
  const closed = meeting.closed ? Date.parse(zonedDateTime(localDate(meeting.start), meeting.closed)) : NaN;
  return { allDay: false, start, end: new Date(closed > start.getTime() ? closed : start.getTime() + USUAL_LENGTH) };
}

/**
 * Meetings as an iCalendar file, for a body or for all meetings. Times are written in UTC, which every calendar shows
 * at the right local time: a calendar-wide time zone made ical-generator write the build machine's local clock time
 * without a zone, an hour out in British Summer Time.
 */
export function meetingsCalendar(
  name: string,
  meetings: Entry<Meeting>[],
  bodies: ReadonlyMap<string, Entry<Body>>,
  url: (meetingId: string) => string,
): string {
  const calendar = ical({ name, prodId: { company: 'Chamber', product: 'Council meetings', language: 'EN' } });
  for (const m of meetings) {
    const times = calendarTimes(m.data);
    calendar.createEvent({
      id: `${m.id}@chamber`,
      ...(times.allDay ? { start: times.start, allDay: true } : { start: times.start, end: times.end }),
      summary: bodies.get(m.data.body)?.data.name ?? 'Meeting',
      ...(m.data.venue ? { location: m.data.venue } : {}),
      description: `Agenda and papers: ${url(m.id)}`,
      url: url(m.id),
      // A fixed stamp keeps the file byte-identical between builds of the same content.
      stamp: times.start,
    });
  }
  return calendar.toString();
}

/** New meetings and decisions of a body (or of all bodies) as an Atom feed. */
export function meetingsFeed(options: {
  id: string;
  title: string;
  home: string;
  self: string;
  meetings: Entry<Meeting>[];
  decisions: RegisterEntry[];
  bodies: ReadonlyMap<string, Entry<Body>>;
  councils: ReadonlyMap<string, Entry<Council>>;
  meetingUrl: (id: string) => string;
  decisionUrl: (entry: RegisterEntry) => string;
}): string {
  const items = [
    ...options.meetings.map((m) => ({
      title: `${options.bodies.get(m.data.body)?.data.name}: meeting on ${formatDate(m.data.start)}`,
      id: options.meetingUrl(m.id),
      link: options.meetingUrl(m.id),
      date: new Date(instantOf(m.data.start)),
      description: `${m.data.agenda.length} agenda items${m.data.venue ? `, at ${m.data.venue}` : ''}.`,
    })),
    ...options.decisions.map((d) => ({
      title: `${options.bodies.get(d.meeting.data.body)?.data.name}, ${d.minute.citation}`,
      id: options.decisionUrl(d),
      link: options.decisionUrl(d),
      date: new Date(instantOf(d.meeting.data.start)),
      description: d.decision.text,
    })),
  ].sort((a, b) => b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id));
  const feed = new Feed({
    title: options.title,
    id: options.id,
    link: options.home,
    language: 'en-GB',
    copyright: 'Published by the councils named in each entry',
    updated: items[0]?.date ?? new Date(0),
    feedLinks: { atom: options.self },
  });
  for (const item of items) feed.addItem(item);
  return feed.atom1();
}
