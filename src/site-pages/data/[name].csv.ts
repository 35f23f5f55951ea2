import type { APIRoute, GetStaticPaths } from 'astro';
import { csvNames, openDataCsv, type CsvName } from '../../model/open-data';
import { loadGraph } from '../../model/site';
import { linker } from '../../model/url';

export const getStaticPaths = (() => csvNames.map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

/** `/data/decisions.csv` and `/data/votes.csv`: the same records as their JSON files, one row each. */
export const GET: APIRoute = async ({ params, site }) => {
  const graph = await loadGraph();
  const text = openDataCsv(graph, params['name'] as CsvName, linker(site!, import.meta.env.BASE_URL));
  return new Response(text, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
