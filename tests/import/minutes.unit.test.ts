import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { declarationSchema } from '../../src/schema';
import { classifyDecision, matchDecisionMarker } from '../../scripts/import/extract/decision';
import { readMeeting } from '../../scripts/import/extract/meeting';
import { parseMinutes, type ParsedMinutes } from '../../scripts/import/extract/minutes';
import { paragraphsOf } from '../../scripts/import/extract/paragraphs';
import { toLines, type SourceLine } from '../../scripts/import/read/line';
import { SOURCES as seeds } from '../helpers/seeds';

/** The minutes inside a pack: from the heading line to CHAIRMAN (or the next blank page), as the caller slices them. */
function minutesLinesOf(file: string): SourceLine[] {
  const lines = toLines(readFileSync(resolve(seeds, file), 'utf8'));
  const start = lines.findIndex((l) => l.text.startsWith('Minutes of a meeting of '));
  expect(start, `no minutes heading in ${file}`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex(
    (l, i) => i > start && /^(?:CHAIRMAN|This page is intentionally left blank)$/.test(l.text.trim()),
  );
  return lines.slice(start, end + 1);
}

const pack2015 = 'leicestershire-scrutiny-commission-2015-04-22.txt';
const pack2023 = 'leicestershire-scrutiny-commission-2023-04-12.txt';
const m2015 = parseMinutes(minutesLinesOf(pack2015));
const m2023 = parseMinutes(minutesLinesOf(pack2023));

/** Minutes from a template: one string line per source line, numbered from `first`. */
function synthetic(text: string, first = 1): SourceLine[] {
  return toLines(text).map((l) => ({ ...l, n: l.n + first - 1 }));
}

const decisionsOf = (m: ParsedMinutes, minute: string) => m.decisions.filter((d) => d.minute === minute);
/** A decision's first and last source lines. */
const linesOf = (m: ParsedMinutes, d: ParsedMinutes['decisions'][number]) => [m.lines[d.first]!.n, m.lines[d.last]!.n];

/** Every line of the minutes is in the preamble, in exactly one minute, or in the closing lines, in order. */
function expectCoverage(m: ParsedMinutes): void {
  const first = m.items[0]?.heading ?? m.lines.length;
  const ranges = [[0, first], ...m.items.map((i) => [i.heading, i.to]), ...(m.closing ? [[m.closing.from, m.closing.to]] : [])];
  ranges.slice(1).forEach((r, i) => expect(r[0]).toBe(ranges[i]![1]));
  expect(ranges.at(-1)![1]).toBe(m.lines.length);
  for (const item of m.items) expect(item.from).toBe(item.heading + 1);
}

describe('the meeting a minutes heading names', () => {
  test.each([
    {
      text: 'Minutes of a meeting of the Scrutiny Commission held at County Hall, Glenfield on Wednesday, 4 March 2015.',
      expected: { body: 'Scrutiny Commission', venue: 'County Hall, Glenfield', date: '2015-03-04' },
    },
    {
      text: 'Minutes of a meeting of the Cabinet held at the Town Hall on Monday 13 July 2009 at 5.00 pm.',
      expected: { body: 'Cabinet', venue: 'the Town Hall', date: '2009-07-13', time: '17:00' },
    },
    {
      text: 'Minutes of a special meeting of the Cabinet held in Committee Room 1, Town Hall on 13th July 2009',
      expected: { body: 'Cabinet', date: '2009-07-13' },
    },
    {
      text: 'HELD ON 13TH FEBRUARY 2019 AT 19.00 IN HERTINGFORDBURY COWPER SCHOOL',
      expected: { date: '2019-02-13', time: '19:00', venue: 'HERTINGFORDBURY COWPER SCHOOL' },
    },
    {
      text: 'Held virtually owing to COVID-19 restrictions at 1900hrs on 16th March 2021',
      expected: { date: '2021-03-16', time: '19:00' },
    },
    {
      text: 'DRAFT MINUTES OF A VIRTUAL WEST DEREHAM PARISH COUNCIL MEETING HELD at 7.00pm On THURSDAY 3rd SEPTEMBER 2020',
      expected: { council: 'West Dereham Parish Council', body: 'Parish Council', date: '2020-09-03', time: '19:00' },
    },
  ])('reads $expected.date from "$text"', ({ text, expected }) => {
    const facts = readMeeting(toLines(text));
    const got = Object.fromEntries(Object.entries(facts).filter(([k]) => k in expected).map(([k, v]) => [k, (v as { value: string }).value]));
    expect(got).toEqual(expected);
  });

  test.each([
    ['a "Signed ... Dated" line is the approval date, not the meeting\'s', 'Milburn Parish Council\n\nSigned ________ Dated 8th January 2019'],
    ['the date of the minutes an item confirms', 'Present: Cllr A\n\n1. Minutes\nThe minutes of the meeting held on 4 March 2015 were approved.'],
    ['a date that does not exist', 'Minutes of a meeting of the Scrutiny Commission held at County Hall on 31 February 2015.'],
  ])('%s is not the meeting\'s date', (_, text) => {
    expect(readMeeting(toLines(text), { head: 3 }).date).toBeUndefined();
  });

  test('a "Signed ... Dated" line gives the date the minutes were signed', () => {
    expect(readMeeting(toLines('Milburn Parish Council\n\nSigned ________ Dated 8th January 2019')).signedOn?.value).toBe('2019-01-08');
  });

  test('with no date in the text, the date comes from the file name, and says so', () => {
    const facts = readMeeting(toLines('Present: Cllrs A and B\n\n3653. Police Reports: Attached.'), { fileName: 'minutes/20240226.txt' });
    expect(facts.date).toEqual({ value: '2024-02-26', from: 'the file name (the text prints no date)' });
  });
});

describe('matchDecisionMarker', () => {
  test.each([
    ['RESOLVED:', 'RESOLVED', ''],
    ['RESVOLED:', 'RESVOLED', ''],
    ['RESOVLED:', 'RESOVLED', ''],
    ['RESOLVD:', 'RESOLVD', ''],
    ['RESOLEVD:', 'RESOLEVD', ''],
    ['RSOLVED:', 'RSOLVED', ''],
    ['RESOLVE:', 'RESOLVE', ''],
    ['  RESOLVED: That the report be noted.', 'RESOLVED', 'That the report be noted.'],
    ['RESOLVED that the report be noted.', 'RESOLVED', 'that the report be noted.'],
    ['RESOLVED', 'RESOLVED', ''],
  ])('"%s" is a decision marker printed as %s', (text, printedAs, rest) => {
    expect(matchDecisionMarker(text)).toEqual({ printedAs, rest });
  });

  test.each([
    'RESOLVE',
    'The Commission will RESOLVE this at its next meeting.',
    'It was RESOLVED: that the report be noted.',
    'Resolved:',
    'resolved:',
    'RESVOLED that the report be noted.',
    'RESVOLED',
    'RESERVED:',
    'REVOLVED:',
    'RECEIVED:',
    'REMOVED:',
    'SOLVED:',
    'EVOLVED:',
    'NOTED:',
    'RESOLUTION:',
  ])('"%s" is not a decision marker', (text) => {
    expect(matchDecisionMarker(text)).toBeUndefined();
  });
});

describe('classifyDecision', () => {
  test.each([
    [
      "That the Enabling Growth Plan be commended for consideration at the Cabinet's meeting on 16 March;",
      'recommendation',
    ],
    ['That the comments be recommended to the Cabinet.', 'recommendation'],
    ['That the report be forwarded to the Cabinet for consideration.', 'recommendation'],
    ['That the Quarter 3 Performance Report be noted.', 'noting'],
    ['It was noted that the next meeting would be held on 12th April 2023.', 'noting'],
    ['It was NOTED that the next meeting would be held on 1 June 2015.', 'noting'],
    ['That an update be provided to the Commission in 18 months\u2019 time.', 'resolution'],
    ['That Mr. Orson be thanked for his attendance.', 'resolution'],
  ] as const)('"%s" is a %s', (text, kind) => {
    expect(classifyDecision(text)).toBe(kind);
  });
});

describe('minutes of 4 March 2015 (2015-04-22 pack)', () => {
  test('reads the heading', () => {
    expect([m2015.meeting.body?.value, m2015.meeting.venue?.value, m2015.meeting.date?.value]).toEqual(['Scrutiny Commission', 'County Hall, Glenfield', '2015-03-04']);
  });

  test('numbers 173 to 184 in order, with the printed titles and numbers', () => {
    expect(m2015.items.map((it) => [it.number, it.title])).toEqual([
      ['173', 'Minutes.'],
      ['174', 'Question Time.'],
      ['175', 'Questions asked by Members.'],
      ['176', 'Urgent Items.'],
      ['177', 'Declarations of Interest.'],
      ['178', 'Declarations of the Party Whip.'],
      ['179', 'Presentation of Petitions.'],
      ['180', 'Enabling Growth Plan.'],
      ['181', 'Quarter 3 2014/15 Performance Report.'],
      ['182', 'Police and Crime Panel - Update.'],
      ['183', '2014/15 Medium Term Financial Strategy Monitoring - Period 10.'],
      ['184', 'Date of next meeting.'],
    ]);
    expect(m2015.items.every((it) => it.label === `${it.number}.`)).toBe(true);
    expect(m2015.numbering).toMatch(/^12 numbered minutes \(173\., 174\., \.\.\.: whole numbers\)$/);
  });

  test('present: eleven members, the chair marked', () => {
    const present = m2015.attendance.present;
    expect(present).toHaveLength(11);
    expect(present.filter((p) => p.chair).map((p) => p.printed)).toEqual(['Mr. S. J. Galton CC']);
    expect(present[0]).toMatchObject({ text: 'Mr. S. J. Galton CC (in the Chair)', role: 'in the Chair', note: 'in the Chair', line: 89 });
    expect(present.map((p) => p.printed)).toContain('Mr. Max Hunt CC');
  });

  test('in attendance: a line naming two people gives both, with the shared note', () => {
    const inAttendance = m2015.attendance.inAttendance;
    expect(inAttendance.map((p) => [p.printed, p.note])).toEqual([
      ['Mr. P. C. Osborne CC', 'for Minute 180'],
      ['Mr. B. L. Pain CC', 'for Minute 180'],
      ['Mr. J. T. Orson JP CC', 'for Minute 182'],
      ['Mr. J. B. Rhodes CC', 'for Minute 183'],
    ]);
    expect(inAttendance[0]!.role).toBe('Cabinet Lead Member for Highways and Transport');
    expect(inAttendance[2]!.role).toMatch(/^Cabinet Lead Member for Safer Communities .* Police and Crime Panel$/);
    expect(m2015.attendance.apologies).toEqual([]);
  });

  test('the reports each minute considered', () => {
    expect(Object.fromEntries(m2015.items.filter((it) => it.considers.length > 0).map((it) => [it.number, it.considers]))).toEqual({
      '180': ['Agenda Item 8'],
      '181': ['Agenda Item 9'],
      '182': ['Agenda Item 10'],
      '183': ['Agenda Item 11'],
    });
  });

  test('minute 180 decides (a), a recommendation to the Cabinet, and (b)', () => {
    expect(decisionsOf(m2015, '180').map((d) => [d.id, d.label, d.kind, ...linesOf(m2015, d)])).toEqual([
      ['decision-180-a', 'a', 'recommendation', 179, 179],
      ['decision-180-b', 'b', 'resolution', 180, 180],
    ]);
    expect(decisionsOf(m2015, '180')[0]!.text).toBe(
      "That the Enabling Growth Plan be commended for consideration at the Cabinet's meeting on 16 March alongside the comments of the Commission;",
    );
  });

  test('six decisions, including the NOTED date of the next meeting', () => {
    expect(m2015.style).toBe('blocks');
    expect(m2015.decisions.map((d) => [d.id, d.printedAs, d.kind])).toEqual([
      ['decision-180-a', 'RESOLVED', 'recommendation'],
      ['decision-180-b', 'RESOLVED', 'resolution'],
      ['decision-181', 'RESOLVED', 'noting'],
      ['decision-182', 'RESOLVED', 'resolution'],
      ['decision-183', 'RESOLVED', 'noting'],
      ['decision-184', 'NOTED', 'noting'],
    ]);
    expect(decisionsOf(m2015, '184')[0]!.text).toBe('It was NOTED that the next meeting of the Commission would be held on 1 June 2015 at 2.00pm.');
  });

  test('declarations: nine District/Borough members and six holders of concessionary travel passes', () => {
    const byInterest = Map.groupBy(m2015.declarations, (d) => d.interest);
    expect([...byInterest.keys()]).toEqual([
      'personal interest in respect of all substantive items as a District/Borough Council member',
      'personal interest in respect of the Item 11 as holders of Concessionary Travel Passes (Minute 180 refers)',
    ]);
    const [district, passes] = [...byInterest.values()];
    expect(district!.map((d) => d.printed)).toEqual([
      'Mrs. R. Camamile CC',
      'Mrs. J. A. Dickinson CC',
      'Mr. S. J. Galton CC',
      'Mr. M. J. Hunt CC',
      'Mr. J. Kaufman CC',
      'Mr. D. Jennings CC',
      'Mr. K. W. P. Lynch CC',
      'Mr. R. J. Shepherd CC',
      'Mr. L. Spence CC',
    ]);
    expect(passes!.map((d) => d.printed)).toEqual([
      'Mr. M. J. Hunt CC',
      'Mr. D. Jennings CC',
      'Mr. J. Kaufman CC',
      'Mr. K. W. P. Lynch CC',
      'Mr. P. G. Lewis CC',
      'Mr. R. J. Shepherd CC',
    ]);
    expect(m2015.declarations.every((d) => d.minute === '177')).toBe(true);
  });

  test('a sentence split by a page break is one paragraph', () => {
    const item = m2015.items.find((it) => it.number === '183')!;
    const budget = paragraphsOf(m2015.lines, item.from, item.to).find((p) => p.pieces.some((x) => m2015.lines[x.index]!.n === 227))!;
    expect(budget.pieces.map((x) => m2015.lines[x.index]!.n)).toEqual([227, 229]);
    expect(budget.text).toMatch(/in nearly all departments was as stable as could be hoped for/);
    const letterItem = m2015.items.find((it) => it.number === '182')!;
    const letter = paragraphsOf(m2015.lines, letterItem.from, letterItem.to)[0]!;
    expect(letter.pieces.map((x) => m2015.lines[x.index]!.n)).toEqual([203, 205]);
    expect(letter.text).toMatch(/A copy of a letter sent from the Chairman to Mr\. Orson CC on 6 November 2014/);
    expect(m2015.review).toEqual([]);
  });

  test('closing: time range, date and signature', () => {
    expect(m2015.closing).toMatchObject({ startsAt: '14:00', endsAt: '16:45' });
    expect(m2015.lines.slice(m2015.closing!.from, m2015.closing!.to).map((l) => l.text).filter(Boolean)).toEqual(['2.00 - 4.45 pm', '04 March 2015', 'CHAIRMAN']);
  });
});

describe('minutes of 15 March 2023 (2023-04-12 pack)', () => {
  test('numbers 59 to 68, titles with and without a full stop', () => {
    expect(m2023.items.map((it) => it.number)).toEqual(['59', '60', '61', '62', '63', '64', '65', '66', '67', '68']);
    expect(m2023.items.find((it) => it.number === '66')!.title).toBe('SEND - Service and Finance Update');
    expect(m2023.items.find((it) => it.number === '68')!.title).toBe('Date of next meeting.');
  });

  test('attendance', () => {
    expect(m2023.attendance.present).toHaveLength(10);
    expect(m2023.attendance.present.filter((p) => p.chair).map((p) => p.printed)).toEqual(['Mr M. Mullaney CC']);
    expect(m2023.attendance.inAttendance.map((p) => p.printed)).toEqual(['Mrs D. Taylor CC', "Mr O. O'Shea CC", 'Mr L. Breckon CC', 'Mr D. Bill CC']);
    expect(m2023.attendance.inAttendance[3]!.note).toBe('for minute 66 only');
  });

  test('the misspelt RESVOLED is a decision marker, kept as printed', () => {
    expect(decisionsOf(m2023, '66').map((d) => [d.id, d.printedAs, d.kind])).toEqual([
      ['decision-66-a', 'RESVOLED', 'noting'],
      ['decision-66-b', 'RESVOLED', 'noting'],
    ]);
  });

  test('four decisions; RESOLVED followed by "It was noted" is one noting', () => {
    expect(m2023.decisions.map((d) => d.id)).toEqual(['decision-66-a', 'decision-66-b', 'decision-67', 'decision-68']);
    const [d68] = decisionsOf(m2023, '68');
    expect(d68).toMatchObject({ printedAs: 'RESOLVED', kind: 'noting', text: 'It was noted that the next meeting of the Commission would be held on 12th April 2023 at 10.00 am.' });
    expect(linesOf(m2023, d68!)).toEqual([205, 205]);
  });

  test('no declarations; reports considered', () => {
    expect(m2023.declarations).toEqual([]);
    expect(m2023.items.filter((it) => it.considers.length > 0).map((it) => [it.number, it.considers])).toEqual([
      ['66', ['Agenda Item 8']],
      ['67', ['Agenda Item 9']],
    ]);
    expect(m2023.review).toEqual([]);
  });

  test('closing: a range that crosses noon starts in the morning', () => {
    expect(m2023.closing).toMatchObject({ startsAt: '10:00', endsAt: '12:16' });
  });
});

describe('every line is accounted for', () => {
  test.each([
    ['2015', m2015],
    ['2023', m2023],
  ])('%s: the preamble, the minutes and the closing lines cover the minutes once, in order', (_, m) => {
    expectCoverage(m);
  });

  test('declarations fit the content schema; decision ids are unique', () => {
    for (const m of [m2015, m2023]) {
      for (const d of m.declarations) expect(() => declarationSchema.parse(d)).not.toThrow();
      const ids = m.decisions.map((d) => d.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

describe('closing times', () => {
  test.each([
    ['2.00 - 4.45 pm', '14:00', '16:45'],
    ['10.00 - 12.16pm', '10:00', '12:16'],
    ['10.30am - 1.15pm', '10:30', '13:15'],
    ['9.00 - 11.30 am', '09:00', '11:30'],
    ['7 - 9.05 pm', '19:00', '21:05'],
  ])('"%s" runs from %s to %s', (time, startsAt, endsAt) => {
    const m = parseMinutes(synthetic(`1. Minutes.\n\nText.\n\n2. Other business.\n\nMore text.\n\n${time}\n1 June 2015\n\nCHAIRMAN`));
    expect(m.closing).toMatchObject({ startsAt, endsAt });
    expect(m.lines[m.closing!.from]!.text).toBe(time);
    expect(m.items.map((it) => m.lines[it.to - 1]!.n)).toEqual([4, 8]);
  });

  test('the meeting closed at a time printed in a sentence', () => {
    const m = parseMinutes(synthetic('1. Apologies.\n\nNone.\n\n2. Other business.\n\nNone.\n\nThe meeting closed at 9.55 pm.'));
    expect(m.meeting.closedAt?.value).toBe('21:55');
    expect(m.lines[m.closing!.from]!.text).toBe('The meeting closed at 9.55 pm.');
  });
});

describe('minutes that set one decision in a RESOLVED block and write the rest as sentences', () => {
  // A community council's minutes as they are often typed: one "RESOLVED that" line makes the minutes look like the
  // block style, yet most decisions are sentences, some with their proposer in the next sentence.
  const m = parseMinutes(
    synthetic(
      [
        'Minutes of the meeting of Llanfoo Community Council held on 6th February 2024 at 7.30pm',
        '',
        '12. Minutes of the previous meeting',
        'RESOLVED that the minutes of the meeting held on 9 January 2024 be approved. Proposed by Cllr Jones, seconded by Cllr Evans.',
        '',
        '13. Planning',
        'The council considered application 24/0012/FUL, extension at Ty Gwyn. RESOLVED to raise no objection.',
        '',
        '14. Finance',
        "It was resolved to pay the following accounts: Clerk's salary £250.00.",
        '',
        'The council RESOLVED to buy a new bench. Proposed by Cllr Jones and seconded by Cllr Price.',
        'Resolved: to adopt the Standing Orders.',
        '',
        'The Chair agreed to look into the matter of the bus shelter.',
      ].join('\n'),
    ),
  );

  test('every resolution is found, in the block and in sentences, with its proposer and seconder', () => {
    expect(m.decisions.map((d) => [d.minute, d.printedAs, d.movedBy, d.secondedBy])).toEqual([
      ['12', 'RESOLVED', 'Cllr Jones', 'Cllr Evans'],
      ['13', 'RESOLVED', undefined, undefined],
      ['14', 'resolved', undefined, undefined],
      ['14', 'RESOLVED', 'Cllr Jones', 'Cllr Price'],
      ['14', 'Resolved', undefined, undefined],
    ]);
  });

  test('a person agreeing to something outside the blocks is not a decision', () => {
    expect(m.decisions.some((d) => d.text.includes('bus shelter'))).toBe(false);
  });
});

describe('synthetic minutes in the RESOLVED style', () => {
  const text = [
    'Minutes of a meeting of the Cabinet held at Town Hall on Monday, 13 July 2009.',
    '',
    'PRESENT:',
    'Mr. A. Smith CC (in the Chair)',
    'Apologies for absence were received from Mrs. B. Jones CC and Dr. C. Brown CC.',
    '',
    '10. Declarations of Interest',
    '',
    'Mrs. D. Green CC declared a personal interest in item 12 as a school governor.',
    '',
    '11. Budget.',
    '',
    'the beginning of this sentence was lost.',
    '',
    'It was NOTED that the plan would return in June.',
    '',
    'RESOLVED: That the budget be approved.',
    '',
    'RESOLVED:',
    '',
    'That the Cabinet be asked to:',
    '- (i) approve the plan;',
    '- (ii) note the risks.',
    'That the matter be closed.',
    '',
    '12. Any other business',
    'RESVOLED:',
    '(a) That the comments be recommended to the Council;',
    '(b) That the Cabinet be asked to:',
    '(i) note the report;',
    '(c) That the matter be closed.',
  ].join('\n');
  const m = parseMinutes(synthetic(text, 501));

  test('apologies, a single-person declaration, a review flag for a lost beginning', () => {
    expect(m.attendance.apologies.map((a) => a.printed)).toEqual(['Mrs. B. Jones CC', 'Dr. C. Brown CC']);
    expect(m.declarations.map(({ printed, interest, minute }) => ({ printed, interest, minute }))).toEqual([
      { printed: 'Mrs. D. Green CC', interest: 'personal interest in item 12 as a school governor', minute: '10' },
    ]);
    expect(m.review.map((r) => r.line)).toEqual([513]);
  });

  test('ids: repeats get a suffix, a lead-in takes its sub-items, labels become ids', () => {
    expect(m.decisions.map((d) => [d.id, d.printedAs, d.kind])).toEqual([
      ['decision-11-1', 'NOTED', 'noting'],
      ['decision-11-2', 'RESOLVED', 'resolution'],
      ['decision-11-3', 'RESOLVED', 'resolution'],
      ['decision-11-4', 'RESOLVED', 'resolution'],
      ['decision-12-a', 'RESVOLED', 'recommendation'],
      ['decision-12-b', 'RESVOLED', 'resolution'],
      ['decision-12-c', 'RESVOLED', 'resolution'],
    ]);
    expect(m.decisions[1]).toMatchObject({ text: 'That the budget be approved.' });
    expect(linesOf(m, m.decisions[1]!)).toEqual([517, 517]);
    expect(m.decisions[2]!.text).toBe('That the Cabinet be asked to:\n(i) approve the plan;\n(ii) note the risks.');
    expect(linesOf(m, m.decisions[2]!)).toEqual([521, 523]);
    expect(m.decisions[3]).toMatchObject({ text: 'That the matter be closed.' });
    expect(m.decisions[5]!.text).toBe('That the Cabinet be asked to:\n(i) note the report;');
    expect(m.decisions[6]).toMatchObject({ label: 'c' });
    expect(linesOf(m, m.decisions[6]!)).toEqual([531, 531]);
  });
});
