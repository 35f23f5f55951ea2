import type { APIRoute, GetStaticPaths } from 'astro';
import { kpiCsvRows, toCsv } from '../../model/kpi';
import { entryPaths, loadGraph } from '../../model/site';

export const getStaticPaths = (() => entryPaths('kpis', (graph) => graph.kpis)) satisfies GetStaticPaths;

/** Every figure of one KPI series, all editions, as CSV. */
export const GET: APIRoute = async ({ props }) => {
  const graph = await loadGraph();
  const kpi = graph.kpi.get(props['id'])!;
  return new Response(toCsv(kpiCsvRows(kpi.id, kpi.data)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
