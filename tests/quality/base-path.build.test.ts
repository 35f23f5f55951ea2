import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runScript, TWO_AT_ONCE } from '../helpers/build';
import { parseHeaders, serveDirectory, type StaticServer } from '../helpers/static-server';
import { checkLinks } from './links';

const BASE = '/archive/';
const SITE = 'https://democracy.example.gov.uk';
const scratch = mkdtempSync(join(tmpdir(), 'chamber-base-'));
const out = join(scratch, 'dist');
let build: { status: number | null; output: string };
let server: StaticServer;

beforeAll(async () => {
  // The seed site built as a council would deploy it under a sub-path of its own domain.
  build = runScript('scripts/build.ts', ['--out', out, ...TWO_AT_ONCE], { CHAMBER_BASE: BASE, CHAMBER_SITE: SITE, CHAMBER_CACHE_DIR: join(scratch, 'cache') });
  if (build.status === 0) server = await serveDirectory(out, { base: BASE });
});
afterAll(async () => {
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe(`the seed site built with CHAMBER_BASE=${BASE} CHAMBER_SITE=${SITE}`, () => {
  test('builds', () => {
    expect(build.status, build.output).toBe(0);
  });

  test('every internal link and anchor resolves under the base path', () => {
    const report = checkLinks(out, { base: BASE, site: SITE });
    console.log(`Base path ${BASE}: ${report.pages} pages, ${report.internal} internal links (${report.anchors} into anchors), ${report.broken.length} broken`);
    expect(report.internal).toBeGreaterThan(report.pages);
    expect(report.broken).toEqual([]);
  });

  test('robots.txt, the sitemap and _headers use the full address', () => {
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}${BASE}sitemap-index.xml`);
    const sitemap = readFileSync(join(out, 'sitemap-0.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.length).toBeGreaterThan(10);
    expect(locs.filter((l) => !l.startsWith(`${SITE}${BASE}`))).toEqual([]);
    const patterns = parseHeaders(readFileSync(join(out, '_headers'), 'utf8')).map((r) => r.pattern);
    expect(patterns).toContain(`${BASE}_astro/*`);
    expect(patterns.filter((p) => !p.startsWith(BASE))).toEqual([]);
  });

  test('served under the sub-path, pages and their stylesheet load, and a missing page gets the 404 page', async () => {
    const home = await fetch(server.url);
    expect(home.status).toBe(200);
    const css = /href="([^"]+\.css)"/.exec(await home.text())?.[1];
    expect(css?.startsWith(`${BASE}_astro/`)).toBe(true);
    expect((await fetch(`${server.origin}${css}`)).status).toBe(200);
    const missing = await fetch(`${server.url}meetings/no-such-meeting/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');
  });
});
