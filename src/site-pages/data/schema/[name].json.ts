import type { APIRoute, GetStaticPaths } from 'astro';
import { openDataJsonSchema, openDataNames, type OpenDataName } from '../../../model/open-data';
import { linker } from '../../../model/url';

export const getStaticPaths = (() => openDataNames.map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

/** The JSON Schema of each open data file, generated from the Zod schemas. */
export const GET: APIRoute = ({ params, site }) => {
  const schema = openDataJsonSchema(params['name'] as OpenDataName, linker(site!, import.meta.env.BASE_URL));
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
};
