import { Feed } from 'feed';
import ical from 'ical-generator';
import type { Body, Council, Meeting } from '../schema';
import { formatDate } from './date';
import type { RegisterEntry } from './decision';
import type { Entry } from './graph';

/** Calendars and feeds come one for everything ("all") and one per committee. */
export const feedIds = (bodies: Array<{ id: string }>): string[] => ['all', ...bodies.map((b) => b.id)];

/** Meetings as an iCalendar file, for a body or for all meetings; times in Europe/London as councils publish them. */
export function meetingsCalendar(
  name: string,
  meetings: Entry<Meeting>[],
  bodies: ReadonlyMap<string, Entry<Body>>,
  url: (meetingId: string) => string,
): string {
  const calendar = ical({ name, timezone: 'Europe/London', prodId: { company: 'Chamber', product: 'Council meetings', language: 'EN' } });
  for (const m of meetings) {
    const start = new Date(m.data.start);
    calendar.createEvent({
      id: `${m.id}@chamber`,
      start,
      // Packs print a start time only; two hours is the usual length of a committee meeting.
      end: new Date(start.getTime() + 2 * 60 * 60 * 1000),
      summary: bodies.get(m.data.body)?.data.name ?? 'Meeting',
      ...(m.data.venue ? { location: m.data.venue } : {}),
      description: `Agenda and papers: ${url(m.id)}`,
      url: url(m.id),
      // A fixed stamp keeps the file byte-identical between builds of the same content.
      stamp: start,
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
      date: new Date(m.data.start),
      description: `${m.data.agenda.length} agenda items${m.data.venue ? `, at ${m.data.venue}` : ''}.`,
    })),
    ...options.decisions.map((d) => ({
      title: `${options.bodies.get(d.meeting.data.body)?.data.name}, minute ${d.decision.minute}: ${d.subject}`,
      id: options.decisionUrl(d),
      link: options.decisionUrl(d),
      date: new Date(d.meeting.data.start),
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
