import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, onTestFinished, test } from 'vitest';
import { changedFiles, readRecord, recordFile, saveRecord, staleness, takeRecord, type BuildRecord } from '../../scripts/build-record';
import { copyFixtureSite, editFile } from '../helpers/fixture-site';

const ROOT = join(import.meta.dirname, '..', '..');
const MEETING = 'meetings/leicestershire/scrutiny-commission/2015-04-22.yaml';
const scratch = mkdtempSync(join(tmpdir(), 'chamber-build-record-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the fixture site's content, removed when the test ends. */
function contentCopy(): string {
  const content = copyFixtureSite();
  onTestFinished(() => rmSync(dirname(content), { recursive: true, force: true }));
  return content;
}

/** What a build of a content folder (a copy of the fixture site) into a scratch folder would read now. */
const recordOf = (content: string, env: Record<string, string> = {}) => takeRecord(join(scratch, 'dist'), { CHAMBER_CONTENT: content, ...env });

describe('what a build read', () => {
  test('covers the project source, its settings and the content folder the build is given', () => {
    const content = contentCopy();
    const { files, settings } = recordOf(content, { CHAMBER_BASE: '/' });
    for (const path of ['src/pages/meetings/[...id].astro', 'src/site-pages/index.astro', 'src/schema/index.ts', 'astro.config.mjs', 'package-lock.json', 'chamber.config.yaml', 'scripts/build.ts', 'scripts/build/part.ts']) {
      expect(files, path).toHaveProperty([path]);
    }
    expect(files).toHaveProperty([join(content, MEETING)]);
    // The project's own content is not what this build reads.
    expect(Object.keys(files).filter((p) => p.startsWith('content/'))).toEqual([]);
    expect(settings).toEqual({ site: expect.stringMatching(/^https?:\/\//), base: '/' });
    // The address and base path given in the environment are the ones the site is built for.
    const moved = recordOf(content, { CHAMBER_SITE: 'https://democracy.example.org', CHAMBER_BASE: '/council/' });
    expect(moved.settings).toEqual({ site: 'https://democracy.example.org', base: '/council/' });
  });

  test('a changed, added or removed file is named; a file only touched (a fresh clone) is not', () => {
    const content = contentCopy();
    const before = recordOf(content).files;
    utimesSync(join(content, MEETING), new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(changedFiles(before, recordOf(content).files)).toEqual([]);
    editFile(content, MEETING, /\n/, '\n# a note\n');
    rmSync(join(content, 'councils', 'leicestershire.yaml'));
    expect(changedFiles(before, recordOf(content).files)).toEqual([join(content, 'councils', 'leicestershire.yaml'), join(content, MEETING)]);
  });
});

describe('a build into the same folder again', () => {
  test('reads only the files whose stamp changed since the last build recorded them', () => {
    const content = contentCopy();
    const out = join(scratch, 'stamped', 'dist');
    mkdirSync(out, { recursive: true });
    onTestFinished(() => rmSync(recordFile(out), { force: true }));
    const env = { CHAMBER_CONTENT: content };
    const first = takeRecord(out, env);
    const meeting = join(content, MEETING);
    expect(first.stamps?.[meeting]?.size).toBeGreaterThan(0);
    // A last record whose hash of the meeting is not the file's: taken as it is while the file's stamp is unchanged,
    // which shows the file was not read again.
    saveRecord({ ...first, files: { ...first.files, [meeting]: 'as last recorded' } });
    expect(takeRecord(out, env).files[meeting]).toBe('as last recorded');
    utimesSync(meeting, new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(takeRecord(out, env).files[meeting]).toBe(first.files[meeting]);
  });
});

describe('the message a test run stops with', () => {
  const built: BuildRecord = { out: '/site/dist', settings: { site: 'https://democracy.example.org', base: '/' }, files: { 'src/pages/index.astro': 'a', 'content/x.mdx': 'b' } };

  test('is none when nothing changed', () => {
    expect(staleness('dist/', built, structuredClone(built))).toBeUndefined();
  });

  test('names the changed file and says how to rebuild', () => {
    const now = { ...built, files: { ...built.files, 'src/pages/index.astro': 'c' } };
    expect(staleness('dist/', built, now)).toBe('dist/ was built from older source: src/pages/index.astro changed since. Run `npm run build` (or `npm test`).');
  });

  test('names five changed files and counts the rest', () => {
    const files = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`content/m${i}.mdx`, 'new']));
    const message = staleness('dist/', built, { ...built, files });
    expect(message).toContain('content/m0.mdx, content/m1.mdx, content/m2.mdx, content/m3.mdx, content/m4.mdx and 5 more changed since');
  });

  test('says when the build was for another base path', () => {
    const now = { ...built, settings: { ...built.settings, base: '/council/' } };
    expect(staleness('dist/', built, now)).toBe('dist/ was built from older source: it was built for base /, not /council/. Run `npm run build` (or `npm test`).');
  });
});

describe('the record of a build', () => {
  test('is kept outside the built folder, read back by that folder, and dropped once the folder is gone', () => {
    const root = join(scratch, 'project');
    const kept = join(scratch, 'kept', 'dist');
    const gone = join(scratch, 'gone', 'dist');
    mkdirSync(kept, { recursive: true });
    mkdirSync(gone, { recursive: true });
    const record = (out: string): BuildRecord => ({ out, settings: { site: 'https://democracy.example.org', base: '/' }, files: { 'src/a.ts': out } });
    saveRecord(record(gone), root);
    expect(readRecord(gone, root)).toEqual(record(gone));
    expect(dirname(recordFile(gone, root))).toBe(join(root, '.chamber', 'builds'));
    rmSync(gone, { recursive: true });
    saveRecord(record(kept), root);
    expect(readRecord(kept, root)).toEqual(record(kept));
    expect(existsSync(recordFile(gone, root))).toBe(false);
    expect(readRecord(join(scratch, 'never-built'), root)).toBeUndefined();
  });

  test('of the project itself is found by the path it was built to', () => {
    expect(recordFile('dist', ROOT)).toBe(recordFile(join(ROOT, 'dist'), ROOT));
  });
});
