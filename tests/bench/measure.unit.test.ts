import { describe, expect, test } from 'vitest';
import { median } from '../../scripts/bench/importer-speed';
import { commandName, measure, processKinds } from '../../scripts/bench/measure';
import { descendants, parseStat, processMemory } from '../../scripts/build/processes';
import { failureOf, formatPhases, formatTable, growthOf, medianQuery, partCost, partCounts, partsOf, phasesOf, TARGETS, worstQuery, type BenchResults, type SizeFigures } from '../../scripts/bench/report';
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

  test('names a process by its program, script and command, so every part\'s Astro is of one kind', () => {
    expect(commandName('/usr/bin/node\0/work/node_modules/astro/bin/astro.mjs\0build\0--outDir\0x\0')).toBe('node astro.mjs build');
    expect(commandName('/usr/bin/node\0--import\0file:///w/scripts/build/peak-memory.mjs\0/w/node_modules/astro/bin/astro.mjs\0build\0')).toBe('node astro.mjs build');
    expect(commandName('/usr/bin/node\0--import\0tsx\0/w/scripts/search-index.ts\0/w/.chamber/parts/a/built/northshire-2015.building\0')).toBe('node search-index.ts');
    expect(commandName('/usr/bin/node\0--import\0tsx\0scripts/build.ts\0--out\0dist\0')).toBe('node build.ts');
    expect(commandName('/w/node_modules/@pagefind/linux-x64/bin/pagefind_extended\0--site\0/tmp/chamber-search-x\0')).toBe('pagefind_extended');
  });

  test('groups processes by kind: how many, the largest peak, their CPU time together; small idle ones left out', () => {
    const mb = 1024 ** 2;
    const kinds = processKinds([
      { command: 'node astro.mjs build', peakBytes: 900 * mb, cpuMs: 20_000 },
      { command: 'pagefind_extended', peakBytes: 300 * mb, cpuMs: 5_000 },
      { command: 'node astro.mjs build', peakBytes: 1200 * mb, cpuMs: 30_000 },
      { command: 'node bin.cjs', peakBytes: 40 * mb, cpuMs: 1_500 },
      { command: 'esbuild', peakBytes: 20 * mb, cpuMs: 100 },
    ]);
    expect(kinds).toEqual([
      { command: 'node astro.mjs build', count: 2, peakBytes: 1200 * mb, cpuMs: 50_000 },
      { command: 'pagefind_extended', count: 1, peakBytes: 300 * mb, cpuMs: 5_000 },
      { command: 'node bin.cjs', count: 1, peakBytes: 40 * mb, cpuMs: 1_500 },
    ]);
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
    expect(m.timedOut).toBe(false);
  });

  test('stops the whole tree at the time limit, and says so', async () => {
    const m = await measure(process.execPath, ['-e', `require('node:child_process').execFileSync(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])`], {
      cwd: process.cwd(),
      env: process.env,
      intervalMs: 50,
      timeoutMs: 1_000,
    });
    expect(m.timedOut).toBe(true);
    expect(m.signal).toBe('SIGKILL');
    expect(m.wallMs).toBeLessThan(10_000);
    expect(failureOf(m)).toMatch(/^stopped at the time limit, after \d/);
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

describe('a build in parts', () => {
  const lines = [
    'Content is valid: 1,133 entries.',
    '',
    '6 parts: building 6.',
    '  [1/6] northshire-2015: 412 pages in 30.6 s',
    '  [2/6] northshire-2014: 212 pages in 20.6 s',
    '  [3/6] northshire-2013: 12 pages in 10.6 s',
    '  [4/6] site: 300 pages in 25.0 s',
    '',
    'Site written to /tmp/dist: 6 parts, 2,001 files (parts built in 90.0 s).',
  ].map((text, i) => ({ ms: i * 1000, text }));

  test('reads each part\'s pages and time, and how many parts were built or reused', () => {
    expect(partsOf(lines)).toEqual([
      { name: 'northshire-2015', pages: 412, ms: 30_600 },
      { name: 'northshire-2014', pages: 212, ms: 20_600 },
      { name: 'northshire-2013', pages: 12, ms: 10_600 },
      { name: 'site', pages: 300, ms: 25_000 },
    ]);
    expect(partCounts(lines)).toEqual({ count: 6, built: 6, reused: 0 });
    expect(partCounts([{ text: '41 parts: building 3, 38 unchanged.' }])).toEqual({ count: 41, built: 3, reused: 38 });
    expect(partCounts([{ text: '41 parts: none changed since the last build.' }])).toEqual({ count: 41, built: 0, reused: 41 });
    expect(phasesOf(lines)).toEqual({ validate: 0, parts: 6000, merge: 8000 });
  });

  test('splits a part\'s time into a fixed cost and a cost per page, leaving out the site part', () => {
    const cost = partCost(partsOf(lines), 'site')!;
    // 10.6 s at 12 pages, 20.6 s at 212, 30.6 s at 412: 10 s and 50 ms a page; the site part's 25 s is left out.
    expect(cost.msPerPage).toBeCloseTo(50, 9);
    expect(cost.fixedMs).toBeCloseTo(10_000, 6);
    expect(partCost([{ name: 'a', pages: 5, ms: 1 }], 'site')).toBeUndefined();
    expect(partCost([{ name: 'a', pages: 5, ms: 1 }, { name: 'b', pages: 5, ms: 2 }], 'site')).toBeUndefined();
  });
});

describe('why a build failed', () => {
  const run = (over: Partial<Parameters<typeof failureOf>[0]>) => failureOf({ exitCode: 1, signal: null, timedOut: false, wallMs: 1000, lines: [], ...over });

  test('says nothing of a build that succeeded', () => {
    expect(run({ exitCode: 0 })).toBeUndefined();
  });

  test('names running out of memory, the kernel\'s kill and the last error', () => {
    expect(run({ exitCode: 134, lines: [{ ms: 1, text: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory' }] })).toBe('out of memory: FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory');
    expect(run({ signal: 'SIGKILL' })).toMatch(/^killed \(SIGKILL\)/);
    expect(run({ exitCode: 2, lines: [{ ms: 1, text: 'Error: no such file' }, { ms: 2, text: '  ' }] })).toBe('exit code 2: Error: no such file');
    // Astro's data store outgrowing a string (the baseline at 30,000 documents): the cause, not Node's version line.
    const astro = ['AstroError [UnknownFilesystemError]', '  [cause]: RangeError: Invalid string length', '      at Array.join (<anonymous>)', '}', '', 'Node.js v24.21.0'];
    expect(run({ lines: astro.map((text, ms) => ({ ms, text })) })).toBe('exit code 1: [cause]: RangeError: Invalid string length');
    // The same, as Astro's command line reports it: its error's name and the cause, not the last line of the stack.
    const reported = ['[UnknownFilesystemError] ', '  Hint:', '    It can be caused by many things.', '  Stack trace:', '    at MutableDataStore.writeToDisk (file:///x.js:450:13)', '  Caused by:', '  Invalid string length', '    at Array.join (<anonymous>)', '    at async run (file:///p-queue/dist/index.js:406:36)'];
    expect(run({ lines: reported.map((text, ms) => ({ ms, text })) })).toBe('exit code 1: UnknownFilesystemError, caused by: Invalid string length');
    expect(run({ lines: [{ ms: 1, text: 'something went wrong' }] })).toBe('exit code 1: something went wrong');
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
    expect(pagefindPart('/pagefind/2024/pack/1.json')).toBe('tables');
    expect(pagefindPart('/pagefind/2024/pagefind-entry.json')).toBe('code');
  });

  test('counts JavaScript as a CDN sends it, gzipped, and Pagefind files as stored', () => {
    const text = Buffer.from('const a = 1;\n'.repeat(1000));
    expect(transferSize('pagefind.js', text)).toBeLessThan(text.length / 10);
    expect(transferSize('x.pf_fragment', text)).toBe(text.length);
  });
});

describe('the report', () => {
  const size = (documents: number, wall: number, query: number, rss = 5e9, rebuild = 0.05): SizeFigures => ({
    documents,
    corpus: { councils: 1, bodies: 4, people: 60, sources: 10, meetings: 10, minutes: 9, documents, kpis: 3, workshops: 0, mdx: documents + 9, files: 100, bytes: 1e6, generateMs: 10 },
    newestPack: { meeting: 'northshire/cabinet/2016-01-04', files: 9, documents: 5, mdx: 6 },
    project: { ok: true, wallMs: wall, cpuMs: wall, load: [1, 1], peakRssBytes: rss, peakProcessBytes: 3e9, processes: [], timeline: [], phases: { validate: 100, finish: wall }, pages: 10, files: documents * 2, bytes: 1e6 },
    baseline: { ok: documents < 30_000, wallMs: documents, cpuMs: 1000, load: [1, 1], peakRssBytes: documents * 1e6, peakProcessBytes: 1e9, processes: [], timeline: [], phases: {}, pages: 5, files: 5, bytes: 1e5 },
    ratio: documents < 30_000 ? { wall: wall / documents, cpu: wall / 1000, peakRss: 5 } : undefined,
    parts: { count: 3, jobs: 1, built: [], cost: undefined, checkMs: 100, mergeMs: 50 },
    incremental: { ok: true, ms: wall * rebuild, cpuMs: 10, peakRssBytes: 1e9, ratio: rebuild, partsBuilt: 3, partsReused: 40, phases: {} },
    pagefind: { cpuMs: 10, peakRssBytes: 1e8, files: 10, bytes: 1e5 },
    queries: [
      { query: 'a', via: 'search-page', results: 1, requests: 1, pagefindBytes: 1, pagefindTransferBytes: query, totalBytes: 1, parts: { code: { requests: 1, transferBytes: query }, index: { requests: 0, transferBytes: 0 }, filters: { requests: 0, transferBytes: 0 }, fragments: { requests: 0, transferBytes: 0 }, tables: { requests: 0, transferBytes: 0 } } },
      { query: 'b', via: 'search-page', results: 1, requests: 1, pagefindBytes: 1, pagefindTransferBytes: 10, totalBytes: 1, parts: { code: { requests: 1, transferBytes: 10 }, index: { requests: 0, transferBytes: 0 }, filters: { requests: 0, transferBytes: 0 }, fragments: { requests: 0, transferBytes: 0 }, tables: { requests: 0, transferBytes: 0 } } },
    ],
  });
  const results: BenchResults = {
    format: 2,
    date: '2026-01-01T00:00:00Z',
    machine: { cpus: 2, memoryBytes: 24e9, node: 'v24', platform: 'linux x64' },
    seed: 1,
    importer: { packs: 5, lines: 6000, runsMs: [1000], medianMs: 1000, linesPerSecond: 6000, cpuRunsMs: [900], linesPerCpuSecond: 6667 },
    sizes: [size(1000, 1200, 100_000), size(10_000, 20_000, 200_000)],
    growth: [],
  };

  test('judges each target at 10,000 documents', () => {
    const table = formatTable(results);
    expect(table).toContain('| 1,000 documents | 10,000 documents |');
    expect(table).toMatch(/project \/ baseline \| 1\.20x \| 2\.00x \| ≤ 1\.5x: \*\*not met\*\*/);
    expect(table).toMatch(/< 4 GB: \*\*not met\*\*/);
    // The median of the two queries, 10 bytes and 200 kB, is the smaller: the lower middle one.
    expect(table).toMatch(/median < 150 kB: met/);
    expect(table).toMatch(/rebuild \/ full build \| 5\.0% \| 5\.0% \| ≤ 10%: met/);
    expect(table).toMatch(/Files in the built site \(project\) \| 2,000 \| 20,000 \| < 20,000: \*\*not met\*\*/);
    expect(table).toMatch(/6,000 lines\/s\*\* \(target > 5,000: met\)/);
  });

  test('judges memory at every size from 10,000 up, and records a baseline that failed without stopping', () => {
    const three: BenchResults = { ...results, sizes: [size(1000, 1200, 1), size(10_000, 20_000, 1, 3e9, 0.2), size(30_000, 70_000, 1, 3.9e9)] };
    three.sizes[2]!.baseline.failure = 'out of memory: JavaScript heap out of memory';
    three.growth = growthOf(three.sizes);
    const table = formatTable(three);
    expect(table).toMatch(/< 4 GB: met/);
    expect(table).toMatch(/failed: out of memory: JavaScript heap out of memory/);
    expect(table).toMatch(/rebuild \/ full build \| 5\.0% \| 20\.0% \| 5\.0% \| ≤ 10%: \*\*not met\*\*/);
    expect(table).toContain('- 1,000 → 30,000 documents: project 2.4 ms,');
    expect(table).toContain('baseline failed at one of the sizes.');
    three.sizes[2]!.project.peakRssBytes = 5e9;
    expect(formatTable(three)).toMatch(/< 4 GB: \*\*not met\*\*/);
  });

  test('grows per document added, from each size to the next and from the smallest to the largest', () => {
    const growth = growthOf([size(10_000, 20_000, 1, 3e9), size(1000, 1200, 1, 1e9), size(30_000, 70_000, 1, 4e9)]);
    expect(growth.map((g) => [g.from, g.to])).toEqual([[1000, 10_000], [10_000, 30_000], [1000, 30_000]]);
    expect(growth[0]!.project.msPerDocument).toBeCloseTo((20_000 - 1200) / 9000, 9);
    expect(growth[0]!.project.bytesPerDocument).toBeCloseTo(2e9 / 9000, 3);
    // The baseline's wall time in the fixture is one millisecond a document.
    expect(growth[0]!.baseline!.msPerDocument).toBe(1);
    expect(growth[1]!.baseline).toBeUndefined();
  });

  test('prices the target query by the largest transfer', () => {
    expect(worstQuery(results.sizes[1]!.queries)?.query).toBe('a');
    expect(medianQuery(results.sizes[1]!.queries, (q) => q.pagefindTransferBytes)).toBe(10);
    expect(TARGETS.queryBytes).toBe(150_000);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
