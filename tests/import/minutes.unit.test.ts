import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { declarationSchema, decisionSchema } from '../../src/schema';
import {
  classifyDecision,
  matchDecisionMarker,
  parseMinutes,
  parseMinutesHeading,
  type ParsedMinutes,
} from '../../scripts/import/extract/minutes';
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

const decisionsOf = (m: ParsedMinutes, minute: string) => m.decisions.filter((d) => d.decision.minute === minute);

/** Each non-blank line of the input is in exactly one part; parts are in order and minute parts match the items. */
function expectCoverage(lines: SourceLine[], m: ParsedMinutes): void {
  const owners = new Map<number, number>();
  for (const part of m.parts) {
    expect(part.end).toBeGreaterThanOrEqual(part.start);
    for (let n = part.start; n <= part.end; n++) owners.set(n, (owners.get(n) ?? 0) + 1);
  }
  for (const line of lines.filter((l) => l.text.trim() !== '')) {
    expect(owners.get(line.n), `line ${line.n}: ${line.text}`).toBe(1);
  }
  m.parts.slice(1).forEach((part, i) => expect(part.start).toBeGreaterThan(m.parts[i]!.end));
  const minuteParts = m.parts.filter((p) => p.kind === 'minute').map((p) => [p.minute, p.start, p.end]);
  expect(minuteParts).toEqual(m.items.map((it) => [it.number, it.start, it.end]));
}

describe('parseMinutesHeading', () => {
  test.each([
    {
      text: 'Minutes of a meeting of the Scrutiny Commission held at County Hall, Glenfield on Wednesday, 4 March 2015.',
      expected: {
        body: 'Scrutiny Commission',
        venue: 'County Hall, Glenfield',
        date: '2015-03-04',
        weekday: 'Wednesday',
      },
    },
    {
      text: 'Minutes of a meeting of the Scrutiny Commission held at County Hall, Glenfield on Wednesday, 15 March 2023.',
      expected: {
        body: 'Scrutiny Commission',
        venue: 'County Hall, Glenfield',
        date: '2023-03-15',
        weekday: 'Wednesday',
      },
    },
    {
      text: 'Minutes of a meeting of the Cabinet held at the Town Hall on the Hill on Monday 13 July 2009 at 5.00 pm.',
      expected: {
        body: 'Cabinet',
        venue: 'the Town Hall on the Hill',
        date: '2009-07-13',
        weekday: 'Monday',
        time: '5.00 pm',
      },
    },
    {
      text: 'Minutes of a special meeting of the Cabinet held in Committee Room 1, Town Hall on 13th July 2009',
      expected: { body: 'Cabinet', venue: 'Committee Room 1, Town Hall', date: '2009-07-13' },
    },
  ])('reads $expected.date from "$text"', ({ text, expected }) => {
    expect(parseMinutesHeading(text)).toEqual(expected);
  });

  test.each([
    'Minutes of the meeting held on 4 March 2015.',
    'Minutes of a meeting of the Scrutiny Commission held at County Hall on 31 February 2015.',
    '1. Minutes of the meeting held on 4 March 2015.\t(Pages 5 - 10)',
  ])('does not read "%s" as a heading', (text) => {
    expect(parseMinutesHeading(text)).toBeUndefined();
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
    expect(m2015.heading).toEqual({
      body: 'Scrutiny Commission',
      venue: 'County Hall, Glenfield',
      date: '2015-03-04',
      weekday: 'Wednesday',
    });
  });

  test('numbers 173 to 184 in order, with the printed titles', () => {
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
  });

  test('present: eleven members, the chair marked', () => {
    expect(m2015.present).toHaveLength(11);
    expect(m2015.present.filter((p) => p.chair).map((p) => p.printed)).toEqual(['Mr. S. J. Galton CC']);
    expect(m2015.present[0]).toMatchObject({
      text: 'Mr. S. J. Galton CC (in the Chair)',
      role: 'in the Chair',
      note: 'in the Chair',
      line: 89,
    });
    expect(m2015.present.map((p) => p.printed)).toContain('Mr. Max Hunt CC');
  });

  test('in attendance: a line naming two people gives both, with the shared note', () => {
    expect(m2015.inAttendance.map((p) => [p.printed, p.note])).toEqual([
      ['Mr. P. C. Osborne CC', 'for Minute 180'],
      ['Mr. B. L. Pain CC', 'for Minute 180'],
      ['Mr. J. T. Orson JP CC', 'for Minute 182'],
      ['Mr. J. B. Rhodes CC', 'for Minute 183'],
    ]);
    expect(m2015.inAttendance[0]!.role).toBe('Cabinet Lead Member for Highways and Transport');
    expect(m2015.inAttendance[2]!.role).toMatch(
      /^Cabinet Lead Member for Safer Communities .* Police and Crime Panel$/,
    );
    expect(m2015.apologies).toEqual([]);
  });

  test('the reports each minute considered', () => {
    expect(
      Object.fromEntries(m2015.items.filter((it) => it.considers.length > 0).map((it) => [it.number, it.considers])),
    ).toEqual({
      '180': ['Agenda Item 8'],
      '181': ['Agenda Item 9'],
      '182': ['Agenda Item 10'],
      '183': ['Agenda Item 11'],
    });
  });

  test('minute 180 decides (a), a recommendation to the Cabinet, and (b)', () => {
    expect(decisionsOf(m2015, '180').map((d) => [d.decision.id, d.label, d.decision.kind, d.start, d.end])).toEqual([
      ['decision-180-a', 'a', 'recommendation', 179, 179],
      ['decision-180-b', 'b', 'resolution', 180, 180],
    ]);
    expect(decisionsOf(m2015, '180')[0]!.decision.text).toBe(
      "That the Enabling Growth Plan be commended for consideration at the Cabinet's meeting on 16 March alongside the comments of the Commission;",
    );
  });

  test('six decisions, including the NOTED date of the next meeting', () => {
    expect(m2015.decisions.map((d) => [d.decision.id, d.decision.printedAs, d.decision.kind])).toEqual([
      ['decision-180-a', 'RESOLVED', 'recommendation'],
      ['decision-180-b', 'RESOLVED', 'resolution'],
      ['decision-181', 'RESOLVED', 'noting'],
      ['decision-182', 'RESOLVED', 'resolution'],
      ['decision-183', 'RESOLVED', 'noting'],
      ['decision-184', 'NOTED', 'noting'],
    ]);
    expect(decisionsOf(m2015, '184')[0]!.decision.text).toBe(
      'It was NOTED that the next meeting of the Commission would be held on 1 June 2015 at 2.00pm.',
    );
  });

  test('declarations: nine District/Borough members and six holders of concessionary travel passes', () => {
    const byInterest = Map.groupBy(m2015.declarations, (d) => d.declaration.interest);
    expect([...byInterest.keys()]).toEqual([
      'personal interest in respect of all substantive items as a District/Borough Council member',
      'personal interest in respect of the Item 11 as holders of Concessionary Travel Passes (Minute 180 refers)',
    ]);
    const [district, passes] = [...byInterest.values()];
    expect(district!.map((d) => d.declaration.printed)).toEqual([
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
    expect(passes!.map((d) => d.declaration.printed)).toEqual([
      'Mr. M. J. Hunt CC',
      'Mr. D. Jennings CC',
      'Mr. J. Kaufman CC',
      'Mr. K. W. P. Lynch CC',
      'Mr. P. G. Lewis CC',
      'Mr. R. J. Shepherd CC',
    ]);
    expect(m2015.declarations.every((d) => d.declaration.minute === '177' && d.declaration.person === undefined)).toBe(
      true,
    );
  });

  test('a sentence split by a page break is one paragraph', () => {
    const budget = m2015.items.find((it) => it.number === '183')!.paragraphs.find((p) => p.lines.includes(227))!;
    expect(budget.lines).toEqual([227, 229]);
    expect(budget.text).toMatch(/in nearly all departments was as stable as could be hoped for/);
    expect(budget.bullet).toBe(true);
    const letter = m2015.items.find((it) => it.number === '182')!.paragraphs[0]!;
    expect(letter.lines).toEqual([203, 205]);
    expect(letter.text).toMatch(/A copy of a letter sent from the Chairman to Mr\. Orson CC on 6 November 2014/);
    expect(m2015.review).toEqual([]);
  });

  test('closing: time range, date and signature', () => {
    expect(m2015.closing).toEqual({
      start: 249,
      end: 252,
      time: { line: 249, text: '2.00 - 4.45 pm', from: '2.00', to: '4.45 pm', startsAt: '14:00', endsAt: '16:45' },
      date: { line: 250, text: '04 March 2015', iso: '2015-03-04' },
      signature: { line: 252, text: 'CHAIRMAN' },
    });
  });
});

describe('minutes of 15 March 2023 (2023-04-12 pack)', () => {
  test('numbers 59 to 68, titles with and without a full stop', () => {
    expect(m2023.items.map((it) => it.number)).toEqual(['59', '60', '61', '62', '63', '64', '65', '66', '67', '68']);
    expect(m2023.items.find((it) => it.number === '66')!.title).toBe('SEND - Service and Finance Update');
    expect(m2023.items.find((it) => it.number === '68')!.title).toBe('Date of next meeting.');
  });

  test('attendance', () => {
    expect(m2023.present).toHaveLength(10);
    expect(m2023.present.filter((p) => p.chair).map((p) => p.printed)).toEqual(['Mr M. Mullaney CC']);
    expect(m2023.inAttendance.map((p) => p.printed)).toEqual([
      'Mrs D. Taylor CC',
      "Mr O. O'Shea CC",
      'Mr L. Breckon CC',
      'Mr D. Bill CC',
    ]);
    expect(m2023.inAttendance[3]!.note).toBe('for minute 66 only');
  });

  test('the misspelt RESVOLED is a decision marker, kept as printed', () => {
    expect(
      decisionsOf(m2023, '66').map((d) => [d.decision.id, d.decision.printedAs, d.decision.kind, d.markerLine]),
    ).toEqual([
      ['decision-66-a', 'RESVOLED', 'noting', 178],
      ['decision-66-b', 'RESVOLED', 'noting', 178],
    ]);
  });

  test('four decisions; RESOLVED followed by "It was noted" is one noting', () => {
    expect(m2023.decisions.map((d) => d.decision.id)).toEqual(['decision-66-a', 'decision-66-b', 'decision-67', 'decision-68']);
    expect(decisionsOf(m2023, '68')).toMatchObject([
      {
        decision: {
          printedAs: 'RESOLVED',
          kind: 'noting',
          text: 'It was noted that the next meeting of the Commission would be held on 12th April 2023 at 10.00 am.',
        },
        markerLine: 203,
        start: 205,
        end: 205,
      },
    ]);
  });

  test('no declarations; reports considered; page-break continuations joined', () => {
    expect(m2023.declarations).toEqual([]);
    expect(m2023.items.filter((it) => it.considers.length > 0).map((it) => [it.number, it.considers])).toEqual([
      ['66', ['Agenda Item 8']],
      ['67', ['Agenda Item 9']],
    ]);
    const paragraphs = m2023.items.flatMap((it) => it.paragraphs);
    expect(paragraphs.find((p) => p.label === 'xviii')!.lines).toEqual([168, 170]);
    expect(paragraphs.find((p) => p.lines.includes(185))!.lines).toEqual([185, 187]);
    expect(paragraphs.find((p) => p.label === 'xxiii')!.body).toMatch(/^The Council had contracts/);
    expect(m2023.review).toEqual([]);
  });

  test('closing: a range that crosses noon starts in the morning', () => {
    expect(m2023.closing?.time).toEqual({
      line: 207,
      text: '10.00 - 12.16pm',
      from: '10.00',
      to: '12.16pm',
      startsAt: '10:00',
      endsAt: '12:16',
    });
    expect(m2023.closing?.date?.iso).toBe('2023-03-15');
  });
});

describe('every line is accounted for', () => {
  test.each([
    ['2015', pack2015],
    ['2023', pack2023],
  ])('%s: parts cover each non-blank line once', (_, file) => {
    const lines = minutesLinesOf(file);
    expectCoverage(lines, parseMinutes(lines));
  });

  test('parts of the 2015 minutes', () => {
    expect(m2015.parts.slice(0, 3)).toEqual([
      { kind: 'heading', start: 85, end: 85 },
      { kind: 'present', start: 87, end: 101 },
      { kind: 'inAttendance', start: 103, end: 109 },
    ]);
    expect(m2015.parts.at(-1)).toEqual({ kind: 'closing', start: 249, end: 252 });
  });

  test('decisions and declarations fit the content schemas, with unique ids', () => {
    for (const m of [m2015, m2023]) {
      for (const d of m.decisions) expect(decisionSchema.parse(d.decision)).toEqual(d.decision);
      for (const d of m.declarations) expect(declarationSchema.parse(d.declaration)).toEqual(d.declaration);
      const ids = m.decisions.map((d) => d.decision.id);
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
    const lines = synthetic(`1. Minutes.\n\nText.\n\n${time}\n1 June 2015\n\nCHAIRMAN`);
    const m = parseMinutes(lines);
    expect(m.closing?.time).toMatchObject({ line: 5, startsAt, endsAt });
    expect(m.closing).toMatchObject({ start: 5, end: 8, date: { iso: '2015-06-01' }, signature: { line: 8 } });
    expect(m.items.map((it) => [it.start, it.end])).toEqual([[1, 3]]);
  });

  test('a last line that is not a closing line leaves no closing', () => {
    const m = parseMinutes(synthetic('1. Minutes.\n\nText ends here.'));
    expect(m.closing).toBeUndefined();
    expect(m.items[0]).toMatchObject({ start: 1, end: 3 });
  });
});

describe('synthetic minutes', () => {
  const text = [
    'Stray line before the heading',
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
    '',
    'This page is intentionally left blank',
  ].join('\n');
  const lines = synthetic(text, 501);
  const m = parseMinutes(lines);

  test('covers every line', () => {
    expectCoverage(lines, m);
    expect(m.parts.map((p) => p.kind)).toEqual([
      'unplaced',
      'heading',
      'present',
      'apologies',
      'minute',
      'minute',
      'minute',
      'blankPage',
    ]);
    expect(m.closing).toBeUndefined();
  });

  test('apologies, single-person declaration, review flags', () => {
    expect(m.apologies.map((a) => a.printed)).toEqual(['Mrs. B. Jones CC', 'Dr. C. Brown CC']);
    expect(m.declarations.map((d) => d.declaration)).toEqual([
      { printed: 'Mrs. D. Green CC', interest: 'personal interest in item 12 as a school governor', minute: '10' },
    ]);
    expect(m.review.map((r) => r.line)).toEqual([501, 514]);
  });

  test('ids: repeats get a suffix, a lead-in takes its sub-items, labels become ids', () => {
    expect(m.decisions.map((d) => [d.decision.id, d.decision.printedAs, d.decision.kind])).toEqual([
      ['decision-11-1', 'NOTED', 'noting'],
      ['decision-11-2', 'RESOLVED', 'resolution'],
      ['decision-11-3', 'RESOLVED', 'resolution'],
      ['decision-11-4', 'RESOLVED', 'resolution'],
      ['decision-12-a', 'RESVOLED', 'recommendation'],
      ['decision-12-b', 'RESVOLED', 'resolution'],
      ['decision-12-c', 'RESVOLED', 'resolution'],
    ]);
    expect(m.decisions[1]).toMatchObject({
      decision: { text: 'That the budget be approved.' },
      markerLine: 518,
      start: 518,
      end: 518,
    });
    expect(m.decisions[2]!.decision.text).toBe(
      'That the Cabinet be asked to:\n(i) approve the plan;\n(ii) note the risks.',
    );
    expect(m.decisions[2]).toMatchObject({ markerLine: 520, start: 522, end: 524 });
    expect(m.decisions[3]).toMatchObject({ decision: { text: 'That the matter be closed.' }, start: 525, end: 525 });
    expect(m.decisions[5]!.decision.text).toBe('That the Cabinet be asked to:\n(i) note the report;');
    expect(m.decisions[6]).toMatchObject({ label: 'c', start: 532, end: 532 });
  });
});
