import type { APIRoute, GetStaticPaths } from 'astro';
import { chartCacheDir, renderChart } from '../../../charts/render';
import { chartConfig, kpiSeries, selfLabel } from '../../../model/kpi';
import { entryPaths, loadGraph } from '../../../model/site';

export const getStaticPaths = (() => entryPaths((graph) => graph.kpis)) satisfies GetStaticPaths;

/** The chart of one KPI series, drawn at build time from the same configuration the interactive chart uses. */
export const GET: APIRoute = async ({ props }) => {
  const graph = await loadGraph();
  const kpi = graph.kpi.get(props['id'])!;
  const self = selfLabel(graph.council.get(kpi.data.council)?.data);
  const png = await renderChart(chartConfig(kpi.data, kpiSeries(kpi.data), self), chartCacheDir(process.env));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
