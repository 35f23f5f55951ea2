import { z } from 'zod';
import { contentId, erratum, reviewFlag, sourceRef } from './common';
import { decisionSchema } from './decision';

/** A declaration of interest recorded in the minutes. */
export const declarationSchema = z.object({
  /** Person id. */
  person: contentId.optional(),
  /** Name as printed. */
  printed: z.string().min(1),
  /** The interest as recorded ("personal interest ... as a District/Borough Council member"). */
  interest: z.string().min(1),
  /** Minute where it was declared. */
  minute: z.string().min(1),
});

/**
 * Minutes of one meeting. File: `content/minutes/<council>/<body>/<YYYY-MM-DD>.mdx`.
 * The body is the text of the minutes; each numbered minute is a `<Minute>` with its own anchor.
 */
export const minutesSchema = z.object({
  /** Meeting these minutes record. */
  meeting: contentId,
  /** Meeting at which they were confirmed, when known. */
  confirmedAt: contentId.optional(),
  /** The numbered minutes, in order. */
  items: z
    .array(
      z.object({
        /** Minute number as printed. */
        number: z.string().min(1),
        /** Title as printed. */
        title: z.string().min(1),
        /** Document ids the minute considered. */
        considers: z.array(contentId).default([]),
      }),
    )
    .default([]),
  /** Decisions, in order. */
  decisions: z.array(decisionSchema).default([]),
  /** Declarations of interest. */
  declarations: z.array(declarationSchema).default([]),
  /** Where the minutes were printed. */
  source: sourceRef,
  /** Passages kept verbatim for a person to review. */
  review: z.array(reviewFlag).default([]),
  /** Contradictions in the printed minutes. */
  errata: z.array(erratum).default([]),
});

export type Declaration = z.infer<typeof declarationSchema>;
export type Minutes = z.infer<typeof minutesSchema>;
