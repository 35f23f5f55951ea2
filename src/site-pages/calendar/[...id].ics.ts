import type { APIRoute, GetStaticPaths } from 'astro';
import { feedPaths, meetingsCalendar, type FeedScope } from '../../model/feeds';
import { loadGraph } from '../../model/site';
import { paths, withBase } from '../../model/url';

/** One calendar for all meetings, and one per committee. */
export const getStaticPaths = (async () => feedPaths(await loadGraph())) satisfies GetStaticPaths;

export const GET: APIRoute<FeedScope> = async ({ props: { body }, site }) => {
  const graph = await loadGraph();
  const meetings = graph.meetingsByDate.filter((m) => !body || m.data.body === body.id);
  const url = (id: string) => new URL(withBase(import.meta.env.BASE_URL, paths.meeting(id)), site).href;
  const text = meetingsCalendar(body ? body.data.name : 'All council meetings', meetings, graph.body, url);
  return new Response(text, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
