import type { APIRoute, GetStaticPaths } from 'astro';
import { topicFeed, topicPaths, type DocumentTopic } from '../../../model/feeds';
import { loadGraph } from '../../../model/site';
import { withBase } from '../../../model/url';

/** One Atom feed per strategy or plan outside a series: its versions, and decisions about it. */
export const getStaticPaths = (async () => topicPaths(await loadGraph(), 'strategy')) satisfies GetStaticPaths;

export const GET: APIRoute<{ topic: DocumentTopic }> = async ({ props, site }) => {
  const url = (path: string) => new URL(withBase(import.meta.env.BASE_URL, path), site).href;
  return new Response(topicFeed(await loadGraph(), props.topic, url), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
