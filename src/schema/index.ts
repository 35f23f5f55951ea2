import type { z } from 'zod';
import { bodySchema } from './body';
import { councilSchema } from './council';
import { documentSchema } from './document';
import { kpiSchema } from './kpi';
import { meetingSchema } from './meeting';
import { minutesSchema } from './minutes';
import { personSchema } from './person';
import type { CollectionName } from './references';
import { sourceSchema } from './source';
import { workshopSchema } from './workshop';

/** How a collection is stored: YAML data files, or MDX with YAML frontmatter. */
export type CollectionFormat = 'yaml' | 'mdx';

export interface CollectionSpec {
  /** Folder under `content/`. */
  dir: string;
  format: CollectionFormat;
  schema: z.ZodType;
}

/**
 * Every content collection, in one table that the Astro config, the importer, the validator and the tests share.
 * Ids are the file path under `dir` without extension.
 */
export const collections = {
  councils: { dir: 'councils', format: 'yaml', schema: councilSchema },
  bodies: { dir: 'bodies', format: 'yaml', schema: bodySchema },
  people: { dir: 'people', format: 'yaml', schema: personSchema },
  sources: { dir: 'sources', format: 'yaml', schema: sourceSchema },
  meetings: { dir: 'meetings', format: 'yaml', schema: meetingSchema },
  minutes: { dir: 'minutes', format: 'mdx', schema: minutesSchema },
  documents: { dir: 'documents', format: 'mdx', schema: documentSchema },
  kpis: { dir: 'kpis', format: 'yaml', schema: kpiSchema },
  workshops: { dir: 'workshops', format: 'mdx', schema: workshopSchema },
} as const satisfies Record<CollectionName, CollectionSpec>;

/** Where the content lives: `CHAMBER_CONTENT` when set (tests build fixture sites), else `content`. */
export const contentRoot = (env: Record<string, string | undefined>): string => env['CHAMBER_CONTENT'] ?? 'content';

/** The file extension a collection's entries use. */
export const extensionOf = (format: CollectionFormat): string => (format === 'yaml' ? '.yaml' : '.mdx');

export * from './body';
export * from './common';
export * from './council';
export * from './decision';
export * from './document';
export * from './kpi';
export * from './meeting';
export * from './minute-action';
export * from './minutes';
export * from './person';
export * from './plan';
export * from './references';
export * from './source';
export * from './vote';
export * from './workshop';
