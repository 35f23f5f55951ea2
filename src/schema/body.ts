import { z } from 'zod';
import { isoDate } from './common';
import { ref } from './references';

/** Kinds of decision-making body. */
export const bodyKinds = ['committee', 'commission', 'cabinet', 'council', 'panel', 'board'] as const;

/** One member of a body in one term. */
export const membershipSchema = z.object({
  /** Person id. */
  person: ref('people'),
  /** Role on the body, e.g. "Chairman", "member". */
  role: z.string().default('member'),
});

/** A committee, cabinet or full council. File: `content/bodies/<council>/<slug>.yaml`. */
export const bodySchema = z.object({
  /** Council id. */
  council: ref('councils'),
  /** Name as the council prints it, e.g. "Scrutiny Commission". */
  name: z.string().min(1),
  /** What sort of body it is. */
  kind: z.enum(bodyKinds),
  /** One sentence on what the body does. */
  description: z.string().optional(),
  /** Membership by term; a term is named by its years, e.g. "2013-2017". */
  terms: z
    .array(
      z.object({
        /** Label of the term. */
        term: z.string().min(1),
        /** First day of the term, when known. */
        from: isoDate.optional(),
        /** Last day of the term, when known. */
        to: isoDate.optional(),
        /** Members in this term, as listed on agendas. */
        members: z.array(membershipSchema),
      }),
    )
    .default([]),
});

export type Body = z.infer<typeof bodySchema>;
/** A body entry as written in its file: fields with defaults may be left out. */
export type BodyInput = z.input<typeof bodySchema>;
