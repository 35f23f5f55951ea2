import type { Declaration, Meeting, Minutes, PersonMention } from '../schema';
import { instantOf } from './date';
import type { Entry } from './entry';

/** How a person took part in one meeting. */
export type Capacity = 'member' | 'present' | 'in attendance' | 'apologies' | 'public';

/** A meeting's lists of people, each with the capacity it names them in. */
export const LISTS: ReadonlyArray<[keyof Pick<Meeting, 'membership' | 'present' | 'inAttendance' | 'apologies' | 'public'>, Capacity]> = [
  ['membership', 'member'],
  ['present', 'present'],
  ['inAttendance', 'in attendance'],
  ['apologies', 'apologies'],
  ['public', 'public'],
];

/** How a person's record names each capacity. */
export const capacityLabel: Record<Capacity, string> = {
  member: 'Member (agenda)',
  present: 'Present',
  'in attendance': 'In attendance',
  apologies: 'Gave apologies',
  public: 'Member of the public',
};

/** One meeting in a person's record: in what capacity, with the role printed beside their name. */
export interface Appearance {
  meeting: Entry<Meeting>;
  capacity: Capacity;
  role?: string | undefined;
  printed: string;
}

/** Every appearance of every person, by person id: one pass over all meetings, shared by all person pages. */
export function appearancesByPerson(meetings: Entry<Meeting>[]): Map<string, Appearance[]> {
  const byPerson = new Map<string, Appearance[]>();
  for (const meeting of meetings) {
    for (const [list, capacity] of LISTS) {
      for (const mention of meeting.data[list] as PersonMention[]) {
        if (!mention.person) continue;
        const appearance: Appearance = { meeting, capacity, role: mention.role, printed: mention.printed };
        // Appended in place: copying the list for each appearance is quadratic in a councillor's meetings.
        const list = byPerson.get(mention.person);
        if (list) list.push(appearance);
        else byPerson.set(mention.person, [appearance]);
      }
    }
  }
  for (const list of byPerson.values()) list.sort((a, b) => instantOf(b.meeting.data.start) - instantOf(a.meeting.data.start));
  return byPerson;
}

/** Every declaration of interest, by person id, with the minutes it was recorded in. */
export function declarationsByPerson(minutes: Entry<Minutes>[]): Map<string, Array<{ declaration: Declaration; minutes: Entry<Minutes> }>> {
  const byPerson = new Map<string, Array<{ declaration: Declaration; minutes: Entry<Minutes> }>>();
  for (const m of minutes) {
    for (const declaration of m.data.declarations) {
      if (!declaration.person) continue;
      const list = byPerson.get(declaration.person);
      if (list) list.push({ declaration, minutes: m });
      else byPerson.set(declaration.person, [{ declaration, minutes: m }]);
    }
  }
  return byPerson;
}

/** Members of a body by year, from the membership printed on its agendas and those present at its meetings. */
export function membersByYear(meetings: Entry<Meeting>[], yearOf: (iso: string) => number): Array<{ year: number; members: PersonMention[] }> {
  const years = new Map<number, Map<string, PersonMention>>();
  for (const meeting of meetings) {
    const year = yearOf(meeting.data.start);
    const members = years.get(year) ?? new Map<string, PersonMention>();
    for (const m of [...meeting.data.membership, ...meeting.data.present]) {
      const key = m.person ?? m.printed;
      if (!members.has(key) || (m.role && !members.get(key)!.role)) members.set(key, m);
    }
    years.set(year, members);
  }
  return [...years]
    .sort((a, b) => b[0] - a[0])
    .map(([year, members]) => ({ year, members: [...members.values()].sort((a, b) => surname(a.printed).localeCompare(surname(b.printed))) }));
}

/** The surname in a printed name, for alphabetical lists ("Mr. S. J. Galton CC" -> "Galton"). */
export function surname(printed: string): string {
  const words = printed.replace(/\b(CC|JP|MBE|OBE)\b/g, '').trim().split(/\s+/);
  return words[words.length - 1] ?? printed;
}
