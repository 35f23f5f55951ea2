import type { APIRoute, GetStaticPaths } from 'astro';
import { linker, openDataFile, openDataNames, type OpenDataName } from '../../model/open-data';
import { loadGraph } from '../../model/site';

export const getStaticPaths = (() => openDataNames.map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

/** `/data/strategies.json`, `/data/actions.json`, `/data/kpis.json`, `/data/workshops.json`. */
export const GET: APIRoute = async ({ params, site }) => {
  const graph = await loadGraph();
  const data = openDataFile(graph, params['name'] as OpenDataName, linker(site!, import.meta.env.BASE_URL));
  return new Response(`${JSON.stringify(data, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
