import { createHash } from 'node:crypto';
import { follow, storedFollow, type Returning, type StoredFollow } from '../../src/model/follow';
import { tablesWithoutHeaders } from '../../src/model/accessibility';
import { buildGraph, type GraphInput } from '../../src/model/graph';
import { entryKey, partition, SITE_PART, type PartitionKey } from '../../src/model/partition';
import { partsOf, summaryJson, type Summary, type SummaryEntry } from '../../src/model/summary';
import { collections } from '../../src/schema';
import { collectionNames, referencesIn, type CollectionName } from '../../src/schema/references';
import type { ParsedEntry } from '../../src/schema/validate';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What the plan needs of a checked entry: not where its fields sit, and a body only where follow links read it. */
export type PlanEntry = Pick<ParsedEntry, 'collection' | 'id' | 'file' | 'raw' | 'data' | 'body' | 'bodyDigest'>;

/** Collections whose bodies the plan keeps: the follow links read later minutes for the minute numbers they cite. */
const FOLLOWED_BODIES: ReadonlySet<CollectionName> = new Set(['minutes']);

/** A checked entry as the plan keeps it (`PlanEntry`): without the bodies other than the minutes', most of the content's text. */
export const planEntry = (e: ParsedEntry): PlanEntry => ({
  collection: e.collection,
  id: e.id,
  file: e.file,
  raw: e.raw,
  data: e.data,
  body: FOLLOWED_BODIES.has(e.collection) ? e.body : undefined,
  bodyDigest: e.bodyDigest,
});

/**
 * The summary of checked content: every entry's fields, as its schema gives them from Astro's reading (`raw`), and
 * its part.
 * `tables` counts the tables in every body, so the caller can count them before it lets the bodies go.
 */
export function summarize(
  entries: readonly PlanEntry[],
  by: readonly PartitionKey[],
  size: number,
  tables = tablesWithoutHeaders(entries.map((e) => e.body)),
): Summary {
  const { parts, partOf } = partition(graphInput(entries), by, size);
  const grouped = Object.fromEntries(collectionNames.map((name) => [name, [] as SummaryEntry[]])) as Record<CollectionName, SummaryEntry[]>;
  for (const e of entries) {
    grouped[e.collection].push({
      id: e.id,
      filePath: e.file,
      part: partOf.get(entryKey(e.collection, e.id)),
      data: collections[e.collection].schema.parse(e.raw),
    });
  }
  return { by: [...by], parts, entries: grouped, tables };
}

function graphInput(entries: readonly PlanEntry[]): GraphInput {
  const input = Object.fromEntries(collectionNames.map((name) => [name, []])) as unknown as Record<CollectionName, unknown[]>;
  for (const e of entries) input[e.collection].push({ id: e.id, data: e.data, body: e.body, filePath: e.file });
  return input as unknown as GraphInput;
}

/** The collection whose ids each kind of returning link is looked up under. */
const LOOKED_UP: Record<keyof Returning, CollectionName> = { document: 'documents', minute: 'minutes', agenda: 'meetings' };

/**
 * The follow links each part's pages show (see `storedFollow`), by part name, worked out once for every part: the
 * same item elsewhere, under the ids of a part's entries and of the entries they translate or print again (a page
 * looks its links up under the original's id); and for the site part, whose registers show them, every decision's
 * later sources.
 */
export function partFollow(entries: readonly PlanEntry[], summary: Summary): Map<string, StoredFollow> {
  // The summary's table counts: the entries may no longer hold the bodies they were counted from (see `planEntry`).
  const links = follow(buildGraph(graphInput(entries), { by: summary.by, parts: summary.parts, partOf: new Map() }, summary.tables));
  const partOf = partsOf(summary);
  const lookups = new Map<string, Set<string>>();
  for (const e of entries) {
    const part = partOf.get(entryKey(e.collection, e.id));
    if (!part) continue;
    const { translationOf, versionOf } = e.data as { translationOf?: string; versionOf?: string };
    for (const id of [e.id, translationOf, versionOf]) if (id) lookups.set(part, (lookups.get(part) ?? new Set()).add(entryKey(e.collection, id)));
  }
  const result = new Map<string, StoredFollow>();
  for (const part of summary.parts) {
    const mine = lookups.get(part.name) ?? new Set();
    result.set(part.name, storedFollow(links, { returning: (kind, id) => mine.has(entryKey(LOOKED_UP[kind], id)) }));
  }
  result.set(SITE_PART, storedFollow(links, 'site'));
  return result;
}

/**
 * A digest of everything each part's pages show, by part name, to tell an unchanged part from a changed one. A part's
 * pages show its own entries (fields and bodies), the fields of every entry they name or that names them (a
 * meeting's body, the minutes that confirmed it, a person's name), and its follow links (`partFollow`), found across
 * parts. The site part lists everything, so it digests the whole summary (`summaryText`, its JSON, when the caller
 * has written it already) and its follow links.
 */
export function partDigests(
  entries: readonly PlanEntry[],
  summary: Summary,
  links: ReadonlyMap<string, StoredFollow>,
  summaryText = summaryJson(summary),
): Map<string, string> {
  const key = (e: PlanEntry) => entryKey(e.collection, e.id);
  const byKey = new Map(entries.map((e) => [key(e), e]));
  // An entry named from many parts (a person, a body), or its own part's and named there, is written out once.
  const written = new Map<string, string>();
  const fieldsOf = (k: string) => {
    let text = written.get(k);
    if (text === undefined) written.set(k, (text = JSON.stringify(byKey.get(k)?.raw ?? null)));
    return text;
  };
  const neighbours = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (!neighbours.has(a)) neighbours.set(a, new Set());
    neighbours.get(a)!.add(b);
  };
  for (const e of entries) {
    for (const ref of referencesIn(collections[e.collection].schema, e.data)) {
      const target = entryKey(ref.target, ref.id);
      link(key(e), target);
      link(target, key(e));
    }
  }

  const partOf = partsOf(summary);
  const own = new Map<string, PlanEntry[]>();
  for (const e of entries) {
    const part = partOf.get(key(e));
    if (!part) continue;
    if (!own.has(part)) own.set(part, []);
    own.get(part)!.push(e);
  }
  const digests = new Map<string, string>();
  for (const part of summary.parts) {
    const mine = own.get(part.name) ?? [];
    const hash = createHash('sha256');
    for (const e of mine) hash.update(`${key(e)}\n${fieldsOf(key(e))}\n${e.bodyDigest ?? ''}\n`);
    const near = new Set(mine.flatMap((e) => [...(neighbours.get(key(e)) ?? [])]));
    for (const k of [...near].sort()) hash.update(`${k}\n${fieldsOf(k)}\n`);
    hash.update(JSON.stringify(links.get(part.name) ?? null));
    digests.set(part.name, hash.digest('hex'));
  }
  digests.set(SITE_PART, sha256(`${JSON.stringify(links.get(SITE_PART) ?? null)}\n${summaryText}`));
  return digests;
}
