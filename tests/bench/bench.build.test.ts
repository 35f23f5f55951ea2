import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { BenchResults } from '../../scripts/bench/report';
import { run } from '../../scripts/bench/run';
import { cleanEnv } from '../helpers/build';

const work = mkdtempSync(join(tmpdir(), 'chamber-bench-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * The whole benchmark at 50 documents, so it cannot rot: it generates the corpus, builds it with the project (in
 * parts) and as the plain-Astro baseline, searches it in Chromium, adds the newest pack and builds again, and times
 * the importer. It checks that every figure was measured, not the figures themselves: those depend on the machine
 * and what else it is doing.
 */
test('npm run bench runs end to end on a small corpus', { timeout: 900_000 }, async () => {
  const out = join(work, 'results.json');
  const lines: string[] = [];
  const code = await run(['--sizes', '50', '--out', out, '--work', join(work, 'run'), '--importer-runs', '1', '--queries', 'budget'], {
    out: (line) => lines.push(line),
    err: (line) => lines.push(line),
    // Without what Vitest adds to the environment (NODE_ENV=test, BASE_URL...), which the builds would read.
    env: cleanEnv({}),
  });
  expect(code, lines.join('\n')).toBe(0);

  const results = JSON.parse(readFileSync(out, 'utf8')) as BenchResults;
  expect(results.importer!.linesPerSecond).toBeGreaterThan(0);
  expect(results.pdf!.pages).toBeGreaterThan(100);
  expect(results.pdf!.pagesPerSecond).toBeGreaterThan(0);
  const [size] = results.sizes;
  // At least the size asked for: the newest pack, held back for the rebuild, is written whole.
  expect(size!.corpus.documents).toBeGreaterThanOrEqual(50);
  expect(size!.corpus.documents).toBeLessThan(50 + size!.newestPack.documents + 1);
  for (const build of [size!.project, size!.baseline]) {
    expect(build.ok).toBe(true);
    expect(build.wallMs).toBeGreaterThan(0);
    expect(build.peakRssBytes).toBeGreaterThan(0);
    // The heaviest page is a page of the site, weighed as written and as a reader downloads it.
    expect(build.heaviestPage!.path).toMatch(/^\/.*\/$/);
    expect(build.heaviestPage!.gzipBytes).toBeGreaterThan(0);
    expect(build.heaviestPage!.gzipBytes).toBeLessThan(build.heaviestPage!.bytes);
  }
  // Both build the corpus without its newest pack: the baseline one page per MDX entry, the project those and its own pages.
  const mdx = size!.corpus.mdx - size!.newestPack.mdx;
  expect(size!.newestPack.documents).toBeGreaterThan(0);
  expect(size!.baseline.pages).toBe(mdx);
  expect(size!.project.pages).toBeGreaterThan(mdx);
  // Every part's Astro and Pagefind were seen, the site part's included.
  expect(size!.parts.count).toBeGreaterThanOrEqual(2);
  expect(size!.parts.built.map((p) => p.name)).toContain('site');
  expect(size!.project.processes.find((k) => k.command === 'node astro.mjs build')?.count).toBeGreaterThanOrEqual(size!.parts.count);
  expect(size!.pagefind.cpuMs).toBeGreaterThan(0);
  expect(size!.pagefind.files).toBeGreaterThan(0);
  // The new pack rebuilt its own part and the site part, not every part (at 50 documents there may be no other).
  const rebuild = size!.incremental;
  if (!('ok' in rebuild)) throw new Error(`rebuild not measured: ${rebuild.skipped}`);
  expect(rebuild.ok).toBe(true);
  expect(rebuild.partsBuilt + rebuild.partsReused).toBe(size!.parts.count);
  expect(rebuild.partsBuilt).toBeGreaterThanOrEqual(1);
  expect(rebuild.ratio).toBeCloseTo(rebuild.ms / size!.project.wallMs, 9);
  if (existsSync(process.env['CHAMBER_CHROMIUM'] ?? '/usr/bin/chromium')) {
    const queries = size!.queries;
    if (!Array.isArray(queries)) throw new Error(`queries not measured: ${queries.skipped}`);
    const [query] = queries;
    expect(query!.results).toBeGreaterThan(0);
    expect(query!.parts.fragments.requests).toBeGreaterThan(0);
    // Each result's fragment is read from its part's pack, by range, after the table that says where it lies.
    expect(query!.parts.fragments.transferBytes).toBeGreaterThan(0);
    expect(query!.parts.tables.requests).toBeGreaterThan(0);
    expect(query!.parts.code.requests).toBeLessThan(query!.requests);
  }
  expect(lines.join('\n')).toContain('| Build time, project / baseline |');
  expect(lines.join('\n')).toContain('|   rebuild / full build |');
  // Nothing is left behind but the results.
  expect(existsSync(join(work, 'run', 'project'))).toBe(false);
  expect(existsSync(join(work, 'run', '50'))).toBe(false);
});
