import { z } from 'zod';
import { erratum, sourceRef } from './common';
import { ref } from './references';

/** One figure for one period. `value` is null where the source prints no number ("n/a", "-"). */
export const kpiPointSchema = z.object({
  /** Period as printed, e.g. "2013/14". */
  period: z.string().min(1),
  /** The number, parsed from `printed`; null when there is none. */
  value: z.number().nullable(),
  /** Exactly as printed, e.g. "1,234", "12.5%", "n/a". */
  printed: z.string(),
});

/** A KPI in one edition of a plan: definitions change between editions, so each carries its own. */
export const kpiEditionSchema = z.object({
  /** Document id of the plan edition. */
  document: ref('documents'),
  /** Edition label, e.g. "2015/16". */
  edition: z.string().min(1),
  /** Name of the measure as printed in this edition. */
  name: z.string().min(1),
  /** Definition as printed in this edition. */
  definition: z.string().min(1),
  /** Unit of the values, e.g. "per 100,000 young people", "%". */
  unit: z.string().min(1),
  /** Actual values by period. */
  values: z.array(kpiPointSchema).min(1),
  /** Targets by period. */
  targets: z.array(kpiPointSchema).default([]),
  /** Comparators, e.g. England or the region, each with values by period. */
  comparators: z.array(z.object({ name: z.string().min(1), values: z.array(kpiPointSchema) })).default([]),
  /** Where the table was printed. */
  source: sourceRef,
});

/** A KPI series across plan editions. File: `content/kpis/<council>/<series>.yaml`. */
export const kpiSchema = z.object({
  /** Council id. */
  council: ref('councils'),
  /** Short name of the series. */
  name: z.string().min(1),
  /** Whether a higher or lower figure is better. */
  direction: z.enum(['higher', 'lower', 'neither']),
  /** Editions, oldest first. */
  editions: z.array(kpiEditionSchema).min(1),
  /** Contradictions in the printed figures. */
  errata: z.array(erratum).default([]),
});

export type KpiPoint = z.infer<typeof kpiPointSchema>;
export type KpiEdition = z.infer<typeof kpiEditionSchema>;
export type Kpi = z.infer<typeof kpiSchema>;
/** A kpi entry as written in its file: fields with defaults may be left out. */
export type KpiInput = z.input<typeof kpiSchema>;
