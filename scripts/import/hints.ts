import { z } from 'zod';
import { documentKinds, documentStatuses } from '../../src/schema';

/**
 * Corrections a web team records for one pack, where the pack itself gives no sign: kept beside the pack's source
 * (`content/import-hints/<pack>.yaml`) so that a re-import applies them again instead of overwriting hand edits.
 */
export const hintsSchema = z.object({
  /** Council id, when the pack does not name its council in a way the importer knows. */
  council: z.string().optional(),
  /** Extra document boundaries: the first line of each new section. */
  splits: z
    .array(
      z.object({
        line: z.number().int().positive(),
        kind: z.enum(['report', 'appendix', 'minutes']),
        title: z.string().optional(),
        appendix: z.string().optional(),
      }),
    )
    .default([]),
  /** Fields to set on the document that starts at a line (a section's first line, as a string key). */
  documents: z
    .record(
      z.string().regex(/^\d+$/),
      z.object({
        title: z.string().optional(),
        kind: z.enum(documentKinds).optional(),
        status: z.enum(documentStatuses).optional(),
        series: z.string().optional(),
        edition: z.string().optional(),
        /** The strategy this plan delivers: a document id. */
        parentStrategy: z.string().optional(),
        summary: z.string().optional(),
      }),
    )
    .default({}),
  /** Corrections to agenda items, by item number as printed. */
  agenda: z
    .record(z.string(), z.object({ title: z.string().optional(), reportBy: z.string().optional() }))
    .default({}),
});

export type Hints = z.infer<typeof hintsSchema>;
