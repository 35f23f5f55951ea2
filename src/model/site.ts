import { getCollection } from 'astro:content';
import { buildGraph, type Graph } from './graph';

let graph: Promise<Graph> | undefined;

/**
 * The content graph, loaded once per build: every `getCollection` walks every entry,
 * so pages share this one load instead of calling it themselves.
 */
export function loadGraph(): Promise<Graph> {
  graph ??= (async () =>
    buildGraph({
      councils: await getCollection('councils'),
      bodies: await getCollection('bodies'),
      people: await getCollection('people'),
      sources: await getCollection('sources'),
      meetings: await getCollection('meetings'),
      minutes: await getCollection('minutes'),
      documents: await getCollection('documents'),
      kpis: await getCollection('kpis'),
      workshops: await getCollection('workshops'),
    }))();
  return graph;
}

/** Static paths for one page per entry of a collection, keyed by the entry's id (which may contain slashes). */
export async function entryPaths(entries: (graph: Graph) => Array<{ id: string }>) {
  const list = entries(await loadGraph());
  return list.map((entry) => ({ params: { id: entry.id }, props: { id: entry.id } }));
}
