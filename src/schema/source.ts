import { z } from 'zod';
import { isoDate, language } from './common';
import { ref } from './references';

/** Formats a source can be received in. */
export const sourceFormats = ['pdf', 'docx', 'html', 'md', 'txt'] as const;

/**
 * A source as received from the council: a meeting pack, minutes, a report. File: `content/sources/<id>.yaml`, beside
 * `<id>.txt` (the extracted text) and, for a PDF, Word or HTML source, the original file.
 */
export const sourceSchema = z.object({
  /** Title of the pack, e.g. "Scrutiny Commission agenda pack, 22 April 2015". */
  title: z.string().min(1),
  /** Council id. */
  council: ref('councils'),
  /** Date on the source (the meeting's, for a meeting's papers); absent when it prints none. */
  date: isoDate.optional(),
  /** File name of the extracted text, beside this file. */
  file: z.string().min(1),
  /** The format it was received in. */
  format: z.enum(sourceFormats).default('txt'),
  /** File name of the original as received (a PDF, Word or HTML file), beside this file. */
  original: z.string().min(1).optional(),
  /** What kind of document the importer decided it is, and why, in words. */
  kind: z.string().optional(),
  /** Language of the source. */
  lang: language.default('en'),
  /** SHA-256 of the extracted text, so an edited source is noticed. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Line where each printed page starts, in page order (index 0 is page 1). */
  pageStarts: z.array(z.number().int().positive()).default([]),
});

export type Source = z.infer<typeof sourceSchema>;
/** A source entry as written in its file: fields with defaults may be left out. */
export type SourceInput = z.input<typeof sourceSchema>;
