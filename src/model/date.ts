/** Dates as UK councils print them, always in the council's time zone (Europe/London by default). */

const LONDON = 'Europe/London';

/** The ways dates are formatted here: fixed objects, so a formatter and its results are kept by identity. */
const LONG_DATE = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } as const satisfies Intl.DateTimeFormatOptions;
const SHORT_DATE = { day: 'numeric', month: 'long', year: 'numeric' } as const satisfies Intl.DateTimeFormatOptions;
const CLOCK = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const satisfies Intl.DateTimeFormatOptions;
const YEAR = { year: 'numeric' } as const satisfies Intl.DateTimeFormatOptions;
const NUMERIC_DATE = { year: 'numeric', month: '2-digit', day: '2-digit' } as const satisfies Intl.DateTimeFormatOptions;
const OFFSET = { timeZoneName: 'longOffset' } as const satisfies Intl.DateTimeFormatOptions;

/**
 * Each date's parts, by format and time zone. Making an `Intl.DateTimeFormat` costs about 14 times as much as using one
 * (34 µs against 2.5 µs), and a build formats the same few thousand dates again and again: on every page and on every
 * row of the decisions register, the feeds, the calendars and every person's list of meetings, over 100,000 at 10,000
 * documents.
 */
const formats = new Map<Intl.DateTimeFormatOptions, Map<string, { format: Intl.DateTimeFormat; parts: Map<string, Record<string, string>> }>>();

function parts(iso: string, timeZone: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  let byZone = formats.get(options);
  if (!byZone) formats.set(options, (byZone = new Map()));
  let zone = byZone.get(timeZone);
  if (!zone) byZone.set(timeZone, (zone = { format: new Intl.DateTimeFormat('en-GB', { timeZone, ...options }), parts: new Map() }));
  let map = zone.parts.get(iso);
  if (!map) {
    map = {};
    for (const part of zone.format.formatToParts(new Date(iso))) map[part.type] = part.value;
    zone.parts.set(iso, map);
  }
  return map;
}

/** "Wednesday 22 April 2015" for a date-time or a plain `YYYY-MM-DD` date. */
export function formatDate(iso: string, timeZone = LONDON): string {
  const p = parts(plainDateAsNoon(iso), timeZone, LONG_DATE);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** "22 April 2015", for lists where the weekday is noise. */
export function formatShortDate(iso: string, timeZone = LONDON): string {
  const p = parts(plainDateAsNoon(iso), timeZone, SHORT_DATE);
  return `${p.day} ${p.month} ${p.year}`;
}

/** True when an ISO value is only a date (`YYYY-MM-DD`): a meeting whose start time nobody printed. */
export const isDateOnly = (iso: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(iso);

/** "2pm", "10.30am", "12 noon": the GOV.UK style for a clock time given as hours (0–23) and minutes. */
function clock(hour24: number, minute: number): string {
  if (minute === 0 && hour24 === 12) return '12 noon';
  if (minute === 0 && hour24 === 0) return 'midnight';
  const hour = hour24 % 12 === 0 ? 12 : hour24 % 12;
  return `${hour}${minute === 0 ? '' : `.${String(minute).padStart(2, '0')}`}${hour24 < 12 ? 'am' : 'pm'}`;
}

/** The time of a date-time in GOV.UK style ("2pm"); undefined for a bare date, which has no time to show. */
export function formatTime(iso: string, timeZone = LONDON): string | undefined {
  if (isDateOnly(iso)) return undefined;
  const p = parts(iso, timeZone, CLOCK);
  return clock(Number(p.hour), Number(p.minute));
}

/** A local clock time printed as "HH:MM" (a meeting's closing time) in GOV.UK style: "21:15" is "9.15pm". */
export function formatClockTime(hhmm: string): string {
  const [hour, minute] = hhmm.split(':').map(Number);
  return clock(hour ?? 0, minute ?? 0);
}

/** "Wednesday 22 April 2015, 2pm"; only "Wednesday 22 April 2015" when no time was printed. */
export function formatDateTime(iso: string, timeZone = LONDON): string {
  const time = formatTime(iso, timeZone);
  return time ? `${formatDate(iso, timeZone)}, ${time}` : formatDate(iso, timeZone);
}

const instants = new Map<string, number>();

/**
 * Milliseconds since 1970 for ordering starts; a bare date counts as midday, so it sorts within its own day. Kept by
 * date: sorting a decade of meetings asks for the same few thousand dates again and again, and parsing was a measurable
 * part of building a page.
 */
export function instantOf(iso: string): number {
  let instant = instants.get(iso);
  if (instant === undefined) {
    instant = Date.parse(plainDateAsNoon(iso));
    instants.set(iso, instant);
  }
  return instant;
}

/**
 * Whether a start is before `now`. A meeting with only a date is past once its whole day has ended in the council's
 * time zone, not from midnight.
 */
export function isPast(iso: string, now: Date, timeZone = LONDON): boolean {
  return isDateOnly(iso) ? iso < localDate(now.toISOString(), timeZone) : Date.parse(iso) < now.getTime();
}

/** The instant a local date and "HH:MM" clock time name in a time zone, as an ISO date-time with its offset. */
export function zonedDateTime(date: string, hhmm: string, timeZone = LONDON): string {
  const local = `${date}T${hhmm}:00`;
  return `${local}${offsetAt(local, timeZone)}`;
}

/** Calendar year of a date-time in the council's time zone. */
export function yearOf(iso: string, timeZone = LONDON): number {
  return Number(parts(plainDateAsNoon(iso), timeZone, YEAR).year);
}

/** `YYYY-MM-DD` of a date-time in the council's time zone. */
export function localDate(iso: string, timeZone = LONDON): string {
  const p = parts(plainDateAsNoon(iso), timeZone, NUMERIC_DATE);
  return `${p.year}-${p.month}-${p.day}`;
}

/** A bare date is read as midday UTC, which is the same calendar day in London all year. */
function plainDateAsNoon(iso: string): string {
  return isDateOnly(iso) ? `${iso}T12:00:00Z` : iso;
}

/**
 * The UTC offset ("+01:00" or "+00:00") in force in a time zone at a local date and time,
 * so a printed "2.00 pm" on a summer date becomes 14:00+01:00.
 */
export function offsetAt(localDateTime: string, timeZone = LONDON): string {
  const asUtc = new Date(`${localDateTime}Z`);
  const p = parts(asUtc.toISOString(), timeZone, OFFSET);
  const name = p.timeZoneName ?? 'GMT';
  const first = name === 'GMT' ? '+00:00' : name.replace('GMT', '');
  // The offset at the UTC instant can differ from the one at the local instant near a change; check again there.
  const local = new Date(`${localDateTime}${first}`);
  const again = parts(local.toISOString(), timeZone, OFFSET).timeZoneName ?? 'GMT';
  return again === 'GMT' ? '+00:00' : again.replace('GMT', '');
}
