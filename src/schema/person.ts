import { z } from 'zod';
import { ref } from './references';

/** A councillor or officer. File: `content/people/<council>/<slug>.yaml`. */
export const personSchema = z.object({
  /** Name in a normal form, e.g. "S. J. Galton". */
  name: z.string().min(1),
  /** Honorific as printed most often ("Mr.", "Mrs.", "Dr."). */
  honorific: z.string().optional(),
  /** Every way the name is printed in the sources, so a search for any of them finds the person. */
  printedAs: z.array(z.string().min(1)).default([]),
  /** Councils the person serves or served. */
  councils: z.array(ref('councils')).default([]),
  /** Roles held over time, e.g. "Cabinet Lead Member for Corporate Resources". */
  roles: z
    .array(
      z.object({
        /** Role title as printed. */
        title: z.string().min(1),
        /** Body id, when the role is on a body. */
        body: ref('bodies').optional(),
        /** Meeting id where the role was printed (the evidence for it). */
        seenAt: ref('meetings').optional(),
      }),
    )
    .default([]),
});

export type Person = z.infer<typeof personSchema>;
/** A person entry as written in its file: fields with defaults may be left out. */
export type PersonInput = z.input<typeof personSchema>;
