import { z } from 'zod';
import { contentId, isoDate } from './common';

/** A source pack as received from the council. File: `content/sources/<id>.yaml`, beside `<id>.txt`. */
export const sourceSchema = z.object({
  /** Title of the pack, e.g. "Scrutiny Commission agenda pack, 22 April 2015". */
  title: z.string().min(1),
  /** Council id. */
  council: contentId,
  /** Date on the pack. */
  date: isoDate,
  /** File name of the extracted text, beside this file. */
  file: z.string().min(1),
  /** SHA-256 of that file, so an edited source is noticed. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Line where each printed page starts, in page order (index 0 is page 1). */
  pageStarts: z.array(z.number().int().positive()).default([]),
});

export type Source = z.infer<typeof sourceSchema>;
