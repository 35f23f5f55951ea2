import { z } from 'zod';
import { documentKinds, documentStatuses, erratum } from '../../src/schema';

/**
 * Corrections a web team records for one pack, where the pack itself gives no sign: kept beside the pack's source
 * (`content/import-hints/<pack>.yaml`) so that a re-import applies them again instead of overwriting hand edits.
 */
/** One figure read by a person from the text, with the line that prints it. */
const figure = z.object({ period: z.string(), printed: z.string(), line: z.number().int().positive() });

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
        /** Contradictions a person found that the importer cannot see (a unit that differs between two pages). */
        errata: z.array(erratum).default([]),
      }),
    )
    .default({}),
  /**
   * Action-plan tasks each workshop gave rise to, by workshop number as printed ("W6" is "6"): the pack says the ideas
   * were "incorporated into the draft Action Plan" but not where, so a person who knows records it. Each reference
   * must be an action printed in the same report's action plan.
   */
  workshopActions: z.record(z.string(), z.array(z.string())).default({}),
  /** KPI series a row of a KPI table belongs to, by the indicator's name as printed (default: the name's slug). */
  kpiSeries: z.record(z.string(), z.string().regex(/^[a-z0-9-]+$/)).default({}),
  /**
   * KPI figures a plan prints in prose, where the chart that held them was lost in extraction. Each figure names the
   * source line it is printed on, and the import fails if that line does not print it: no figure can be invented.
   */
  kpis: z
    .array(
      z.object({
        series: z.string().regex(/^[a-z0-9-]+$/),
        /** The document the figures are in: the first line of its section, as in `documents`. */
        document: z.string().regex(/^\d+$/),
        edition: z.string(),
        name: z.string(),
        definition: z.string(),
        unit: z.string(),
        direction: z.enum(['higher', 'lower', 'neither']),
        values: z.array(figure),
        targets: z.array(figure).default([]),
        comparators: z.array(z.object({ name: z.string(), values: z.array(figure) })).default([]),
      }),
    )
    .default([]),
  /** Corrections to agenda items, by item number as printed. */
  agenda: z
    .record(z.string(), z.object({ title: z.string().optional(), reportBy: z.string().optional() }))
    .default({}),
});

export type Hints = z.infer<typeof hintsSchema>;
