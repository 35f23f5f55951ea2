import type { APIRoute, GetStaticPaths } from 'astro';
import { kpiCsvRows, toCsv } from '../../model/kpi';
import { loadGraph } from '../../model/site';

export const getStaticPaths = (async () => {
  const graph = await loadGraph();
  return graph.kpis.map((k) => ({ params: { id: k.id }, props: { id: k.id } }));
}) satisfies GetStaticPaths;

/** Every figure of one KPI series, all editions, as CSV. */
export const GET: APIRoute = async ({ props }) => {
  const graph = await loadGraph();
  const kpi = graph.kpis.find((k) => k.id === props['id'])!;
  return new Response(toCsv(kpiCsvRows(kpi.id, kpi.data)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
