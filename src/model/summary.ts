/**
 * The summary: every entry's fields (not its MDX body) and the part that builds it, written once by the content check
 * and read by every part's build, so a part that holds only its own MDX still links to, lists and counts everything.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Entry } from './entry';
import { buildGraph, type Graph, type GraphInput } from './graph';
import { entryKey, type Part, type PartitionKey } from './partition';
import { collectionNames, type CollectionName } from '../schema/references';

/** One entry as the summary keeps it. */
export interface SummaryEntry {
  id: string;
  /** The content file, from the project folder. */
  filePath: string;
  /** Its part; councils, bodies and people, which the site part builds, have none. */
  part?: string | undefined;
  /**
   * Its fields as Astro gives them: the collection's schema applied to the file as Astro's loader reads it. Parsed once,
   * by the content check: every part's build reads the whole summary, and parsing 10,000 entries took each part 0.2 s.
   */
  data: unknown;
}

export interface Summary {
  by: PartitionKey[];
  /** Newest first. */
  parts: Part[];
  entries: Record<CollectionName, SummaryEntry[]>;
  /** The tables of every MDX body, counted by the content check, which has the bodies the summary leaves out. */
  tables: Graph['tables'];
}

/**
 * The summary as JSON. Its entries' data is the schemas' output, which holds no Dates (the schemas turn a date that
 * YAML read as one into its ISO string), so plain JSON keeps every value.
 */
export const summaryJson = (summary: Summary): string => JSON.stringify(summary);

/** Summaries this process has read, by file and its last change (see `readSummary`). */
const READ = Symbol.for('chamber.summaries');

/**
 * The summary in `file`, read once per process while the file is unchanged: a part's content config and its pages
 * both need it, and Astro loads them as separate module instances (a module-level cache would hold two copies), so the
 * copy is kept on `globalThis`. At 10,000 documents a copy is about 80 MB.
 */
export function readSummary(file: string): Summary {
  const read = ((globalThis as { [READ]?: Map<string, { version: string; summary: Summary }> })[READ] ??= new Map());
  const { mtimeMs, size } = statSync(file);
  const version = `${mtimeMs}:${size}`;
  const cached = read.get(file);
  if (cached?.version === version) return cached.summary;
  const summary = parseSummary(readFileSync(file, 'utf8'));
  read.set(file, { version, summary });
  return summary;
}

/** A summary from its JSON (see `summaryJson`). */
export const parseSummary = (json: string): Summary => JSON.parse(json) as Summary;

/** The part that builds each entry, by `entryKey`: councils, bodies and people, the site part's, have none. */
export function partsOf(summary: Summary): Map<string, string> {
  const partOf = new Map<string, string>();
  for (const name of collectionNames) for (const e of summary.entries[name]) if (e.part) partOf.set(entryKey(name, e.id), e.part);
  return partOf;
}

/**
 * The graph of all content from a summary. `own` are entries Astro loaded (a part's MDX, which pages render): they
 * stand in for their summary records, so `render()` gets Astro's own entry.
 */
export function graphFromSummary(summary: Summary, own: Partial<Record<CollectionName, Entry<unknown>[]>> = {}): Graph {
  const input = {} as Record<CollectionName, Entry<unknown>[]>;
  for (const name of collectionNames) {
    const loaded = new Map((own[name] ?? []).map((e) => [e.id, e]));
    input[name] = summary.entries[name].map(
      (e) => loaded.get(e.id) ?? { id: e.id, filePath: e.filePath, data: e.data },
    );
  }
  return buildGraph(input as unknown as GraphInput, { by: summary.by, parts: summary.parts, partOf: partsOf(summary) }, summary.tables);
}
