import { z } from 'zod';
import { personMention } from './common';

export const decisionKinds = ['resolution', 'recommendation', 'noting', 'rejected'] as const;
export const followUpStatuses = ['open', 'done', 'unknown'] as const;

/** One decision in a set of minutes: the text after RESOLVED, or a sentence in which the body decides. */
export const decisionSchema = z.object({
  /** Anchor-safe id, unique within the minutes, e.g. "minute-180-1". */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Number of the minute it belongs to, as printed. */
  minute: z.string().min(1),
  /** The words that make it a decision, exactly as printed ("RESOLVED", "RESOVLED", "It was agreed"). */
  printedAs: z.string().min(1),
  /** What was decided, as printed. */
  text: z.string().min(1),
  /** Resolution (decided), recommendation (to another body), noting, or rejected (a motion that fell). */
  kind: z.enum(decisionKinds),
  /** Who proposed it, when printed. */
  movedBy: personMention.optional(),
  /** Who seconded it, when printed. */
  secondedBy: personMention.optional(),
  /** Actions that the decision asked for, and whether a later source shows them done. */
  followUps: z
    .array(z.object({ text: z.string().min(1), status: z.enum(followUpStatuses).default('unknown') }))
    .default([]),
});

export type Decision = z.infer<typeof decisionSchema>;
