import { z } from 'zod';
import { personMention } from './common';

export const voteResults = ['carried', 'lost'] as const;

/** How the members present voted, by side: each a person as named in the minutes. */
export const namedVotesSchema = z.object({
  /** Voting for. */
  for: z.array(personMention).default([]),
  /** Voting against. */
  against: z.array(personMention).default([]),
  /** Abstaining. */
  abstain: z.array(personMention).default([]),
});

/** A vote recorded in minutes (a Popolo VoteEvent): its result, counts and, where recorded, who voted which way. */
export const voteSchema = z.object({
  /** Anchor-safe id, unique within the minutes, e.g. "vote-8-1". */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Number (or title) of the minute the vote was taken in, as printed. */
  minute: z.string().min(1),
  /** Ids of the decisions the vote decided, in the same minutes. */
  decisions: z.array(z.string()).default([]),
  /** Carried or lost, as printed (also when only counts are printed). */
  result: z.enum(voteResults).optional(),
  /** Votes for, as printed. */
  for: z.number().int().nonnegative().optional(),
  /** Votes against, as printed. */
  against: z.number().int().nonnegative().optional(),
  /** Abstentions, as printed. */
  abstain: z.number().int().nonnegative().optional(),
  /** Printed as unanimous ("CARRIED unanimously", "nem. con."). */
  unanimous: z.boolean().default(false),
  /** The words that report the vote, as printed. */
  printed: z.string(),
  /** Who moved the motion, when printed. */
  movedBy: personMention.optional(),
  /** Who seconded it, when printed. */
  secondedBy: personMention.optional(),
  /** Who voted which way, for a recorded vote. */
  named: namedVotesSchema.optional(),
});

export type Vote = z.infer<typeof voteSchema>;
