import { decisionRegister, motionsByPerson, type MotionRole, type RegisterEntry } from './decision';
import type { Entry, GraphInput } from './entry';

export type { GraphInput } from './entry';
import { tablesWithoutHeaders } from './accessibility';
import { newestFirst } from './meeting';
import { partition as divide, type Partition } from './partition';
import { appearancesByPerson, declarationsByPerson, type Appearance } from './person';
import { paths } from './url';
import { votingRecords, type VoteRecord } from './vote';
import { collectionNames } from '../schema/references';
import type {
  Body,
  Declaration,
  Council,
  Document,
  Kpi,
  Meeting,
  Minutes,
  Person,
  Source,
  Workshop,
} from '../schema';


/** All content, indexed by id, with the joins pages need computed once. */
export interface Graph extends GraphInput {
  council: Map<string, Entry<Council>>;
  body: Map<string, Entry<Body>>;
  person: Map<string, Entry<Person>>;
  meeting: Map<string, Entry<Meeting>>;
  document: Map<string, Entry<Document>>;
  minutesById: Map<string, Entry<Minutes>>;
  source: Map<string, Entry<Source>>;
  kpi: Map<string, Entry<Kpi>>;
  workshop: Map<string, Entry<Workshop>>;
  /** Meetings, newest first. */
  meetingsByDate: Entry<Meeting>[];
  /** Documents that are strategies, plans or action plans (first printings only), newest first. */
  strategies: Entry<Document>[];
  /** The minutes of each meeting (in their first language, not a translation), by the id of the meeting they record. */
  minutesOf: Map<string, Entry<Minutes>>;
  /** Translations of minutes into another language, by the id of the minutes they translate. */
  minutesTranslations: Map<string, Entry<Minutes>[]>;
  /** Minutes (not translations) by the id of the meeting that confirmed them. */
  minutesConfirmedAt: Map<string, Entry<Minutes>[]>;
  /** Translations of documents into another language, by the id of the document they translate. */
  documentTranslations: Map<string, Entry<Document>[]>;
  /** Every decision, newest first; a translation's decisions are the same decisions, so they are not repeated. */
  register: RegisterEntry[];
  /** Appendices by the id of their report, in label order. */
  appendicesOf: Map<string, Entry<Document>[]>;
  /** Documents by the meeting they were considered at. */
  documentsAt: Map<string, Entry<Document>[]>;
  /**
   * Documents under their own id and under the id they are a version of: the only candidates `versionsOf` needs, so
   * a document page does not scan every document (a scan per page is quadratic: 0.7 s of the build at 10,000 documents,
   * 70 s at 100,000).
   */
  printings: Map<string, Entry<Document>[]>;
  /** Meetings each person took part in. */
  appearances: Map<string, Appearance[]>;
  /** Declarations of interest each person made. */
  declarations: Map<string, Array<{ declaration: Declaration; minutes: Entry<Minutes> }>>;
  /** Recorded votes each person is named in, newest first. */
  votes: Map<string, VoteRecord[]>;
  /** Decisions each person moved or seconded, newest first. */
  motions: Map<string, Array<{ entry: RegisterEntry; role: MotionRole }>>;
  /** The tables in every MDX body, and how many were printed without a header row (the accessibility statement). */
  tables: { tables: number; withoutHeaders: number };
  /** Which part builds each entry's pages (src/model/partition.ts). */
  partition: Partition;
}

/** Items by key, in input order; an item with several keys is in each group. Appends in place: linear, not quadratic. */
function groupBy<T>(items: T[], key: (item: T) => string | undefined | Array<string | undefined>): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const k of [key(item)].flat()) {
      if (k === undefined) continue;
      const group = groups.get(k);
      if (group) group.push(item);
      else groups.set(k, [item]);
    }
  }
  return groups;
}

const index = <T>(entries: Entry<T>[]) => new Map(entries.map((e) => [e.id, e]));

const STRATEGY_KINDS = new Set<Document['kind']>(['strategy', 'plan', 'action-plan']);

/**
 * Links the collections into one graph. Pure: the same input gives the same graph. The partition is worked out from
 * the input unless given (a part's build is given the one the content check worked out from all content).
 */
export function buildGraph(given: GraphInput, partition: Partition = divide(given), tables?: Graph['tables']): Graph {
  // In id order, whoever loaded them: Astro, the summary, a test. Lists that keep input order then agree.
  const input = { ...given };
  for (const name of collectionNames) (input[name] as Entry<unknown>[]) = [...given[name]].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const meetingsByDate = [...input.meetings].sort((a, b) => newestFirst(a, b) || a.id.localeCompare(b.id));
  const meeting = index(input.meetings);
  // Minutes in a second language record the same meeting: records and registers count the original only.
  const minutes = input.minutes.filter((m) => !m.data.translationOf);
  const register = decisionRegister(minutes, meeting);
  const strategies = input.documents
    .filter((d) => STRATEGY_KINDS.has(d.data.kind) && !d.data.versionOf && !d.data.translationOf)
    .sort((a, b) => (b.data.plan?.years?.from ?? 0) - (a.data.plan?.years?.from ?? 0) || a.data.title.localeCompare(b.data.title));
  const appendicesOf = groupBy(input.documents, (d) => d.data.parent);
  for (const list of appendicesOf.values()) list.sort((a, b) => (a.data.appendix ?? '').localeCompare(b.data.appendix ?? '', 'en', { numeric: true }));
  return {
    ...input,
    council: index(input.councils),
    body: index(input.bodies),
    person: index(input.people),
    meeting,
    document: index(input.documents),
    minutesById: index(input.minutes),
    source: index(input.sources),
    kpi: index(input.kpis),
    workshop: index(input.workshops),
    meetingsByDate,
    strategies,
    minutesOf: new Map(minutes.map((m) => [m.data.meeting, m])),
    minutesTranslations: groupBy(input.minutes, (m) => m.data.translationOf),
    minutesConfirmedAt: groupBy(minutes, (m) => m.data.confirmedAt),
    documentTranslations: groupBy(input.documents, (d) => d.data.translationOf),
    register,
    appendicesOf,
    documentsAt: groupBy(input.documents, (d) => d.data.meeting),
    printings: groupBy(input.documents, (d) => [d.id, d.data.versionOf]),
    appearances: appearancesByPerson(input.meetings),
    declarations: declarationsByPerson(minutes),
    votes: votingRecords(minutes, meeting),
    motions: motionsByPerson(register),
    tables: tables ?? tablesWithoutHeaders([...input.documents, ...input.minutes, ...input.workshops].map((e) => e.body)),
    partition,
  };
}

/**
 * The body that held a meeting and its council, which the meeting's pages (its agenda, minutes and votes) name in
 * their headings and breadcrumbs. The content check has made sure both exist.
 */
export function heldBy(graph: Graph, meeting: Entry<Meeting>): { body: Entry<Body>; council: Entry<Council> } {
  return { body: graph.body.get(meeting.data.body)!, council: graph.council.get(meeting.data.council)! };
}

/** Where a document is read: its strategy page when it is a strategy or plan, else its document page. */
export const documentPage = (graph: Graph, id: string): string =>
  graph.strategies.some((s) => s.id === id) ? paths.strategy(id) : paths.document(id);
