import { describe, expect, test } from 'vitest';
import { median } from '../../scripts/bench/importer-speed';
import { commandName, descendants, measure, parseStat, processMemory } from '../../scripts/bench/measure';
import { formatPhases, formatTable, phasesOf, TARGETS, worstQuery, type BenchResults, type SizeFigures } from '../../scripts/bench/report';
import { pagefindPart, transferSize } from '../../scripts/bench/search-cost';

describe('reading /proc', () => {
  test('parses a stat line whose command name has spaces and brackets', () => {
    const stat = '4242 (node (astro) build) S 4200 4242 4200 0 -1 4194560 100 0 0 0 250 30 0 0 20 0 11 0 123 456 789';
    expect(parseStat(stat)).toEqual({ ppid: 4200, cpuMs: 2800 });
  });

  test('reads resident and peak memory from a status file', () => {
    expect(processMemory('Name:\tnode\nVmHWM:\t  2048 kB\nVmRSS:\t  1024 kB\n')).toEqual({ rss: 1024 * 1024, hwm: 2048 * 1024 });
  });

  test('finds a process tree from parent ids', () => {
    const tree = new Map([[10, { ppid: 1 }], [11, { ppid: 10 }], [12, { ppid: 11 }], [13, { ppid: 1 }]]);
    expect(descendants(10, tree).sort()).toEqual([10, 11, 12]);
  });

  test('names a process by its first arguments', () => {
    expect(commandName('/usr/bin/node\0/work/node_modules/astro/bin/astro.mjs\0build\0--outDir\0x\0')).toBe('node astro.mjs build');
  });
});

describe('measure', () => {
  test('times a command tree and sees the memory of its children', async () => {
    const script = "const b = Buffer.alloc(200 * 1024 * 1024, 1); setTimeout(() => console.log('held', b.length), 600);";
    const m = await measure(process.execPath, ['-e', `require('node:child_process').execFileSync(process.execPath, ['-e', ${JSON.stringify(script)}], { stdio: 'inherit' })`], {
      cwd: process.cwd(),
      env: process.env,
      intervalMs: 50,
    });
    expect(m.exitCode).toBe(0);
    expect(m.lines.map((l) => l.text)).toContain(`held ${200 * 1024 * 1024}`);
    expect(m.wallMs).toBeGreaterThan(500);
    expect(m.peakProcessBytes).toBeGreaterThan(200 * 1024 * 1024);
    expect(m.peakRssBytes).toBeGreaterThan(200 * 1024 * 1024);
    expect(m.processes.length).toBeGreaterThanOrEqual(1);
  });
});

describe('build phases', () => {
  test('end at the last line of each marker, and last from the end of the one before', () => {
    const lines = [
      { ms: 900, text: 'Content is valid.' },
      { ms: 5_000, text: '01:59:39 [content] Synced content' },
      { ms: 6_000, text: '01:59:39 [build] ✓ Completed in 9.30s.' },
      { ms: 60_000, text: '02:00:46 [build] Rearranging server assets...' },
      { ms: 90_000, text: '02:02:26 [build] ✓ Completed in 2m 48s.' },
      { ms: 91_000, text: '02:02:27 [build] Complete!' },
      { ms: 150_000, text: 'Indexed 12,796 pages for search in 40.2 s.' },
    ];
    const phases = phasesOf(lines);
    expect(phases).toEqual({ validate: 900, sync: 5_000, bundle: 60_000, render: 90_000, index: 150_000 });
    expect(formatPhases(phases)).toBe('validate 0.9 s · sync 4.1 s · bundle 55.0 s · render 30.0 s · index 1 min 0 s');
  });
});

describe('query cost', () => {
  test('sorts Pagefind files into code, index, filters and fragments', () => {
    expect(pagefindPart('/pagefind/pagefind.js')).toBe('code');
    expect(pagefindPart('/pagefind/wasm.en-gb.pagefind')).toBe('code');
    expect(pagefindPart('/pagefind/index/en-gb_1a2b.pf_index')).toBe('index');
    expect(pagefindPart('/pagefind/pagefind.en-gb_1a2b.pf_meta')).toBe('index');
    expect(pagefindPart('/pagefind/filter/en-gb_1a2b.pf_filter')).toBe('filters');
    expect(pagefindPart('/pagefind/fragment/en-gb_1a2b.pf_fragment')).toBe('fragments');
  });

  test('counts JavaScript as a CDN sends it, gzipped, and Pagefind files as stored', () => {
    const text = Buffer.from('const a = 1;\n'.repeat(1000));
    expect(transferSize('pagefind.js', text)).toBeLessThan(text.length / 10);
    expect(transferSize('x.pf_fragment', text)).toBe(text.length);
  });
});

describe('the report', () => {
  const size = (documents: number, wall: number, query: number): SizeFigures => ({
    documents,
    corpus: { councils: 1, bodies: 4, people: 60, sources: 10, meetings: 10, minutes: 9, documents, kpis: 3, workshops: 0, mdx: documents + 9, files: 100, bytes: 1e6, generateMs: 10 },
    project: { ok: true, wallMs: wall, cpuMs: wall, load: [1, 1], peakRssBytes: 5e9, peakProcessBytes: 3e9, processes: [], timeline: [], phases: { validate: 100, finish: wall }, pages: 10, files: 20, bytes: 1e6 },
    baseline: { ok: true, wallMs: 1000, cpuMs: 1000, load: [1, 1], peakRssBytes: 1e9, peakProcessBytes: 1e9, processes: [], timeline: [], phases: {}, pages: 5, files: 5, bytes: 1e5 },
    ratio: { wall: wall / 1000, cpu: wall / 1000, peakRss: 5 },
    pagefind: { ok: true, indexMs: 10, peakRssBytes: 1e8, files: 10, bytes: 1e5 },
    queries: [
      { query: 'a', via: 'search-page', results: 1, requests: 1, pagefindBytes: 1, pagefindTransferBytes: query, totalBytes: 1, parts: { code: { requests: 1, transferBytes: query }, index: { requests: 0, transferBytes: 0 }, filters: { requests: 0, transferBytes: 0 }, fragments: { requests: 0, transferBytes: 0 } } },
      { query: 'b', via: 'search-page', results: 1, requests: 1, pagefindBytes: 1, pagefindTransferBytes: 10, totalBytes: 1, parts: { code: { requests: 1, transferBytes: 10 }, index: { requests: 0, transferBytes: 0 }, filters: { requests: 0, transferBytes: 0 }, fragments: { requests: 0, transferBytes: 0 } } },
    ],
  });
  const results: BenchResults = {
    format: 1,
    date: '2026-01-01T00:00:00Z',
    machine: { cpus: 2, memoryBytes: 24e9, node: 'v24', platform: 'linux x64' },
    seed: 1,
    importer: { packs: 5, lines: 6000, runsMs: [1000], medianMs: 1000, linesPerSecond: 6000, cpuRunsMs: [900], linesPerCpuSecond: 6667 },
    sizes: [size(1000, 1200, 100_000), size(10_000, 2000, 200_000)],
  };

  test('judges each target at the largest size', () => {
    const table = formatTable(results);
    expect(table).toContain('| 1,000 documents | 10,000 documents |');
    expect(table).toMatch(/project \/ baseline \| 1\.20x \| 2\.00x \| ≤ 1\.5x: \*\*not met\*\*/);
    expect(table).toMatch(/< 4 GB: \*\*not met\*\*/);
    expect(table).toMatch(/< 150 kB: \*\*not met\*\*/);
    expect(table).toMatch(/6,000 lines\/s\*\* \(target > 5,000: met\)/);
  });

  test('prices the target query by the largest transfer', () => {
    expect(worstQuery(results.sizes[1]!.queries)?.query).toBe('a');
    expect(TARGETS.queryBytes).toBe(150_000);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
