/** A strategy, plan or action plan as its page shows it: every heading, label, link and table row. Pure. */
import type { Action, Document, Erratum, Plan, Risk } from '../schema';
import { documentKindLabel, documentStatusLabel } from './document';
import { feedTitle, topicOf } from './feeds';
import type { Entry } from './entry';
import { documentPage, type Graph } from './graph';
import { sourcePlace } from './kpi';
import { actionStatusLabel, groupActions, riskLevel, riskMatrix, riskRef, riskScore, statusCounts, statusSummary, type StatusCount } from './plan';
import { isBudgetTable, isSignOffTable, tablesIn, type PrintedTable } from './printed-table';
import { paths } from './url';
import { workshopsByRef, workshopsOf } from './workshop';

/** A link the page shows: a site path, to which the `Link` component adds the deploy base, and its words. */
export interface PageLink {
  to: string;
  text: string;
}

/** One row of an action table. */
export interface ActionRow extends Pick<Action, 'ref' | 'text' | 'status' | 'owner' | 'due'> {
  /** Id of the row, so a workshop can link to the action. */
  anchor: string;
  statusLabel: string;
  /** The status as printed, only when it says something other than the label. */
  printedStatus?: string | undefined;
  /** Workshops the action came from. */
  workshops: PageLink[];
}

/** A table of actions: its name for screen readers, its caption, and its rows. */
export interface ActionTable {
  label: string;
  caption: string;
  rows: ActionRow[];
}

/** The actions under one priority number, headed by the priority. */
export interface ActionGroupView {
  heading: string;
  /** Titles of the priorities that share the number, when more than one does. */
  sharedBy: string[];
  table: ActionTable;
}

/** What the council will do: actions by status and by priority, or only the priorities when no action was read. */
export type ActionPlanView =
  | { kind: 'actions'; summary: string; counts: StatusCount[]; groups: ActionGroupView[] }
  | { kind: 'priorities'; priorities: Array<{ label?: string | undefined; title: string }>; sharedNumbers: string[] };

/** One row of the risk register: the risk as printed, with its reference and score. */
export interface RiskRow extends Risk {
  ref: string;
  anchor: string;
  score?: number | undefined;
}

/** The register on an impact by likelihood grid, each cell shaded and linking to its risks. */
export interface RiskGrid {
  impacts: string[];
  rows: Array<{ likelihood: string; cells: Array<{ level: ReturnType<typeof riskLevel>; risks: Array<{ ref: string; anchor: string }> }> }>;
}

export interface StrategyView {
  title: string;
  /** For search engines and link previews: the summary, else the kind, council and period. */
  description: string;
  /** The feed of its series or of itself. */
  feeds?: Array<{ href: string; title: string }> | undefined;
  follow?: { feed: string; name: string; about: string } | undefined;
  summary?: string | undefined;
  /** The kind in words ("Action plan"), and lower case for sentences. */
  kind: string;
  kindInText: string;
  period?: string | undefined;
  owner?: string | undefined;
  status: Document['status'];
  statusLabel: string;
  council: PageLink;
  consideredAt?: { to: string; body: string; start: string; item?: string | undefined } | undefined;
  report?: (PageLink & { appendix?: string | undefined }) | undefined;
  /** Linked when the site has the parent; as printed when not. */
  parentStrategy?: { to?: string | undefined; text: string } | undefined;
  /** Other editions of the same series (the Youth Justice plan of 2015/16 and of 2023-26), oldest first. */
  editions: PageLink[];
  /** The document page with the whole text. */
  fullText: string;
  source?: (PageLink & { place?: string | undefined }) | undefined;
  /** "2 places", when the printed text contradicts itself. */
  errataPlaces?: string | undefined;
  /** Plans that name this one as their parent strategy. */
  children: Array<PageLink & { period?: string | undefined }>;
  actions?: ActionPlanView | undefined;
  /** KPI series it reports: those it lists, then any series with an edition printed in it. */
  kpis: string[];
  /** Tables of money and of signatures, as printed in its text. */
  budget: PrintedTable[];
  signOff: PrintedTable[];
  risks: RiskRow[];
  /** Absent when no risk has both scores. */
  riskGrid?: RiskGrid | undefined;
  /** "R3, R4": risks printed without both scores. */
  unscored?: string | undefined;
  workshops?: { held: string; summary: string; list: Array<PageLink & { theme?: string | undefined }> } | undefined;
  partners: string[];
  errata: Erratum[];
}

/** "Priority 2" for a printed number, the printed words when they are not a number. */
export const priorityLabel = (n: string | undefined): string =>
  n === undefined ? 'Priority' : /^\d/.test(n) ? `Priority ${n}` : n;

/** Id of a risk's row in the register, which its cells in the matrix link to: "risk-r1". */
const riskAnchor = (index: number) => `risk-${riskRef(index).toLowerCase()}`;

/** "1 place", "2 places". */
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the council will do, when the plan names actions or priorities. */
function actionPlanView(plan: Plan, workshopLinks: (ref: string) => PageLink[]): ActionPlanView | undefined {
  const groups = groupActions(plan);
  if (groups.length === 0 && plan.priorities.length === 0) return undefined;
  if (plan.actions.length === 0) {
    return {
      kind: 'priorities',
      priorities: plan.priorities.map((p) => ({ label: p.number && priorityLabel(p.number), title: p.title })),
      sharedNumbers: groups
        .filter((g) => g.priorities.length > 1)
        .map((g) => `The plan gives ${g.priorities.length} priorities the number ${g.number}.`),
    };
  }
  return {
    kind: 'actions',
    summary: statusSummary(plan.actions),
    counts: statusCounts(plan.actions).filter((c) => c.count > 0),
    groups: groups.map((g) => ({
      heading:
        g.priorities.length === 1 ? `${priorityLabel(g.number)}: ${g.priorities[0]!.title}`
        : g.priorities.length > 1 ? `${priorityLabel(g.number)}: printed for ${g.priorities.length} priorities`
        : g.number !== undefined ? priorityLabel(g.number)
        : groups.length > 1 ? 'Other actions'
        : 'Actions',
      sharedBy: g.priorities.length > 1 ? g.priorities.map((p) => p.title) : [],
      table: {
        label: `Actions: ${g.number ? priorityLabel(g.number) : 'other'}`,
        caption: `Actions${g.number ? ` under ${priorityLabel(g.number)}` : ''}`,
        rows: g.actions.map(({ action: a, anchor }) => ({
          anchor,
          ref: a.ref,
          text: a.text,
          status: a.status,
          statusLabel: actionStatusLabel[a.status],
          printedStatus:
            a.statusPrinted && a.statusPrinted.toLowerCase() !== actionStatusLabel[a.status].toLowerCase() ? a.statusPrinted : undefined,
          workshops: workshopLinks(a.ref),
          owner: a.owner,
          due: a.due,
        })),
      },
    })),
  };
}

/** The risk register's matrix, when at least one risk has both scores. */
function riskGrid(risks: readonly Risk[]): RiskGrid | undefined {
  const matrix = riskMatrix(risks);
  if (risks.length === matrix.unscored.length) return undefined;
  const link = (i: number) => ({ ref: riskRef(i), anchor: riskAnchor(i) });
  return {
    impacts: matrix.impacts.map((n) => `Impact ${n}`),
    rows: matrix.rows.map((row, i) => ({
      likelihood: `Likelihood ${matrix.likelihoods[i]}`,
      cells: row.map((cell) => ({ level: riskLevel(cell.score, matrix), risks: cell.risks.map(link) })),
    })),
  };
}

/** Everything a strategy page shows, from the graph the page loads. */
export function strategyView(graph: Graph, doc: Entry<Document>): StrategyView {
  const d = doc.data;
  const plan = d.plan;
  const council = graph.council.get(d.council)!;
  const kind = documentKindLabel[d.kind];
  const kindInText = kind.toLowerCase();
  const topic = topicOf(graph, doc);
  const meeting = d.meeting ? graph.meeting.get(d.meeting) : undefined;
  const body = meeting ? graph.body.get(meeting.data.body) : undefined;
  const report = d.parent ? graph.document.get(d.parent) : undefined;
  const parent = plan?.parentStrategy ? graph.document.get(plan.parentStrategy) : undefined;
  const source = graph.source.get(d.source.pack);
  const listed = (plan?.kpis ?? []).flatMap((id) => graph.kpi.get(id) ?? []);
  const printedHere = graph.kpis.filter(
    (k) => !listed.includes(k) && k.data.editions.some((e) => e.document === doc.id),
  );
  const tables = tablesIn(doc.body ?? '');
  const workshops = workshopsOf(graph, doc.id);
  const fromWorkshops = workshopsByRef(workshops);
  const risks = plan?.risks ?? [];
  const unscored = riskMatrix(risks).unscored;
  return {
    title: d.title,
    description: d.summary ?? `${kind}, ${council.data.name}${plan?.period ? `, ${plan.period}` : ''}.`,
    feeds: topic && [{ href: topic.feed, title: feedTitle.topic(topic) }],
    follow: topic && {
      feed: topic.feed,
      name: `${topic.kind === 'series' ? 'every edition of ' : ''}this ${kindInText}`,
      about: topic.kind === 'series' ? 'each new edition, and decisions about the series' : 'new versions, and decisions about it',
    },
    summary: d.summary,
    kind,
    kindInText,
    period: plan?.period,
    owner: plan?.owner,
    status: d.status,
    statusLabel: documentStatusLabel[d.status],
    council: { to: paths.council(council.id), text: council.data.name },
    consideredAt: meeting && body && { to: paths.meeting(meeting.id), body: body.data.name, start: meeting.data.start, item: d.item },
    report: report && { to: paths.document(report.id), text: report.data.title, appendix: d.appendix },
    parentStrategy: plan?.parentStrategy
      ? parent ? { to: documentPage(graph, parent.id), text: parent.data.title } : { text: plan.parentStrategy }
      : undefined,
    editions: d.series
      ? graph.strategies
          .filter((s) => s.data.series === d.series && s.data.council === d.council && s.id !== doc.id)
          .sort((a, b) => (a.data.plan?.years?.from ?? 0) - (b.data.plan?.years?.from ?? 0))
          .map((e) => ({ to: paths.strategy(e.id), text: e.data.edition ?? e.data.plan?.period ?? e.data.title }))
      : [],
    fullText: paths.document(doc.id),
    source: source && { to: paths.source(source.id), text: source.data.title, place: sourcePlace(d.source) },
    errataPlaces: d.errata.length > 0 ? count(d.errata.length, 'place') : undefined,
    children: graph.strategies
      .filter((s) => s.data.plan?.parentStrategy === doc.id)
      .map((c) => ({ to: paths.strategy(c.id), text: c.data.title, period: c.data.plan?.period })),
    actions:
      plan &&
      actionPlanView(plan, (ref) => (fromWorkshops.get(ref) ?? []).map((w) => ({ to: paths.workshop(w.id), text: w.data.title }))),
    kpis: [...listed, ...printedHere].map((k) => k.id),
    budget: tables.filter(isBudgetTable),
    signOff: tables.filter(isSignOffTable),
    risks: risks.map((r, i) => ({ ...r, ref: riskRef(i), anchor: riskAnchor(i), score: riskScore(r) })),
    riskGrid: riskGrid(risks),
    unscored: unscored.length > 0 ? unscored.map(riskRef).join(', ') : undefined,
    workshops: workshops.length > 0 ? {
      held: `${count(workshops.length, 'consultation workshop')} ${workshops.length === 1 ? 'was' : 'were'} held`,
      summary: paths.strategyWorkshops(doc.id),
      list: workshops.map((w) => ({ to: paths.workshop(w.id), text: w.data.title, theme: w.data.theme })),
    } : undefined,
    partners: plan?.partners ?? [],
    errata: d.errata,
  };
}
