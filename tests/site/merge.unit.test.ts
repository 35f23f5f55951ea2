import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { Merge, mergeParts, MergeError, PART_RECORD, partSetProblem, sitemapFiles, type PartRecord } from '../../scripts/build/merge';
import { runScript } from '../helpers/build';
import { siteFiles } from '../helpers/site-tree';

const scratch = mkdtempSync(join(tmpdir(), 'chamber-merge-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SITE = { site: 'https://www.example.gov.uk', base: '/papers' };
const ROOT_URL = 'https://www.example.gov.uk/papers/';

/**
 * A built part: its files by path, with a sitemap of its pages as @astrojs/sitemap writes it, and the record
 * `--part` writes (`record`: of a build of these parts).
 */
function part(name: string, files: Record<string, string>, pages: string[] = [], record?: Omit<PartRecord, 'part'>): { name: string; dir: string } {
  const dir = join(scratch, `${name}-${Math.random().toString(36).slice(2)}`);
  const entries = new Map(pages.map((page) => [`${ROOT_URL}${page}`, `<url><loc>${ROOT_URL}${page}</loc></url>`]));
  const recorded = record ? { [PART_RECORD]: JSON.stringify({ part: name, ...record }) } : {};
  for (const [path, text] of [...sitemapFiles(entries, ROOT_URL), ...Object.entries(files), ...Object.entries(recorded)]) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { name, dir };
}

const out = () => join(scratch, `out-${Math.random().toString(36).slice(2)}`);
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);

describe('mergeParts', () => {
  test('copies every part, and a file two parts wrote alike (styles, robots.txt) once', async () => {
    const style = 'main{max-width:40rem}';
    const a = part('leicester-2009', { 'meetings/a/index.html': '<p>A</p>', '_astro/site.css': style, 'robots.txt': 'User-agent: *' });
    const b = part('site', { 'index.html': '<p>Home</p>', '_astro/site.css': style, 'robots.txt': 'User-agent: *' });
    const to = out();
    // The four files copied once, the sitemap's three files and _headers: every file of the merged site.
    expect(await mergeParts([a, b], to, SITE)).toBe(8);
    expect(readdirSync(to, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())).toHaveLength(8);
    expect(readFileSync(join(to, 'meetings/a/index.html'), 'utf8')).toBe('<p>A</p>');
    expect(readFileSync(join(to, 'index.html'), 'utf8')).toBe('<p>Home</p>');
    expect(readFileSync(join(to, '_astro/site.css'), 'utf8')).toBe(style);
  });

  test('two parts that wrote one file differently stop the merge, naming the file and both parts', async () => {
    const a = part('leicester-2009', { 'people/jo-bloggs/index.html': '<p>Councillor</p>' });
    const b = part('site', { 'people/jo-bloggs/index.html': '<p>Former councillor</p>' });
    await expect(mergeParts([a, b], out(), SITE)).rejects.toThrow(MergeError);
    await expect(mergeParts([a, b], out(), SITE)).rejects.toThrow('Parts leicester-2009 and site both wrote people/jo-bloggs/index.html, and the two differ.');
  });

  test('the sitemap lists every page of every part, and the index and /sitemap.xml point to it at the base path', async () => {
    const a = part('leicester-2009', {}, ['meetings/a/', 'minutes/a/']);
    const b = part('leicestershire-2015', {}, ['meetings/b/']);
    const c = part('site', {}, ['', 'people/']);
    const to = out();
    await mergeParts([a, b, c], to, SITE);
    const pages = ['', 'meetings/a/', 'meetings/b/', 'minutes/a/', 'people/'].map((p) => `${ROOT_URL}${p}`);
    expect(locs(readFileSync(join(to, 'sitemap-0.xml'), 'utf8'))).toEqual(pages);
    expect(locs(readFileSync(join(to, 'sitemap-index.xml'), 'utf8'))).toEqual([`${ROOT_URL}sitemap-0.xml`]);
    expect(readFileSync(join(to, 'sitemap.xml'), 'utf8')).toBe(readFileSync(join(to, 'sitemap-index.xml'), 'utf8'));
  });

  test('_headers has a rule for every top-level file and folder of the merged site, under the base path', async () => {
    const a = part('leicester-2009', { 'meetings/a/index.html': '', '_headers': '/papers/meetings/*\n' });
    const b = part('site', { 'index.html': '', '404.html': '', '_astro/site.css': '', '_headers': '/papers/\n' });
    const to = out();
    await mergeParts([a, b], to, SITE);
    const rules = readFileSync(join(to, '_headers'), 'utf8').split('\n').filter((line) => line.startsWith('/'));
    const top = readdirSync(to, { withFileTypes: true })
      .filter((e) => e.name !== '_headers')
      .map((e) => `/papers/${e.name}${e.isDirectory() ? '/*' : ''}`);
    expect(top).toContain('/papers/meetings/*');
    for (const path of top) expect(rules).toContain(path);
    // The search index, written by the parts' indexing, is covered even when no part has one yet.
    expect(rules).toContain('/papers/pagefind/*');
  });

  test('a part that was not built stops the merge, naming it', async () => {
    await expect(mergeParts([{ name: 'leicester-2009', dir: join(scratch, 'never-built') }], out(), SITE)).rejects.toThrow(/Part leicester-2009 has no folder/);
  });

  test('the merged site is the same whatever order the parts are given in, and a problem waits for finish', async () => {
    const style = 'main{max-width:40rem}';
    const parts = [
      part('leicester-2009', { 'meetings/a/index.html': '<p>A</p>', '_astro/site.css': style }, ['meetings/a/']),
      part('leicestershire-2015', { 'meetings/b/index.html': '<p>B</p>', '_astro/site.css': style }, ['meetings/b/']),
      part('site', { 'index.html': '<p>Home</p>', '_astro/site.css': style }, ['']),
    ];
    const forwards = out();
    const backwards = out();
    await mergeParts(parts, forwards, SITE);
    await mergeParts([...parts].reverse(), backwards, SITE);
    const contents = (dir: string) => siteFiles(dir).sort().map((file) => [file, readFileSync(join(dir, file), 'utf8')]);
    expect(contents(backwards)).toEqual(contents(forwards));
    expect(siteFiles(forwards)).toHaveLength(8);

    const merge = new Merge(out());
    merge.add(part('one', { 'z/late.html': 'one' }));
    expect(() => merge.add(part('two', { 'z/late.html': 'two' }))).not.toThrow();
    await merge.settled();
    await expect(merge.finish(SITE)).rejects.toThrow('Parts one and two both wrote z/late.html, and the two differ.');
  });
});

describe('which folders make a whole site', () => {
  const record = (part: string, build = 'b1', parts = ['one', 'two']): PartRecord => ({ part, parts, build });
  test('every part of one build, once each, in any order', () => {
    expect(partSetProblem([{ dir: 'p/two', record: record('two') }, { dir: 'p/one', record: record('one') }])).toBeUndefined();
  });
  test('a folder not built with --part, or built from other content, is named', () => {
    expect(partSetProblem([{ dir: 'p/one', record: record('one') }, { dir: 'stray', record: undefined }])).toBe(
      `stray was not built with --part (it has no ${PART_RECORD}): build each part with npm run build -- --part <name> --out <folder>.`,
    );
    expect(partSetProblem([{ dir: 'p/one', record: record('one') }, { dir: 'old/two', record: record('two', 'b0') }])).toBe(
      'p/one and old/two were built from different content or code: build every part from the same commit.',
    );
    expect(partSetProblem([{ dir: 'p/one', record: record('one') }, { dir: 'q/two', record: record('two', 'b1', ['one', 'two', 'three']) }])).toMatch(/^p\/one and q\/two were built from different/);
  });
  test('a part given twice, or missing, is named', () => {
    expect(partSetProblem([{ dir: 'p/one', record: record('one') }, { dir: 'q/one', record: record('one') }])).toBe('Part one is given twice: p/one and q/one.');
    expect(partSetProblem([{ dir: 'p/one', record: record('one') }])).toBe('The site has 2 parts, and part two is missing: build it with --part, and merge every part.');
    const three = ['one', 'two', 'three'];
    expect(partSetProblem([{ dir: 'p/one', record: record('one', 'b1', three) }])).toBe('The site has 3 parts, and parts two, three are missing: build them with --part, and merge every part.');
  });
});

describe('npm run build -- --merge', () => {
  const build = { parts: ['one', 'two'], build: 'b1' };
  test('a failed merge leaves no half-written output, and an earlier site as it was', () => {
    const a = part('one', { 'meetings/a/index.html': '<p>A</p>', 'z/late.html': 'one' }, [], build);
    const b = part('two', { 'meetings/b/index.html': '<p>B</p>', 'z/late.html': 'two' }, [], build);
    const to = out();
    const fresh = runScript('scripts/build.ts', ['--merge', a.dir, b.dir, '--out', to]);
    expect(fresh.status).toBe(1);
    expect(fresh.output).toContain(`Parts ${a.dir} and ${b.dir} both wrote z/late.html, and the two differ; no ${to} was written.`);
    expect(existsSync(to)).toBe(false);
    expect(existsSync(`${to}.merging`)).toBe(false);

    const earlier = part('earlier', { 'index.html': '<p>Yesterday</p>' });
    const again = runScript('scripts/build.ts', ['--merge', a.dir, b.dir, '--out', earlier.dir]);
    expect(again.status).toBe(1);
    expect(again.output).toContain('is unchanged');
    expect(siteFiles(earlier.dir).sort()).toEqual(['index.html', 'sitemap-0.xml', 'sitemap-index.xml', 'sitemap.xml']);
    expect(readFileSync(join(earlier.dir, 'index.html'), 'utf8')).toBe('<p>Yesterday</p>');
  });

  test('merges folders built apart into one site, without their records', () => {
    const a = part('one', { 'meetings/a/index.html': '<p>A</p>' }, ['meetings/a/'], build);
    const b = part('two', { 'index.html': '<p>Home</p>' }, [''], build);
    const to = out();
    const merged = runScript('scripts/build.ts', ['--merge', a.dir, b.dir, '--out', to]);
    expect(merged.status).toBe(0);
    expect(siteFiles(to).sort()).toEqual(['_headers', 'index.html', 'meetings/a/index.html', 'sitemap-0.xml', 'sitemap-index.xml', 'sitemap.xml']);
  });

  test('a part missing, or a folder that is not a part, stops the merge before it writes anything', () => {
    const a = part('one', { 'meetings/a/index.html': '<p>A</p>' }, ['meetings/a/'], build);
    const stray = part('stray', { 'a.txt': 'not a part' });
    const corrupt = part('two', { 'index.html': '<p>Home</p>', [PART_RECORD]: '{"part": "two"' });
    const nowhere = join(scratch, 'never-built');
    const cases: Array<[string[], string]> = [
      [[a.dir], 'part two is missing'],
      [[a.dir, stray.dir], `${stray.dir} was not built with --part`],
      [[a.dir, corrupt.dir], `${corrupt.dir} was not built with --part`],
      [[a.dir, nowhere], `There is no folder ${nowhere} to merge`],
    ];
    for (const [folders, message] of cases) {
      const to = out();
      const merged = runScript('scripts/build.ts', ['--merge', ...folders, '--out', to]);
      expect(merged.status).toBe(1);
      expect(merged.output).toContain(message);
      expect(existsSync(to)).toBe(false);
    }
  });
});
