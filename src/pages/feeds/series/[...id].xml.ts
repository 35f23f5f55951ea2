import type { APIRoute, GetStaticPaths } from 'astro';
import { documentTopics, topicFeed, type DocumentTopic } from '../../../model/feeds';
import { loadGraph } from '../../../model/site';
import { withBase } from '../../../model/url';

/** One Atom feed per document series (`<council>/<series>`): each edition as it comes out, and decisions about it. */
export const getStaticPaths = (async () =>
  documentTopics(await loadGraph())
    .filter((t) => t.kind === 'series')
    .map((topic) => ({ params: { id: topic.id }, props: { topic } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ topic: DocumentTopic }> = async ({ props, site }) => {
  const url = (path: string) => new URL(withBase(import.meta.env.BASE_URL, path), site).href;
  return new Response(topicFeed(await loadGraph(), props.topic, url), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
