import { readFileSync } from 'node:fs';
import { getCollection } from 'astro:content';
import { follow, followFrom, type Follow, type StoredFollow } from './follow';
import { buildGraph, type Graph } from './graph';
import { entryKey, partition, SITE_PART } from './partition';
import { siteConfig } from './site-config';
import { graphFromSummary, readSummary } from './summary';
import type { Entry } from './entry';
import type { CollectionName } from '../schema/references';

/**
 * The part this Astro process builds (`CHAMBER_PART`, set by scripts/build.ts), or undefined when it builds the whole
 * site at once (`astro dev`, `npm run build -- --whole`).
 */
export const buildingPart = (): string | undefined => process.env['CHAMBER_PART'] || undefined;

/** Collections whose entries a part renders (`render()` needs Astro's own entry): the MDX ones. */
const RENDERED = ['minutes', 'documents', 'workshops'] as const satisfies readonly CollectionName[];

let graph: Promise<Graph> | undefined;

/**
 * The content graph, loaded once per build. A whole build loads every collection from Astro. A part's build reads
 * the summary the content check wrote (`CHAMBER_SUMMARY`) for every entry's fields, and takes from Astro only the MDX
 * entries of its own part, the only ones its content config loads.
 */
export function loadGraph(): Promise<Graph> {
  graph ??= (async () => {
    const summaryFile = process.env['CHAMBER_SUMMARY'];
    if (summaryFile && buildingPart()) {
      const summary = readSummary(summaryFile);
      const own: Partial<Record<CollectionName, Entry<unknown>[]>> = {};
      for (const name of RENDERED) {
        // An empty collection makes Astro warn; a part without workshops need not ask for them.
        if (summary.entries[name].some((e) => e.part === buildingPart())) own[name] = await getCollection(name);
      }
      return graphFromSummary(summary, own);
    }
    const input = {
      councils: await getCollection('councils'),
      bodies: await getCollection('bodies'),
      people: await getCollection('people'),
      sources: await getCollection('sources'),
      meetings: await getCollection('meetings'),
      minutes: await getCollection('minutes'),
      documents: await getCollection('documents'),
      kpis: await getCollection('kpis'),
      workshops: await getCollection('workshops'),
    };
    const { parts, partSize } = siteConfig();
    return buildGraph(input, partition(input, parts, partSize));
  })();
  return graph;
}

let links: Promise<Follow> | undefined;

/**
 * The follow links pages show: in a part's build, those the content check found for the part's pages
 * (`CHAMBER_FOLLOW`), which need every minutes' text; otherwise found in the whole content graph.
 */
export function loadFollow(): Promise<Follow> {
  links ??= (async () => {
    const graph = await loadGraph();
    const file = process.env['CHAMBER_FOLLOW'];
    return file && buildingPart() ? followFrom(JSON.parse(readFileSync(file, 'utf8')) as StoredFollow, graph.meeting) : follow(graph);
  })();
  return links;
}

/** Whether this build makes the pages of an entry: every entry in a whole build, the part's own in a part's. */
export function builds(graph: Graph, collection: CollectionName, id: string): boolean {
  const part = buildingPart();
  return !part || (graph.partition.partOf.get(entryKey(collection, id)) ?? SITE_PART) === part;
}

/** Static paths for one page per entry of a collection that this build makes, keyed by the entry's id (which may contain slashes). */
export async function entryPaths(collection: CollectionName, entries: (graph: Graph) => Array<{ id: string }>) {
  const graph = await loadGraph();
  return entries(graph)
    .filter((entry) => builds(graph, collection, entry.id))
    .map((entry) => ({ params: { id: entry.id }, props: { id: entry.id } }));
}
