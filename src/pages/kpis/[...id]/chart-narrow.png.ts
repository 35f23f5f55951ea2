import type { GetStaticPaths } from 'astro';
import { chartRoute } from '../../../charts/route';
import { entryPaths } from '../../../model/site';

export const getStaticPaths = (() => entryPaths('kpis', (graph) => graph.kpis)) satisfies GetStaticPaths;

/** The chart of one KPI series drawn for a phone's width, with text that stays legible there. */
export const GET = chartRoute('narrow');
