import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
import { collections as specs, contentRoot, extensionOf, type CollectionSpec } from './schema';

/** An Astro collection from the one table in `src/schema`, so the site, importer and tests agree. */
function collection<T extends z.ZodType>(spec: CollectionSpec & { schema: T }) {
  const ext = extensionOf(spec.format);
  return defineCollection({
    loader: glob({
      pattern: `**/*${ext}`,
      base: pathToFileURL(`${resolve(contentRoot(process.env), spec.dir)}/`),
      generateId: ({ entry }) => entry.slice(0, -ext.length),
    }),
    schema: spec.schema,
  });
}

export const collections = {
  councils: collection(specs.councils),
  bodies: collection(specs.bodies),
  people: collection(specs.people),
  sources: collection(specs.sources),
  meetings: collection(specs.meetings),
  minutes: collection(specs.minutes),
  documents: collection(specs.documents),
  kpis: collection(specs.kpis),
  workshops: collection(specs.workshops),
};
