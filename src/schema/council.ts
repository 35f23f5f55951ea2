import { z } from 'zod';

/** A council that publishes through Chamber. File: `content/councils/<slug>.yaml`. */
export const councilSchema = z.object({
  /** Full name, e.g. "Leicestershire County Council". */
  name: z.string().min(1),
  /** Short name for lists and breadcrumbs. */
  shortName: z.string().min(1).optional(),
  /** The council's own website. */
  website: z.url({ error: 'a full web address starting https://' }),
  /** Path of a logo under `public/`, when the council supplies one. */
  logo: z.string().optional(),
  /** Where readers report an accessibility problem, as the accessibility regulations require. */
  accessibilityContact: z.object({
    email: z.email().optional(),
    phone: z.string().optional(),
    url: z.url().optional(),
  }),
  /** Time zone meetings are held in. */
  timeZone: z.string().default('Europe/London'),
});

export type Council = z.infer<typeof councilSchema>;
