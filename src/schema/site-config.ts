import { z } from 'zod';
import { DEFAULT_PART_SIZE, DEFAULT_PARTITION, partitionKeys } from '../model/partition';

/** The most pages that may share one file of search text: each search result downloads the text of all of them. */
export const MOST_PAGES_PER_SEARCH_FILE = 50;

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
   * How many pages share one file of search text (Pagefind's fragments, which hold each result's text for its
   * excerpt). With 1, the default, each result downloads only its own page's text: the smallest searches. With 2 to 4
   * the site has about that many times fewer of these files (one per page indexed at 1), for a host that limits files,
   * and each result downloads its neighbours' text too (see "Files and hosts" in README).
   */
  pagesPerSearchFile: z
    .int({ error: 'a whole number of 1 or more, e.g. 3' })
    .min(1, { error: 'a whole number of 1 or more, e.g. 3' })
    .max(MOST_PAGES_PER_SEARCH_FILE, { error: `at most ${MOST_PAGES_PER_SEARCH_FILE}: each search result would download the text of that many pages` })
    .default(1),
  /**
   * The most files the host accepts in one deploy, when it has a limit (Cloudflare Pages: 20,000 on the free plan, 100,000
   * on paid plans). A build whose site would have more stops before replacing the last one, and says which setting
   * would bring it under.
   */
  maxFiles: z.int({ error: 'a whole number of files, e.g. 20000' }).positive({ error: 'a whole number of files, e.g. 20000' }).optional(),
  /** True only for the bundled demonstration site, which may be built for its placeholder address. */
  demo: z.boolean().default(false),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;
/** The settings as written in the file: fields with defaults may be left out. */
export type SiteConfigInput = z.input<typeof siteConfigSchema>;
