import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run as build } from '../../scripts/build';
import { checkContent } from '../../scripts/check-content';
import { run } from '../../scripts/new-site';
import { collections } from '../../src/schema';
import { councilSchema } from '../../src/schema/council';
import { CONFIG_FILE, loadSiteConfig, publishingProblem, RETIRED_SETTINGS } from '../../src/model/site-config';

const ROOT = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'chamber-new-site-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every file under a folder, relative to it, with its text, so a test can tell whether anything changed. */
const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => [join(d.parentPath, d.name).slice(dir.length + 1), readFileSync(join(d.parentPath, d.name), 'utf8')]),
  );

/** A copy of the project as cloned: the demo's content and settings, and a logo to hand over. */
function copyProject(name: string): string {
  const root = join(scratch, name);
  cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
  cpSync(join(ROOT, CONFIG_FILE), join(root, CONFIG_FILE));
  writeFileSync(join(root, 'crest.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
  return root;
}

async function newSite(root: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await run([...args, '--root', root, '--no-build'], { out: (l) => out.push(l), err: (l) => err.push(l), env: {} });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

/** The files of a new site's content: its council, and an empty folder kept by .gitkeep for every other collection. */
const emptySite = (council: string) =>
  [`councils/${council}.yaml`, ...Object.values(collections).flatMap(({ dir }) => (dir === 'councils' ? [] : [`${dir}/.gitkeep`]))].sort();

const AYTON = ['--name', 'Ayton Community Council', '--site', 'https://democracy.ayton.gov.uk', '--base', '/papers/', '--contact', 'clerk@ayton.gov.uk'];

describe('npm run new-site on a copy of the demo project', () => {
  const realContent = snapshot(join(ROOT, 'content'));
  const demoFolders = readdirSync(join(ROOT, 'content')).sort();
  let root: string;
  let result: Awaited<ReturnType<typeof newSite>>;

  beforeAll(async () => {
    root = copyProject('demo');
    result = await newSite(root, ...AYTON, '--logo', join(root, 'crest.svg'));
  });

  test('it says what it removes, and removes all the demo content, leaving only the new council', () => {
    expect(result.err).toBe('');
    expect(result.status).toBe(0);
    for (const folder of demoFolders) expect(result.out).toMatch(new RegExp(`^  content/${folder.replace('.', '\\.')} \\(\\d+ files?\\)$`, 'm'));
    expect(Object.keys(snapshot(join(root, 'content'))).sort()).toEqual(emptySite('ayton-community-council'));
  });

  test("it writes the site's settings, which a production build accepts, and the council's entry with its contact and logo", () => {
    const loaded = loadSiteConfig({}, root);
    expect(loaded.config).toEqual({ name: 'Ayton Community Council', site: 'https://democracy.ayton.gov.uk', base: '/papers/', logo: 'logo.svg', demo: false, parts: ['council', 'year'], partSize: 750 });
    expect(publishingProblem(loaded)).toBeUndefined();
    const council = councilSchema.parse(parse(readFileSync(join(root, 'content', 'councils', 'ayton-community-council.yaml'), 'utf8')));
    expect(council).toMatchObject({ name: 'Ayton Community Council', logo: 'logo.svg', accessibilityContact: { email: 'clerk@ayton.gov.uk' } });
    expect(readFileSync(join(root, 'public', 'logo.svg'), 'utf8')).toBe(readFileSync(join(root, 'crest.svg'), 'utf8'));
  });

  test('its content passes the check, which says which collections are empty, as Astro will warn', async () => {
    const out: string[] = [];
    const status = await checkContent({ out: (l) => out.push(l), err: (l) => out.push(l), env: { CHAMBER_CONTENT: join(root, 'content') } });
    expect(status).toBe(0);
    expect(out).toContain('Nothing yet in bodies, people, sources, meetings, minutes, documents, kpis, workshops: Astro warns that it found no files there until you import some.');
  });

  test('it ends with the next steps, naming the council to import for', () => {
    expect(result.out).toContain('npm run import -- <files> --council ayton-community-council');
    expect(result.out).toMatch(/npm run build[\s\S]*upload dist\//);
  });

  test("the project's own content is untouched", () => {
    expect(snapshot(join(ROOT, 'content'))).toEqual(realContent);
  });

  test("run again over the council's own site, it refuses without --force and changes nothing; with --force it starts afresh", async () => {
    const before = snapshot(root);
    const refused = await newSite(root, '--name', 'Bayton Town Council', '--site', 'https://bayton.gov.uk');
    expect(refused.status).toBe(1);
    expect(refused.err).toContain('chamber.config.yaml is not the demo\'s (it has no "demo: true"), so content/ holds a council\'s own site. Run again with --force to delete it (1 file)');
    expect(snapshot(root)).toEqual(before);
    const forced = await newSite(root, '--name', 'Bayton Town Council', '--site', 'https://bayton.gov.uk', '--force');
    expect(forced.status).toBe(0);
    expect(forced.out).toContain('  content/councils (1 file)');
    expect(Object.keys(snapshot(join(root, 'content'))).sort()).toEqual(emptySite('bayton-town-council'));
    expect(loadSiteConfig({}, root).config).toMatchObject({ name: 'Bayton Town Council', base: '/', demo: false });
  });
});

describe('npm run new-site refuses what would make a broken site, and then changes nothing', () => {
  test.each([
    [['--site', 'https://example.org'], '--site https://example.org: a placeholder address no reader can visit'],
    [['--site', 'http://localhost:4321'], '--site http://localhost:4321: a placeholder address'],
    [['--site', 'democracy.ayton.gov.uk'], '--site: a full web address starting https://'],
    [['--site', 'https://ayton.gov.uk', '--base', 'papers'], '--base: a path that starts and ends with /'],
    [['--site', 'https://ayton.gov.uk', '--contact', 'clerk at ayton'], '--contact clerk at ayton: Invalid email address'],
    [['--site', 'https://ayton.gov.uk', '--logo', 'no-such-logo.svg'], '--logo no-such-logo.svg: no such file'],
    [['--site', 'https://ayton.gov.uk', '--id', 'Ayton CC'], '--id Ayton CC: a council id is lower-case letters'],
  ])('%j', async (args, message) => {
    const root = copyProject(`refused-${args.join('-').replace(/\W+/g, '-')}`);
    const before = snapshot(root);
    const result = await newSite(root, '--name', 'Ayton Community Council', ...args);
    expect(result.status).toBe(1);
    expect(result.err).toContain('Nothing was changed:');
    expect(result.err).toContain(message);
    expect(snapshot(root)).toEqual(before);
  });

  test('without a name or an address it shows how to use it', async () => {
    const result = await run(['--name', 'Ayton Community Council'], { out: () => {}, err: (l) => expect(l).toContain('Usage: npm run new-site'), env: {} });
    expect(result).toBe(2);
  });
});

describe('the settings file', () => {
  const write = (name: string, text: string) => {
    const file = join(scratch, name);
    writeFileSync(file, text);
    return file;
  };

  test("the project's own is the demo, built for its placeholder address", () => {
    const loaded = loadSiteConfig({}, ROOT);
    expect(loaded.config.demo).toBe(true);
    expect(publishingProblem(loaded)).toBeUndefined();
  });

  test('a council site with a placeholder address is refused for publishing, naming the file and field', () => {
    const file = write('placeholder.yaml', 'name: Ayton Community Council\nsite: https://www.example.com\n');
    expect(publishingProblem(loadSiteConfig({ CHAMBER_CONFIG: file }))).toMatch(/^\/.*placeholder\.yaml {2}site: https:\/\/www\.example\.com is a placeholder address/);
    const real = write('real.yaml', 'name: Ayton Community Council\nsite: https://ayton.gov.uk\n');
    expect(publishingProblem(loadSiteConfig({ CHAMBER_CONFIG: real, CHAMBER_SITE: 'https://ayton.test' }))).toContain('site (from CHAMBER_SITE): https://ayton.test is a placeholder');
    expect(loadSiteConfig({ CHAMBER_CONFIG: real, CHAMBER_BASE: '/archive/' }).config.base).toBe('/archive/');
  });

  test('npm run build stops before building anything when a council site has a placeholder address', async () => {
    const file = write('build-placeholder.yaml', 'name: Ayton Community Council\nsite: http://localhost:4321\n');
    const out = join(scratch, 'never-built');
    const err: string[] = [];
    expect(await build(['--out', out], { out: () => {}, err: (l) => err.push(l), env: { CHAMBER_CONFIG: file } })).toBe(1);
    expect(err.join('\n')).toMatch(/build-placeholder\.yaml {2}site: http:\/\/localhost:4321 is a placeholder address[\s\S]*Nothing was built\.$/);
    expect(existsSync(out)).toBe(false);
  });

  test('mistakes are reported with file, line and field', () => {
    const file = write('mistakes.yaml', 'name: Ayton\nsite: https://ayton.gov.uk\nbase: papers\nlogo: /img/logo.svg\ncolour: red\n');
    expect(() => loadSiteConfig({ CHAMBER_CONFIG: file })).toThrow(
      [
        'The site settings have problems:',
        `  ${file}:3  base: a path that starts and ends with /, e.g. / or /archive/`,
        `  ${file}:4  logo: a file under public/, e.g. logo.svg`,
        `  ${file}:5  colour: not a setting. The settings are name, site, base, logo, parts, partSize, maxFiles, demo.`,
      ].join('\n'),
    );
    const misspelt = write('misspelt.yaml', 'name: Ayton\nsite: https://ayton.gov.uk\npartsize: 500\n');
    expect(() => loadSiteConfig({ CHAMBER_CONFIG: misspelt })).toThrow(`${misspelt}:3  partsize: not a setting: did you mean partSize?`);
    // A setting an earlier version read says why it went.
    const retired = write('retired.yaml', 'name: Ayton\nsite: https://ayton.gov.uk\npagesPerSearchFile: 3\n');
    expect(() => loadSiteConfig({ CHAMBER_CONFIG: retired })).toThrow(`${retired}:3  pagesPerSearchFile: ${RETIRED_SETTINGS['pagesPerSearchFile']}`);
    expect(RETIRED_SETTINGS['pagesPerSearchFile']).toMatch(/^no longer a setting: search files are packed/);
    const limit = write('limit-mistakes.yaml', 'name: Ayton\nsite: https://ayton.gov.uk\nmaxFiles: 20k\n');
    expect(() => loadSiteConfig({ CHAMBER_CONFIG: limit })).toThrow(['The site settings have a problem:', `  ${limit}:3  maxFiles: a whole number of files, e.g. 20000`].join('\n'));
    expect(() => loadSiteConfig({ CHAMBER_CONFIG: join(scratch, 'none.yaml') })).toThrow(/none\.yaml not found: .*npm run new-site/);
  });
});
