/**
 * Sources imported together become one content tree: a document printed again in a later source becomes a version
 * of the first; minutes in a second language become a translation of the same meeting's minutes, not a second
 * meeting; shared entries (a body named by two sources, a meeting with its agenda and its minutes) are merged; and
 * people are named once per council, so one councillor has one id across sources.
 */
import type { Problem } from '../problem';
import { ImportError } from '../problem';
import { councilEntry } from './council';
import { entryPath, isEntryOf, serialise, type ComposedEntry, type EntryOf, type Existing } from './entry';
import { resolvePeople } from './people';
import { composeSource, type Composed, type SourceInput, type SourceSummary } from './source';

/** The files an import writes: content path -> text, in a fixed order so output is byte-identical run to run. */
export type OutputFiles = Map<string, string | Uint8Array>;

/** What an import of several sources produced. */
export interface ImportResult {
  files: OutputFiles;
  /** Which sources each file was made from, so a later import can remove files a source no longer produces. */
  origins: Map<string, string[]>;
  summaries: SourceSummary[];
  problems: Problem[];
  /** The entries by path, for checks that read the content before it is written (no word lost). */
  entries: Map<string, ComposedEntry>;
}

/** Two composed copies of one meeting (its agenda from one source, its minutes from another) as one. */
function mergeMeetings(a: EntryOf<'meetings'>, b: EntryOf<'meetings'>): EntryOf<'meetings'> {
  const data = { ...a.data } as Record<string, unknown>;
  for (const [key, value] of Object.entries(b.data)) {
    const have = data[key];
    if (have === undefined || (Array.isArray(have) && have.length === 0)) data[key] = value;
  }
  if (a.data.status === 'held' || b.data.status === 'held') data['status'] = 'held';
  // A time printed in one source beats a bare date in the other.
  if (typeof a.data.start === 'string' && typeof b.data.start === 'string' && a.data.start.length < b.data.start.length) data['start'] = b.data.start;
  return { ...a, data: data as EntryOf<'meetings'>['data'] };
}

/** One KPI series, several plan editions (one per source): each edition once, oldest first. */
function mergeKpis(a: EntryOf<'kpis'>, b: EntryOf<'kpis'>): EntryOf<'kpis'> {
  const editions = [...a.data.editions, ...b.data.editions];
  const unique = editions.filter((e, i) => editions.findIndex((x) => x.document === e.document && x.edition === e.edition) === i);
  return { ...a, data: { ...a.data, editions: unique.sort((x, y) => x.edition.localeCompare(y.edition) || x.document.localeCompare(y.document)) } };
}

/**
 * A meeting already in the content from a source not imported now (its agenda, imported before its minutes) keeps
 * what that source gave it, merged as if both sources were imported together: the one whose name sorts first leads.
 * Its file is then made from both sources, so re-importing either one alone keeps the other's part.
 */
function keepEarlierMeetings(merged: Map<string, ComposedEntry>, origins: Map<string, string[]>, existing: Existing, importing: ReadonlySet<string>): void {
  for (const [path, entry] of merged) {
    if (!isEntryOf(entry, 'meetings')) continue;
    const before = existing.meetings.get(entry.id);
    const pack = before?.source?.pack;
    if (!before || pack === undefined || importing.has(pack)) continue;
    const earlier: EntryOf<'meetings'> = { ...entry, data: before };
    merged.set(path, pack.localeCompare(entry.data.source?.pack ?? '') < 0 ? mergeMeetings(earlier, entry) : mergeMeetings(entry, earlier));
    origins.set(path, [...new Set([...(origins.get(path) ?? []), pack])].sort());
  }
}

function mergeEntry(a: ComposedEntry, b: ComposedEntry): ComposedEntry {
  if (isEntryOf(a, 'meetings') && isEntryOf(b, 'meetings')) return mergeMeetings(a, b);
  if (isEntryOf(a, 'kpis') && isEntryOf(b, 'kpis')) return mergeKpis(a, b);
  return a;
}

function byPrinting(a: Composed, b: Composed): number {
  const date = (c: Composed) => c.summary.date?.value ?? '';
  return date(a).localeCompare(date(b)) || Number(!a.summary.meeting) - Number(!b.summary.meeting) || a.summary.source.localeCompare(b.summary.source);
}

/**
 * A document with the same id as one already in the tree (or earlier in this batch) from another source is a second
 * printing: it becomes a version of the first rather than a second document.
 */
function markVersions(composed: Composed[], existing: Existing): void {
  const seen = new Map<string, string>();
  for (const [id, doc] of existing.documents) if (!doc.versionOf) seen.set(id, doc.source.pack);
  for (const c of composed) {
    for (const entry of c.entries) {
      if (!isEntryOf(entry, 'documents')) continue;
      const pack = entry.data.source.pack;
      const first = seen.get(entry.id);
      if (first === undefined || first === pack) {
        seen.set(entry.id, pack);
        continue;
      }
      const original = entry.id;
      let k = 2;
      while (seen.has(`${original}-v${k}`) && seen.get(`${original}-v${k}`) !== pack) k++;
      entry.id = `${original}-v${k}`;
      entry.data.versionOf = original;
      entry.data.versionLabel = `Also published as ${pack}`;
      seen.set(entry.id, pack);
    }
  }
}

/**
 * Minutes in a second language are a translation of the meeting's minutes; when the first language's minutes are not
 * in the content, the only minutes of the meeting are its minutes, whatever their language.
 */
function settleTranslations(composed: Composed[], existing: Existing): void {
  const minutes = composed.flatMap((c) => c.entries.filter((e): e is EntryOf<'minutes'> => isEntryOf(e, 'minutes')));
  const primary = new Set([...[...existing.minutes].filter(([, m]) => m.lang === 'en').map(([id]) => id), ...minutes.filter((m) => !m.data.translationOf).map((m) => m.id)]);
  for (const m of minutes) {
    const of = m.data.translationOf;
    if (!of || primary.has(of)) continue;
    m.id = of;
    delete m.data.translationOf;
    primary.add(of);
  }
}

/** Which source names a new council best: one that prints its name, in English, before one in Welsh or none. */
const councilNameRank = (c: Composed): number => (c.summary.council.name ? 0 : 2) + (c.summary.lang === 'en' ? 0 : 1);

/** A document published on its own names a meeting; it links to it only when that meeting is in the content. */
function dropDanglingMeetings(entries: Map<string, ComposedEntry>, existing: Existing): void {
  const meetings = new Set([...existing.meetings.keys(), ...[...entries.values()].filter((e) => e.collection === 'meetings').map((e) => e.id)]);
  for (const entry of entries.values()) {
    if (isEntryOf(entry, 'documents') && entry.data.meeting !== undefined && !meetings.has(entry.data.meeting)) {
      delete entry.data.meeting;
      delete entry.data.item;
    }
  }
}

/** Imports sources together into the files to write. A source that cannot be composed is reported, not written. */
export function importSources(inputs: SourceInput[], existing: Existing, options: { councilFlag?: string | undefined } = {}): ImportResult {
  const problems: Problem[] = [];
  const composed: Composed[] = [];
  for (const input of inputs) {
    try {
      const c = composeSource(input, existing, options);
      composed.push(c);
      problems.push(...c.problems);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      problems.push(error.toProblem());
    }
  }
  // Oldest first, and a meeting's own source before a copy published on its own, so whichever order the sources are
  // named in, the first printing of a document keeps the plain id and later printings become its versions.
  composed.sort(byPrinting);
  markVersions(composed, existing);
  settleTranslations(composed, existing);

  const entries: Array<{ entry: ComposedEntry; sources: string[] }> = [];
  const byCouncil = Map.groupBy(composed, (c) => c.council);
  for (const [council, list] of byCouncil) {
    const sources = list.map((c) => c.summary.source);
    // A council new to the content is named as its sources print it, in English where one of them is in English.
    const created = list.filter((c) => c.summary.newCouncil).sort((a, b) => councilNameRank(a) - councilNameRank(b))[0];
    if (created) entries.push({ entry: councilEntry(created.summary.council), sources });
    entries.push(...resolvePeople(council, list.flatMap((c) => c.mentions), existing).map((entry) => ({ entry, sources })));
  }
  // A council or body file that exists belongs to the web team: not rewritten, but still made from these sources.
  const kept = new Map<string, string[]>();
  for (const [council, list] of byCouncil) {
    if (existing.councils.has(council)) kept.set(entryPath({ collection: 'councils', id: council }), list.map((c) => c.summary.source));
  }
  for (const c of composed) {
    for (const entry of c.entries) {
      if (entry.collection === 'councils') continue;
      if (entry.collection === 'bodies' && existing.bodies.has(entry.id)) kept.set(entryPath(entry), [...(kept.get(entryPath(entry)) ?? []), c.summary.source]);
      else entries.push({ entry, sources: [c.summary.source] });
    }
  }
  const merged = new Map<string, ComposedEntry>();
  const origins = new Map<string, string[]>([...kept].map(([path, s]) => [path, [...new Set(s)].sort()]));
  for (const { entry, sources } of entries) {
    const path = entryPath(entry);
    const before = merged.get(path);
    merged.set(path, before ? mergeEntry(before, entry) : entry);
    origins.set(path, [...new Set([...(origins.get(path) ?? []), ...sources])].sort());
  }
  keepEarlierMeetings(merged, origins, existing, new Set(inputs.map((i) => i.id)));
  dropDanglingMeetings(merged, existing);
  const files: OutputFiles = new Map();
  const sorted = new Map([...merged].sort(([a], [b]) => a.localeCompare(b)));
  for (const [path, entry] of sorted) files.set(path, serialise(entry));
  return { files, origins, summaries: composed.map((c) => c.summary), problems, entries: sorted };
}
