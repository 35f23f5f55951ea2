import { z } from 'zod';
import { isoDate, sourceRef } from './common';
import { ref } from './references';

/** A consultation workshop held for a strategy. File: `content/workshops/<council>/<slug>.mdx`; the body is what was said. */
export const workshopSchema = z.object({
  /** Strategy or action plan document id. */
  strategy: ref('documents'),
  /** Title as printed. */
  title: z.string().min(1),
  /** Theme of the workshop. */
  theme: z.string().optional(),
  /** Date, when printed. */
  date: isoDate.optional(),
  /** Who came, as printed. */
  attendees: z.string().optional(),
  /** Action plan references that came out of it. */
  actions: z.array(z.string()).default([]),
  /** Where it was printed. */
  source: sourceRef,
});

export type Workshop = z.infer<typeof workshopSchema>;
/** A workshop entry as written in its file: fields with defaults may be left out. */
export type WorkshopInput = z.input<typeof workshopSchema>;
