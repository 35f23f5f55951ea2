import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentRoot } from '../../../schema';
import { builds, loadGraph } from '../../../model/site';
import { publishedOriginal } from '../../../model/source';

/** Types the original formats are served as; a web page is served as text (see `publishedOriginal`). */
const contentType: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

/** The original file of each source as the council published it, read from beside its record in content/sources/. */
export const getStaticPaths = (async () => {
  const graph = await loadGraph();
  return graph.sources.flatMap((s) => {
    if (!builds(graph, 'sources', s.id)) return [];
    const file = publishedOriginal(s.data);
    return file && s.data.original ? [{ params: { file }, props: { original: s.data.original } }] : [];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) =>
  new Response(readFileSync(join(contentRoot(process.env), 'sources', props['original'] as string)), {
    headers: { 'Content-Type': contentType[params.file!.replace(/^.*\./, '')] ?? 'application/octet-stream' },
  });
