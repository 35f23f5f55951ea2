import { z } from 'zod';
import { erratum, isoDate, language, reviewFlag, sourceRef } from './common';
import { planSchema } from './plan';
import { ref } from './references';

export const documentKinds = [
  'agenda',
  'report',
  'minutes',
  'appendix',
  'strategy',
  'plan',
  'action-plan',
  'workshop-summary',
  'assessment',
  'supplement',
  'guidance',
  'decision-notice',
  'forward-plan',
  'other',
] as const;

export const documentStatuses = ['draft', 'final', 'to-follow', 'exempt', 'withdrawn'] as const;

/**
 * A report, plan, appendix or other paper. File: `content/documents/<council>/<...>/<slug>.mdx`.
 * The body is the readable text; page furniture is replaced by `<PageBreak>` markers.
 */
export const documentSchema = z.object({
  /** Title as printed. */
  title: z.string().min(1),
  /** What sort of paper it is. */
  kind: z.enum(documentKinds),
  /** Council id. */
  council: ref('councils'),
  /** Meeting id at which it was considered. */
  meeting: ref('meetings').optional(),
  /** Agenda item number at that meeting. */
  item: z.string().optional(),
  /** Author line as printed, e.g. "Report of the Chief Executive". */
  author: z.string().optional(),
  /** Draft, final, to follow, exempt (not published) or withdrawn. */
  status: z.enum(documentStatuses).default('final'),
  /** Date of the document, when printed. */
  date: isoDate.optional(),
  /** Language the document is written in. */
  lang: language.default('en'),
  /** For a document in a second language: the document it translates. */
  translationOf: ref('documents').optional(),
  /** One-paragraph summary in plain language, for listings and search results. */
  summary: z.string().optional(),
  /** Purpose of the report as printed. */
  purpose: z.string().optional(),
  /** The report's recommendations as printed. */
  recommendations: z.array(z.string()).default([]),
  /** For an appendix: the report it belongs to (appendix letters restart per report). */
  parent: ref('documents').optional(),
  /** For an appendix: its letter or number as printed. */
  appendix: z.string().optional(),
  /** Series id, for documents that come out in editions (the Youth Justice plan). */
  series: z.string().optional(),
  /** Edition label within the series, e.g. "2015/16". */
  edition: z.string().optional(),
  /** Document id this one replaces. */
  supersedes: ref('documents').optional(),
  /** Set on a second printing of the same document: the id of the document it is a version of. */
  versionOf: ref('documents').optional(),
  /** Short label of this version, e.g. "Published separately". */
  versionLabel: z.string().optional(),
  /** Where it was printed. */
  source: sourceRef,
  /** Strategy and plan data: priorities, actions, risks, budget, KPIs. */
  plan: planSchema.optional(),
  /** Passages kept verbatim for a person to review. */
  review: z.array(reviewFlag).default([]),
  /** Contradictions in the printed document. */
  errata: z.array(erratum).default([]),
});

export type Document = z.infer<typeof documentSchema>;
/** A document entry as written in its file: fields with defaults may be left out. */
export type DocumentInput = z.input<typeof documentSchema>;
