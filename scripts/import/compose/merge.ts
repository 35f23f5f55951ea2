import { stringify } from 'yaml';
import { collections, type Document, type Person } from '../../../src/schema';
import { composePack, KNOWN_COUNCILS, resolvePeople, type Composed, type Entry, type Existing, type PackInput, type PackSummary } from './pack';

/** The files an import writes: content path -> text, in a fixed order so output is byte-identical run to run. */
export type OutputFiles = Map<string, string>;

/** What an import of several packs produced. */
export interface ImportResult {
  files: OutputFiles;
  /** Which packs each file was made from, so a later import can remove files a pack no longer produces. */
  origins: Map<string, string[]>;
  summaries: PackSummary[];
}

/** YAML in a stable form: no line folding, so a re-import is byte-identical and diffs stay readable; YAML 1.1 quoting,
 * so readers that turn an unquoted 2015-04-22T14:00:00+01:00 into a Date (and lose its offset) read a string. */
const yaml = (data: unknown) => stringify(data, { lineWidth: 0, minContentWidth: 0, version: '1.1' });

/** Where an entry is stored, relative to the content folder. */
export function entryPath(entry: Pick<Entry, 'collection' | 'id'>): string {
  const spec = collections[entry.collection];
  return `${spec.dir}/${entry.id}${spec.format === 'mdx' ? '.mdx' : '.yaml'}`;
}

/** An entry as file text: YAML, or MDX with YAML frontmatter. */
export function serialise(entry: Entry): string {
  if (collections[entry.collection].format === 'yaml') return yaml(entry.data);
  return `---\n${yaml(entry.data)}---\n\n${(entry.body ?? '').trim()}\n`;
}

/** Two composed copies of one shared entry (a body named by two packs, a meeting with agenda and minutes) as one. */
function mergeEntry(a: Entry, b: Entry): Entry {
  if (a.collection === 'meetings') {
    const data: Record<string, unknown> = { ...a.data };
    for (const [key, value] of Object.entries(b.data)) {
      const empty = data[key] === undefined || (Array.isArray(data[key]) && (data[key] as unknown[]).length === 0);
      if (empty) data[key] = value;
    }
    if (a.data['status'] === 'held' || b.data['status'] === 'held') data['status'] = 'held';
    return { ...a, data };
  }
  if (a.collection === 'kpis') {
    // One series, several plan editions (one per pack): each edition once, oldest first.
    const editions = [...(a.data['editions'] as Array<{ document: string; edition: string }>), ...(b.data['editions'] as Array<{ document: string; edition: string }>)];
    const unique = editions.filter((e, i) => editions.findIndex((x) => x.document === e.document && x.edition === e.edition) === i);
    return { ...a, data: { ...a.data, editions: unique.sort((x, y) => x.edition.localeCompare(y.edition) || x.document.localeCompare(y.document)) } };
  }
  return a;
}

/**
 * Imports packs together: composes each, gives a document printed again in a later pack the id of a version of
 * the first, merges shared entries, and names people once per council so one councillor has one id across packs.
 */
export function importPacks(packs: PackInput[], existing: Existing, councilFlag?: string): ImportResult {
  // Oldest first, and a meeting's own pack before a copy published on its own, so whichever order the packs are
  // named in, the first printing of a document keeps the plain id and later printings become its versions.
  const composed = packs.map((pack) => composePack(pack, existing, councilFlag)).sort(byPrinting);
  markVersions(composed, existing);
  const byCouncil = new Map<string, Composed[]>();
  for (const c of composed) {
    const council = c.entries.find((e) => e.collection === 'sources')?.data['council'] as string;
    byCouncil.set(council, [...(byCouncil.get(council) ?? []), c]);
  }
  const entries: Array<{ entry: Entry; packs: string[] }> = [];
  // A council or body file that exists belongs to the web team: not rewritten, but still made from these packs.
  const kept = new Map<string, string[]>();
  for (const [council, list] of byCouncil) {
    const packs = list.map((c) => c.summary.pack);
    if (existing.councils.has(council)) kept.set(entryPath({ collection: 'councils', id: council }), packs);
    else entries.push({ entry: councilEntry(council), packs });
    entries.push(...resolvePeople(council, list, existing).map((entry) => ({ entry, packs })));
  }
  for (const c of composed) {
    for (const entry of c.entries) {
      if (entry.collection === 'bodies' && existing.bodies.has(entry.id)) kept.set(entryPath(entry), [c.summary.pack]);
      else entries.push({ entry, packs: [c.summary.pack] });
    }
  }
  const merged = new Map<string, Entry>();
  const origins = new Map<string, string[]>(kept);
  for (const { entry, packs } of entries) {
    const path = entryPath(entry);
    const before = merged.get(path);
    merged.set(path, before ? mergeEntry(before, entry) : entry);
    origins.set(path, [...new Set([...(origins.get(path) ?? []), ...packs])].sort());
  }
  dropDanglingMeetings(merged, existing);
  const files: OutputFiles = new Map();
  for (const path of [...merged.keys()].sort()) files.set(path, serialise(merged.get(path)!));
  return { files, origins, summaries: composed.map((c) => c.summary) };
}

function byPrinting(a: Composed, b: Composed): number {
  const date = (c: Composed) => String(c.entries.find((e) => e.collection === 'sources')?.data['date'] ?? '');
  return date(a).localeCompare(date(b)) || Number(!a.summary.meeting) - Number(!b.summary.meeting) || a.summary.pack.localeCompare(b.summary.pack);
}

/** A report published on its own names a meeting; it links to it only when that meeting is in the content. */
function dropDanglingMeetings(merged: Map<string, Entry>, existing: Existing): void {
  const meetings = new Set([...existing.meetings, ...[...merged.values()].filter((e) => e.collection === 'meetings').map((e) => e.id)]);
  for (const entry of merged.values()) {
    if (entry.collection === 'documents' && typeof entry.data['meeting'] === 'string' && !meetings.has(entry.data['meeting'])) {
      delete entry.data['meeting'];
      delete entry.data['item'];
    }
  }
}

/** A new council's file, started from what the importer knows; an existing one is the web team's and is not rewritten. */
function councilEntry(id: string): Entry {
  const k = KNOWN_COUNCILS[id];
  const data = {
    name: k?.name ?? id.replace(/(^|-)([a-z])/g, (_, s: string, c: string) => `${s ? ' ' : ''}${c.toUpperCase()}`),
    website: k?.website ?? `https://www.${id}.gov.uk`,
    accessibilityContact: { email: k?.email ?? `democracy@${id}.gov.uk` },
  };
  return { collection: 'councils', id, data };
}

/**
 * A document with the same id as one already in the tree (or earlier in this batch) from another pack is a second
 * printing: it becomes a version of the first rather than a second document.
 */
function markVersions(composed: Composed[], existing: Existing): void {
  const seen = new Map<string, string>();
  for (const [id, doc] of existing.documents) if (!doc.versionOf) seen.set(id, doc.source.pack);
  for (const c of composed) {
    for (const entry of c.entries) {
      if (entry.collection !== 'documents') continue;
      const pack = (entry.data['source'] as { pack: string }).pack;
      const first = seen.get(entry.id);
      if (first === undefined || first === pack) {
        seen.set(entry.id, pack);
        continue;
      }
      const original = entry.id;
      let k = 2;
      while (seen.has(`${original}-v${k}`) && seen.get(`${original}-v${k}`) !== pack) k++;
      entry.id = `${original}-v${k}`;
      entry.data['versionOf'] = original;
      entry.data['versionLabel'] = `Also published as ${pack}`;
      seen.set(entry.id, pack);
    }
  }
}

export type { Document, Existing, Person };
