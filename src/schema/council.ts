import { z } from 'zod';
import { contactPoint } from './common';

/** A council that publishes through Chamber. File: `content/councils/<slug>.yaml`. */
export const councilSchema = z.object({
  /** Full name, e.g. "Leicestershire County Council". */
  name: z.string().min(1),
  /** Short name for lists and breadcrumbs. */
  shortName: z.string().min(1).optional(),
  /** The council's own website, when known (the importer never guesses it). */
  website: z.url({ error: 'a full web address starting https://' }).optional(),
  /** Path of a logo under `public/`, when the council supplies one. */
  logo: z.string().optional(),
  /**
   * Where readers report an accessibility problem, as the accessibility regulations require. The importer leaves it
   * empty when the source gives none; the content check then asks for it.
   */
  accessibilityContact: contactPoint.pick({ email: true, phone: true, url: true }).default({}),
  /** Time zone meetings are held in. */
  timeZone: z.string().default('Europe/London'),
});

export type Council = z.infer<typeof councilSchema>;
/** A council entry as written in its file: fields with defaults may be left out. */
export type CouncilInput = z.input<typeof councilSchema>;
