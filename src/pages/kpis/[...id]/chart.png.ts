import type { GetStaticPaths } from 'astro';
import { chartRoute } from '../../../charts/route';
import { entryPaths } from '../../../model/site';

export const getStaticPaths = (() => entryPaths('kpis', (graph) => graph.kpis)) satisfies GetStaticPaths;

/** The chart of one KPI series as a desktop column shows it. */
export const GET = chartRoute('wide');
