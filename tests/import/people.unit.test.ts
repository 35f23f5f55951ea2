import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  displayName,
  joinNameLists,
  mergePeople,
  parsePersonLine,
  personId,
  type ParsedPerson,
} from '../../scripts/import/extract/people';
import { toLines, type SourceLine } from '../../scripts/import/read/line';
import { SOURCES } from '../helpers/seeds';

const readPack = (name: string): string => readFileSync(join(SOURCES, `${name}.txt`), 'utf8');

const PACKS = {
  2014: 'leicestershire-scrutiny-commission-2014-04-30-supplement',
  2015: 'leicestershire-scrutiny-commission-2015-04-22',
  2023: 'leicestershire-scrutiny-commission-2023-04-12',
  city: 'leicester-city-cabinet-2009-07-13',
} as const;

const L = 'leicestershire';

interface Expected {
  printed: string;
  id: string;
  role?: string;
  note?: string;
}

/** Real lines from the seed packs, with the people each one names. */
const lines: { line: string; council: string; people: Expected[]; rest?: string[] }[] = [
  {
    line: 'Mr. S. J. Galton CC (Chairman)',
    council: L,
    people: [{ printed: 'Mr. S. J. Galton CC', role: 'Chairman', id: 'leicestershire/s-j-galton' }],
  },
  {
    line: 'Mr M. Mullaney CC (in the Chair)',
    council: L,
    people: [{ printed: 'Mr M. Mullaney CC', role: 'in the Chair', id: 'leicestershire/m-mullaney' }],
  },
  {
    line: ' Dr. R. K. A. Feltham CC',
    council: L,
    people: [{ printed: 'Dr. R. K. A. Feltham CC', id: 'leicestershire/r-k-a-feltham' }],
  },
  { line: ' Mr. Max Hunt CC', council: L, people: [{ printed: 'Mr. Max Hunt CC', id: 'leicestershire/m-hunt' }] },
  {
    line: 'Mrs. R. Camamile CC Mr. D. Jennings CC',
    council: L,
    people: [
      { printed: 'Mrs. R. Camamile CC', id: 'leicestershire/r-camamile' },
      { printed: 'Mr. D. Jennings CC', id: 'leicestershire/d-jennings' },
    ],
  },
  {
    line: 'Mr. S. J. Galton CC Mr. T. J. Pendleton CC',
    council: L,
    people: [
      { printed: 'Mr. S. J. Galton CC', id: 'leicestershire/s-j-galton' },
      { printed: 'Mr. T. J. Pendleton CC', id: 'leicestershire/t-j-pendleton' },
    ],
  },
  {
    line: 'Mr. T. Gillard CC Mr J. Poland CC',
    council: L,
    people: [
      { printed: 'Mr. T. Gillard CC', id: 'leicestershire/t-gillard' },
      { printed: 'Mr J. Poland CC', id: 'leicestershire/j-poland' },
    ],
  },
  {
    line: 'Mrs D. Taylor CC, Deputy Leader and Lead Member for Children and Family Services',
    council: L,
    people: [
      {
        printed: 'Mrs D. Taylor CC',
        role: 'Deputy Leader and Lead Member for Children and Family Services',
        id: 'leicestershire/d-taylor',
      },
    ],
  },
  {
    line: "Mr O. O'Shea CC, Lead Member for Highways and Transport",
    council: L,
    people: [{ printed: "Mr O. O'Shea CC", role: 'Lead Member for Highways and Transport', id: 'leicestershire/o-oshea' }],
  },
  {
    line: 'Mr D. Bill CC, Spokesperson for the Highway and Transport Overview and Scrutiny Committee (for minute 66 only)',
    council: L,
    people: [
      {
        printed: 'Mr D. Bill CC',
        role: 'Spokesperson for the Highway and Transport Overview and Scrutiny Committee',
        note: 'for minute 66 only',
        id: 'leicestershire/d-bill',
      },
    ],
  },
  {
    line: 'Mr. P. C. Osborne CC, Cabinet Lead Member for Highways and Transport and Mr. B. L. Pain CC, Cabinet Lead Member for Economic Development (for Minute 180)',
    council: L,
    people: [
      {
        printed: 'Mr. P. C. Osborne CC',
        role: 'Cabinet Lead Member for Highways and Transport',
        id: 'leicestershire/p-c-osborne',
      },
      {
        printed: 'Mr. B. L. Pain CC',
        role: 'Cabinet Lead Member for Economic Development',
        note: 'for Minute 180',
        id: 'leicestershire/b-l-pain',
      },
    ],
  },
  {
    line: 'Mr. J. T. Orson JP CC, Cabinet Lead Member for Safer Communities and Policing Relations and Chairman of the Leicester, Leicestershire and Rutland Police and Crime Panel (for Minute 182)',
    council: L,
    people: [
      {
        printed: 'Mr. J. T. Orson JP CC',
        role: 'Cabinet Lead Member for Safer Communities and Policing Relations and Chairman of the Leicester, Leicestershire and Rutland Police and Crime Panel',
        note: 'for Minute 182',
        id: 'leicestershire/j-t-orson',
      },
    ],
  },
  {
    line: 'Mrs D. Taylor CC, Lead Member for Children and Family Services, has been invited to attend for this item.',
    council: L,
    people: [{ printed: 'Mrs D. Taylor CC', role: 'Lead Member for Children and Family Services', id: 'leicestershire/d-taylor' }],
    rest: ['has been invited to attend for this item.'],
  },
  {
    line: 'Contact: Mr. S. J. Weston (Tel: 0116 305 6226)',
    council: L,
    people: [{ printed: 'Mr. S. J. Weston', id: 'leicestershire/s-j-weston' }],
    rest: ['Contact:', '(Tel: 0116 305 6226)'],
  },
  {
    line: 'Ms. L. Hagger - Director of Children and Families Services',
    council: L,
    people: [{ printed: 'Ms. L. Hagger', role: 'Director of Children and Families Services', id: 'leicestershire/l-hagger' }],
  },
  {
    line: 'from the Chairman to Mr. Orson CC on 6 November 2014, marked "Agenda Item 10", is filed with these minutes.',
    council: L,
    people: [{ printed: 'Mr. Orson CC', id: 'leicestershire/orson' }],
    rest: ['from the Chairman to', 'on 6 November 2014, marked "Agenda Item 10", is filed with these minutes.'],
  },
  {
    line: 'The Chairman welcomed to the meeting Mr. J. B. Rhodes CC, Cabinet Lead Member for Corporate Resources. In introducing the report, Mr. Rhodes stated that the budget had been very well managed',
    council: L,
    people: [
      { printed: 'Mr. J. B. Rhodes CC', role: 'Cabinet Lead Member for Corporate Resources', id: 'leicestershire/j-b-rhodes' },
      { printed: 'Mr. Rhodes', id: 'leicestershire/rhodes' },
    ],
    rest: ['The Chairman welcomed to the meeting', '. In introducing the report', 'stated that the budget had been very well managed'],
  },
  {
    line: 'The Chairman welcomed to the meeting Mr. B. L. Pain CC, Cabinet Lead Member for Economic Development and Mr. P. C. Osborne CC, Cabinet Lead Member for Highways and Transport who were present to introduce the report and respond to any questions from members of the Commission.',
    council: L,
    people: [
      { printed: 'Mr. B. L. Pain CC', role: 'Cabinet Lead Member for Economic Development', id: 'leicestershire/b-l-pain' },
      { printed: 'Mr. P. C. Osborne CC', role: 'Cabinet Lead Member for Highways and Transport', id: 'leicestershire/p-c-osborne' },
    ],
    rest: [
      'The Chairman welcomed to the meeting',
      'who were present to introduce the report and respond to any questions from members of the Commission.',
    ],
  },
  {
    line: 'Councillor Willmott (Chair)',
    council: 'leicester',
    people: [{ printed: 'Councillor Willmott', role: 'Chair', id: 'leicester/willmott' }],
  },
  {
    line: 'Councillor Dempster (Vice-Chair)',
    council: 'leicester',
    people: [{ printed: 'Councillor Dempster', role: 'Vice-Chair', id: 'leicester/dempster' }],
  },
  {
    line: 'Councillors Connelly, Dawood, Kitterick, Osman, Russell, Palmer, Patel and Westley',
    council: 'leicester',
    people: ['Connelly', 'Dawood', 'Kitterick', 'Osman', 'Russell', 'Palmer', 'Patel', 'Westley'].map((s) => ({
      printed: s,
      id: `leicester/${s.toLowerCase()}`,
    })),
  },
  {
    line: 'Councillor Hanif Aqbany (former Cabinet Lead Housing)',
    council: 'leicester',
    people: [{ printed: 'Councillor Hanif Aqbany', role: 'former Cabinet Lead Housing', id: 'leicester/h-aqbany' }],
  },
  {
    line: 'Councillor Kitterick submits a report.',
    council: 'leicester',
    people: [{ printed: 'Councillor Kitterick', id: 'leicester/kitterick' }],
    rest: ['submits a report.'],
  },
  { line: 'and Westley', council: 'leicester', people: [], rest: ['and Westley'] },
  {
    line: "BB.5.1\tIdentify a network of volunteer community 'champions' or community role models to work alongside the network of 55 County Councillors\t\tComplete\tChief Execs",
    council: L,
    people: [],
    rest: [
      "BB.5.1\tIdentify a network of volunteer community 'champions' or community role models to work alongside the network of 55 County Councillors\t\tComplete\tChief Execs",
    ],
  },
];

describe('parsePersonLine', () => {
  test.each(lines)('$line', ({ line, council, people, rest }) => {
    const parsed = parsePersonLine(line);
    expect(
      parsed.people.map((p) => ({
        printed: p.printed,
        id: personId(council, p.parts),
        ...(p.role ? { role: p.role } : {}),
        ...(p.note ? { note: p.note } : {}),
      })),
    ).toEqual(people);
    expect(parsed.rest).toEqual(rest ?? []);
    for (const p of parsed.people) expect(line).toContain(p.printed);
  });

  test('the 2014 membership, printed as one line, holds eleven people after the Chairman', () => {
    const line =
      'Mrs. R. Camamile CC Mr. A. M. Kershaw CC Dr. R. K. A. Feltham CC Mr. P. G. Lewis CC Mr. S. J. Hampson CC Mr. K. W. P. Lynch CC Dr. S. Hill CC Mr. R. J. Shepherd CC Mr. Max Hunt CC Mr. L. Spence CC';
    const { people, rest } = parsePersonLine(line);
    expect(people.map((p) => p.parts.surname)).toEqual([
      'Camamile',
      'Kershaw',
      'Feltham',
      'Lewis',
      'Hampson',
      'Lynch',
      'Hill',
      'Shepherd',
      'Hunt',
      'Spence',
    ]);
    expect(people.map((p) => p.printed).join(' ')).toBe(line);
    expect(rest).toEqual([]);
  });

  test.each([
    ['Mr. J. T. Orson JP CC', { honorific: 'Mr.', given: ['J', 'T'], initials: ['J', 'T'], surname: 'Orson', postNominals: ['JP', 'CC'] }],
    ['Mr. Max Hunt CC', { honorific: 'Mr.', given: ['Max'], initials: ['M'], surname: 'Hunt', postNominals: ['CC'] }],
    ['Dr. S. Hill CC', { honorific: 'Dr.', given: ['S'], initials: ['S'], surname: 'Hill', postNominals: ['CC'] }],
    ['Mr. C.Thomas', { honorific: 'Mr.', given: ['C'], initials: ['C'], surname: 'Thomas', postNominals: [] }],
    ['Mrs J Twomey', { honorific: 'Mrs', given: ['J'], initials: ['J'], surname: 'Twomey', postNominals: [] }],
    ["Mr O. O'Shea CC", { honorific: 'Mr', given: ['O'], initials: ['O'], surname: "O'Shea", postNominals: ['CC'] }],
    ['Councillor Willmott', { honorific: 'Councillor', given: [], initials: [], surname: 'Willmott', postNominals: [] }],
  ])('parts of %s', (printed, parts) => {
    const { people } = parsePersonLine(printed);
    expect(people).toHaveLength(1);
    expect(people[0]?.printed).toBe(printed);
    expect(people[0]?.parts).toEqual(parts);
  });
});

describe('normal form', () => {
  test.each(['Mr. S. J. Galton CC', 'Mr S J Galton', 'Mr. S.J. Galton', 'Mr S. J. Galton CC (Chairman)'])(
    '%s is S. J. Galton, leicestershire/s-j-galton',
    (printed) => {
      const [p] = parsePersonLine(printed).people;
      expect(p).toBeDefined();
      expect(personId(L, p!.parts)).toBe('leicestershire/s-j-galton');
      expect(displayName(p!.parts)).toBe('S. J. Galton');
    },
  );

  test.each([
    ['Mr. Max Hunt CC', 'Max Hunt', 'leicestershire/m-hunt'],
    ['Ms. Sharon Cooke', 'Sharon Cooke', 'leicestershire/s-cooke'],
    ['Councillor Willmott', 'Willmott', 'leicestershire/willmott'],
  ])('%s is %s, %s', (printed, name, id) => {
    const [p] = parsePersonLine(printed).people;
    expect(displayName(p!.parts)).toBe(name);
    expect(personId(L, p!.parts)).toBe(id);
  });
});

describe('joinNameLists', () => {
  test('joins the Leicester City cabinet list broken before "and Westley", and only that', () => {
    const text = readPack(PACKS.city);
    const from = toLines(text).slice(18, 24);
    expect(from.map((l) => l.text)).toEqual([
      'Councillor Willmott (Chair)',
      '',
      'Councillor Dempster (Vice-Chair)',
      '',
      'Councillors Connelly, Dawood, Kitterick, Osman, Russell, Palmer, Patel',
      'and Westley',
    ]);
    const joined = joinNameLists(from);
    expect(joined.map((l) => l.n)).toEqual([19, 20, 21, 22, 23]);
    expect(joined[4]?.text).toBe('Councillors Connelly, Dawood, Kitterick, Osman, Russell, Palmer, Patel and Westley');
    const ids = joined.flatMap((l) => parsePersonLine(l.text).people);
    expect(mergePeople('leicester', ids).mentions.map((m) => m.person)).toEqual(
      ['willmott', 'dempster', 'connelly', 'dawood', 'kitterick', 'osman', 'russell', 'palmer', 'patel', 'westley'].map(
        (s) => `leicester/${s}`,
      ),
    );
  });
});

const mentionsOf = (printed: string[]): ParsedPerson[] => printed.flatMap((p) => parsePersonLine(p).people);

describe('mergePeople', () => {
  test.each([
    { printed: ['Mr M. Mullaney CC', 'Mr. M. T. Mullaney CC'], ids: ['m-t-mullaney', 'm-t-mullaney'] },
    { printed: ['Mr. Max Hunt CC', 'Mr. M. J. Hunt CC'], ids: ['m-j-hunt', 'm-j-hunt'] },
    { printed: ['Mr. Orson CC', 'Mr. J. T. Orson JP CC'], ids: ['j-t-orson', 'j-t-orson'] },
    { printed: ['Mr. M. Hunt', 'Mr. M. J. Hunt', 'Mr. M. J. K. Hunt'], ids: ['m-j-k-hunt', 'm-j-k-hunt', 'm-j-k-hunt'] },
    { printed: ['Dr. S. Hill CC', 'Mr. S. A. Hill'], ids: ['s-a-hill', 's-a-hill'] },
    // Ambiguous: two people could be "J. Smith", so it stays apart.
    { printed: ['Mr. J. Smith', 'Mr. J. A. Smith', 'Mr. J. B. Smith'], ids: ['j-smith', 'j-a-smith', 'j-b-smith'] },
    { printed: ['Mr. Smith', 'Mr. J. A. Smith', 'Mr. K. Smith'], ids: ['smith', 'j-a-smith', 'k-smith'] },
    // A Mrs never joins a Mr, and a different first initial never joins.
    { printed: ['Mrs. J. Smith', 'Mr. J. A. Smith'], ids: ['j-smith', 'j-a-smith'] },
    { printed: ['Mr. A. Smith', 'Mr. B. J. Smith'], ids: ['a-smith', 'b-j-smith'] },
  ])('$printed → $ids', ({ printed, ids }) => {
    const mentions = mentionsOf(printed);
    const expected = ids.map((id) => `${L}/${id}`);
    expect(mergePeople(L, mentions).mentions.map((m) => m.person)).toEqual(expected);
    // The same result whatever order the mentions come in.
    expect(mergePeople(L, [...mentions].reverse()).mentions.map((m) => m.person)).toEqual([...expected].reverse());
  });

  test('builds one entry per person with the fullest name, every printing and the commonest honorific', () => {
    const { people } = mergePeople(L, mentionsOf(['Mr. Max Hunt CC', 'Mr M. J. Hunt', 'Mr. M. J. Hunt CC', 'Mr. Max Hunt CC']));
    expect(people).toEqual([
      {
        id: 'leicestershire/m-j-hunt',
        name: 'M. J. Hunt',
        honorific: 'Mr.',
        printedAs: ['Mr. Max Hunt CC', 'Mr M. J. Hunt', 'Mr. M. J. Hunt CC'],
      },
    ]);
  });

  test('keeps the printed text and role of each mention', () => {
    const [m] = mergePeople(L, mentionsOf(['Mr M. Mullaney CC (in the Chair)', 'Mr. M. T. Mullaney CC'])).mentions;
    expect(m).toMatchObject({ printed: 'Mr M. Mullaney CC', role: 'in the Chair', person: 'leicestershire/m-t-mullaney' });
  });
});

/** People listed after a heading line ("Membership", "PRESENT"), up to the first non-blank line that names nobody. */
function section(lines: SourceLine[], heading: RegExp): { line: SourceLine; people: ParsedPerson[]; rest: string[] }[] {
  const start = lines.findIndex((l) => heading.test(l.text));
  expect(start, `heading ${heading}`).toBeGreaterThanOrEqual(0);
  const found: { line: SourceLine; people: ParsedPerson[]; rest: string[] }[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.text.trim() === '') continue;
    const parsed = parsePersonLine(line.text);
    if (parsed.people.length === 0) break;
    found.push({ line, ...parsed });
  }
  return found;
}

describe('Leicestershire Scrutiny Commission across 2014, 2015 and 2023', () => {
  const sections = [
    { year: 2014, name: 'membership', heading: /^Membership$/, count: 11 },
    { year: 2015, name: 'membership', heading: /^Membership$/, count: 11 },
    { year: 2015, name: 'present', heading: /^PRESENT$/, count: 11 },
    { year: 2015, name: 'declarations', heading: /^The following members each declared a personal interest/, count: 9 },
    { year: 2023, name: 'membership', heading: /^Membership$/, count: 11 },
    { year: 2023, name: 'present', heading: /^PRESENT$/, count: 10 },
  ] as const;
  const read = sections.map((s) => ({ ...s, lines: section(joinNameLists(toLines(readPack(PACKS[s.year]))), s.heading) }));
  const all = read.flatMap((s) => s.lines.flatMap((l) => l.people));
  const merged = mergePeople(L, all);
  const idOf = new Map(all.map((m, i) => [m, merged.mentions[i]?.person]));
  const idsIn = (year: number) => new Set(read.filter((s) => s.year === year).flatMap((s) => s.lines.flatMap((l) => l.people.map((p) => idOf.get(p)))));

  test.each(read)('$year $name: $count people, every line fully parsed, no two merged', ({ lines, count }) => {
    const people = lines.flatMap((l) => l.people);
    expect(people).toHaveLength(count);
    expect(lines.flatMap((l) => l.rest)).toEqual([]);
    expect(new Set(people.map((p) => idOf.get(p))).size).toBe(count);
  });

  test('Galton is the only member in all three years, with one id', () => {
    const common = [...idsIn(2014)].filter((id) => idsIn(2015).has(id) && idsIn(2023).has(id));
    expect(common).toEqual(['leicestershire/s-j-galton']);
  });

  test.each([
    ['Galton', 'leicestershire/s-j-galton', ['Mr. S. J. Galton CC']],
    ['Hunt', 'leicestershire/m-j-hunt', ['Mr. Max Hunt CC', 'Mr. M. J. Hunt CC']],
    ['Mullaney', 'leicestershire/m-t-mullaney', ['Mr. M. T. Mullaney CC', 'Mr M. Mullaney CC']],
    ['Lynch', 'leicestershire/k-w-p-lynch', ['Mr. K. W. P. Lynch CC']],
    ['Camamile', 'leicestershire/r-camamile', ['Mrs. R. Camamile CC']],
  ])('every %s mention is %s', (surname, id, printedAs) => {
    const ids = all.filter((m) => m.parts.surname === surname).map((m) => idOf.get(m));
    expect(ids.length).toBeGreaterThan(1);
    expect(new Set(ids)).toEqual(new Set([id]));
    expect(merged.people.find((p) => p.id === id)?.printedAs).toEqual(printedAs);
  });
});

/** Words of a text, without the separators the parser may drop ("and", a list's "Councillors"). */
const words = (text: string) =>
  (text.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w !== 'and' && w !== 'Councillors').sort();

describe('nothing is lost', () => {
  const seedLines = Object.values(PACKS).flatMap((pack) =>
    joinNameLists(toLines(readPack(pack)))
      .filter((l) => parsePersonLine(l.text).people.length > 0)
      .map((l) => ({ where: `${pack}:${l.n}`, line: l.text })),
  );

  test('the seed packs name people on many lines', () => {
    expect(seedLines.length).toBeGreaterThan(80);
  });

  test.each([...lines.map((c) => ({ where: 'table', line: c.line })), ...seedLines])(
    '$where: printed + role + note + rest hold every word',
    ({ line }) => {
      const { people, rest } = parsePersonLine(line);
      const pieces = [...people.flatMap((p) => [p.printed, p.role ?? '', p.note ?? '']), ...rest];
      expect(words(pieces.join(' '))).toEqual(words(line));
    },
  );
});
