import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { PEAKS_FILE, storeFor } from '../../scripts/build';
import { descendants, processes } from '../../scripts/build/processes';
import { REPLACED, STORE_FOR } from '../../scripts/build/store';
import { SEARCH_BUNDLE } from '../../src/model/search';
import { cleanEnv, runScript, TWO_AT_ONCE } from '../helpers/build';
import { editFile } from '../helpers/fixture-site';
import { siteDifferences } from '../helpers/site-tree';

const ROOT = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'chamber-incremental-'));
const content = join(scratch, 'content');
cpSync(join(ROOT, 'content'), content, { recursive: true });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const out = join(scratch, 'dist');
// The settings too are a copy, which the test edits.
const config = join(scratch, 'chamber.config.yaml');
cpSync(join(ROOT, 'chamber.config.yaml'), config);
const env = { CHAMBER_CONTENT: content, CHAMBER_CONFIG: config };

/**
 * Builds the copy in parts and gives back the parts the build says it built (`  [1/2] leicester-2009: ...`), each
 * with the peak memory it says the part needed.
 */
function build(memory: string[] = [], said: string[] = []): string[] {
  const result = runScript('scripts/build.ts', ['--out', out, ...TWO_AT_ONCE, ...memory], env);
  expect(result.status, result.output).toBe(0);
  said.push(result.output);
  const built = [...result.output.matchAll(/^\s+\[\d+\/\d+\] (\S+): \d+ pages in [\d.]+ s, peak ([\d.]+) GB$/gm)];
  expect(built.length, result.output).toBe([...result.output.matchAll(/^\s+\[\d+\/\d+\] /gm)].length);
  // An Astro process needs a few hundred MB at the least, and a part of the seed site far less than a machine's 4 GB.
  for (const [, , peak] of built) {
    expect(Number(peak)).toBeGreaterThan(0.1);
    expect(Number(peak)).toBeLessThan(4);
  }
  return built.map((m) => m[1]!).sort();
}

describe('rebuilding only what changed', () => {
  test('an edit rebuilds the parts that show it, and the site is the one a build from scratch gives', { timeout: 900_000 }, () => {
    const first = build();
    expect(first).toEqual(['leicester-2009', 'leicestershire-2014-2015', 'leicestershire-2023', 'site']);
    const store = storeFor(out, { ...process.env, ...env });
    const replaced = () => readdirSync(store).filter((name) => name.startsWith(REPLACED));
    expect(replaced()).toEqual([]);
    // A replaced site whose removal was stopped (a CI runner ended the job) goes in the next build.
    const left = join(store, `${REPLACED}1`);
    cpSync(out, left, { recursive: true });
    expect(build(), 'nothing changed').toEqual([]);
    expect(existsSync(left)).toBe(false);

    // The host's file limit changes nothing a part writes: no part is built again, and the build shows the limit.
    writeFileSync(config, `${readFileSync(config, 'utf8')}\nmaxFiles: 100000\n`);
    const limited: string[] = [];
    expect(build([], limited), 'maxFiles set').toEqual([]);
    expect(limited[0]).toMatch(/^Site written to .*: 4 parts, [\d,]+ files of the 100,000 its host accepts/m);

    // A paper's text is shown on its own page only: its part is built again, and nothing else.
    editFile(content, 'documents/leicester/cabinet/2009-07-13/agenda.mdx', /\n\n([A-Z])/, '\n\nA sentence added by the test.\n\n$1');
    expect(build()).toEqual(['leicester-2009']);

    // A councillor's name is on every page that names them, and on the site part's lists; not in the county's parts.
    // Built within 900 MB, with every part's last peak set to 1 MB: both parts start at once, pass the memory
    // together, and the one started last (the site part, built last) is stopped and built again alone.
    const peaksFile = join(storeFor(out, { ...process.env, ...env }), PEAKS_FILE);
    const peaks = JSON.parse(readFileSync(peaksFile, 'utf8')) as Record<string, number>;
    expect(Object.keys(peaks).sort()).toEqual(first);
    writeFileSync(peaksFile, JSON.stringify(Object.fromEntries(first.map((name) => [name, 1024 ** 2]))));
    editFile(content, 'people/leicester/connelly.yaml', /^name: Connelly$/m, 'name: Connelly-Smith');
    const said: string[] = [];
    const renamed = build(['--memory', '900MB'], said);
    expect(said[0]).toMatch(/^\s+site: stopped, as the parts being built used [\d.]+ GB, over 0\.88 GB; it will be built again alone$/m);
    expect(renamed).toContain('site');
    expect(renamed).toContain('leicester-2009');
    expect(renamed.filter((part) => part.startsWith('leicestershire'))).toEqual([]);

    const whole = join(scratch, 'whole');
    const fresh = runScript('scripts/build.ts', ['--whole', '--out', whole], env);
    expect(fresh.status, fresh.output).toBe(0);
    expect(siteDifferences(whole, out, (path) => path.startsWith(`${SEARCH_BUNDLE}/`))).toEqual([]);
    // The sites the builds replaced were moved aside and removed once each build had finished, in the background.
    expect(replaced()).toEqual([]);
  });

  // Uses the site built above. A part's Astro process is killed while it builds, as a build machine's system does
  // when it runs out of memory: the build says which part and why, and leaves the site and the kept parts as they were.
  test('a part killed while it builds leaves dist/ and the kept parts as they were', { timeout: 600_000 }, async () => {
    const store = storeFor(out, { ...process.env, ...env });
    // The store says what it is for, so a later build can remove it once this copy of the content is gone.
    expect(JSON.parse(readFileSync(join(store, STORE_FOR), 'utf8'))).toMatchObject({ content, out });
    const before = join(scratch, 'before-kill');
    cpSync(out, before, { recursive: true });
    const digest = readFileSync(join(store, 'built', 'leicester-2009.digest'), 'utf8');
    const path = 'documents/leicester/cabinet/2009-07-13/governance-of-investments-audit-commission-report.mdx';
    editFile(content, path, /\n\n([A-Z])/, '\n\nA sentence the killed build never showed.\n\n$1');

    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--out', out, ...TWO_AT_ONCE], { cwd: ROOT, env: cleanEnv(env) });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((done) => child.on('close', done));
    // The part's Astro process, found among the build's own: its command runs astro.mjs, its environment names the part.
    let killed: number | undefined;
    while (killed === undefined && child.exitCode === null) {
      for (const pid of descendants(child.pid!, processes())) {
        try {
          const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
          if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('astro.mjs') && environ.includes('CHAMBER_PART=leicester-2009')) {
            process.kill(pid, 'SIGKILL');
            killed = pid;
          }
        } catch {
          // Ended since it was listed.
        }
      }
      await new Promise((wait) => setTimeout(wait, 50));
    }
    const status = await exited;
    expect(killed, output).toBeDefined();
    expect(status, output).toBe(1);
    expect(output).toMatch(/^\s+\[1\/1\] leicester-2009: FAILED$/m);
    expect(output).toMatch(/^Part leicester-2009 failed:$/m);
    expect(output).toMatch(/^\s+Its Astro build was stopped by SIGKILL, as a system out of memory does: build fewer parts at once \(--jobs, --memory\) or smaller ones \(partSize, parts in chamber\.config\.yaml\)\.$/m);
    expect(output).toMatch(/1 of 1 parts failed \(see above\); the previous .*dist is unchanged\.$/m);
    expect(siteDifferences(before, out)).toEqual([]);
    // Nothing half-built is left beside the kept parts, and the part kept is still the one built before.
    expect(readdirSync(store).filter((name) => name.startsWith('merge-'))).toEqual([]);
    expect(existsSync(join(store, 'built', 'leicester-2009.building'))).toBe(false);
    expect(readFileSync(join(store, 'built', 'leicester-2009.digest'), 'utf8')).toBe(digest);

    // The next build builds that part again, and nothing else.
    expect(build()).toEqual(['leicester-2009']);
    const page = readFileSync(join(out, 'documents', path.replace(/^documents\//, '').replace(/\.mdx$/, ''), 'index.html'), 'utf8');
    expect(page).toContain('A sentence the killed build never showed.');
  });
});
