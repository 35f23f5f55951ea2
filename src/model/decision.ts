import type { Decision, Meeting, Minutes } from '../schema';
import { yearOf } from './date';
import { minuteKey } from './meeting';
import type { Entry } from './graph';

/** One line of the decisions register: a decision with the meeting, body and minute it belongs to. */
export interface RegisterEntry {
  decision: Decision;
  minutes: Entry<Minutes>;
  meeting: Entry<Meeting>;
  /** Title of the minute the decision was made under ("Enabling Growth Plan."). */
  subject: string;
  year: number;
}

/** Every decision in every set of minutes, newest meeting first, then in the order they were printed. */
export function decisionRegister(minutes: Entry<Minutes>[], meetings: ReadonlyMap<string, Entry<Meeting>>): RegisterEntry[] {
  return minutes
    .flatMap((m) => {
      const meeting = meetings.get(m.data.meeting);
      if (!meeting) return [];
      return m.data.decisions.map((decision, order) => ({
        decision,
        minutes: m,
        meeting,
        subject: m.data.items.find((i) => minuteKey(i) === decision.minute)?.title ?? `Minute ${decision.minute}`,
        year: yearOf(meeting.data.start),
        order,
      }));
    })
    .sort((a, b) => Date.parse(b.meeting.data.start) - Date.parse(a.meeting.data.start) || a.order - b.order)
    .map(({ order: _order, ...entry }) => entry);
}

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
