/**
 * How the site is divided into parts that build one at a time. Every entry with pages of its own (a meeting, its
 * minutes and papers, a strategy, a KPI series, a workshop, a source pack) belongs to one part, by default its
 * council and year; the pages that list across parts (home, registers, people, bodies, feeds, open data, search)
 * belong to the site part, built from the summary of every entry. Pure: the same content gives the same parts.
 */
import type { Entry, GraphInput } from './entry';
import { localDate } from './date';
import type { CollectionName } from '../schema/references';

/** The part that builds the pages listing across parts. Never a data part's name: those hold a year or a body. */
export const SITE_PART = 'site';

/** What a part can be keyed by, in `parts:` of chamber.config.yaml. No keys: one part for all entries. */
export const partitionKeys = ['council', 'body', 'year'] as const;
export type PartitionKey = (typeof partitionKeys)[number];

/** The default: a council's papers of one year. A county publishes about 3,000 documents a year. */
export const DEFAULT_PARTITION: readonly PartitionKey[] = ['council', 'year'];

/**
 * How many papers (MDX entries) older years may hold together in one part. A part is an Astro process with seconds
 * of start-up, so a parish council's decade should not be ten of them; a part this size peaks under 2 GB, so two fit
 * at once (`--jobs 2`) on a 4 GB build machine. A county's year is larger than this alone.
 */
export const DEFAULT_PART_SIZE = 750;

/** One part: its name (a folder name), what it holds in words, and the newest date of its papers. */
export interface Part {
  name: string;
  label: string;
  /** The years its papers are from, when parts are keyed by year; undefined for undated papers. */
  years?: { from: number; to: number } | undefined;
  /** The newest date (YYYY-MM-DD) of its entries, so the newest part is searched first. */
  newest: string;
  /** Its MDX entries, which its build's time and memory grow with, so the largest part is built first. */
  papers: number;
}

/** Where each entry's pages are built, by `collection/id`, and the parts in order, newest first. */
export interface Partition {
  by: readonly PartitionKey[];
  parts: Part[];
  partOf: Map<string, string>;
}

/** The key of an entry in `Partition.partOf`. */
export const entryKey = (collection: CollectionName, id: string): string => `${collection}/${id}`;

/** What places an entry: its council, the body that met, and its date. */
interface Keys {
  council: string;
  body: string | undefined;
  /** YYYY-MM-DD, or undefined for an entry nothing dates. */
  date: string | undefined;
}

/** Entries of one council (or body) and one year, before older years are put together. */
interface Cell {
  /** The values of the keys other than year, e.g. `['leicestershire']`. */
  group: string[];
  groupWords: string[];
  year: number | undefined;
  newest: string;
  /** MDX entries: what a part's build time and memory grow with. */
  papers: number;
  entries: string[];
}

/** A folder-safe name from key values: `leicestershire-2015`, `leicestershire-cabinet-2015`. */
const slug = (value: string) => value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const MDX: ReadonlySet<CollectionName> = new Set(['minutes', 'documents', 'workshops']);

/**
 * Divides the content into parts. A document goes with the papers it belongs to: an appendix with its report, a new
 * version or translation with its first printing, so a page that compares them has both bodies at hand. Minutes go
 * with their meeting, a KPI series with the document of its latest edition, workshops with their strategy, and a source
 * pack with the first entry made from it.
 *
 * With `year` among the keys, a council's newest year is always a part of its own, so a new meeting pack rebuilds only
 * that year; older years are put together, newest first, while they hold at most `size` papers between them.
 */
export function partition(input: GraphInput, by: readonly PartitionKey[] = DEFAULT_PARTITION, size = DEFAULT_PART_SIZE): Partition {
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

  const cells = new Map<string, Cell>();
  const cellOf = new Map<string, Cell>();
  const place = (collection: CollectionName, entry: Entry<unknown>, keys: Keys) => {
    const grouping = by.filter((key) => key !== 'year');
    // A body's id usually starts with its council's (`leicestershire/cabinet`): named once, not twice.
    const bodyName = keys.body && by.includes('council') ? keys.body.replace(`${keys.council}/`, '') : keys.body;
    const group = grouping.map((key) => (key === 'council' ? keys.council : (bodyName ?? 'other')));
    const groupWords = grouping.map((key) =>
      key === 'council' ? (council.get(keys.council) ?? keys.council) : keys.body ? (body.get(keys.body) ?? keys.body) : 'Other papers',
    );
    const year = by.includes('year') && keys.date ? Number(keys.date.slice(0, 4)) : undefined;
    const id = JSON.stringify([group, by.includes('year') ? (year ?? 'undated') : '']);
    let cell = cells.get(id);
    if (!cell) cells.set(id, (cell = { group, groupWords, year, newest: '', papers: 0, entries: [] }));
    if ((keys.date ?? '') > cell.newest) cell.newest = keys.date ?? '';
    if (MDX.has(collection)) cell.papers++;
    cell.entries.push(entryKey(collection, entry.id));
    cellOf.set(entryKey(collection, entry.id), cell);
  };
  /** An entry that goes where another entry went: a KPI series with its document, a workshop with its strategy. */
  const follow = (collection: CollectionName, entry: Entry<unknown>, leader: string) => {
    const cell = cellOf.get(leader);
    if (!cell) return;
    if (MDX.has(collection)) cell.papers++;
    cell.entries.push(entryKey(collection, entry.id));
    cellOf.set(entryKey(collection, entry.id), cell);
  };

  for (const m of input.meetings) place('meetings', m, meetingKeys(m));
  for (const m of input.minutes) {
    const held = meeting.get(m.data.meeting);
    if (held) place('minutes', m, meetingKeys(held));
  }
  for (const d of input.documents) place('documents', d, documentKeys(d));
  for (const k of input.kpis) follow('kpis', k, entryKey('documents', k.data.editions[k.data.editions.length - 1]?.document ?? ''));
  for (const w of input.workshops) follow('workshops', w, entryKey('documents', w.data.strategy));
  // A source pack goes with the first entry (in id order) made from it; a pack nothing cites goes by its own date.
  const firstCiting = new Map<string, string>();
  for (const [collection, list] of [['minutes', input.minutes], ['documents', input.documents]] as const) {
    for (const e of [...list].sort((a, b) => a.id.localeCompare(b.id))) {
      if (!firstCiting.has(e.data.source.pack)) firstCiting.set(e.data.source.pack, entryKey(collection, e.id));
    }
  }
  for (const s of input.sources) {
    const leader = firstCiting.get(s.id);
    if (leader && cellOf.has(leader)) follow('sources', s, leader);
    else place('sources', s, { council: s.data.council, body: undefined, date: s.data.date });
  }

  const parts: Part[] = [];
  const partOf = new Map<string, string>();
  for (const run of groupYears([...cells.values()], size)) {
    const first = run[0]!;
    const years = first.year === undefined ? undefined : { from: run[run.length - 1]!.year!, to: first.year };
    const span = years ? (years.from === years.to ? `${years.to}` : `${years.from}-${years.to}`) : by.includes('year') ? 'undated' : undefined;
    const values = [...first.group, ...(span ? [span] : [])];
    const name = values.length > 0 ? values.map(slug).join('-') : 'all';
    const spanWords = years ? span!.replace('-', '–') : span && 'Undated';
    const words = [...first.groupWords, ...(spanWords ? [spanWords] : [])];
    const papers = run.reduce((sum, cell) => sum + cell.papers, 0);
    parts.push({ name, label: words.length > 0 ? words.join(', ') : 'All papers', years, newest: first.newest, papers });
    for (const cell of run) for (const key of cell.entries) partOf.set(key, name);
  }
  parts.sort((a, b) => b.newest.localeCompare(a.newest) || a.name.localeCompare(b.name));
  return { by, parts, partOf };
}

/**
 * Cells put into parts: within each group (a council, a body), the newest year alone, then older years newest first
 * for as long as they hold at most `size` papers together. Undated entries are a part of their own.
 */
function groupYears(cells: Cell[], size: number): Cell[][] {
  const groups = new Map<string, Cell[]>();
  for (const cell of cells) {
    const key = JSON.stringify(cell.group);
    groups.set(key, [...(groups.get(key) ?? []), cell]);
  }
  const runs: Cell[][] = [];
  for (const list of groups.values()) {
    const dated = list.filter((c) => c.year !== undefined).sort((a, b) => b.year! - a.year!);
    runs.push(...list.filter((c) => c.year === undefined).map((c) => [c]));
    if (dated.length === 0) continue;
    runs.push([dated[0]!]);
    let run: Cell[] = [];
    let papers = 0;
    for (const cell of dated.slice(1)) {
      if (run.length > 0 && papers + cell.papers > size) {
        runs.push(run);
        run = [];
        papers = 0;
      }
      run.push(cell);
      papers += cell.papers;
    }
    if (run.length > 0) runs.push(run);
  }
  return runs;
}
