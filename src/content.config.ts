import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
import { readSummary } from './model/summary';
import { collections as specs, contentRoot, extensionOf, type CollectionName, type CollectionSpec } from './schema';

const part = process.env['CHAMBER_PART'];
// Read once for every collection: at 10,000 documents the summary is tens of MB of JSON.
const summary = part && process.env['CHAMBER_SUMMARY'] ? readSummary(process.env['CHAMBER_SUMMARY']) : undefined;

/**
 * The files of each collection a part's build loads: only its own MDX, which its pages render, and no data file
 * (every entry's fields come from the summary). Undefined when the whole site builds at once.
 */
function partFiles(name: CollectionName, ext: string): string[] | undefined {
  if (!part || !summary) return undefined;
  if (specs[name].format !== 'mdx') return [];
  return summary.entries[name].filter((e) => e.part === part).map((e) => `${e.id}${ext}`);
}

/** An Astro collection from the one table in `src/schema`, so the site, importer and tests agree. */
function collection<T extends z.ZodType>(name: CollectionName, spec: CollectionSpec & { schema: T }) {
  const ext = extensionOf(spec.format);
  const files = partFiles(name, ext);
  return defineCollection({
    loader:
      files?.length === 0
        ? { name: 'chamber:not-in-this-part', load: async ({ store }) => store.clear() }
        : glob({
            pattern: files ?? `**/*${ext}`,
            base: pathToFileURL(`${resolve(contentRoot(process.env), spec.dir)}/`),
            generateId: ({ entry }) => entry.slice(0, -ext.length),
          }),
    schema: spec.schema,
  });
}

export const collections = {
  councils: collection('councils', specs.councils),
  bodies: collection('bodies', specs.bodies),
  people: collection('people', specs.people),
  sources: collection('sources', specs.sources),
  meetings: collection('meetings', specs.meetings),
  minutes: collection('minutes', specs.minutes),
  documents: collection('documents', specs.documents),
  kpis: collection('kpis', specs.kpis),
  workshops: collection('workshops', specs.workshops),
};
