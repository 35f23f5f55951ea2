import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { findActions, ownerOf } from '../../scripts/import/extract/action';
import { attendanceLabel, attendeesIn, isProse, readAttendance, type Attendance, type Attendee } from '../../scripts/import/extract/attendance';
import { assignIds, classifyDecision, decisionIn, matchDecisionMarker, motionIn, type FoundDecision } from '../../scripts/import/extract/decision';
import { detectLanguage } from '../../scripts/import/extract/language';
import { councilNameIn, fullCouncilName, nameCase, readMeeting, type MeetingFacts } from '../../scripts/import/extract/meeting';
import { parseMinutes, type ParsedMinutes } from '../../scripts/import/extract/minutes';
import { findMinuteHeadings } from '../../scripts/import/extract/numbering';
import { cutLines, paragraphsOf, placeOf, sentencesOf } from '../../scripts/import/extract/paragraphs';
import { namedVotes, voteIn } from '../../scripts/import/extract/vote';
import { clock24, clockTime, dateInFileName, datesIn, londonDateTime, timeRange } from '../../scripts/import/extract/when';
import { findFurniture } from '../../scripts/import/layout/furniture';
import { readSource } from '../../scripts/import/read/index';
import { readHtml } from '../../scripts/import/read/html';
import { toLines, type Line, type SourceText } from '../../scripts/import/read/line';
import { readMarkdown } from '../../scripts/import/read/markdown';

/**
 * The extractors one by one, on the words councils print: the corpus councils' own documents (tests/corpus, with what
 * a person counted in expected.json) and short lines in the wordings other councils use. Where a document does not
 * print something (a start time, a proposer), the extractor gives nothing: the importer never guesses a fact.
 */
const CORPUS = join(import.meta.dirname, '..', 'corpus');
const expected = (JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as { documents: Record<string, { minutes: string[]; sections?: number; actions?: number; votes?: number; decisions: number }> }).documents;

interface CorpusDoc {
  file: string;
  source: SourceText;
  lines: Line[];
  skip: Set<number>;
}
const corpus = new Map<string, CorpusDoc>();
beforeAll(async () => {
  for (const file of Object.keys(expected)) {
    const { source, problems } = await readSource(new Uint8Array(readFileSync(join(CORPUS, file))), file);
    expect(problems, file).toEqual([]);
    corpus.set(file, { file, source: source!, lines: source!.lines, skip: new Set(findFurniture(source!.lines, source!).map((f) => f.line)) });
  }
}, 60_000);

/** The corpus document whose file name contains `part`. */
const doc = (part: string): CorpusDoc => [...corpus.values()].find((d) => d.file.includes(part))!;
const parsed = new Map<string, ParsedMinutes>();
/** A corpus document read as minutes, as the importer reads it (furniture skipped). */
const minutesOf = (part: string): ParsedMinutes => {
  const d = doc(part);
  if (!parsed.has(d.file)) parsed.set(d.file, parseMinutes(d.lines, { skip: d.skip, fileName: d.file }));
  return parsed.get(d.file)!;
};
/** The corpus lines from the first whose text starts with `from`, up to (not including) the first after it starting with `to`. */
const linesBetween = (d: CorpusDoc, from: string, to: string): Line[] => {
  const start = d.lines.findIndex((l) => l.text.startsWith(from));
  const end = d.lines.findIndex((l, i) => i > start && l.text.startsWith(to));
  expect(start, `no line starting "${from}" in ${d.file}`).toBeGreaterThanOrEqual(0);
  return d.lines.slice(start, end === -1 ? undefined : end);
};
const line = (text: string, n = 1): Line => ({ n, text });
const values = (facts: MeetingFacts) => Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, (v as { value: string }).value]));
const names = (people: Attendee[]) => people.map((a) => a.printed);
const who = (attendance: Attendance) => Object.fromEntries(Object.entries(attendance).map(([list, people]) => [list, names(people)]));

// ---------------------------------------------------------------------------------------------------------------

describe('when: dates and times as printed', () => {
  test.each([
    ['Tuesday 3rd December 2019', '2019-12-03'],
    ['03/12/2019', '2019-12-03'],
    // Day before month, as in the UK: 12 March, not 3 December.
    ['12/03/2019', '2019-03-12'],
    ['3 Rhagfyr 2019', '2019-12-03'],
    // "Mawrth" is both Tuesday and March in Welsh.
    ['Dydd Mawrth 5 Mawrth 2019', '2019-03-05'],
    // Welsh ordinals: 25ain, 1af, 3ydd.
    ['Dydd Llun 25ain Chwefror 2019', '2019-02-25'],
    ['1af Mawrth 2020', '2020-03-01'],
    ['3ydd Rhagfyr 2019', '2019-12-03'],
  ])('"%s" is %s', (text, iso) => {
    expect(datesIn(text).map((d) => d.iso)).toEqual([iso]);
  });

  test('what was printed is given back exactly, Welsh words and all', () => {
    const text = 'Cyfarfod nos Lun 25ain Chwefror 2019 a 14 Tachwedd 2019 yn Neuadd y Pentref';
    expect(datesIn(text).map((d) => [d.printed, text.slice(d.index, d.end)])).toEqual([
      ['25ain Chwefror 2019', '25ain Chwefror 2019'],
      ['14 Tachwedd 2019', '14 Tachwedd 2019'],
    ]);
  });

  test.each([
    // The corpus councils' own headings.
    ['Minutes of a Meeting held on Tuesday 3rd December 2019 at 7.00pm in Ayton Community Hall', '2019-12-03', '19:00'],
    ['HELD ON 13TH FEBRUARY 2019 AT 19.00 IN HERTINGFORDBURY COWPER SCHOOL', '2019-02-13', '19:00'],
    ['Held virtually owing to COVID-19 restrictions at 1900hrs on 16th March 2021', '2021-03-16', '19:00'],
    ['Minutes of a meeting of the above Council held on Monday 25th February 2019 at 7.00pm in Tintern Village Hall.', '2019-02-25', '19:00'],
    ['Dydd Mawrth 3 Rhagfyr 2019 am 7.30pm', '2019-12-03', '19:30'],
  ])('"%s": %s at %s', (text, iso, time) => {
    expect(datesIn(text)[0]).toMatchObject({ iso, time });
  });

  test('planning references and month-first figures are not dates', () => {
    // Hertingfordbury's planning references, printed in the minutes' planning item.
    for (const text of ['3/19/0086/HH Amendment 60 Birch Green', 'made on original application: 3/18/0972/FUL.', '3/18/2344/FUL – amendment', 'PL\\0933\\18 Panshanger Quarry', '18/00095/REFUSE', '3/12/2019/FUL']) {
      expect(datesIn(text), text).toEqual([]);
    }
    // A UK date in figures is day first: 3/18/2019 is no date, 18/3/2019 is 18 March.
    expect(datesIn('3/18/2019')).toEqual([]);
    expect(datesIn('18/3/2019').map((d) => d.iso)).toEqual(['2019-03-18']);
    expect(datesIn('Cheques Issued 13-02-19 Clerk salary').map((d) => [d.iso, d.printed])).toEqual([['2019-02-13', '13-02-19']]);
    // Nor is a year no council's minutes are from.
    expect(datesIn('25/12/1066')).toEqual([]);
    expect(datesIn('Sunday 25th December 2250')).toEqual([]);
  });

  test('a date with no time printed has no time; a date with no year is no date', () => {
    const [milburn] = datesIn('Milburn Parish Council - 6th November 2018');
    expect(milburn?.iso).toBe('2018-11-06');
    expect(milburn).not.toHaveProperty('time');
    expect(datesIn('Next meeting Tuesday 3rd December')).toEqual([]);
    expect(datesIn('Rhagfyr 2019')).toEqual([]);
    expect(datesIn('The meeting was held in the village hall.')).toEqual([]);
  });

  test.each([
    ['7.30pm', '19:30'],
    ['7.30 p.m.', '19:30'],
    ['7pm', '19:00'],
    ['12 noon', '12:00'],
    ['12.15am', '00:15'],
    ['19:30', '19:30'],
    ['19.00', '19:00'],
    ['1900hrs', '19:00'],
    ['at 1930', '19:30'],
  ])('clockTime("%s") is %s', (text, time) => {
    expect(clockTime(text)).toBe(time);
  });

  test.each(['Item 7', '£7.50', '2019', 'no time was given', ''])('clockTime("%s") is no time', (text) => {
    expect(clockTime(text)).toBeUndefined();
  });

  test('clock24 reads the 24-hour times chrono does not, and nothing else', () => {
    expect(clock24('HELD ON 13TH FEBRUARY 2019 AT 19.00 IN')).toBe('19:00');
    expect(clock24('the meeting started 1900hrs')).toBe('19:00');
    expect(clock24('commencing 1830')).toBe('18:30');
    expect(clock24('at 7.00pm')).toBeUndefined();
    expect(clock24('in 2019 the hall')).toBeUndefined();
  });

  test.each([
    ['7pm-9.15pm', { startsAt: '19:00', endsAt: '21:15' }],
    ['7pm - 9.15pm', { startsAt: '19:00', endsAt: '21:15' }],
    // The start takes the end's "pm"...
    ['2.00 - 4.45 pm', { startsAt: '14:00', endsAt: '16:45' }],
    ['7.30-9.00pm', { startsAt: '19:30', endsAt: '21:00' }],
    // ... unless that would put it after the end.
    ['10.00 - 1.00 pm', { startsAt: '10:00', endsAt: '13:00' }],
  ])('timeRange("%s")', (text, range) => {
    expect(timeRange(text)).toMatchObject(range);
  });

  test.each(['7.30pm', 'Items 2 - 4', '2019 - 2020', 'The meeting closed at 9pm.'])('"%s" is not a time range', (text) => {
    expect(timeRange(text)).toBeUndefined();
  });

  test('a date in a file name only when it is a real date', () => {
    expect(dateInFileName('wye-valley/minutes/20240226.txt')).toBe('2024-02-26');
    expect(dateInFileName('minutes_2018-11-06_.pdf')).toBe('2018-11-06');
    expect(dateInFileName('minutes-2019-02-30.pdf')).toBeUndefined();
    expect(dateInFileName('minutes-2024-13-01.pdf')).toBeUndefined();
    expect(dateInFileName('minutes-202402261.pdf')).toBeUndefined();
    expect(dateInFileName('agenda-2024.pdf')).toBeUndefined();
  });

  test('a London time carries the offset in force that day', () => {
    expect(londonDateTime('2019-12-03', '19:00')).toBe('2019-12-03T19:00:00+00:00');
    expect(londonDateTime('2026-06-05', '10:00')).toBe('2026-06-05T10:00:00+01:00');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('numbering: the minute headings', () => {
  test.each(Object.keys(expected).filter((f) => expected[f]!.minutes.length > 0))('%s: the minute numbers exactly as printed', (file) => {
    const d = doc(file);
    const numbers = findMinuteHeadings(d.lines, d.skip).headings.flatMap((h) => (h.number ? [h.number] : []));
    expect(numbers).toEqual(expected[file]!.minutes);
  });

  test('Markdown minutes with no numbers: each ## heading is a section', () => {
    const d = doc('ayton-community-council-full-council-2024-02-06');
    const { headings, style } = findMinuteHeadings(d.lines, d.skip);
    expect(headings.every((h) => h.number === undefined)).toBe(true);
    expect(headings).toHaveLength(expected[d.file]!.sections!);
    expect(headings.map((h) => h.title)).toEqual(expect.arrayContaining(['Present', 'Apologies for Absence', 'Bird Scarers', 'AOB', 'Date of Next Meeting']));
    expect(headings.map((h) => h.title)).not.toContain('December MMWR Report');
    expect(style).toBe('12 unnumbered sections (headings)');
  });

  test('labels and titles as printed: numbers without dots, in capitals, in three parts, in a gap', () => {
    const headings = (part: string) => {
      const d = doc(part);
      return findMinuteHeadings(d.lines, d.skip).headings;
    };
    expect(headings('bristol-city-council-transport-connectivity-policy-committee-2026-03-19-minutes')[0]).toMatchObject({ number: '1', label: '1', title: 'Welcome, Introductions and Safety Information' });
    const hertingfordbury = headings('hertingfordbury-parish-council-full-council-2019-02-13-minutes');
    expect(hertingfordbury.slice(5, 7).map((h) => [h.label, h.title])).toEqual([
      ['88.', 'PLANNING'],
      ['99.', 'FINANCE'],
    ]);
    expect(headings('milburn')[9]).toMatchObject({ number: '18.11.10', title: 'Any Other Business' });
    expect(headings('tintern')[3]).toMatchObject({ number: '2646', label: '2646.', title: 'Declarations of interest' });
  });

  test('Garelochhead: the sections after 5i have no numbers, and the payments 1 to 3 inside 5d are not minutes', () => {
    const d = doc('garelochhead');
    const { headings } = findMinuteHeadings(d.lines, d.skip);
    expect(headings.filter((h) => !h.number).map((h) => h.title)).toEqual(['Residents’ Association Updates', 'Actions from last meeting', 'AOB', 'Date of next meeting', 'ACTIONS FOR FOLLOW UP AT NEXT MEETING', 'Appendix']);
  });

  const numbered = (text: string) => findMinuteHeadings(toLines(text)).headings.map((h) => [h.number, h.label, h.title]);

  test.each([
    ['Item 4 Apologies\nNone received.\nItem 5 Minutes\nAgreed.\nItem 6 Finance\nPayments approved.', [['4', 'Item 4', 'Apologies'], ['5', 'Item 5', 'Minutes'], ['6', 'Item 6', 'Finance']]],
    ['Minute 23/45 Apologies\nNone received.\nMinute 23/46 Minutes of the last meeting\nAgreed.\nMinute 23/47 Planning\nNo comment.', [['23/45', 'Minute 23/45', 'Apologies'], ['23/46', 'Minute 23/46', 'Minutes of the last meeting'], ['23/47', 'Minute 23/47', 'Planning']]],
    ['23/45 Apologies\nNone received.\n23/46 Minutes of the last meeting\nAgreed.', [['23/45', '23/45', 'Apologies'], ['23/46', '23/46', 'Minutes of the last meeting']]],
    // The year after the number: minute 12 of 2024/25.
    ['12/24. Apologies\nNone received.\n13/24. Minutes of the last meeting\nAgreed.\n15/24. Planning\nNo comment.', [['12/24', '12/24.', 'Apologies'], ['13/24', '13/24.', 'Minutes of the last meeting'], ['15/24', '15/24.', 'Planning']]],
    ['Minute 98/23 Apologies\nNone received.\nMinute 99/23 Finance\nPaid.\nMinute 100/23 Planning\nNo comment.', [['98/23', 'Minute 98/23', 'Apologies'], ['99/23', 'Minute 99/23', 'Finance'], ['100/23', 'Minute 100/23', 'Planning']]],
    ['5(a) Convenor’s report\nSpeeding on the A814.\n5(b) Vice Convenor\nNothing to report.\n5(c) Treasurer\nBalance £1,022.', [['5(a)', '5(a)', 'Convenor’s report'], ['5(b)', '5(b)', 'Vice Convenor'], ['5(c)', '5(c)', 'Treasurer']]],
    ['Apologies (Item 1)\nNone received.\nMinutes (Item 2)\nAgreed.\nFinance (Item 3)\nPayments approved.', [['1', 'Item 1', 'Apologies'], ['2', 'Item 2', 'Minutes'], ['3', 'Item 3', 'Finance']]],
  ])('%j', (text, headings) => {
    expect(numbered(text)).toEqual(headings);
  });

  test('numbers in the headings of an HTML page or a Markdown file are its minutes\' numbers, as printed', () => {
    const html = readHtml(
      '<h1>Ayton Parish Council</h1><p>Minutes of the meeting held on 12 March 2024.</p>' +
        '<h2>24/31. Apologies for absence</h2><p>Cllr White.</p><h2>24/32. Declarations of interest</h2><p>None.</p>' +
        '<h2>24/34. Playground</h2><p>RESOLVED that the repairs be made.</p><h2>Date of next meeting</h2><p>9 April.</p>',
    );
    const minutes = findMinuteHeadings(html.lines);
    expect(minutes.headings.map((h) => [h.number, h.label, h.title])).toEqual([
      ['24/31', '24/31.', 'Apologies for absence'],
      ['24/32', '24/32.', 'Declarations of interest'],
      ['24/34', '24/34.', 'Playground'],
      [undefined, undefined, 'Date of next meeting'],
    ]);
    expect(minutes.style).toBe('3 numbered minutes (24/31., 24/32., ...: whole numbers after the year), then 1 unnumbered section');
    const markdown = readMarkdown('# Minutes\n\n## 1\\. Apologies\n\nNone.\n\n### 2. Minutes of the last meeting\n\nAgreed.\n\n### 3. Finance\n\nPaid.\n');
    expect(findMinuteHeadings(markdown.lines).headings.map((h) => [h.number, h.label, h.title])).toEqual([
      ['1', '1.', 'Apologies'],
      ['2', '2.', 'Minutes of the last meeting'],
      ['3', '3.', 'Finance'],
    ]);
    // Headings without numbers stay sections, and a year in a heading is not a minute's number.
    expect(findMinuteHeadings(readMarkdown('## 2019 Annual Return\n\nSent.\n\n## 2020 Annual Return\n\nDue.\n').lines).headings.map((h) => [h.number, h.title])).toEqual([
      [undefined, '2019 Annual Return'],
      [undefined, '2020 Annual Return'],
    ]);
  });

  test('the numbering is described in words for the import report', () => {
    expect(findMinuteHeadings(toLines('Apologies (Item 1)\nNone.\nMinutes (Item 2)\nAgreed.')).style).toBe('2 numbered minutes (Item 1, Item 2, ...: numbers in brackets after the title)');
    expect(findMinuteHeadings(toLines('Minute 23/45 Apologies\nNone.\nMinute 23/46 Minutes\nAgreed.')).style).toBe('2 numbered minutes (Minute 23/45, Minute 23/46, ...: whole numbers after the year without a full stop)');
    expect(findMinuteHeadings(toLines('12/24. Apologies\nNone.\n13/24. Minutes\nAgreed.')).style).toBe('2 numbered minutes (12/24., 13/24., ...: whole numbers before the year)');
  });

  test('numbers that are not minutes: years, financial years, counts, a text with none', () => {
    expect(numbered('2019 Annual Return\nSubmitted.\n2020 Annual Return\nDue in June.')).toEqual([]);
    expect(numbered('2019/20 Budget\nSet.\n2020/21 Budget\nTo follow.')).toEqual([]);
    expect(numbered('The meeting opened at 7pm.\n12 members of the public were present.\nThe Chair welcomed them.')).toEqual([]);
    expect(findMinuteHeadings(toLines('Nothing here is numbered.')).style).toBe('no numbered minutes or section headings');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('attendance: who was there', () => {
  const headOf = (part: string) => {
    const d = doc(part);
    const first = findMinuteHeadings(d.lines, d.skip).headings[0]!.index;
    return readAttendance(d.lines.slice(0, first), d.skip).attendance;
  };

  test('Garelochhead: tables of names and roles under "Members present", "Attending", "Public" and "Apologies"', () => {
    const a = headOf('garelochhead');
    expect(who(a)).toEqual({
      present: ['Watson Robinson', 'Martin Croft', 'Carole Spencer', 'David Norton', 'Hilary Worton', 'Craig Ritchie', 'Fiona Robinson'],
      inAttendance: ['Cllr George Freeman'],
      apologies: ['Margaret Stratton', 'Fergus Madigan', 'Cllr Iain Shonny Paterson', 'Ron Fletcher'],
      // "Public: None" is nobody, not a person called None.
      public: [],
    });
    expect(a.present.filter((p) => p.chair).map((p) => [p.printed, p.role])).toEqual([['Watson Robinson', 'Convenor']]);
    expect(a.present[1]).toMatchObject({ role: 'Vice Chair', chair: false });
    expect(a.apologies[3]?.role).toBe('Portincaple Residents’ Association');
  });

  test('Ayton: a grid of names and the initials the minutes use for them', () => {
    const a = headOf('ayton-community-council-full-council-2019-12-03');
    expect(a.present.map((p) => `${p.printed} ${p.initials}`)).toEqual([
      'Graham Dolan GD',
      'Isabel Kellie IK',
      'Margaret Carey MC',
      'Sarah Woodbury SW',
      'Rob Weatherston RW',
      'Jim Fullarton JF',
      'Helen Laing HL',
      'Catherine Chisholm CC',
    ]);
  });

  test('Tintern: a sentence of names sharing "Cllrs", the Clerk, and the public in the same paragraph', () => {
    const a = headOf('tintern');
    expect(names(a.present)).toEqual(['Cllr Mrs Shewell', 'Hayward', 'Hoskins', 'Hillard', 'Richards', 'Evans', 'Cobb', 'Ashman', 'County Cllr Mrs Webb', 'the Clerk']);
    expect(a.present[0]).toMatchObject({ role: 'Chairman', chair: true });
    expect(a.present[1]?.sharedTitle).toBe('Cllr');
    expect(a.present[9]).toMatchObject({ role: 'Clerk', chair: false });
    expect(a.public.map((p) => [p.printed, p.role])).toEqual([['Mr Roger Hoggins', 'MCC']]);
  });

  test('Hertingfordbury and Milburn: the Clerk in attendance; "7 members of the public" and "Three Members" are counts, not names', () => {
    expect(who(headOf('hertingfordbury-parish-council-full-council-2019-02-13-minutes'))).toEqual({
      present: ['Gary O’Leary', 'Magda Atkins', 'Haidy Blake', 'Lizzer Bradbury', 'Jim Coppard', 'Roger Morris', 'Barry Simkins'],
      inAttendance: ['Amanda Glew'],
      apologies: [],
      public: [],
    });
    const milburn = headOf('milburn');
    expect(milburn.present.map((p) => `${p.sharedTitle} ${p.printed}${p.chair ? ' (chair)' : ''}`)).toEqual(['Councillor D Richardson (chair)', 'Councillor R Healey', 'Councillor N Cresswell', 'Councillor P Moran']);
    expect(milburn.inAttendance.map((p) => [p.printed, p.role])).toEqual([['J Connelly', 'Clerk']]);
    expect(milburn.public).toEqual([]);
  });

  test.each([
    ['Present: Cllr Smith', 'present', 'Cllr Smith'],
    ['PRESENT: Cllrs Gary O’Leary, Magda Atkins', 'present', 'Cllrs Gary O’Leary, Magda Atkins'],
    ['Members present:', 'present', ''],
    ['Present – Cllr A Smith, Cllr B Jones', 'present', 'Cllr A Smith, Cllr B Jones'],
    ['Apologies for absence: Cllr Green', 'apologies', 'Cllr Green'],
    ['Apologies were received from Cllr Green and Cllr White.', 'apologies', 'Cllr Green and Cllr White.'],
    ['In attendance: Amanda Glew (Clerk)', 'inAttendance', 'Amanda Glew (Clerk)'],
    ['Clerk J Connelly', 'inAttendance', 'J Connelly'],
    ['Members of the Public - Three Members', 'public', 'Three Members'],
    ['Yn bresennol: Cyng. Dafydd Jones', 'present', 'Cyng. Dafydd Jones'],
    ['Presennol: Cyng Dafydd Jones', 'present', 'Cyng Dafydd Jones'],
    ['Yn bresennol hefyd: Mr Tom Evans (Clerc)', 'inAttendance', 'Mr Tom Evans (Clerc)'],
    ['Ymddiheuriadau: Cyng. Sian Evans', 'apologies', 'Cyng. Sian Evans'],
  ])('"%s" opens the %s list', (text, list, rest) => {
    expect(attendanceLabel(text)).toEqual({ list, rest });
  });

  test.each([
    'The Chairman thanked those present for attending.',
    'Present at the meeting was PCSO Jones who gave the police report.',
    'Present were the Chair and five members.',
    'Apologies were made for the late papers.',
    'Public footpaths in the parish need clearing.',
  ])('"%s" mentions the word but is a sentence, not a list', (text) => {
    expect(attendanceLabel(text)).toBeUndefined();
  });

  test('a sentence that mentions "present" does not join the list above it', () => {
    const a = readAttendance(toLines('Present: Cllr Smith (Chair), Cllr Jones\nThe Chairman thanked all those present for coming.\nApologies: Cllr Brown')).attendance;
    expect(who(a)).toEqual({ present: ['Cllr Smith', 'Cllr Jones'], inAttendance: [], apologies: ['Cllr Brown'], public: [] });
    expect(a.present[0]).toMatchObject({ role: 'Chair', chair: true });
  });

  test('isProse tells a sentence from a list of names', () => {
    expect(isProse('Cllrs Hayward, Hoskins, Hillard and the Clerk')).toBe(false);
    expect(isProse('Ed Plowden (Chair), Graham Morris (Vice-Chair)')).toBe(false);
    expect(isProse('Watson Robinson welcomed everyone to the meeting')).toBe(true);
  });

  test('names with their own titles: a role in brackets is that person\'s, and a count after it is nobody', () => {
    expect(attendeesIn('Cllr Smith (Chair), Cllr Jones and Cllr Brown', line('')).map((a) => [a.printed, a.role, a.chair])).toEqual([
      ['Cllr Smith', 'Chair', true],
      ['Cllr Jones', undefined, false],
      ['Cllr Brown', undefined, false],
    ]);
    expect(attendeesIn('Mrs J Bloggs (Clerk) and 2 members of the public', line('')).map((a) => [a.printed, a.role])).toEqual([['Mrs J Bloggs', 'Clerk']]);
    expect(attendeesIn('Mrs J Bloggs (Clerk) and Three Members of the public', line('')).map((a) => a.printed)).toEqual(['Mrs J Bloggs']);
    expect(attendeesIn('Cllr A Jones (Vice Chair)', line(''))[0]).toMatchObject({ role: 'Vice Chair', chair: false });
  });

  test('Welsh lists: "Cyng." is a title, not the end of a sentence, and the Cadeirydd chairs', () => {
    const a = readAttendance(toLines('Cofnodion cyfarfod Cyngor Cymuned Tyndyrn\nYn bresennol: Cyng. Dafydd Jones (Cadeirydd), Cyng. Sian Evans\nYmddiheuriadau: Cyng. Alun Rees')).attendance;
    expect(who(a)).toEqual({ present: ['Cyng. Dafydd Jones', 'Cyng. Sian Evans'], inAttendance: [], apologies: ['Cyng. Alun Rees'], public: [] });
    expect(a.present[0]).toMatchObject({ role: 'Cadeirydd', chair: true });
  });

  test('nobody is read from "None", "Nil" or "No apologies"', () => {
    for (const text of ['Apologies: None', 'Apologies: Nil', 'Apologies: No apologies were received', 'Public: 3 members of the public']) {
      const a = readAttendance(toLines(text)).attendance;
      expect([...a.apologies, ...a.public], text).toEqual([]);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('vote: results, counts and recorded votes', () => {
  test('Bristol: three votes, with their results, counts and movers as printed', () => {
    const m = minutesOf('bristol-city-council-transport-connectivity-policy-committee-2026-03-19-minutes');
    expect(m.votes).toHaveLength(expected[doc('bristol-city-council-transport-connectivity-policy-committee-2026-03-19-minutes').file]!.votes!);
    expect(m.votes.map((v) => [v.minute, v.recommendation, v.result, v.unanimous, v.for, v.against, v.movedBy, v.secondedBy])).toEqual([
      ['8', '2', 'carried', true, undefined, undefined, 'Councillor Plowden', 'Councillor Wilcox'],
      ['8', '3', 'lost', false, 2, 7, 'Councillor Plowden', 'Councillor Wilcox'],
      ['9', undefined, 'carried', true, undefined, undefined, 'Councillor Plowden', 'Councillor Renhard'],
    ]);
    // The vote on recommendation 3 decided recommendation 3, which is recorded as rejected.
    expect(m.votes[1]!.decided.map((d) => [d.label, d.kind])).toEqual([['3', 'rejected']]);
  });

  test.each([
    ['On being put to the vote, recommendation 2 was CARRIED unanimously.', { result: 'carried', unanimous: true, recommendation: '2' }],
    ['On being put to the vote, recommendation 3 FELL (2 voting for, 7 voting against)', { result: 'lost', for: 2, against: 7, recommendation: '3' }],
    ['On being put to the vote the recommendations were CARRIED (unanimously).', { result: 'carried', unanimous: true }],
    // The decision notice for the same meeting.
    ['Recommendations 3 was not approved (2 For, 7 Against with 0 Abstention.)', { result: 'lost', for: 2, against: 7, abstain: 0 }],
    ['The motion was carried nem. con.', { result: 'carried', unanimous: true }],
    ['Carried nem con.', { result: 'carried', unanimous: true }],
    ['Motion carried.', { result: 'carried', unanimous: false }],
    ['The motion was carried by 6 votes to 3 with 1 abstention.', { result: 'carried', for: 6, against: 3, abstain: 1 }],
    ['The amendment was carried by 5 votes to 4, with 2 abstaining.', { result: 'carried', for: 5, against: 4, abstain: 2 }],
    ['For: 5, Against: 2, Abstentions: 1', { result: 'carried', for: 5, against: 2, abstain: 1 }],
    ['The motion was lost.', { result: 'lost', unanimous: false }],
    ['The Motion was lost by 3 votes to 5.', { result: 'lost', for: 3, against: 5 }],
    ['The amendment was defeated.', { result: 'lost' }],
  ])('"%s"', (sentence, vote) => {
    expect(voteIn(sentence)).toMatchObject(vote);
  });

  test('counts decide the result only when they differ: a tie prints no result, so none is read', () => {
    const tie = voteIn('The vote was 4 for and 4 against; the Chair used her casting vote.');
    expect(tie).toMatchObject({ for: 4, against: 4 });
    expect(tie).not.toHaveProperty('result');
    expect(voteIn('By 6 votes to 3 the council agreed the precept.')?.result).toBe('carried');
  });

  test('a vote with no result printed makes no decision of its own', () => {
    const m = parseMinutes(toLines('1. Precept\nThe vote was 4 for and 4 against.\n2. Date of next meeting\nTuesday 7 January 2020.'));
    expect(m.votes).toHaveLength(1);
    expect(m.decisions).toEqual([]);
  });

  test.each([
    'The Clerk carried out the inspection.',
    'Carried forward from the last meeting: the bench.',
    'The balance was carried over to next year.',
    'It was agreed unanimously to pay the invoice.',
    'The council lost its grant.',
  ])('"%s" reports no vote', (sentence) => {
    expect(voteIn(sentence)).toBeUndefined();
  });

  test('a recorded vote: the names for, against and abstaining, over wrapped lines', () => {
    const lines = toLines('A recorded vote was taken:\nFor: Cllrs Adams, Baker and\nCarter\nAgainst: Cllr Davies\nAbstain: Cllr Evans\n\nThe motion was carried.');
    const votes = namedVotes(lines, 0, lines.length);
    expect(votes).toHaveLength(1);
    expect(Object.fromEntries(Object.entries(votes[0]!.names).map(([side, people]) => [side, names(people)]))).toEqual({
      for: ['Adams', 'Baker', 'Carter'],
      against: ['Cllr Davies'],
      abstain: ['Cllr Evans'],
    });
    expect(votes[0]!.names.for[0]!.sharedTitle).toBe('Cllr');
    expect([votes[0]!.first, votes[0]!.last]).toEqual([1, 4]);
  });

  test('a recorded vote with counts beside the labels; "None" abstaining is nobody', () => {
    const lines = toLines('For (3): Councillors Adams, Baker OBE and Carter\nAgainst (1): Councillor Davies\nAbstained (0): None');
    const [vote] = namedVotes(lines, 0, lines.length);
    expect(vote!.printedCounts).toEqual({ for: 3, against: 1, abstain: 0 });
    expect(names(vote!.names.for)).toEqual(['Adams', 'Baker OBE', 'Carter']);
    expect(vote!.names.abstain).toEqual([]);
  });

  test('text with no "For:" lists holds no recorded vote', () => {
    const lines = toLines('Cllr Smith spoke for the proposal.\nThe council voted against it in 2019.');
    expect(namedVotes(lines, 0, lines.length)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('action: who was asked to do what', () => {
  test('Garelochhead: the 11 "ACTION:" lines, not counted again from the follow-up table that repeats them', () => {
    const d = doc('garelochhead');
    const actions = findActions(d.lines, d.skip);
    expect(actions).toHaveLength(expected[d.file]!.actions!);
    expect(actions.every((a) => a.source === 'marker')).toBe(true);
    expect(actions.slice(0, 3).map((a) => [a.owner, a.text])).toEqual([
      ['Craig Ritchie', 'Craig Ritchie to draft a response to Jim Smith asking for the issue to be addressed without further delay.'],
      ['Secretary', expect.stringMatching(/^Secretary to contact Police Scotland \(Roddy McNeil\)/)],
      ['Craig Ritchie', 'Craig Ritchie to investigate feasibility and costs for collecting dashcam evidence.'],
    ]);
    expect(actions.map((a) => a.owner)).toContain('Carole');
    // "ACTION: contact Watson Robinson ..." names nobody before "to": no owner is made up.
    expect(actions.find((a) => a.text.startsWith('contact Watson Robinson'))).not.toHaveProperty('owner');
  });

  test('Ayton: the Action column: owners in order, each beside the whole item it belongs to', () => {
    const d = doc('ayton-community-council-full-council-2019-12-03');
    const actions = findActions(d.lines, d.skip);
    expect(actions.map((a) => a.owner)).toEqual(['KC/GD/IK', 'IK', 'GD/HL', 'HL', 'HL', 'MC/IK', 'SW/HL']);
    expect(actions.every((a) => a.source === 'column')).toBe(true);
    expect(actions[0]!.text).toBe('Resilient Communities - There had still been no further action regarding revamping the RC scheme. KC, GD and IK to meet soon to look at the best way forward.');
    expect(actions[3]!.text).toBe('Stop, Look and Listen - IK had reminded SBC that this work was still outstanding. HL would expedite.');
    // "HL to chase this up" has no entry in the column; the column is the council's own list.
    expect(actions.some((a) => a.text.includes('chase this up'))).toBe(false);
  });

  test('Tintern: "Clerk to ..." sentences, with the Clerk as owner', () => {
    const d = doc('tintern');
    const clerk = findActions(d.lines, d.skip).filter((a) => a.owner === 'Clerk').map((a) => a.text);
    expect(clerk).toContain('Clerk to inform Mrs Dodds.');
    expect(clerk).toContain('Clerk to book him on the course.');
  });

  test.each([
    ['The pothole in Mill Lane has got worse. Clerk to write to the highways authority.', 'Clerk', 'Clerk to write to the highways authority.'],
    ['The Clerk will write to the highways authority about the pothole.', 'Clerk', 'The Clerk will write to the highways authority about the pothole.'],
    ['Cllr Smith to report back at the next meeting.', 'Cllr Smith', 'Cllr Smith to report back at the next meeting.'],
    ['ACTION: Clerk to write to the highways authority', 'Clerk', 'Clerk to write to the highways authority'],
    ['Action: Clerk to write to the highways authority', 'Clerk', 'Clerk to write to the highways authority'],
    // The marker followed only by its owner: the task is the words before it.
    ['The verge at Church Road needs cutting. ACTION: Clerk', 'Clerk', 'The verge at Church Road needs cutting.'],
  ])('"%s"', (text, owner, task) => {
    expect(findActions(toLines(text)).map((a) => [a.owner, a.text])).toEqual([[owner, task]]);
  });

  test.each([
    'The Clerk has written to the highways authority.',
    'The Council is to be congratulated on the display.',
    'It was agreed to write to the highways authority.',
    'This is to be done before March.',
  ])('"%s" gives nobody a task', (text) => {
    expect(findActions(toLines(text))).toEqual([]);
  });

  test('ownerOf: who a task names at its start', () => {
    expect(ownerOf('KC, GD and IK to meet soon to look at the best way forward.').owner).toBe('KC, GD and IK');
    expect(ownerOf('The Chairman to draft comments.').owner).toBe('Chairman');
    expect(ownerOf('HL to chase this up.')).toEqual({ owner: 'HL', task: 'HL to chase this up.' });
    // After an "ACTION:" marker, a first name before "to" is an owner; in a sentence it is not enough.
    expect(ownerOf('Craig to chase up regular MDP report', true).owner).toBe('Craig');
    expect(ownerOf('Craig to chase up regular MDP report')).toEqual({ task: 'Craig to chase up regular MDP report' });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('decision: what the body decided, and who moved it', () => {
  test.each([
    ['The Minutes of the Meeting held on 5 November 2019 were approved.', 'resolution', 'were approved'],
    ['Approved & signed as correct.', 'resolution', 'Approved'],
    ['Trellech United Community Council Training Course - £25 (Ch. No. 101153) – all approved.', 'resolution', 'all approved'],
    ['Wales Air Ambulance – request for donation. Councillors agreed to give £50.', 'resolution', 'agreed'],
    ['Further details have now been received and after discussion the Councillors resolved to have the Beacon and service on the Village Green.', 'resolution', 'resolved'],
    ['All Councillors were content with the amended policy.', 'resolution', 'were content'],
    ['It was decided that we would park this matter until we are able to meet in person.', 'resolution', 'was decided'],
    ['The Committee for Transport and Connectivity noted this update report.', 'noting', 'noted this'],
    ['These were received and noted.', 'noting', 'were received and noted'],
    ['The motion was lost.', 'rejected', 'was lost'],
    ['Recommendations 3 was not approved.', 'rejected', 'was not approved'],
    ['Penderfynwyd rhoi £50 i Ambiwlans Awyr Cymru.', 'resolution', 'Penderfynwyd'],
    ['Gwrthodwyd y cais.', 'rejected', 'Gwrthodwyd'],
  ])('"%s" is a %s ("%s")', (sentence, kind, printedAs) => {
    expect(decisionIn(sentence)).toEqual({ kind, printedAs });
  });

  test.each([
    // A person agreeing to do something.
    'Mr Hoggins agreed to go back to MCC and pass on TCC;s request to commence work on Site 2 after Easter.',
    'SW agreed to pass on photos of grass on the path after cutting to HL who would pursue the matter.',
    // Three initials are a person, though they end in C as a council's do.
    'AMC agreed to contact the owner who lives abroad.',
    // The planning authority's permission.
    'DM/2019/00026 – New dwelling with associated garage at Tengboche, Glynwood Lane - approved.',
    // What was decided before, or will be.
    'MCC Highways had previously stated they were planning to start work on Site 2.',
    'The council has previously agreed to fund this.',
    'The previous application was approved in 2017.',
    'The precept will be approved at the next meeting.',
    // A shared view, and a narrative noting.
    'Members agreed that bus services were less frequent.',
    'It was noted that the bus service had changed.',
  ])('"%s" is not a decision of the body', (sentence) => {
    expect(decisionIn(sentence)).toBeUndefined();
  });

  test.each([
    ['Proposed by RW and seconded by SW.', { movedBy: 'RW', secondedBy: 'SW' }],
    ['The minutes of the previous meeting held on Wednesday 3rd January 2024 were approved by MC and Seconded by AW as a true and accurate reflection of events.', { movedBy: 'MC', secondedBy: 'AW' }],
    ['Proposed by the Chairman, seconded by Cllr Blake.', { movedBy: 'the Chairman', secondedBy: 'Cllr Blake' }],
    ['Councillor Plowden moved report recommendation 2 and it was seconded by Councillor Wilcox.', { movedBy: 'Councillor Plowden', secondedBy: 'Councillor Wilcox' }],
    ['The report recommendations were moved by Councillor Plowden and seconded by Councillor Renhard.', { movedBy: 'Councillor Plowden', secondedBy: 'Councillor Renhard' }],
    ['Proposed by Cllr Smith, seconded by Cllr Jones', { movedBy: 'Cllr Smith', secondedBy: 'Cllr Jones' }],
    ['Proposed: Cllr Smith  Seconded: Cllr Jones', { movedBy: 'Cllr Smith', secondedBy: 'Cllr Jones' }],
    ['Proposer: Cllr Smith, Seconder: Cllr Jones.', { movedBy: 'Cllr Smith', secondedBy: 'Cllr Jones' }],
    // No mover or seconder printed: none.
    ['The minutes were agreed as a true record.', {}],
    ['Approved & signed as correct.', {}],
  ])('motionIn("%s")', (sentence, motion) => {
    expect(motionIn(sentence)).toEqual(motion);
  });

  test('the corpus minutes: each document\'s decisions, and movers only where printed', () => {
    const mover = (part: string) => minutesOf(part).decisions.map((d) => [d.minute, d.movedBy, d.secondedBy]);
    expect(mover('ayton-community-council-full-council-2019-12-03')).toEqual([['4', 'RW', 'SW']]);
    expect(mover('garelochhead')[0]).toEqual(['2', 'Martin Croft', 'Craig Ritchie']);
    expect(mover('ayton-community-council-full-council-2024-02-06')[0]).toEqual(['Minutes', 'MC', 'AW']);
    const hertingfordbury = minutesOf('hertingfordbury-parish-council-full-council-2019-02-13-minutes').decisions;
    expect(hertingfordbury.find((d) => d.minute === '87' && d.kind === 'resolution')).toMatchObject({ printedAs: 'were agreed', movedBy: 'the Chairman', secondedBy: 'Cllr Blake' });
    // Milburn, Tintern, Wye Valley and West Dereham record no proposers or seconders.
    for (const part of ['milburn', 'tintern', 'wye-valley', 'west-dereham']) {
      const decisions = minutesOf(part).decisions.filter((d) => d.kind === 'resolution');
      expect(decisions.length, part).toBe(expected[doc(part).file]!.decisions);
      expect(decisions.filter((d) => d.movedBy || d.secondedBy), part).toEqual([]);
    }
  });

  test('apologies given in a numbered minute keep their first name: "Apologies for absence were received from Paul Priestman (PP), ..."', () => {
    expect(minutesOf('ayton-community-council-full-council-2019-12-03').attendance.apologies.map((a) => a.printed)).toEqual(['Paul Priestman', 'Kenny Combe', 'Carol Hamilton', 'Police Scotland CPO']);
  });

  test('Tintern: the planning permissions in 2650 are Monmouthshire\'s, not the council\'s', () => {
    const m = minutesOf('tintern');
    expect(m.decisions.map((d) => d.minute)).toEqual(['2647', '2649', '2653', '2656']);
  });

  test('RESOLVED blocks: the marker, its misprints, and the kinds of what follows', () => {
    expect(matchDecisionMarker('RESOVLED: That the report be noted.')).toEqual({ printedAs: 'RESOVLED', rest: 'That the report be noted.' });
    expect(matchDecisionMarker('RESERVED: item 4')).toBeUndefined();
    expect(classifyDecision('That the report be noted.')).toBe('noting');
    expect(classifyDecision('That the matter be referred to the Cabinet for consideration.')).toBe('recommendation');
    expect(classifyDecision('That the budget be approved.')).toBe('resolution');
  });

  test('anchor ids: the printed label, the minute alone, or numbered in order; never twice the same', () => {
    const d = (minute: string, label?: string) => ({ minute, ...(label ? { label } : {}) }) as FoundDecision;
    const decisions = [d('180', 'a'), d('180', 'b'), d('181'), d('5(a)'), d('5(a)'), d('23/45', 'a'), d('23/45', 'a')];
    assignIds(decisions);
    expect(decisions.map((x) => x.id)).toEqual(['decision-180-a', 'decision-180-b', 'decision-181', 'decision-5-a-1', 'decision-5-a-2', 'decision-23-45-a', 'decision-23-45-a-2']);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('language: Welsh or English', () => {
  const welsh =
    'Cofnodion cyfarfod Cyngor Cymuned Tyndyrn a gynhaliwyd nos Lun 25ain Chwefror 2019 am 7.00yh yn Neuadd y Pentref.\n' +
    'Yn bresennol: Cyng. Dafydd Jones (Cadeirydd), Cyng. Sian Evans, Cyng. Alun Rees a’r Clerc.\n' +
    'Ymddiheuriadau: Cyng. Mair Huws.\nDatganiadau o fuddiant: dim.\n' +
    'Cytunwyd bod cofnodion y cyfarfod diwethaf yn gywir a llofnodwyd hwy gan y Cadeirydd.';
  const english =
    'Minutes of a meeting of the above Council held on Monday 25th February 2019 at 7.00pm in Tintern Village Hall.\n' +
    'Present: Chairman Cllr Mrs Shewell, Cllrs Hayward, Hoskins and the Clerk.\n2647. Approval of minutes of previous meeting: Approved & signed as correct.';

  test('Welsh minutes are Welsh, English minutes English', () => {
    expect(detectLanguage(welsh).lang).toBe('cy');
    expect(detectLanguage(english).lang).toBe('en');
  });

  test('the corpus: the Welsh community councils publish in English', () => {
    for (const part of ['tintern', 'wye-valley', 'garelochhead', 'bristol-city-council-transport-connectivity-policy-committee-2026-03-19-minutes']) {
      const d = doc(part);
      expect(detectLanguage(d.lines.filter((l) => !d.skip.has(l.n)).map((l) => l.text).join('\n')).lang, part).toBe('en');
    }
  });

  test('a text too short to tell is English, the default; so is one with no words', () => {
    expect(detectLanguage('Cyngor Cymuned Tyndyrn')).toEqual({ lang: 'en', welsh: 2, english: 0 });
    expect(detectLanguage('Cofnodion')).toMatchObject({ lang: 'en', welsh: 1 });
    expect(detectLanguage('')).toEqual({ lang: 'en', welsh: 0, english: 0 });
    expect(detectLanguage('2643. £7,120.97 – 101153')).toEqual({ lang: 'en', welsh: 0, english: 0 });
  });

  test('a long English text with a Welsh paragraph in it stays English', () => {
    const d = doc('tintern');
    const text = `${d.lines.map((l) => l.text).join('\n')}\n${welsh}`;
    expect(detectLanguage(text).welsh).toBeGreaterThanOrEqual(10);
    expect(detectLanguage(text).lang).toBe('en');
  });

  test('mixed text goes by which language clearly has more of its words', () => {
    // An English page with a Welsh council name and heading stays English.
    expect(detectLanguage(`Cyngor Cymuned Tyndyrn - Cofnodion\n${english}`).lang).toBe('en');
    // Welsh minutes with a few English names and words in them stay Welsh.
    expect(detectLanguage(`${welsh}\nMonmouthshire County Council: Highways.`).lang).toBe('cy');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('meeting: the council, body, date, times and venue', () => {
  const meetingOf = (part: string) => {
    const d = doc(part);
    return values(readMeeting(d.lines, { skip: d.skip, fileName: d.file, ...(d.source.title ? { title: d.source.title } : {}) }));
  };

  test.each([
    ['bristol-city-council-transport-connectivity-policy-committee-2026-03-19-minutes', { council: 'Bristol City Council', body: 'Transport & Connectivity Policy Committee', date: '2026-03-19', time: '17:00', closedAt: '19:30' }],
    ['garelochhead', { council: 'Garelochhead Community Council', body: 'Community Council', date: '2021-03-16', time: '19:00' }],
    ['hertingfordbury-parish-council-full-council-2019-02-13-minutes', { council: 'Hertingfordbury Parish Council', body: 'Parish Council', date: '2019-02-13', time: '19:00', venue: 'HERTINGFORDBURY COWPER SCHOOL', closedAt: '21:55' }],
    // No start time printed: none. The "Signed ... Dated" lines give the day the minutes were signed.
    ['milburn', { council: 'Milburn Parish Council', date: '2018-11-06', closedAt: '20:50', signedOn: '2019-01-08' }],
    ['tintern', { council: 'Tintern Community Council', date: '2019-02-25', time: '19:00', venue: 'Tintern Village Hall', closedAt: '20:40' }],
    // No date, no time and no council name in the text: the date from the file name, nothing else made up.
    ['wye-valley', { date: '2024-02-26', closedAt: '20:15' }],
    ['ayton-community-council-full-council-2019-12-03', { council: 'Ayton Community Council', date: '2019-12-03', time: '19:00', venue: 'Ayton Community Hall' }],
    ['west-dereham', { council: 'West Dereham Parish Council', body: 'Parish Council', date: '2020-09-03', time: '19:00', closedAt: '19:56' }],
  ])('%s', (part, facts) => {
    expect(meetingOf(part)).toEqual(facts);
  });

  test('the date the file name gives says where it came from', () => {
    const d = doc('wye-valley');
    expect(readMeeting(d.lines, { skip: d.skip, fileName: d.file }).date).toEqual({ value: '2024-02-26', from: 'the file name (the text prints no date)' });
  });

  test.each([
    ['ANYTOWN PARISH COUNCIL\nMinutes of the meeting held on Tuesday 3rd December 2019 at 7.30pm', { council: 'Anytown Parish Council', date: '2019-12-03', time: '19:30' }],
    ['Minutes of the Finance Committee of Anytown Town Council held on 3 December 2019', { council: 'Anytown Town Council', body: 'Finance Committee', date: '2019-12-03' }],
    ['Minutes of the Annual Parish Meeting held on Tuesday 3rd December 2019', { body: 'Annual Parish Meeting', date: '2019-12-03' }],
    ['Minutes of Anytown Parish Council\nDate: 03/12/2019\nVenue: Village Hall', { council: 'Anytown Parish Council', body: 'Parish Council', date: '2019-12-03' }],
    ['Cofnodion cyfarfod Cyngor Cymuned Tyndyrn a gynhaliwyd ar 25ain Chwefror 2019 am 7.00pm', { council: 'Cyngor Cymuned Tyndyrn', date: '2019-02-25', time: '19:00' }],
    ['Minutes of a meeting of Anytown Town Council held on 3rd December 2019\n\nPresent: Cllr Smith\n\nThe meeting closed at 9.15pm.', { council: 'Anytown Town Council', body: 'Town Council', date: '2019-12-03', closedAt: '21:15' }],
  ])('%j', (text, facts) => {
    expect(values(readMeeting(toLines(text)))).toEqual(facts);
  });

  test.each([
    ['an earlier meeting\'s minutes confirmed', 'Anytown Parish Council\n\nTo confirm the minutes of the meeting held on 9th January 2019.'],
    ['an earlier meeting\'s minutes approved', 'Anytown Parish Council\n\nThe Minutes of the Meeting held on 5 November 2019 were approved.'],
    ['the next meeting', 'Anytown Parish Council\n\nDate of next meeting: 25th March 2019.'],
    ['a date with no year', 'Minutes of the meeting held on Tuesday 3rd December at 7.30pm'],
  ])('%s is not the meeting\'s date, and no time is read without one', (_, text) => {
    const facts = readMeeting(toLines(text));
    expect(facts.date).toBeUndefined();
    expect(facts.time).toBeUndefined();
  });

  test('council names as printed, in capitals or in Welsh', () => {
    expect(councilNameIn('MINUTES OF A VIRTUAL MEETING OF WEST DEREHAM PARISH COUNCIL')).toBe('West Dereham Parish Council');
    expect(councilNameIn('CYNGOR CYMUNED TYNDYRN')).toBe('Cyngor Cymuned Tyndyrn');
    expect(councilNameIn('Minutes of the Planning Committee of Bristol City Council')).toBe('Bristol City Council');
    // "the County Council" names no council.
    expect(councilNameIn('the County Council agreed')).toBeUndefined();
    expect(nameCase('NEWTON-LE-WILLOWS TOWN COUNCIL')).toBe('Newton-le-Willows Town Council');
    expect(nameCase('Transport & Connectivity Policy Committee')).toBe('Transport & Connectivity Policy Committee');
  });

  test('the full meeting of each kind of council', () => {
    expect(fullCouncilName('Milburn Parish Council')).toBe('Parish Council');
    expect(fullCouncilName('Cyngor Cymuned Tyndyrn')).toBe('Community Council');
    expect(fullCouncilName('Bristol City Council')).toBe('Full Council');
    expect(fullCouncilName(undefined)).toBe('Full Council');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('paragraphs and sentences', () => {
  test('lines join into paragraphs as a reader joins them; a bullet or a blank line starts a new one', () => {
    const d = doc('ayton-community-council-full-council-2019-12-03');
    const lines = linesBetween(d, '5. Matters Arising', '6.');
    const paragraphs = paragraphsOf(lines, 1, lines.length, d.skip);
    expect(paragraphs[0]!.text).toMatch(/^• B6355 Peelwalls Meadows - CC provided an update\. .* New signage had been installed\.$/);
    expect(paragraphs[0]!.item).toBe('•');
    expect(paragraphs[0]!.last - paragraphs[0]!.first).toBe(5);
  });

  test('sentences end at a full stop before a capital, not after "Ch. No." or "Cllr."', () => {
    const [p] = paragraphsOf(toLines('Merlin Waste - £30 (Ch. No. 101151) approved. Cllr. Smith agreed. The Clerk will pay it.'), 0, 1);
    expect(sentencesOf(p!).map((s) => s.text)).toEqual(['Merlin Waste - £30 (Ch. No. 101151) approved.', 'Cllr. Smith agreed.', 'The Clerk will pay it.']);
  });

  test('a place in a paragraph is found again on its line, indented as printed', () => {
    const lines = toLines('   The Minutes of the Meeting held on 5 November 2019 were approved. Proposed by RW and\n   seconded by SW.');
    const [p] = paragraphsOf(lines, 0, lines.length);
    expect(p!.text).toBe('The Minutes of the Meeting held on 5 November 2019 were approved. Proposed by RW and seconded by SW.');
    expect(placeOf(p!, p!.text.indexOf('seconded'))).toEqual({ index: 1, col: 3 });
    expect(placeOf(p!, p!.text.indexOf('Proposed'))).toEqual({ index: 0, col: lines[0]!.text.indexOf('Proposed') });
  });

  test('cutting lines at places adds and loses no character', () => {
    const lines = toLines('3. Notice ... 4. Minutes of the meeting 5. Matters Arising');
    const { lines: cut, at } = cutLines(lines, [{ index: 0, col: 13 }, { index: 0, col: 40 }]);
    expect(cut.map((l) => l.text).join('')).toBe(lines[0]!.text);
    expect(cut.map((l) => l.text)).toEqual(['3. Notice ...', ' 4. Minutes of the meeting ', '5. Matters Arising']);
    expect(cut.every((l) => l.n === 1)).toBe(true);
    expect(at({ index: 0, col: 40 })).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('minutes: nothing is made up', () => {
  const m = parseMinutes(
    toLines(
      [
        'Minutes of the meeting of Anytown Parish Council held on Tuesday 3rd December 2019',
        '',
        'Present: Cllr Smith (Chair), Cllr Jones',
        '',
        '1. Minutes',
        'The minutes of the meeting held on 5 November 2019 were agreed as a true record.',
        '2. Highways',
        'The pothole in Mill Lane has got worse. Clerk to write to the highways authority.',
      ].join('\n'),
    ),
  );

  test('no start time printed: none; no proposer printed: none; no closing time: none', () => {
    expect(values(m.meeting)).toEqual({ council: 'Anytown Parish Council', body: 'Parish Council', date: '2019-12-03' });
    expect(m.decisions.map((d) => [d.minute, d.kind, d.movedBy, d.secondedBy])).toEqual([['1', 'resolution', undefined, undefined]]);
    expect(m.votes).toEqual([]);
    expect(m.closing).toBeUndefined();
  });

  test('what is printed is read: the chair, the action and its owner', () => {
    expect(m.attendance.present.map((p) => [p.printed, p.chair])).toEqual([
      ['Cllr Smith', true],
      ['Cllr Jones', false],
    ]);
    expect(m.actions.map((a) => [a.minute, a.owner, a.text])).toEqual([['2', 'Clerk', 'Clerk to write to the highways authority.']]);
  });
});
