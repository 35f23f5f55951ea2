import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentRoot } from '../../schema';
import { builds, loadGraph } from '../../model/site';

/** The source text exactly as received, so a reader can check any page against it. */
export const getStaticPaths = (async () => {
  const graph = await loadGraph();
  return graph.sources.filter((s) => builds(graph, 'sources', s.id)).map((s) => ({ params: { file: s.data.file.replace(/\.txt$/, '') }, props: { file: s.data.file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(readFileSync(join(contentRoot(process.env), 'sources', props['file'] as string), 'utf8'), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
