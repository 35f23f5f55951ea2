import { z } from 'zod';
import { DEFAULT_PART_SIZE, DEFAULT_PARTITION, partitionKeys } from '../model/partition';

/**
 * The site's own settings, in `chamber.config.yaml` at the project root: what readers see as its name and where it
 * is published. `npm run new-site` writes it; `CHAMBER_SITE` and `CHAMBER_BASE` override `site` and `base` (tests, CI).
 */
export const siteConfigSchema = z.strictObject({
  /** The site's name, shown in the header, in every page title and in the accessibility statement. */
  name: z.string().trim().min(1, { error: 'the site needs a name, e.g. "Ayton Community Council"' }),
  /** The address the site is published at, without the base path, e.g. `https://democracy.ayton.gov.uk`. */
  site: z.url({ protocol: /^https?$/, error: 'a full web address starting https://' }),
  /** The path under `site` the site lives at: `/` at the root of its domain, or e.g. `/archive/`. */
  base: z
    .string()
    .regex(/^\/([^/?#\s]+\/)*$/, { error: 'a path that starts and ends with /, e.g. / or /archive/' })
    .default('/'),
  /** The council's logo, a file under `public/` (e.g. `logo.svg`), shown in the header beside the name. */
  logo: z
    .string()
    .regex(/^[^/\\][^\\]*\.(svg|png|jpe?g|webp|gif)$/i, { error: 'a file under public/, e.g. logo.svg' })
    .optional(),
  /**
   * How the site is divided into parts that build one at a time (see "Building in parts" in README): by `council`,
   * `body` and/or `year`, in that order of naming. The default, a council's year, keeps each part to a few thousand
   * papers; `[]` builds every paper in one part.
   */
  parts: z
    .array(z.enum(partitionKeys))
    .refine((keys) => new Set(keys).size === keys.length, { error: 'each of council, body and year at most once' })
    .default([...DEFAULT_PARTITION]),
  /**
   * With parts by year: how many papers older years may hold together in one part. The newest year is always a part
   * of its own (a new pack rebuilds only it); older, smaller years share a part, each part costing seconds to start.
   */
  partSize: z.int().positive({ error: 'a whole number of papers, e.g. 750' }).default(DEFAULT_PART_SIZE),
  /**
   * The most files the host accepts in one deploy, when it has a limit (Cloudflare Pages: 20,000 on the free plan, 100,000
   * on paid plans). A build whose site would have more stops before replacing the last one.
   */
  maxFiles: z.int({ error: 'a whole number of files, e.g. 20000' }).positive({ error: 'a whole number of files, e.g. 20000' }).optional(),
  /** True only for the bundled demonstration site, which may be built for its placeholder address. */
  demo: z.boolean().default(false),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;
/** The settings as written in the file: fields with defaults may be left out. */
export type SiteConfigInput = z.input<typeof siteConfigSchema>;
