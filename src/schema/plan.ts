import { z } from 'zod';
import { ref } from './references';

export const actionStatuses = ['complete', 'in-progress', 'delayed', 'not-started', 'unknown'] as const;

/** One action of an action plan. */
export const actionSchema = z.object({
  /** Reference as printed, e.g. "1.3". */
  ref: z.string().min(1),
  /** What will be done, as printed. */
  text: z.string().min(1),
  /** Priority number it serves, as printed. */
  priority: z.string().optional(),
  /** Lead officer or team. */
  owner: z.string().optional(),
  /** Due date as printed ("March 2016"). */
  due: z.string().optional(),
  /** Status in a fixed vocabulary, for counting. */
  status: z.enum(actionStatuses).default('unknown'),
  /** Status as printed, shown beside the fixed one. */
  statusPrinted: z.string().optional(),
});

/** One risk in a risk register. Scores are as printed (1-5 scales are usual but not assumed). */
export const riskSchema = z.object({
  /** The risk as printed. */
  risk: z.string().min(1),
  /** Impact score as printed. */
  impact: z.number().optional(),
  /** Likelihood score as printed. */
  likelihood: z.number().optional(),
  /** Mitigation or control as printed. */
  mitigation: z.string().optional(),
  /** Who owns the risk. */
  owner: z.string().optional(),
});

/** The structured part of a strategy, plan or action plan. */
export const planSchema = z.object({
  /** Period covered as printed, e.g. "2015/16", "2023-26"; absent when the plan prints none. */
  period: z.string().min(1).optional(),
  /** First and last year covered, for sorting and filters. */
  years: z.object({ from: z.number().int(), to: z.number().int() }).optional(),
  /** Lead officer or directorate. */
  owner: z.string().optional(),
  /** Parent strategy document id. */
  parentStrategy: ref('documents').optional(),
  /** Priorities as printed, in order; the number is kept as printed even when two share it. */
  priorities: z.array(z.object({ number: z.string().optional(), title: z.string().min(1) })).default([]),
  /** Actions. */
  actions: z.array(actionSchema).default([]),
  /** Risk register. */
  risks: z.array(riskSchema).default([]),
  /** KPI series ids reported in this plan. */
  kpis: z.array(ref('kpis')).default([]),
  /** Partners named in the plan or its sign-off. */
  partners: z.array(z.string()).default([]),
});

export type Action = z.infer<typeof actionSchema>;
export type Risk = z.infer<typeof riskSchema>;
export type Plan = z.infer<typeof planSchema>;
