import { z } from 'zod';

export const decisionKinds = ['resolution', 'recommendation', 'noting'] as const;
export const followUpStatuses = ['open', 'done', 'unknown'] as const;

/** One decision in a set of minutes: the text after RESOLVED (or a misspelling of it). */
export const decisionSchema = z.object({
  /** Anchor-safe id, unique within the minutes, e.g. "minute-180-1". */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Number of the minute it belongs to, as printed. */
  minute: z.string().min(1),
  /** The decision word exactly as printed ("RESOLVED", "RESOVLED"). */
  printedAs: z.string().min(1),
  /** What was decided, as printed. */
  text: z.string().min(1),
  /** Resolution (decided), recommendation (to another body) or noting. */
  kind: z.enum(decisionKinds),
  /** Actions that the decision asked for, and whether a later source shows them done. */
  followUps: z
    .array(z.object({ text: z.string().min(1), status: z.enum(followUpStatuses).default('unknown') }))
    .default([]),
});

export type Decision = z.infer<typeof decisionSchema>;
