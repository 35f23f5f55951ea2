import { z } from 'zod';
import { ref } from './references';

// YAML readers differ: some turn an unquoted 2015-04-22 into a Date. Both spellings mean the same value.
const dateToString = (length?: number) => (value: unknown) =>
  value instanceof Date ? value.toISOString().slice(0, length) : value;

/** A calendar date as `YYYY-MM-DD`. */
export const isoDate = z.preprocess(dateToString(10), z.iso.date({ error: 'a date written YYYY-MM-DD' }));

/** A date and time with its UTC offset, so a meeting in British Summer Time stays at its printed hour. */
export const isoDateTime = z.preprocess(
  dateToString(),
  z.iso.datetime({ offset: true, error: 'a date-time such as 2015-04-22T14:00:00+01:00' }),
);

/**
 * A meeting's start: a date-time with its UTC offset when the time is printed, or only the date when it is not, so a
 * meeting whose time nobody printed is never shown at midnight.
 */
export const isoDateOrDateTime = z.preprocess(
  (value) => (value instanceof Date ? (value.toISOString().endsWith('T00:00:00.000Z') ? value.toISOString().slice(0, 10) : value.toISOString()) : value),
  z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'a date written YYYY-MM-DD, or a date-time such as 2015-04-22T14:00:00+01:00' }),
);

/** Languages a document can be in: English and Welsh. */
export const languages = ['en', 'cy'] as const;
export const language = z.enum(languages);

/** A range of pages in a source pack, as printed (page numbers of the pack, not of the PDF). */
export const pageRange = z
  .object({
    /** First page. */
    from: z.number().int().positive(),
    /** Last page (same as `from` for one page). */
    to: z.number().int().positive(),
  })
  .refine((r) => r.to >= r.from, { error: '`to` must not be before `from`', path: ['to'] });

/** Where some content came from: the source pack (an id in the `sources` folder) and its pages. */
export const sourceRef = z.object({
  /** Source pack id, the file name in `content/sources/` without extension. */
  pack: ref('sources'),
  /** Pages of the pack, when known. */
  pages: pageRange.optional(),
  /** Lines of the extracted text the content was read from, so an editor can check it against the source. */
  lines: z.object({ from: z.number().int().positive(), to: z.number().int().positive() }).optional(),
});

/**
 * A place where the source contradicts itself. The figure stays as printed; the note says what is wrong.
 * Readers see it beside the figure.
 */
export const erratum = z.object({
  /** What the note is about, e.g. "Total row of the cost table". */
  subject: z.string().min(1),
  /** The value exactly as printed. */
  printed: z.string(),
  /** What the printed source implies instead (a sum, a count), when there is one. */
  expected: z.string().optional(),
  /** Plain-language explanation shown to readers. */
  note: z.string().min(1),
});

/** A passage the importer could not structure: kept verbatim in the body and listed here for review. */
export const reviewFlag = z.object({
  /** Line of the source pack where the passage starts. */
  line: z.number().int().positive(),
  /** Why it needs a person to look at it. */
  reason: z.string().min(1),
});

/** Ways to reach someone. Each contact picks the ways it has: an accessibility contact has no name, a meeting's no web page. */
export const contactPoint = z.object({
  /** Who to ask for. */
  name: z.string().optional(),
  /** Telephone number. */
  phone: z.string().optional(),
  /** Email address. */
  email: z.email().optional(),
  /** A web page or form. */
  url: z.url().optional(),
});

/** A person as named in a document: a person id when known, and always the name as printed. */
export const personMention = z.object({
  /** Person id in `content/people/`. */
  person: ref('people').optional(),
  /** The name exactly as printed, e.g. "Mr. S. J. Galton CC". */
  printed: z.string().min(1),
  /** Role or capacity stated beside the name, e.g. "Chairman", "Cabinet Lead Member for Highways". */
  role: z.string().optional(),
});

export type SourceRef = z.infer<typeof sourceRef>;
export type Erratum = z.infer<typeof erratum>;
export type PersonMention = z.infer<typeof personMention>;
