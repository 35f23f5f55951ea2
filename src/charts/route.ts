import type { APIRoute } from 'astro';
import { kpiSeries, selfLabel } from '../model/kpi';
import { loadGraph } from '../model/site';
import { chartConfig, type ChartLayout } from './config';
import { chartCacheDir, renderChart } from './render';

/** The GET of a chart route: one KPI series drawn at build time in a layout, from the configuration the interactive chart uses. */
export const chartRoute =
  (layout: ChartLayout): APIRoute =>
  async ({ props }) => {
    const graph = await loadGraph();
    const kpi = graph.kpi.get(props['id'])!;
    const self = selfLabel(graph.council.get(kpi.data.council)?.data);
    const png = await renderChart(chartConfig(kpi.data, kpiSeries(kpi.data), self, layout), layout, chartCacheDir(process.env));
    return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
  };
