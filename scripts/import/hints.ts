import { z } from 'zod';
import { documentKinds, documentStatuses, erratum, isoDate } from '../../src/schema';
import { sourceKinds } from './segment/classify';

/**
 * Corrections a web team records for one pack, where the pack itself gives no sign: kept beside the pack's source
 * (`content/import-hints/<pack>.yaml`) so that a re-import applies them again instead of overwriting hand edits.
 */
/** One figure read by a person from the text, with the line that prints it. */
const figure = z.object({ period: z.string(), printed: z.string(), line: z.number().int().positive() });

const lineNumber = z.number().int().positive();

export const hintsSchema = z.object({
  /** Council id: given with --council at the first import, or when the source does not name its council. */
  council: z.string().optional(),
  /** What kind of document the source is, when the importer decided wrongly. */
  kind: z.enum(sourceKinds).optional(),
  /** The meeting's date (YYYY-MM-DD), when the source prints none or the importer read the wrong one. */
  date: isoDate.optional(),
  /** The meeting's start time ("19:00"), when the source prints none or the importer read the wrong one. */
  time: z.string().regex(/^\d{2}:\d{2}$/, 'a time written HH:MM, such as 19:00').optional(),
  /** The body (committee) whose meeting it is, when the source does not name it. */
  body: z.string().min(1).optional(),
  /**
   * Corrections to the text as extracted: on `line`, the words `printed` become `correct`. They are applied before
   * anything is read, so a re-import keeps them; the extracted text in content/sources stays as the council
   * published it.
   */
  corrections: z
    .array(
      z.object({
        line: lineNumber,
        printed: z.string().min(1),
        correct: z.string(),
        /** Why, for whoever reads the hints file next. */
        note: z.string().optional(),
      }),
    )
    .default([]),
  /** Corrections to the structure the importer read in minutes. */
  structure: z
    .object({
      /** Lines that start a minute the importer missed, with its number and title as printed. */
      minutes: z.array(z.object({ line: lineNumber, number: z.string().optional(), title: z.string().min(1) })).default([]),
      /** Lines the importer took for a minute's heading that are not one. */
      notMinutes: z.array(lineNumber).default([]),
      /** Lines where the importer found a decision that is not one. */
      notDecisions: z.array(lineNumber).default([]),
    })
    .optional(),
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
