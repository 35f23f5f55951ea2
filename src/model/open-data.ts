/**
 * Open data: strategies, actions, KPIs, workshops, meetings, minutes, decisions, votes, people and memberships as JSON
 * at stable URLs (`/data/<name>.json`), each file described by a JSON Schema generated from Zod schemas
 * (`/data/schema/<name>.json`); decisions and votes also as CSV (`/data/<name>.csv`). Pure.
 */
import { z } from 'zod';
import { actionSchema, contentId, documentSchema, kpiSchema, planSchema, workshopSchema } from '../schema';
import { documentPage, type Graph } from './graph';
import { toCsv } from './kpi';
import * as civic from './open-data-civic';
import { actionAnchors } from './plan';
import { paths, type Linker } from './url';
import { workshopsByRef, workshopsOf } from './workshop';

const link = z.url();

/** A strategy, plan or action plan: the document's facts and its whole plan. */
export const strategyRecord = z.object({
  /** Document id. */
  id: contentId,
  /** The strategy's page. */
  url: link,
  /** The full text of the document. */
  documentUrl: link,
  ...documentSchema.pick({ title: true, kind: true, council: true, meeting: true, item: true, status: true, date: true, summary: true, parent: true, series: true, edition: true, source: true, errata: true }).shape,
  plan: planSchema,
  /** Ids of the workshops held for it. */
  workshops: z.array(contentId),
});

/** One action of a plan, with the plan it belongs to and the workshops it came from. */
export const actionRecord = z.object({
  /** Id of the strategy, plan or action plan. */
  strategy: contentId,
  /** The action's row on the strategy page. */
  url: link,
  ...actionSchema.shape,
  /** Ids of the workshops that gave rise to it. */
  workshops: z.array(contentId),
});

/** A KPI series, every edition and figure as printed, with its page, CSV and chart. */
export const kpiRecord = z.object({ id: contentId, url: link, csv: link, chart: link, ...kpiSchema.shape });

/** A workshop's facts (what was said is on its page). */
export const workshopRecord = z.object({ id: contentId, url: link, strategyUrl: link, ...workshopSchema.shape });

const file = <T extends z.ZodType>(item: T, description: string) =>
  z.object({ $schema: link, items: z.array(item) }).describe(description);

/** The open data files, by name: each is `/data/<name>.json`, described by `/data/schema/<name>.json`. */
export const openDataSchemas = {
  strategies: file(strategyRecord, 'Strategies, plans and action plans, with their priorities, actions, risks, KPIs and partners.'),
  actions: file(actionRecord, 'Every action of every plan, with its reference, owner, due date and status.'),
  kpis: file(kpiRecord, 'Performance measures (KPIs), each a series across plan editions, every figure as printed.'),
  workshops: file(workshopRecord, 'Consultation workshops held for strategies, and the actions they gave rise to.'),
  meetings: file(civic.meetingRecord, 'Meetings, with their agendas, papers and the people named at them (Open Civic Data Events).'),
  minutes: file(civic.minutesRecord, 'Minutes of meetings, with their numbered minutes and the decisions and votes in them.'),
  decisions: file(civic.decisionRecord, 'Every decision in the minutes, with who moved and seconded it and what it asked for.'),
  votes: file(civic.voteRecord, 'Votes recorded in the minutes: the result, the printed counts, and who voted which way when named (Open Civic Data VoteEvents).'),
  people: file(civic.personRecord, 'Councillors and officers, with every way their names are printed (Popolo Persons).'),
  memberships: file(civic.membershipRecord, 'Who sits on each committee, cabinet or council, by term or as listed at its meetings (Popolo Memberships).'),
} as const;

export type OpenDataName = keyof typeof openDataSchemas;
export const openDataNames = Object.keys(openDataSchemas) as OpenDataName[];

function strategies(graph: Graph, to: Linker): z.input<typeof strategyRecord>[] {
  return graph.strategies.map(({ id, data: d }) => ({
    id,
    url: to(paths.strategy(id)),
    documentUrl: to(paths.document(id)),
    title: d.title,
    kind: d.kind,
    council: d.council,
    meeting: d.meeting,
    item: d.item,
    status: d.status,
    date: d.date,
    summary: d.summary,
    parent: d.parent,
    series: d.series,
    edition: d.edition,
    source: d.source,
    errata: d.errata,
    plan: d.plan ?? planSchema.parse({}),
    workshops: workshopsOf(graph, id).map((w) => w.id),
  }));
}

function actions(graph: Graph, to: Linker): z.input<typeof actionRecord>[] {
  return graph.strategies.flatMap(({ id, data }) => {
    const list = data.plan?.actions ?? [];
    const anchors = actionAnchors(list);
    const byRef = workshopsByRef(workshopsOf(graph, id));
    return list.map((action, i) => ({
      ...action,
      strategy: id,
      url: `${to(paths.strategy(id))}#${anchors[i]}`,
      workshops: (byRef.get(action.ref) ?? []).map((w) => w.id),
    }));
  });
}

const kpis = (graph: Graph, to: Linker): z.input<typeof kpiRecord>[] =>
  graph.kpis.map(({ id, data }) => ({
    id,
    url: to(paths.kpi(id)),
    csv: to(paths.kpiCsv(id)),
    chart: to(paths.kpiChart(id)),
    ...data,
  }));

const workshops = (graph: Graph, to: Linker): z.input<typeof workshopRecord>[] =>
  graph.workshops.map(({ id, data }) => ({
    id,
    url: to(paths.workshop(id)),
    strategyUrl: to(documentPage(graph, data.strategy)),
    ...data,
  }));

const builders: { [N in OpenDataName]: (graph: Graph, to: Linker) => z.input<(typeof openDataSchemas)[N]>['items'] } = {
  strategies,
  actions,
  kpis,
  workshops,
  meetings: civic.meetings,
  minutes: civic.minutes,
  decisions: civic.decisions,
  votes: civic.votes,
  people: civic.people,
  memberships: civic.memberships,
};

/**
 * Files already made, by graph and then by name and the address they link to: the data page sizes every file, and each
 * file's own route, and the CSV of its JSON file, make it again (four times for decisions and votes), each checked
 * against its schema.
 */
const made = new WeakMap<Graph, Map<string, unknown>>();

/** One open data file, checked against its own schema before it is published. */
export function openDataFile<N extends OpenDataName>(graph: Graph, name: N, to: Linker): z.output<(typeof openDataSchemas)[N]> {
  let files = made.get(graph);
  if (!files) made.set(graph, (files = new Map()));
  const key = `${name} ${to('/')}`;
  if (!files.has(key)) files.set(key, openDataSchemas[name].parse({ $schema: to(paths.dataSchema(name)), items: builders[name](graph, to) }));
  return files.get(key) as z.output<(typeof openDataSchemas)[N]>;
}

/** The text of one open data file as published. */
export const openDataJson = (graph: Graph, name: OpenDataName, to: Linker): string => `${JSON.stringify(openDataFile(graph, name, to), null, 2)}\n`;

/** The files also published as CSV, with their columns: the same records as the JSON file of that name. */
export const csvColumns = { decisions: civic.decisionColumns, votes: civic.voteColumns } as const;
export type CsvName = keyof typeof csvColumns;
export const csvNames = Object.keys(csvColumns) as CsvName[];

/** What the rows of each CSV file are, in a sentence. */
export const csvRows: Record<CsvName, string> = {
  decisions: 'One row for each decision.',
  votes: 'One row for each vote, with its printed counts and, for a recorded vote, the names of those voting each way.',
};

/** One CSV file, header first, one row per record of the JSON file of the same name (which is checked first). */
export function openDataCsv(graph: Graph, name: CsvName, to: Linker): string {
  const columns = csvColumns[name] as ReadonlyArray<civic.CsvColumn<unknown>>;
  const { items } = openDataFile(graph, name, to) as { items: unknown[] };
  return toCsv([columns.map((c) => c.name), ...items.map((r) => columns.map((c) => c.value(r)))]);
}

/** A file offered for download: a JSON file, or the CSV of one. */
export interface DataDownload {
  /** File name, e.g. `votes.csv`. */
  file: `${OpenDataName}.json` | `${CsvName}.csv`;
  name: OpenDataName;
  format: 'JSON' | 'CSV';
  /** Site path of the file. */
  path: string;
}

/** Every open data file, JSON then CSV. */
export const dataDownloads: DataDownload[] = [
  ...openDataNames.map((name) => ({ file: `${name}.json` as const, name, format: 'JSON' as const, path: paths.dataFile(name) })),
  ...csvNames.map((name) => ({ file: `${name}.csv` as const, name, format: 'CSV' as const, path: paths.dataCsv(name) })),
];

/** The text of any open data file, for its route and for the size the open data page gives. */
export const dataDownloadText = (graph: Graph, d: DataDownload, to: Linker): string =>
  d.format === 'JSON' ? openDataJson(graph, d.name, to) : openDataCsv(graph, d.name as CsvName, to);

/** The JSON Schema of one open data file, generated from its Zod schema. */
export function openDataJsonSchema(name: OpenDataName, to: Linker): Record<string, unknown> {
  const schema = z.toJSONSchema(openDataSchemas[name], { target: 'draft-2020-12', io: 'output' });
  return { ...schema, $id: to(paths.dataSchema(name)), title: `Chamber open data: ${name}` };
}
