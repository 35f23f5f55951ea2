import type { APIRoute, GetStaticPaths } from 'astro';
import { feedIds, meetingsCalendar } from '../../model/feeds';
import { loadGraph } from '../../model/site';
import { paths, withBase } from '../../model/url';

/** One calendar for all meetings, and one per committee. */
export const getStaticPaths = (async () => {
  const graph = await loadGraph();
  return feedIds(graph.bodies).map((id) => ({ params: { id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const graph = await loadGraph();
  const body = params.id === 'all' ? undefined : graph.body.get(params.id!);
  const meetings = graph.meetingsByDate.filter((m) => !body || m.data.body === body.id);
  const url = (id: string) => new URL(withBase(import.meta.env.BASE_URL, paths.meeting(id)), site).href;
  const text = meetingsCalendar(body ? body.data.name : 'All council meetings', meetings, graph.body, url);
  return new Response(text, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
