import type { APIRoute, GetStaticPaths } from 'astro';
import { openDataJson, openDataNames, type OpenDataName } from '../../model/open-data';
import { loadGraph } from '../../model/site';
import { linker } from '../../model/url';

export const getStaticPaths = (() => openDataNames.map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

/** `/data/meetings.json`, `/data/votes.json` and the rest: every file the open data page lists. */
export const GET: APIRoute = async ({ params, site }) => {
  const graph = await loadGraph();
  const text = openDataJson(graph, params['name'] as OpenDataName, linker(site!, import.meta.env.BASE_URL));
  return new Response(text, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
