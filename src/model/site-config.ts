import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { siteConfigSchema, type SiteConfig } from '../schema/site-config';
import { locator } from '../schema/yaml-position';

/** The settings file, at the project root. */
export const CONFIG_FILE = 'chamber.config.yaml';

/** The settings and the file they came from, as a path a person can find (relative to the project when inside it). */
export interface LoadedSiteConfig {
  config: SiteConfig;
  file: string;
  /** Settings the environment overrode (`CHAMBER_SITE`, `CHAMBER_BASE`), by field. */
  overridden: Partial<Record<'site' | 'base', string>>;
}

/** The settings file has a problem; the message names the file, line and field. */
export class SiteConfigError extends Error {}

/**
 * Settings an earlier version read, and what to do with them now: a council's file may still hold one, where "not a
 * setting" alone would not say why it went.
 */
export const RETIRED_SETTINGS: Readonly<Record<string, string>> = {
  pagesPerSearchFile: 'no longer a setting: search files are packed, about 20 files a part, so no setting is needed to stay under a host\'s file limit (see "Search" in README.md). Remove it.',
};

/** What to say of a field the schema does not know: why it went, a setting of that name in other capitals, or the settings there are. */
function unknownSetting(key: string): string {
  const known = Object.keys(siteConfigSchema.shape);
  const like = known.find((name) => name.toLowerCase() === key.toLowerCase());
  return RETIRED_SETTINGS[key] ?? (like ? `not a setting: did you mean ${like}?` : `not a setting. The settings are ${known.join(', ')}.`);
}

/** Where the settings file is: `CHAMBER_CONFIG` when set (tests of another project folder), else the project's own. */
export const configPath = (env: Record<string, string | undefined>, root = process.cwd()): string => env['CHAMBER_CONFIG'] ?? join(root, CONFIG_FILE);

/**
 * Reads and checks the settings file; `CHAMBER_SITE` and `CHAMBER_BASE` override `site` and `base` when set, so a
 * test or CI job can build the same content for another address without editing the file.
 */
export function loadSiteConfig(env: Record<string, string | undefined>, root = process.cwd()): LoadedSiteConfig {
  const path = configPath(env, root);
  const file = path.startsWith(root) ? relative(root, path) : path;
  if (!existsSync(path)) {
    throw new SiteConfigError(`${file} not found: it gives the site's name and address. Run npm run new-site to write it (see README.md).`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new SiteConfigError(`${file}:${e.linePos?.[0].line ?? 1}: not valid YAML: ${e.message.split('\n')[0]}`);
  }
  const overridden: LoadedSiteConfig['overridden'] = {};
  if (env['CHAMBER_SITE']) overridden.site = env['CHAMBER_SITE'];
  if (env['CHAMBER_BASE']) overridden.base = env['CHAMBER_BASE'];
  const data: unknown = doc.toJS();
  const parsed = siteConfigSchema.safeParse({ ...(typeof data === 'object' && data ? data : {}), ...overridden });
  if (!parsed.success) {
    const locate = locator(doc, lines, 0);
    const problems = parsed.error.issues.flatMap((issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => `${file}:${locate([...issue.path, key]).line}  ${key}: ${unknownSetting(key)}`);
      }
      const field = issue.path.map(String).join('.') || '(file)';
      const node = doc.getIn(issue.path as unknown[], true) as { range?: [number, number, number] } | undefined;
      const where = node?.range ? `:${lines.linePos(node.range[0]).line}` : '';
      const from = field in overridden ? ` (from CHAMBER_${field.toUpperCase()})` : '';
      return [`${file}${where}  ${field}${from}: ${issue.message}`];
    });
    throw new SiteConfigError(`The site settings have ${problems.length === 1 ? 'a problem' : 'problems'}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  return { config: parsed.data, file, overridden };
}

/** Host names reserved for examples and tests (RFC 2606, RFC 6761), and this computer: no reader can reach them. */
const PLACEHOLDER_HOST = /(^|\.)(example\.(com|net|org)|localhost)$|\.(example|test|invalid)$|^(127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/i;

/** Whether a site address is a placeholder no reader could visit (`https://example.org`, `http://localhost:4321`). */
export const isPlaceholderAddress = (site: string): boolean => PLACEHOLDER_HOST.test(new URL(site).hostname);

/**
 * Why the site must not be built for publishing, or undefined: a placeholder address would go into the sitemap,
 * feeds, calendars and accessibility statement of every page. Only the bundled demo may use one.
 */
export function publishingProblem({ config, file, overridden }: LoadedSiteConfig): string | undefined {
  if (config.demo || !isPlaceholderAddress(config.site)) return undefined;
  const from = overridden.site ? ` (from CHAMBER_SITE)` : '';
  return (
    `${file}  site${from}: ${config.site} is a placeholder address, which would go into the sitemap, feeds, calendars and ` +
    `accessibility statement. Set site to the address the site will be published at, e.g. https://democracy.your-council.gov.uk.`
  );
}

let cached: SiteConfig | undefined;

/** The settings of the site being built, read once per build (pages call this for the site's name and logo). */
export const siteConfig = (): SiteConfig => (cached ??= loadSiteConfig(process.env).config);
