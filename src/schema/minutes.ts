import { z } from 'zod';
import { erratum, isoDate, language, reviewFlag, sourceRef } from './common';
import { decisionSchema } from './decision';
import { minuteActionSchema } from './minute-action';
import { ref } from './references';
import { voteSchema } from './vote';

/** A declaration of interest recorded in the minutes. */
export const declarationSchema = z.object({
  /** Person id. */
  person: ref('people').optional(),
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
  meeting: ref('meetings'),
  /** Meeting at which they were confirmed, when known. */
  confirmedAt: ref('meetings').optional(),
  /** Date on the chair's "Signed ... Dated" line: when the minutes were approved, not when the meeting was. */
  signedOn: isoDate.optional(),
  /** Language the minutes are written in. */
  lang: language.default('en'),
  /** For minutes in a second language: the minutes (same meeting) they translate. */
  translationOf: ref('minutes').optional(),
  /** The numbered minutes, in order. */
  items: z
    .array(
      z.object({
        /** Minute number as printed, without its punctuation ("173", "18.11.1", "5a"); absent for a section the minutes do not number. */
        number: z.string().min(1).optional(),
        /** The number as printed with its punctuation ("173.", "1"), when it differs from `number`. */
        label: z.string().min(1).optional(),
        /** Title as printed. */
        title: z.string().min(1),
        /** Document ids the minute considered. */
        considers: z.array(ref('documents')).default([]),
      }),
    )
    .default([]),
  /** Decisions, in order. */
  decisions: z.array(decisionSchema).default([]),
  /** Votes, in order. */
  votes: z.array(voteSchema).default([]),
  /** Tasks given to people ("ACTION: Clerk to ..."), in order. */
  actions: z.array(minuteActionSchema).default([]),
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
/** A minutes entry as written in its file: fields with defaults may be left out. */
export type MinutesInput = z.input<typeof minutesSchema>;
