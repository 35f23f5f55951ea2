/**
 * A document entry for one section of a source (a report, an appendix, an agenda, a plan, a decision notice, a
 * forward plan, or a document the importer could not classify): its readable body with tables, and what a plan or
 * strategy prints (priorities, actions, risks, KPIs), with errata where the source contradicts itself.
 */
import type { Document, DocumentInput } from '../../../src/schema';
import type { Hints } from '../hints';
import type { Furniture } from '../layout/furniture';
import type { Table } from '../layout/table';
import { checkTotals } from '../layout/totals';
import type { Problem } from '../problem';
import type { Line } from '../read/line';
import { renderBody } from '../render/body';
import { component } from '../render/mdx';
import type { Section } from '../segment/sections';
import { titlePeriod, type EntryOf } from './entry';
import { kpisFromHints, kpisFromTables, planData, sectionLines } from './plan';

/** Document kinds from a title, for an appendix or section whose kind the source does not say. */
const KINDS_BY_TITLE: Array<[RegExp, Document['kind']]> = [
  [/action plan/i, 'action-plan'],
  [/workshop/i, 'workshop-summary'],
  [/impact assessment|\bEIA\b|\bEHRIA\b|screening/i, 'assessment'],
  [/strateg(y|ic plan)/i, 'strategy'],
  [/\bplan\b/i, 'plan'],
];

export const kindFromTitle = (title: string): Document['kind'] | undefined => KINDS_BY_TITLE.find(([re]) => re.test(title))?.[1];

export interface DocumentContext {
  id: string;
  title: string;
  kind: Document['kind'];
  council: string;
  source: string;
  section: Section;
  lines: readonly Line[];
  furniture: ReadonlyMap<number, Furniture>;
  tables: Table[];
  hints?: Hints | undefined;
  /** Fields that depend on where the document sits: its meeting and item, parent, pages, author. */
  placement: Pick<DocumentInput, 'meeting' | 'item' | 'author' | 'parent' | 'appendix'> & {
    /** The document's own pages in the pack. */
    pages?: { from: number; to: number } | undefined;
    /** The pages of the agenda item it belongs to, which its KPI figures cite. */
    itemPages?: { from: number; to: number } | undefined;
  };
  /** The edition label for KPI series when the document prints no period. */
  fallbackEdition: string;
  lang: 'en' | 'cy';
  layout: 'positioned' | 'marked' | 'plain';
  draft: boolean;
}

export interface ComposedDocument {
  document: EntryOf<'documents'>;
  kpis: Array<EntryOf<'kpis'>>;
  actionRows: ReturnType<typeof planData>['actionRows'];
  tables: number;
  verbatim: number;
  errata: number;
}

/** Composes one document: body, plan data, KPI series, errata. Problems with the hints file go to `problems`. */
export function composeDocument(ctx: DocumentContext, problems: Problem[]): ComposedDocument {
  const hint = ctx.hints?.documents[String(ctx.section.start)];
  const own = sectionLines(ctx.lines, ctx.section);
  const rendered = renderBody(own, { furniture: ctx.furniture, tables: ctx.tables, coverEnd: ctx.section.coverEnd, headings: ctx.layout });
  const found = planData(own, ctx.tables);
  const errata = [...ctx.tables.flatMap((t) => checkTotals(t)), ...found.errata, ...(hint?.errata ?? [])];
  const period = titlePeriod(ctx.title);
  const edition = hint?.edition ?? period?.period ?? ctx.fallbackEdition;
  const kpis = [
    ...kpisFromTables(ctx.council, ctx.id, edition, ctx.tables, { pack: ctx.source, ...(ctx.placement.itemPages ? { pages: ctx.placement.itemPages } : {}) }, ctx.hints),
    ...kpisFromHints(ctx.council, ctx.id, ctx.section, ctx.lines, ctx.source, ctx.hints, problems),
  ];
  const kind = ctx.kind;
  const { meeting, item, author, parent, appendix, pages } = ctx.placement;
  const data: DocumentInput = {
    title: ctx.title,
    kind,
    council: ctx.council,
    ...(meeting ? { meeting } : {}),
    ...(item ? { item } : {}),
    ...(author ? { author } : {}),
    status: hint?.status ?? (ctx.draft ? 'draft' : 'final'),
    ...(parent ? { parent, ...(appendix ? { appendix } : {}) } : {}),
    ...(ctx.lang !== 'en' ? { lang: ctx.lang } : {}),
    ...(hint?.series ? { series: hint.series } : {}),
    ...(hint?.edition ? { edition: hint.edition } : {}),
    ...(hint?.summary ? { summary: hint.summary } : {}),
    source: { pack: ctx.source, ...(pages ? { pages } : {}), lines: { from: ctx.section.start, to: ctx.section.end } },
    ...(['strategy', 'plan', 'action-plan'].includes(kind) || found.hasPlan || kpis.length > 0
      ? {
          plan: {
            ...(period ?? {}),
            ...(hint?.parentStrategy ? { parentStrategy: hint.parentStrategy } : {}),
            priorities: found.priorities,
            actions: found.actionRows.map((a) => a.action),
            risks: found.risks,
            kpis: [...new Set(kpis.map((k) => k.id))],
          },
        }
      : {}),
    review: rendered.review,
    errata,
  };
  const body = [rendered.mdx, ...errata.map((e) => component('Erratum', e))].join('\n\n');
  return {
    document: { collection: 'documents', id: ctx.id, data, body },
    kpis,
    actionRows: found.actionRows,
    tables: ctx.tables.length,
    verbatim: rendered.review.filter((r) => r.reason.includes('verbatim')).length,
    errata: errata.length,
  };
}
