/**
 * Votes: a result as printed ("CARRIED unanimously", "FELL (2 voting for, 7 voting against)", "2 For, 7 Against with
 * 0 Abstention") and, where a council records them, the names voting for, against and abstaining, whose lists wrap
 * over lines and carry honours ("Councillors Adams, Baker OBE and Carter").
 */
import { UNANIMOUS, VOTE_CONTEXT, VOTE_COUNTS, VOTE_LISTS, VOTE_RESULT } from '../house-style';
import type { Line } from '../read/line';
import { printed } from '../read/markup';
import { attendeesIn, isProse, type Attendee } from './attendance';

export type VoteSide = 'for' | 'against' | 'abstain';

/** A vote as read from one sentence. */
export interface VoteReading {
  result?: 'carried' | 'lost';
  for?: number;
  against?: number;
  abstain?: number;
  unanimous: boolean;
  /** "recommendation 2": which recommendation the vote was on, when the sentence says. */
  recommendation?: string;
  /** The words that say it, as printed. */
  printed: string;
}

/** The vote a sentence reports, if it reports one: counts, a result, or a vote taken unanimously. */
export function voteIn(sentence: string): VoteReading | undefined {
  const text = printed(sentence);
  const counts = VOTE_COUNTS.map((re) => re.exec(text)?.groups).find(Boolean);
  const result = VOTE_RESULT.find((r) => r.re.test(text))?.result;
  const unanimous = UNANIMOUS.test(text);
  const context = VOTE_CONTEXT.test(text);
  if (!counts && !result && !(context && unanimous)) return undefined;
  const vote: VoteReading = { unanimous, printed: text };
  if (result) vote.result = result;
  if (counts) {
    for (const side of ['for', 'against', 'abstain'] as const) if (counts[side] !== undefined) vote[side] = Number(counts[side]);
    // Counts alone give the result, except a tie: a casting vote may decide it either way, so none is read.
    if (vote.for !== vote.against) vote.result ??= vote.for! > vote.against! ? 'carried' : 'lost';
  } else if (unanimous) vote.result ??= 'carried';
  const rec = /\brecommendations?\s+(?<n>\d+[a-z]?)\b/i.exec(text)?.groups?.['n'];
  if (rec) vote.recommendation = rec;
  return vote;
}

/** The names of a recorded vote, by side, from lines that start "For:", "Against:", "Abstain:" and wrap. */
export interface NamedVote {
  names: Record<VoteSide, Attendee[]>;
  /** Counts printed beside the labels ("For (22):"). */
  printedCounts: Partial<Record<VoteSide, number>>;
  /** First and last line index of the lists. */
  first: number;
  last: number;
}

const sideOf = (text: string) => {
  const t = printed(text);
  for (const { side, re } of VOTE_LISTS) {
    const m = re.exec(t);
    if (m && m[0].trim().length < t.length && /\p{Lu}/u.test(t.slice(m[0].length))) {
      return { side, rest: t.slice(m[0].length), count: /\((\d+)\)/.exec(m[0])?.[1] };
    }
  }
  return undefined;
};

/** Recorded votes in lines from `from` to `to` (exclusive): each run of For/Against/Abstain lists is one vote. */
export function namedVotes(lines: readonly Line[], from: number, to: number): NamedVote[] {
  const out: NamedVote[] = [];
  let vote: NamedVote | undefined;
  let side: VoteSide | undefined;
  let text = '';
  let at: Line | undefined;
  const flush = () => {
    if (vote && side && at && text) vote.names[side].push(...attendeesIn(text, at));
    text = '';
  };
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    const head = sideOf(line.text);
    if (head) {
      flush();
      if (!vote || vote.names[head.side].length > 0) {
        vote = { names: { for: [], against: [], abstain: [] }, printedCounts: {}, first: i, last: i };
        out.push(vote);
      }
      side = head.side;
      text = head.rest;
      at = line;
      if (head.count) vote.printedCounts[side] = Number(head.count);
      vote.last = i;
      continue;
    }
    const t = printed(line.text);
    // A list of names wraps onto the next lines; a blank line or a sentence ends it.
    if (vote && side && t && !isProse(t)) {
      text += ` ${t}`;
      vote.last = i;
      continue;
    }
    flush();
    side = undefined;
    if (t) vote = undefined;
  }
  flush();
  return out.filter((v) => v.names.for.length + v.names.against.length + v.names.abstain.length > 0);
}
