import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { collections } from '../src/schema';
import { councilSchema, type CouncilInput } from '../src/schema/council';
import { siteConfigSchema, type SiteConfigInput } from '../src/schema/site-config';
import { CONFIG_FILE, isPlaceholderAddress, loadSiteConfig, SiteConfigError } from '../src/model/site-config';
import { nextSteps } from '../src/model/new-site';
import { run as build } from './build';
import { slug } from './import/compose/entry';
import type { Io } from './io';

const USAGE = `Usage: npm run new-site -- --name "<council name>" --site https://<address> [--base /] [--logo <file>] [--contact <email>] [--id <council id>] [--force]

Replaces the demo content with an empty site for your council: removes everything under content/, writes
${CONFIG_FILE} and the council's entry, then builds the site and says what to import next.
  --name      the council's full name, used as the site's name ("Ayton Community Council")
  --site      the address the site will be published at, without the base path (https://democracy.ayton.gov.uk)
  --base      the path under that address the site lives at (default /, or e.g. /archive/)
  --logo      an image file of the council's logo, copied into public/ and shown in the header
  --contact   the e-mail address readers use to report an accessibility problem
  --id        the council's id in content/ (default: from its name, e.g. ayton-community-council)
  --force     replace content that is not the demo's (your own council's site): it is deleted
  --no-build  write the files only; build later with npm run build`;

/** What the command was asked to do, checked: nothing on disk has been touched yet. */
interface Plan {
  root: string;
  config: SiteConfigInput;
  council: { id: string; entry: CouncilInput };
  /** The logo file to copy into `public/`, and its name there. */
  logo?: { from: string; to: string } | undefined;
  /** Every entry under `content/`, with how many files each holds: what will be removed. */
  removing: Array<{ path: string; files: number }>;
}

/** Files under a folder, counted; a file counts as one. */
function countFiles(path: string): number {
  if (!statSync(path).isDirectory()) return 1;
  // A .gitkeep only keeps an empty collection's folder: nothing of a council's.
  return readdirSync(path, { recursive: true, withFileTypes: true }).filter((d) => d.isFile() && d.name !== '.gitkeep').length;
}

/** The checked plan, or the problems that stop it, each naming the option or file at fault. */
export function plan(values: Record<string, string | boolean | undefined>, root: string): Plan | string[] {
  const problems: string[] = [];
  const name = typeof values['name'] === 'string' ? values['name'].trim() : '';
  const logoFile = typeof values['logo'] === 'string' ? resolve(values['logo']) : undefined;
  const logo = logoFile && { from: logoFile, to: `logo${extname(logoFile).toLowerCase()}` };
  const config: SiteConfigInput = { name, site: String(values['site'] ?? ''), base: String(values['base'] ?? '/'), ...(logo ? { logo: logo.to } : {}) };
  const checked = siteConfigSchema.safeParse(config);
  if (!checked.success) {
    for (const issue of checked.error.issues) problems.push(`--${String(issue.path[0] ?? 'name')}: ${issue.message}`);
  } else if (isPlaceholderAddress(checked.data.site)) {
    problems.push(`--site ${checked.data.site}: a placeholder address no reader can visit; give the address the site will be published at`);
  }
  if (logoFile && !existsSync(logoFile)) problems.push(`--logo ${values['logo']}: no such file`);

  const id = typeof values['id'] === 'string' ? values['id'] : slug(name);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) problems.push(`--id ${id}: a council id is lower-case letters, digits and hyphens, such as "ayton-community-council"`);
  const contact = typeof values['contact'] === 'string' ? values['contact'] : undefined;
  const entry: CouncilInput = { name, ...(logo ? { logo: logo.to } : {}), accessibilityContact: contact ? { email: contact } : {} };
  const council = councilSchema.safeParse(entry);
  if (!council.success && contact) {
    for (const issue of council.error.issues) if (issue.path[0] === 'accessibilityContact') problems.push(`--contact ${contact}: ${issue.message}`);
  }

  // Only the demo may be replaced without asking: anything else is a council's own work.
  const content = join(root, 'content');
  const removing = existsSync(content)
    ? readdirSync(content)
        .sort()
        .map((entryName) => ({ path: `content/${entryName}`, files: countFiles(join(content, entryName)) }))
        .filter((r) => r.files > 0)
    : [];
  let demo = false;
  try {
    demo = loadSiteConfig({ CHAMBER_CONFIG: join(root, CONFIG_FILE) }, root).config.demo;
  } catch (error) {
    if (!(error instanceof SiteConfigError)) throw error;
  }
  const files = removing.reduce((n, r) => n + r.files, 0);
  if (!demo && files > 0 && values['force'] !== true) {
    problems.push(
      `${CONFIG_FILE} is not the demo's (it has no "demo: true"), so content/ holds a council's own site. ` +
        `Run again with --force to delete it (${files} ${files === 1 ? 'file' : 'files'}) and start afresh.`,
    );
  }
  if (problems.length > 0) return problems;
  return { root, config: checked.data!, council: { id, entry }, logo: logo || undefined, removing };
}

/** A file written whole or not at all: written beside its place, then renamed over it. */
function writeWhole(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(`${path}.new`, text);
  renameSync(`${path}.new`, path);
}

/** Carries out a checked plan: the content goes, the council's entry, the logo and the settings arrive. */
export function apply(p: Plan): void {
  const content = join(p.root, 'content');
  for (const r of p.removing) rmSync(join(p.root, r.path), { recursive: true, force: true });
  writeWhole(join(content, 'councils', `${p.council.id}.yaml`), stringify(p.council.entry));
  // Every collection keeps its folder, so Astro finds each one (and warns of none missing) and git keeps it.
  for (const { dir } of Object.values(collections)) {
    if (!existsSync(join(content, dir))) writeWhole(join(content, dir, '.gitkeep'), '');
  }
  if (p.logo) {
    mkdirSync(join(p.root, 'public'), { recursive: true });
    copyFileSync(p.logo.from, join(p.root, 'public', p.logo.to));
  }
  const header =
    `# The site's settings: see "Start your council's own site" in README.md.\n# Written by npm run new-site; edit it by hand as you need.\n` +
    `# If your host limits the files of a deploy (Cloudflare Pages: 20,000 on the free plan), add maxFiles: see "Hosts that limit files".\n`;
  writeWhole(join(p.root, CONFIG_FILE), `${header}${stringify(p.config)}`);
}

/** Runs the command; returns the exit code. Nothing is removed unless every check passes. */
export async function run(argv: string[], io: Io): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        name: { type: 'string' },
        site: { type: 'string' },
        base: { type: 'string', default: '/' },
        logo: { type: 'string' },
        contact: { type: 'string' },
        id: { type: 'string' },
        force: { type: 'boolean', default: false },
        'no-build': { type: 'boolean', default: false },
        // The project folder to work in; tests point it at a copy.
        root: { type: 'string', default: '.' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (values.name === undefined || values.site === undefined) {
    io.err(`--name and --site are needed.\n\n${USAGE}`);
    return 2;
  }
  const root = resolve(values.root);
  const checked = plan(values, root);
  if (Array.isArray(checked)) {
    io.err(`Nothing was changed:\n${checked.map((p) => `  ${p}`).join('\n')}`);
    return 1;
  }
  io.out(checked.removing.length > 0 ? 'Removing:' : 'content/ is empty: nothing to remove.');
  for (const r of checked.removing) io.out(`  ${r.path} (${r.files} ${r.files === 1 ? 'file' : 'files'})`);
  apply(checked);
  io.out(`Wrote ${CONFIG_FILE} (site ${new URL(checked.config.base ?? '/', checked.config.site).href}) and content/councils/${checked.council.id}.yaml.`);
  if (checked.logo) io.out(`Copied the logo to public/${checked.logo.to}.`);

  if (!values['no-build']) {
    io.out('\nBuilding the empty site ...');
    const env = { ...io.env, CHAMBER_CONTENT: join(root, 'content'), CHAMBER_CONFIG: join(root, CONFIG_FILE) };
    if ((await build(['--out', join(root, 'dist')], { ...io, env })) !== 0) {
      io.err('The empty site did not build (see above). The settings and council entry are written; fix the problem and run npm run build.');
      return 1;
    }
  }
  io.out(`\nNext steps:\n${nextSteps(checked.council.id).map((s, i) => `  ${i + 1}. ${s.command}\n     to ${s.does}`).join('\n')}`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await run(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    env: process.env,
  });
}
