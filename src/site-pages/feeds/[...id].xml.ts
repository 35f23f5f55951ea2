import type { APIRoute, GetStaticPaths } from 'astro';
import { feedPaths, feedTitle, meetingsFeed, type FeedScope } from '../../model/feeds';
import { loadGraph } from '../../model/site';
import { paths, withBase } from '../../model/url';

/** One Atom feed for everything, and one per committee. */
export const getStaticPaths = (async () => feedPaths(await loadGraph())) satisfies GetStaticPaths;

export const GET: APIRoute<FeedScope> = async ({ params, props: { body }, site }) => {
  const graph = await loadGraph();
  const absolute = (path: string) => new URL(withBase(import.meta.env.BASE_URL, path), site).href;
  const text = meetingsFeed({
    id: absolute(paths.feed(params.id!)),
    title: body ? feedTitle.body(body.data.name) : feedTitle.all,
    home: absolute(body ? paths.body(body.id) : paths.home()),
    self: absolute(paths.feed(params.id!)),
    meetings: graph.meetingsByDate.filter((m) => !body || m.data.body === body.id),
    decisions: graph.register.filter((e) => !body || e.meeting.data.body === body.id),
    bodies: graph.body,
    councils: graph.council,
    meetingUrl: (id) => absolute(paths.meeting(id)),
    decisionUrl: (e) => `${absolute(paths.minutes(e.minutes.id))}#${e.decision.id}`,
  });
  return new Response(text, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
