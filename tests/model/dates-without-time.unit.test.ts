import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { formatClockTime, formatDate, formatDateTime, formatTime, instantOf, isDateOnly, isPast, localDate, yearOf, zonedDateTime } from '../../src/model/date';
import { calendarTimes, meetingsCalendar } from '../../src/model/feeds';
import { meetingState, meetingsByYear } from '../../src/model/meeting';
import { meetingFacets } from '../../src/model/search-facets';
import { PARISH_FIXTURE } from '../helpers/fixture-site';
import { contentGraph } from '../helpers/graph';

const parish = contentGraph(PARISH_FIXTURE);
const MEETING = 'milburn/parish-council/2018-11-06';
const meeting = parish.meeting.get(MEETING)!;

describe('a meeting whose start time was not printed', () => {
  test('is read as a bare date, never as midnight', () => {
    expect(meeting.data.start).toBe('2018-11-06');
    expect(isDateOnly(meeting.data.start)).toBe(true);
    expect(isDateOnly('2015-04-22T14:00:00+01:00')).toBe(false);
  });

  test.each([
    ['2019-02-25', 'Monday 25 February 2019'],
    ['2018-11-06', 'Tuesday 6 November 2018'],
    // In British Summer Time a bare date is still its own day, not 1am of it.
    ['2019-06-30', 'Sunday 30 June 2019'],
  ])('formatDateTime(%s) is %s, with no time', (iso, printed) => {
    expect(formatDateTime(iso)).toBe(printed);
    expect(formatDateTime(iso)).toBe(formatDate(iso));
    expect(formatTime(iso)).toBeUndefined();
  });

  test('a printed time still shows, midnight included', () => {
    expect(formatDateTime('2015-04-22T14:00:00+01:00')).toBe('Wednesday 22 April 2015, 2pm');
    expect(formatTime('2015-10-25T00:00:00+01:00')).toBe('midnight');
    expect(formatTime('2015-10-25T00:30:00+01:00')).toBe('12.30am');
  });

  test.each([
    ['20:50', '8.50pm'],
    ['21:00', '9pm'],
    ['12:00', '12 noon'],
    ['09:05', '9.05am'],
    ['00:00', 'midnight'],
  ])('a closing time of %s is %s', (hhmm, printed) => expect(formatClockTime(hhmm)).toBe(printed));

  test('has a year, a local date and an order within its day', () => {
    expect(yearOf('2018-11-06')).toBe(2018);
    expect(localDate('2018-11-06')).toBe('2018-11-06');
    expect(instantOf('2018-11-06')).toBe(Date.parse('2018-11-06T12:00:00Z'));
    expect(instantOf('2018-11-06')).toBeGreaterThan(instantOf('2018-11-06T10:00:00+00:00'));
    expect(instantOf('2018-11-06')).toBeLessThan(instantOf('2018-11-06T19:00:00+00:00'));
    expect(meetingFacets(parish, meeting).date).toBe('2018-11-06');
  });

  test('is past only once its whole day has ended in London', () => {
    expect(isPast('2018-11-06', new Date('2018-11-06T23:30:00Z'))).toBe(false);
    expect(isPast('2018-11-06', new Date('2018-11-07T00:00:01Z'))).toBe(true);
    // 23:30 UTC on 6 June is already 7 June in London.
    expect(isPast('2019-06-06', new Date('2019-06-06T23:30:00Z'))).toBe(true);
    expect(isPast('2015-04-22T14:00:00+01:00', new Date('2015-04-22T13:30:00Z'))).toBe(true);
    const scheduled = { ...meeting.data, status: 'scheduled' as const };
    expect(meetingState(scheduled, new Date('2018-11-06T20:00:00Z')).label).toBe('Scheduled');
    expect(meetingState(scheduled, new Date('2018-11-07T09:00:00Z')).label).toMatch(/^Took place/);
  });

  test('sorts and groups by year with timed meetings', () => {
    const timed = { ...meeting, id: 'x/y/2018-11-06', data: { ...meeting.data, start: '2018-11-06T19:00:00+00:00' } };
    const earlier = { ...meeting, id: 'x/y/2018-01-01', data: { ...meeting.data, start: '2018-01-01T19:00:00+00:00' } };
    const years = meetingsByYear([earlier, meeting, timed]);
    expect(years).toHaveLength(1);
    expect(years[0]!.meetings.map((m) => m.id)).toEqual([timed.id, MEETING, earlier.id]);
  });
});

describe('calendars', () => {
  const url = (id: string) => `https://example.org/meetings/${id}/`;

  test('a meeting with only a date is an all-day event on that date', () => {
    const text = meetingsCalendar('Parish Council', parish.meetingsByDate, parish.body, url);
    expect(text).toContain('DTSTART;VALUE=DATE:20181106');
    const [event] = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(event!.startDate.isDate).toBe(true);
    expect(event!.startDate.toString()).toBe('2018-11-06');
  });

  test('a timed meeting runs from its start to its printed closing time, else for two hours, at the right instant', () => {
    expect(calendarTimes({ start: '2018-11-06' })).toEqual({ allDay: true, start: new Date('2018-11-06T12:00:00Z') });
    expect(calendarTimes({ start: '2019-06-04T19:00:00+01:00', closed: '20:50' })).toEqual({
      allDay: false,
      start: new Date('2019-06-04T18:00:00Z'),
      end: new Date('2019-06-04T19:50:00Z'),
    });
    expect(calendarTimes({ start: '2019-06-04T19:00:00+01:00' })).toMatchObject({ end: new Date('2019-06-04T20:00:00Z') });
    // A closing time before the start (a misprint, or after midnight) is not trusted.
    expect(calendarTimes({ start: '2019-06-04T19:00:00+01:00', closed: '07:00' })).toMatchObject({ end: new Date('2019-06-04T20:00:00Z') });

    const timed = { ...meeting, data: { ...meeting.data, start: '2019-06-04T19:00:00+01:00' } };
    const text = meetingsCalendar('Parish Council', [timed], parish.body, url);
    expect(text).toContain('DTSTART:20190604T180000Z');
    const [event] = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(event!.startDate.isDate).toBe(false);
    expect(event!.startDate.toJSDate().toISOString()).toBe('2019-06-04T18:00:00.000Z');
    expect(event!.endDate.toJSDate().toISOString()).toBe('2019-06-04T19:50:00.000Z');
  });

  test('zonedDateTime gives the offset in force on the day', () => {
    expect(zonedDateTime('2019-06-04', '20:50')).toBe('2019-06-04T20:50:00+01:00');
    expect(zonedDateTime('2018-11-06', '20:50')).toBe('2018-11-06T20:50:00+00:00');
  });
});
