import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DIST } from '../helpers/dist';
import { contentGraph } from '../helpers/graph';

const CALENDARS = join(DIST, 'calendar');
const files = readdirSync(CALENDARS, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ics'));

/**
 * What a calendar client in New York reads from an .ics file: each event's instant, its local clock time there, and
 * the clock time in London. Run in its own process, because the zone a process runs in is fixed when it starts.
 */
const CLIENT = `
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
const calendar = new ICAL.Component(ICAL.parse(readFileSync(process.argv[1], 'utf8')));
const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)).map((e) => {
  const start = e.startDate.toJSDate();
  return { uid: e.uid, allDay: e.startDate.isDate, instant: start.toISOString(), offset: start.getTimezoneOffset(), local: String(start.getHours()).padStart(2, '0') + ':' + String(start.getMinutes()).padStart(2, '0'), london: london.format(start) };
});
console.log(JSON.stringify(events));
`;

interface Read {
  uid: string;
  allDay: boolean;
  instant: string;
  offset: number;
  local: string;
  london: string;
}

const readInNewYork = (file: string): Read[] =>
  JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', CLIENT, file], {
      cwd: join(import.meta.dirname, '..', '..'),
      env: { ...process.env, TZ: 'America/New_York' },
      encoding: 'utf8',
    }),
  );

describe('calendar files', () => {
  test('there is one for all meetings and one per committee', () => {
    expect(files).toContain('all.ics');
    expect(files.length).toBe(contentGraph().bodies.length + 1);
  });

  test.each(files)('%s: every time carries its zone', (file) => {
    const text = readFileSync(join(CALENDARS, file), 'utf8');
    const times = text.split(/\r\n/).filter((line) => /^(DTSTART|DTEND|DTSTAMP)[;:]/.test(line));
    expect(times.length).toBeGreaterThan(0);
    for (const line of times) {
      // UTC with Z, a whole day, or a named zone the file defines: never a floating local time.
      const zoned = /:\d{8}T\d{6}Z$/.test(line) || /;VALUE=DATE:\d{8}$/.test(line) || (/;TZID=([^:;]+)/.test(line) && text.includes('BEGIN:VTIMEZONE'));
      expect(zoned, line).toBe(true);
      if (line.startsWith('DTSTAMP')) expect(line).toMatch(/Z$/);
    }
  });

  test('a calendar in New York shows winter and summer meetings at the instant and London time the council printed', () => {
    const graph = contentGraph();
    const events = readInNewYork(join(CALENDARS, 'all.ics'));
    expect(events).toHaveLength(graph.meetings.length);
    const seasons = new Set<string>();
    for (const event of events.filter((e) => !e.allDay)) {
      const meeting = graph.meeting.get(event.uid.replace(/@chamber$/, ''))!;
      // The start as printed, with the offset in force that day: 14:00 in April is 14:00+01:00.
      const [, clock, offset] = /T(\d\d:\d\d):\d\d([+-]\d\d:\d\d)$/.exec(meeting.data.start)!;
      expect(event.instant).toBe(new Date(meeting.data.start).toISOString());
      expect(event.london).toBe(clock);
      // The client really is in New York: four or five hours behind UTC, and so not at London's clock time.
      expect([240, 300]).toContain(event.offset);
      expect(event.local).not.toBe(clock);
      seasons.add(offset === '+00:00' ? 'winter' : 'summer');
    }
    expect([...seasons].sort()).toEqual(['summer', 'winter']);
  });
});
