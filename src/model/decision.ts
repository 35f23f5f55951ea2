import type { Decision, Meeting, Minutes, PersonMention } from '../schema';
import { instantOf, yearOf } from './date';
import type { Entry } from './entry';
import { minuteRef, type MinuteRef } from './meeting';

/** One line of the decisions register: a decision with the meeting, body and minute it belongs to. */
export interface RegisterEntry {
  decision: Decision;
  minutes: Entry<Minutes>;
  meeting: Entry<Meeting>;
  /** Title of the minute the decision was made under ("Enabling Growth Plan."). */
  subject: string;
  /** The minute it was made under, as pages name and link it. */
  minute: MinuteRef;
  year: number;
}

/** Every decision in every set of minutes, newest meeting first, then in the order they were printed. */
export function decisionRegister(minutes: Entry<Minutes>[], meetings: ReadonlyMap<string, Entry<Meeting>>): RegisterEntry[] {
  return minutes
    .flatMap((m) => {
      const meeting = meetings.get(m.data.meeting);
      if (!meeting) return [];
      return m.data.decisions.map((decision, order) => {
        const minute = minuteRef(m.data.items, decision.minute);
        return { decision, minutes: m, meeting, subject: minute.title, minute, year: yearOf(meeting.data.start), order };
      });
    })
    .sort((a, b) => instantOf(b.meeting.data.start) - instantOf(a.meeting.data.start) || a.order - b.order)
    .map(({ order: _order, ...entry }) => entry);
}

/**
 * How many decisions the register's first page shows, newest first: a decade of a county's decisions is thousands of
 * rows, megabytes of HTML. The rest are on the pages of each year and each body, and all in the open data.
 */
export const LATEST_DECISIONS = 50;

/** How many decisions a page of a year's register shows: a year of a large site's decisions is megabytes of HTML. */
export const REGISTER_PAGE_SIZE = 200;

/** Words for a follow-up's state, so status is never shown by colour alone. */
export const followUpLabel: Record<Decision['followUps'][number]['status'], string> = {
  open: 'Open',
  done: 'Done',
  unknown: 'Not reported',
};

/** The register's plain-language label for each kind of decision. */
export const decisionKindLabel: Record<Decision['kind'], string> = {
  resolution: 'Decision',
  recommendation: 'Recommendation',
  noting: 'Noted',
  rejected: 'Rejected',
};

/** What a link to each kind of decision leads to, completing "Link to …" (the labels "Noted" and "Rejected" do not). */
export const decisionLinkWords: Record<Decision['kind'], string> = {
  resolution: 'this decision',
  recommendation: 'this recommendation',
  noting: 'what was noted',
  rejected: 'what was rejected',
};

/** What a member did with a motion: moved (proposed) it, or seconded it. */
export type MotionRole = 'moved' | 'seconded';

/** Each role in words, as minutes print it ("Moved by …"). */
export const motionRoleLabel: Record<MotionRole, string> = { moved: 'Moved', seconded: 'Seconded' };

/** The proposer and seconder of a decision or vote, in that order, leaving out whichever was not printed. */
export function movers(motion: { movedBy?: PersonMention | undefined; secondedBy?: PersonMention | undefined }): Array<{ role: MotionRole; person: PersonMention }> {
  return [
    ...(motion.movedBy ? [{ role: 'moved' as const, person: motion.movedBy }] : []),
    ...(motion.secondedBy ? [{ role: 'seconded' as const, person: motion.secondedBy }] : []),
  ];
}

/** Decisions each person moved or seconded, by person id, in register order (newest first). */
export function motionsByPerson(register: RegisterEntry[]): Map<string, Array<{ entry: RegisterEntry; role: MotionRole }>> {
  const byPerson = new Map<string, Array<{ entry: RegisterEntry; role: MotionRole }>>();
  for (const entry of register) {
    for (const { role, person } of movers(entry.decision)) {
      if (!person.person) continue;
      const list = byPerson.get(person.person);
      if (list) list.push({ entry, role });
      else byPerson.set(person.person, [{ entry, role }]);
    }
  }
  return byPerson;
}
