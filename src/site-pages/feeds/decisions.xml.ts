import type { APIRoute } from 'astro';
import { decisionsFeed } from '../../model/feeds';
import { loadGraph } from '../../model/site';
import { withBase } from '../../model/url';

/** Every decision in the published minutes, as one Atom feed. */
export const GET: APIRoute = async ({ site }) => {
  const url = (path: string) => new URL(withBase(import.meta.env.BASE_URL, path), site).href;
  return new Response(decisionsFeed(await loadGraph(), url), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
