import type { APIRoute, GetStaticPaths } from 'astro';
import { personFeed } from '../../../model/feeds';
import { loadGraph } from '../../../model/site';
import { withBase } from '../../../model/url';

/** One Atom feed per person: the meetings, declarations, votes and motions the minutes name them in. */
export const getStaticPaths = (async () => (await loadGraph()).people.map((p) => ({ params: { id: p.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const url = (path: string) => new URL(withBase(import.meta.env.BASE_URL, path), site).href;
  return new Response(personFeed(await loadGraph(), params.id!, url), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
