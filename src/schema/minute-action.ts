import { z } from 'zod';
import { personMention } from './common';

export const minuteActionSources = ['marker', 'column', 'table', 'sentence'] as const;

/** A task the minutes give someone ("ACTION: Clerk to write to ..."), with its owner as printed. */
export const minuteActionSchema = z.object({
  /** The task as printed. */
  text: z.string().min(1),
  /** Who is to do it: the name, initials or role as printed, and the person when known. */
  owner: personMention.optional(),
  /** Number (or title) of the minute it belongs to, as printed. */
  minute: z.string().optional(),
  /** How the minutes print it: an "ACTION:" line, an action column, a table of actions, or a sentence. */
  source: z.enum(minuteActionSources),
  /** Line of the source where it is printed. */
  line: z.number().int().positive(),
});

export type MinuteAction = z.infer<typeof minuteActionSchema>;
