/**
 * How the site is divided into parts that build one at a time. Every entry with pages of its own (a meeting, its
 * minutes and papers, a strategy, a KPI series, a workshop, a source pack) belongs to one part, by default its
 * council and year; the pages that list across parts (home, registers, people, bodies, feeds, open data, search)
 * belong to the site part, built from the summary of every entry. Pure: the same content gives the same parts.
 */
import type { Entry } from './entry';
import type { GraphInput } from './graph';
import { localDate } from './date';
import type { CollectionName } from '../schema/references';

/** The part that builds the pages listing across parts. Never a data part's name: those hold a year or a body. */
export const SITE_PART = 'site';

/** What a part can be keyed by, in `parts:` of chamber.config.yaml. No keys: one part for all entries. */
export const partitionKeys = ['council', 'body', 'year'] as const;
export type PartitionKey = (typeof partitionKeys)[number];

/** The default: a council's papers of one year. A county publishes about 3,000 documents a year. */
export const DEFAULT_PARTITION: readonly PartitionKey[] = ['council', 'year'];

/** One part: its name (a folder name), what it holds in words, and the newest date of its papers. */
export interface Part {
  name: string;
  label: string;
  /** The year its papers are from, when parts are keyed by year. */
  year?: number | undefined;
  /** The newest date (YYYY-MM-DD) of its entries, so the newest part is searched first. */
  newest: string;
}

/** Where each entry's pages are built, by `collection/id`, and the parts in order, newest first. */
export interface Partition {
  by: readonly PartitionKey[];
  parts: Part[];
  partOf: Map<string, string>;
}

/** The key of an entry in `Partition.partOf`. */
export const entryKey = (collection: CollectionName, id: string): string => `${collection}/${id}`;

interface Keys {
  council: string;
  body: string | undefined;
  /** YYYY-MM-DD, or undefined for an entry nothing dates. */
  date: string | undefined;
}

const UNDATED = 'undated';
const NO_BODY = 'other';

/** A folder-safe name from key values: `leicestershire-2015`, `leicestershire-cabinet-2015`. */
const slug = (value: string) => value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The collections whose entries are built in a part; the rest (councils, bodies, people) are the site part's. */
export const PART_COLLECTIONS = ['meetings', 'minutes', 'documents', 'kpis', 'workshops', 'sources'] as const satisfies readonly CollectionName[];

/**
 * Divides the content into parts. A document goes with the papers it belongs to: an appendix with its report, a new
 * version or translation with its first printing, so a page that compares them has both bodies at hand. Minutes go
 * with their meeting, a KPI series with the document of its latest edition, workshops with their strategy, and a source
 * pack with the first entry made from it.
 */
export function partition(input: GraphInput, by: readonly PartitionKey[] = DEFAULT_PARTITION): Partition {
  const meeting = new Map(input.meetings.map((m) => [m.id, m]));
  const document = new Map(input.documents.map((d) => [d.id, d]));
  const source = new Map(input.sources.map((s) => [s.id, s]));
  const council = new Map(input.councils.map((c) => [c.id, c.data.name]));
  const body = new Map(input.bodies.map((b) => [b.id, b.data.name]));

  const meetingKeys = (m: (typeof input.meetings)[number]): Keys => ({ council: m.data.council, body: m.data.body, date: localDate(m.data.start) });
  const rootOf = (doc: (typeof input.documents)[number]) => {
    let root = doc;
    const seen = new Set<string>();
    for (;;) {
      seen.add(root.id);
      const next = [root.data.parent, root.data.versionOf, root.data.translationOf].map((id) => id && document.get(id)).find((d) => d && !seen.has(d.id));
      if (!next) return root;
      root = next;
    }
  };
  const documentKeys = (doc: (typeof input.documents)[number]): Keys => {
    const root = rootOf(doc);
    const held = root.data.meeting ? meeting.get(root.data.meeting) : undefined;
    if (held) return meetingKeys(held);
    return { council: root.data.council, body: undefined, date: root.data.date ?? source.get(root.data.source.pack)?.data.date };
  };

  const parts = new Map<string, Part>();
  const partOf = new Map<string, string>();
  const place = (collection: CollectionName, entry: Entry<unknown>, keys: Keys | undefined) => {
    if (!keys) return;
    const year = keys.date?.slice(0, 4);
    const values = by.map((key) => (key === 'council' ? keys.council : key === 'body' ? (keys.body ?? NO_BODY) : (year ?? UNDATED)));
    const name = values.length > 0 ? values.map(slug).join('-') : 'all';
    const newest = keys.date ?? '';
    const part = parts.get(name);
    if (part) {
      if (newest > part.newest) part.newest = newest;
    } else {
      const words = by.map((key) =>
        key === 'council' ? (council.get(keys.council) ?? keys.council) : key === 'body' ? (keys.body ? (body.get(keys.body) ?? keys.body) : 'Other papers') : (year ?? 'Undated'),
      );
      parts.set(name, { name, label: words.length > 0 ? words.join(', ') : 'All papers', year: by.includes('year') && year ? Number(year) : undefined, newest });
    }
    partOf.set(entryKey(collection, entry.id), name);
  };

  for (const m of input.meetings) place('meetings', m, meetingKeys(m));
  for (const m of input.minutes) {
    const held = meeting.get(m.data.meeting);
    place('minutes', m, held && meetingKeys(held));
  }
  for (const d of input.documents) place('documents', d, documentKeys(d));
  const join = (collection: CollectionName, entry: Entry<unknown>, name: string | undefined) => {
    if (name) partOf.set(entryKey(collection, entry.id), name);
  };
  for (const k of input.kpis) join('kpis', k, partOf.get(entryKey('documents', k.data.editions[k.data.editions.length - 1]?.document ?? '')));
  for (const w of input.workshops) join('workshops', w, partOf.get(entryKey('documents', w.data.strategy)));
  // A source pack goes with the first entry (in id order) made from it; a pack nothing cites goes by its own date.
  const firstCiting = new Map<string, string | undefined>();
  for (const [collection, list] of [['minutes', input.minutes], ['documents', input.documents]] as const) {
    for (const e of [...list].sort((a, b) => a.id.localeCompare(b.id))) {
      if (!firstCiting.has(e.data.source.pack)) firstCiting.set(e.data.source.pack, partOf.get(entryKey(collection, e.id)));
    }
  }
  for (const s of input.sources) {
    const name = firstCiting.get(s.id);
    if (name) join('sources', s, name);
    else place('sources', s, { council: s.data.council, body: undefined, date: s.data.date });
  }
  // Entries with nothing to place them by (minutes of a missing meeting) fail the content check before this runs.
  const ordered = [...parts.values()].sort((a, b) => b.newest.localeCompare(a.newest) || a.name.localeCompare(b.name));
  return { by, parts: ordered, partOf };
}
