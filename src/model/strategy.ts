/** A strategy, plan or action plan with everything its page links to, joined from the graph. Pure. */
import type { Document, Kpi, Meeting, Workshop } from '../schema';
import type { Entry } from './entry';
import type { Graph } from './graph';
import { isBudgetTable, isSignOffTable, tablesIn, type PrintedTable } from './printed-table';
import { workshopsOf } from './workshop';

export interface StrategyView {
  doc: Entry<Document>;
  /** The meeting it was considered at. */
  meeting?: Entry<Meeting> | undefined;
  /** The report it is an appendix of. */
  report?: Entry<Document> | undefined;
  parentStrategy?: Entry<Document> | undefined;
  /** Plans that name this one as their parent strategy. */
  children: Entry<Document>[];
  /** Other editions of the same series (the Youth Justice plan of 2015/16 and of 2023-26), oldest first. */
  editions: Entry<Document>[];
  /** KPI series it reports: those it lists, then any series with an edition printed in it. */
  kpis: Entry<Kpi>[];
  workshops: Entry<Workshop>[];
  /** Tables of money and of signatures, as printed in its text. */
  budget: PrintedTable[];
  signOff: PrintedTable[];
}

/** Everything a strategy page shows beside the document itself. */
export function strategyView(graph: Graph, doc: Entry<Document>): StrategyView {
  const d = doc.data;
  const listed = (d.plan?.kpis ?? []).flatMap((id) => graph.kpi.get(id) ?? []);
  const printedHere = graph.kpis.filter(
    (k) => !listed.includes(k) && k.data.editions.some((e) => e.document === doc.id),
  );
  const tables = tablesIn(doc.body ?? '');
  return {
    doc,
    meeting: d.meeting ? graph.meeting.get(d.meeting) : undefined,
    report: d.parent ? graph.document.get(d.parent) : undefined,
    parentStrategy: d.plan?.parentStrategy ? graph.document.get(d.plan.parentStrategy) : undefined,
    children: graph.strategies.filter((s) => s.data.plan?.parentStrategy === doc.id),
    editions: d.series
      ? graph.strategies
          .filter((s) => s.data.series === d.series && s.data.council === d.council && s.id !== doc.id)
          .sort((a, b) => (a.data.plan?.years?.from ?? 0) - (b.data.plan?.years?.from ?? 0))
      : [],
    kpis: [...listed, ...printedHere],
    workshops: workshopsOf(graph, doc.id),
    budget: tables.filter(isBudgetTable),
    signOff: tables.filter(isSignOffTable),
  };
}
