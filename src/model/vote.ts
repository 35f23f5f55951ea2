import type { Meeting, Minutes, PersonMention, Vote } from '../schema';
import { instantOf } from './date';
import type { Entry } from './entry';
import { minuteRef, type MinuteRef } from './meeting';

/** The sides of a recorded vote, in the order minutes print them. */
export const voteSides = ['for', 'against', 'abstain'] as const;
export type VoteSide = (typeof voteSides)[number];

/** How a member voted, in words. */
export const voteSideLabel: Record<VoteSide, string> = { for: 'For', against: 'Against', abstain: 'Abstained' };

/** The result of a vote in words: "Carried unanimously", "Lost", or that the minutes do not say. */
export function voteResultLabel(vote: Pick<Vote, 'result' | 'unanimous'>): string {
  if (vote.result === 'carried') return vote.unanimous ? 'Carried unanimously' : 'Carried';
  if (vote.result === 'lost') return 'Lost';
  return vote.unanimous ? 'Unanimous' : 'Result not printed';
}

/** The printed counts in words ("7 for, 2 against, 1 abstention"); undefined when none was printed. */
export function voteCounts(vote: Pick<Vote, 'for' | 'against' | 'abstain'>): string | undefined {
  const parts = [
    vote.for === undefined ? undefined : `${vote.for} for`,
    vote.against === undefined ? undefined : `${vote.against} against`,
    vote.abstain === undefined ? undefined : `${vote.abstain} abstention${vote.abstain === 1 ? '' : 's'}`,
  ].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** A recorded vote's named lists, side by side, each with its members as printed. */
export function namedSides(vote: Vote): Array<{ side: VoteSide; people: PersonMention[] }> {
  return vote.named ? voteSides.map((side) => ({ side, people: vote.named![side] })) : [];
}

/** One recorded vote in a person's record: which way they voted, in which minutes and meeting. */
export interface VoteRecord {
  vote: Vote;
  side: VoteSide;
  /** The name as printed in the list. */
  printed: string;
  minutes: Entry<Minutes>;
  meeting: Entry<Meeting>;
  minute: MinuteRef;
}

/** Every recorded vote each person is named in, by person id, newest meeting first, then in printed order. */
export function votingRecords(minutes: Entry<Minutes>[], meetings: ReadonlyMap<string, Entry<Meeting>>): Map<string, VoteRecord[]> {
  const byPerson = new Map<string, VoteRecord[]>();
  for (const m of minutes) {
    const meeting = meetings.get(m.data.meeting);
    if (!meeting) continue;
    for (const vote of m.data.votes) {
      for (const { side, people } of namedSides(vote)) {
        for (const mention of people) {
          if (!mention.person) continue;
          const record: VoteRecord = { vote, side, printed: mention.printed, minutes: m, meeting, minute: minuteRef(m.data.items, vote.minute) };
          const list = byPerson.get(mention.person);
          if (list) list.push(record);
          else byPerson.set(mention.person, [record]);
        }
      }
    }
  }
  // A stable sort keeps each meeting's votes in printed order.
  for (const list of byPerson.values()) list.sort((a, b) => instantOf(b.meeting.data.start) - instantOf(a.meeting.data.start));
  return byPerson;
}

/** Ids of the meetings whose minutes (in their first language) record at least one vote, for their votes pages. */
export function meetingsWithVotes(minutesOf: ReadonlyMap<string, Entry<Minutes>>): string[] {
  return [...minutesOf].filter(([, m]) => m.data.votes.length > 0).map(([meeting]) => meeting);
}
