import ICAL from 'ical.js';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { formatDate, formatDateTime, formatTime, offsetAt } from '../../src/model/date';
import { decisionKindLabel } from '../../src/model/decision';
import { changesBetween, versionsOf } from '../../src/model/document';
import { meetingsCalendar, meetingsFeed } from '../../src/model/feeds';
import { heldBy } from '../../src/model/graph';
import { itemAnchor, meetingState, meetingsByYear, minuteAnchor } from '../../src/model/meeting';
import { appearancesByPerson, capacityLabel, membersByYear, surname } from '../../src/model/person';
import { yearOf } from '../../src/model/date';
import { contentGraph } from '../helpers/graph';

const graph = contentGraph();

describe('dates as UK councils write them', () => {
  test.each([
    ['2015-04-22T14:00:00+01:00', 'Wednesday 22 April 2015, 2pm'],
    ['2023-04-12T10:00:00+01:00', 'Wednesday 12 April 2023, 10am'],
    ['2009-07-13T12:00:00+01:00', 'Monday 13 July 2009, 12 noon'],
    ['2015-03-04T14:30:00+00:00', 'Wednesday 4 March 2015, 2.30pm'],
    ['2015-03-04T14:00:00Z', 'Wednesday 4 March 2015, 2pm'],
  ])('%s is %s', (iso, printed) => expect(formatDateTime(iso)).toBe(printed));

  test('a bare date is the same calendar day all year', () => {
    expect(formatDate('2015-10-25')).toBe('Sunday 25 October 2015');
    expect(formatTime('2015-10-25T00:30:00+01:00')).toBe('12.30am');
  });

  test.each([
    ['2015-04-22T14:00:00', '+01:00'],
    ['2015-03-04T14:00:00', '+00:00'],
    ['2015-03-29T03:00:00', '+01:00'],
    ['2015-10-25T00:30:00', '+01:00'],
  ])('the offset in London at %s is %s', (local, offset) => expect(offsetAt(local)).toBe(offset));
});

describe('meetings', () => {
  test('a meeting in the past that was only scheduled says it took place, not that it is coming', () => {
    const agendaOnly = graph.meeting.get('leicestershire/scrutiny-commission/2015-04-22')!;
    expect(meetingState(agendaOnly.data, new Date('2026-01-01')).label).toMatch(/^Took place/);
    expect(meetingState(agendaOnly.data, new Date('2015-04-01')).label).toBe('Scheduled');
    expect(meetingState(graph.meeting.get('leicestershire/scrutiny-commission/2015-03-04')!.data, new Date('2015-01-01')).label).toBe('Held');
  });

  test('meetings group by year, newest first, and every seed meeting is in one year', () => {
    const years = meetingsByYear(graph.meetings);
    expect(years.map((y) => y.year)).toEqual([2023, 2015, 2014, 2009]);
    expect(years.flatMap((y) => y.meetings)).toHaveLength(graph.meetings.length);
  });

  test.each([['6', 'item-6'], ['11A', 'item-11a'], ['173', 'minute-173']])('anchor for %s', (n, anchor) =>
    expect(anchor.startsWith('item') ? itemAnchor(n) : minuteAnchor(n)).toBe(anchor),
  );

  test('minutes link to the meeting they record and to the meeting that confirmed them', () => {
    const minutes = graph.minutesOf.get('leicestershire/scrutiny-commission/2015-03-04')!;
    expect(minutes.data.confirmedAt).toBe('leicestershire/scrutiny-commission/2015-04-22');
    expect(graph.minutesConfirmedAt.get('leicestershire/scrutiny-commission/2015-04-22')).toEqual([minutes]);
    const item = graph.meeting.get('leicestershire/scrutiny-commission/2015-04-22')!.data.agenda.find((i) => i.number === '1')!;
    expect(item.minutes).toBe(minutes.id);
  });

  test('a meeting is held by its body, of its council', () => {
    const { body, council } = heldBy(graph, graph.meeting.get('leicester/cabinet/2009-07-13')!);
    expect([body.id, body.data.name]).toEqual(['leicester/cabinet', 'Cabinet']);
    expect([council.id, council.data.name]).toEqual(['leicester', 'Leicester City Council']);
  });

  test('private items carry their legal reason', () => {
    const cabinet = graph.meeting.get('leicester/cabinet/2009-07-13')!;
    const exempt = cabinet.data.agenda.filter((i) => i.exempt);
    expect(exempt.map((i) => i.number)).toEqual(['11', '12', '13']);
    expect(exempt[0]!.exempt!.reason).toMatch(/Schedule 12A/);
  });
});

describe('decisions register', () => {
  test('holds every decision of every set of minutes, newest meeting first', () => {
    const total = graph.minutes.reduce((n, m) => n + m.data.decisions.length, 0);
    expect(graph.register).toHaveLength(total);
    const dates = graph.register.map((e) => Date.parse(e.meeting.data.start));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  test('keeps the misspelt RESOLVED as printed and gives each decision a unique anchor', () => {
    expect(graph.register.some((e) => e.decision.printedAs === 'RESVOLED')).toBe(true);
    for (const m of graph.minutes) {
      const ids = m.data.decisions.map((d) => d.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  test('names the minute each decision was made under', () => {
    const growth = graph.register.find((e) => e.decision.id === 'decision-180-a')!;
    expect(growth.subject).toBe('Enabling Growth Plan.');
    expect(decisionKindLabel[growth.decision.kind]).toBe('Recommendation');
  });
});

describe('people', () => {
  test('one councillor is joined across 2014, 2015 and 2023', () => {
    const years = new Set((graph.appearances.get('leicestershire/s-j-galton') ?? []).map((a) => yearOf(a.meeting.data.start)));
    expect([...years].sort()).toEqual([2014, 2015, 2023]);
  });

  test('declarations are on the person who made them', () => {
    const hunt = graph.declarations.get('leicestershire/m-j-hunt') ?? [];
    expect(hunt.length).toBeGreaterThanOrEqual(2);
    expect(hunt.every((d) => d.minutes.id === 'leicestershire/scrutiny-commission/2015-03-04')).toBe(true);
  });

  test('a member of the public named in the minutes has the meeting in their record, in words', () => {
    const meeting = graph.meeting.get('leicestershire/scrutiny-commission/2015-03-04')!;
    const withPublic = { ...meeting, data: { ...meeting.data, public: [{ printed: 'Mr A. Resident', person: 'leicestershire/a-resident' }] } };
    const [appearance] = appearancesByPerson([withPublic]).get('leicestershire/a-resident')!;
    expect(appearance!.capacity).toBe('public');
    expect(capacityLabel[appearance!.capacity]).toBe('Member of the public');
  });

  test('a body lists its members by year, alphabetically by surname', () => {
    const meetings = graph.meetings.filter((m) => m.data.body === 'leicestershire/scrutiny-commission');
    const byYear = membersByYear(meetings, yearOf);
    expect(byYear.map((y) => y.year)).toEqual([2023, 2015, 2014]);
    const names = byYear[1]!.members.map((m) => surname(m.printed));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(names).toContain('Galton');
  });
});

describe('documents printed twice', () => {
  test('are one document with two printings, and the differences are listed word by word', () => {
    const copy = graph.documents.find((d) => d.data.versionOf)!;
    const versions = versionsOf(copy, graph.documents);
    expect(versions).toHaveLength(2);
    expect(versions[0]!.data.versionOf).toBeUndefined();
    const changes = changesBetween(versions[0]!.body ?? '', copy.body ?? '');
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.some((c) => c.removed.includes('starter') && c.added.includes('started'))).toBe(true);
  });
});

describe('calendars and feeds', () => {
  const url = (id: string) => `https://example.org/meetings/${id}/`;

  test('the iCal file parses and holds every meeting at its London time', () => {
    const text = meetingsCalendar('All meetings', graph.meetingsByDate, graph.body, url);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(graph.meetings.length);
    const april = events.find((e) => e.uid === 'leicestershire/scrutiny-commission/2015-04-22@chamber')!;
    expect(april.startDate.toJSDate().toISOString()).toBe('2015-04-22T13:00:00.000Z');
    expect(april.summary).toBe('Scrutiny Commission');
    expect(meetingsCalendar('All meetings', graph.meetingsByDate, graph.body, url)).toBe(text);
  });

  test('the Atom feed parses and lists meetings and decisions, newest first', () => {
    const xml = meetingsFeed({
      id: 'https://example.org/feeds/all.xml',
      title: 'All',
      home: 'https://example.org/',
      self: 'https://example.org/feeds/all.xml',
      meetings: graph.meetingsByDate,
      decisions: graph.register,
      bodies: graph.body,
      councils: graph.council,
      meetingUrl: url,
      decisionUrl: (e) => `${url(e.meeting.id)}#${e.decision.id}`,
    });
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    const entries = Array.isArray(feed.entry) ? feed.entry : [feed.entry];
    expect(entries).toHaveLength(graph.meetings.length + graph.register.length);
    const updated = entries.map((e: { updated: string }) => Date.parse(e.updated));
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
  });
});
