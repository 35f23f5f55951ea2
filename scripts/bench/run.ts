import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeBaselineProject } from './baseline';
import { writeCorpus } from './corpus';
import { importerSpeed, pdfSpeed } from './importer-speed';
import { measure, type Measured } from './measure';
import { bytes, formatQueries, formatTable, phasesOf, seconds, type BenchResults, type BuildFigures, type SizeFigures } from './report';
import { measureQueries } from './search-cost';
import { snapshotProject } from './snapshot';
import type { Io } from '../io';

const ROOT = resolve(import.meta.dirname, '..', '..');

const USAGE = `Usage: npm run bench -- [--sizes 1000,10000] [--out bench-results.json] [--seed 1] [--work <dir>] [--keep]
                       [--queries "budget,youth justice,..."] [--importer-runs 7] [--verbose]

Generates a synthetic council corpus of each size (documents), builds it with the project and as a plain Astro + MDX
site (the baseline), one after the other, and measures build time, peak memory, the search index and what a search
costs a browser; times the importer on the seed packs. Prints a table and writes every figure to --out as JSON.
  --sizes          corpus sizes in documents (default 1000,10000; 50 is a quick check)
  --work <dir>     where corpora and builds go (default: a new folder in the system temp folder), removed unless --keep
  --queries        the typical searches to price, comma-separated
  --verbose        print the builds' own output`;

/** Searches a resident or journalist would type; every one has matches in any corpus from the seed vocabulary. */
const DEFAULT_QUERIES = ['budget', 'youth justice', 'consultation', 'highways maintenance', 'performance report'];

/** Files and bytes under a folder, and how many are HTML pages. */
function treeStats(dir: string): { files: number; bytes: number; pages: number } {
  if (!existsSync(dir)) return { files: 0, bytes: 0, pages: 0 };
  let files = 0;
  let size = 0;
  let pages = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    size += statSync(join(entry.parentPath, entry.name)).size;
    if (entry.name.endsWith('.html')) pages++;
  }
  return { files, bytes: size, pages };
}

const figures = (m: Measured, dist: string): BuildFigures => ({
  ok: m.exitCode === 0,
  wallMs: m.wallMs,
  cpuMs: m.cpuMs,
  load: m.load,
  peakRssBytes: m.peakRssBytes,
  peakProcessBytes: m.peakProcessBytes,
  processes: m.processes,
  timeline: m.timeline,
  phases: phasesOf(m.lines),
  ...(({ pages, files, bytes: b }) => ({ pages, files, bytes: b }))(treeStats(dist)),
});

/** Peak memory by process, as `astro.mjs build 1.8 GB, pagefind_extended 0.9 GB`. */
const peaks = (m: Measured): string => m.processes.map((p) => `${p.command} ${bytes(p.peakBytes)}`).join(', ');

/** Astro lists every page it writes; the benchmark prints the rest of a build's output. */
const quiet = (line: string) => !/[├└]─/.test(line);

/** The commit measured, with `+` when the working tree has changes, so figures are compared between like builds. */
function commit(): string | undefined {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return `${head}${dirty ? '+' : ''}`;
  } catch {
    return undefined;
  }
}

/** Benchmarks one corpus size: the corpus and baseline go under `work`; the project is built in its snapshot (`project`). */
async function benchSize(documents: number, seed: number, work: string, project: string, queries: string[], io: Io, options: { verbose: boolean; keep: boolean }): Promise<SizeFigures> {
  const { verbose, keep } = options;
  const content = join(work, 'content');
  const seedTexts = readdirSync(join(ROOT, 'content', 'sources'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(ROOT, 'content', 'sources', f), 'utf8'));
  io.out(`\n== ${documents.toLocaleString('en-GB')} documents ==`);
  const generated = performance.now();
  const corpus = writeCorpus(content, { documents, seed, seedTexts });
  const generateMs = performance.now() - generated;
  io.out(`Corpus: ${corpus.files} files, ${bytes(corpus.bytes)}, ${corpus.mdx} MDX entries, written in ${seconds(generateMs)}.`);

  /**
   * Each build starts from a cold cache. Astro turns on Node's module compile cache, which keeps compiled code between
   * runs: a second build of the same corpus skips compiling its 200 MB content-store module (half a minute at 10,000
   * documents), so without a fresh cache the second of two identical builds would look faster.
   */
  const coldCache = (name: string) => {
    const dir = join(work, 'compile-cache', name);
    rmSync(dir, { recursive: true, force: true });
    return { NODE_COMPILE_CACHE: dir };
  };
  // A build's own output is shown with --verbose; on failure its last lines are shown anyway.
  const echo = (prefix: string) => (line: string) => verbose && quiet(line) && io.out(`  ${prefix} ${line}`);
  const env = { ...io.env, ASTRO_TELEMETRY_DISABLED: '1' };
  const chromium = io.env['CHAMBER_CHROMIUM'] ?? '/usr/bin/chromium';

  io.out('Building with the project ...');
  const projectDist = join(project, `dist-${documents}`);
  const built = await measure(process.execPath, ['--import', 'tsx', join('scripts', 'build.ts'), '--out', projectDist], {
    cwd: project,
    env: { ...env, ...coldCache('project'), CHAMBER_CONTENT: content, CHAMBER_CACHE_DIR: join(work, 'project-cache') },
    echo: echo('project |'),
  });
  io.out(`  ${built.exitCode === 0 ? 'done' : 'FAILED'} in ${seconds(built.wallMs)} (CPU ${seconds(built.cpuMs)}), peak RSS ${bytes(built.peakRssBytes)}: ${peaks(built)}`);
  if (built.exitCode !== 0) for (const l of built.lines.filter((l) => quiet(l.text)).slice(-30)) io.err(`  project | ${l.text}`);

  io.out('Building the plain Astro + MDX baseline ...');
  const baselineDir = join(work, 'baseline');
  // Inside the baseline project: Astro's prerender chunks in the output folder import packages through its node_modules.
  const baselineDist = join(baselineDir, 'dist');
  writeBaselineProject(baselineDir, content, ROOT);
  const baseline = await measure(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', baselineDist], {
    cwd: baselineDir,
    env: { ...env, ...coldCache('baseline') },
    echo: echo('baseline |'),
  });
  io.out(`  ${baseline.exitCode === 0 ? 'done' : 'FAILED'} in ${seconds(baseline.wallMs)} (CPU ${seconds(baseline.cpuMs)}), peak RSS ${bytes(baseline.peakRssBytes)}: ${peaks(baseline)}`);
  if (baseline.exitCode !== 0) for (const l of baseline.lines.filter((l) => quiet(l.text)).slice(-30)) io.err(`  baseline | ${l.text}`);

  // The build indexed its pages already; index them again on their own to time Pagefind and see its memory apart.
  let pagefind: SizeFigures['pagefind'] = { ok: false, indexMs: 0, peakRssBytes: 0, files: 0, bytes: 0 };
  let queryCosts: SizeFigures['queries'] = { skipped: 'the project build failed' };
  if (built.exitCode === 0) {
    io.out('Indexing the built pages with Pagefind, alone ...');
    rmSync(join(projectDist, 'pagefind'), { recursive: true, force: true });
    const indexed = await measure(process.execPath, ['--import', 'tsx', join('scripts', 'search-index.ts'), projectDist], {
      cwd: project,
      env,
      echo: echo('pagefind |'),
    });
    const index = treeStats(join(projectDist, 'pagefind'));
    pagefind = { ok: indexed.exitCode === 0, indexMs: indexed.wallMs, peakRssBytes: indexed.peakRssBytes, files: index.files, bytes: index.bytes };
    io.out(`  ${pagefind.ok ? 'done' : 'FAILED'} in ${seconds(pagefind.indexMs)}: ${index.files} files, ${bytes(index.bytes)}; peak RSS ${bytes(indexed.peakRssBytes)}: ${peaks(indexed)}`);
    if (!pagefind.ok) for (const l of indexed.lines.slice(-20)) io.err(`  pagefind | ${l.text}`);

    if (!existsSync(chromium)) queryCosts = { skipped: `no Chromium at ${chromium} (set CHAMBER_CHROMIUM)` };
    else if (!pagefind.ok) queryCosts = { skipped: 'the search index could not be built' };
    else {
      io.out('Searching in Chromium ...');
      queryCosts = await measureQueries(projectDist, queries, { chromium });
    }
  }

  const projectFigures = figures(built, projectDist);
  const baselineFigures = figures(baseline, baselineDist);
  const size: SizeFigures = {
    documents,
    corpus: { ...corpus, generateMs },
    project: projectFigures,
    baseline: baselineFigures,
    ratio: { wall: projectFigures.wallMs / baselineFigures.wallMs, cpu: projectFigures.cpuMs / baselineFigures.cpuMs, peakRss: projectFigures.peakRssBytes / baselineFigures.peakRssBytes },
    pagefind,
    queries: queryCosts,
  };
  io.out(formatQueries(size));
  if (!keep) rmSync(projectDist, { recursive: true, force: true });
  return size;
}

/** Runs the benchmark; returns the exit code (1 when a build failed, so a broken benchmark cannot pass unnoticed). */
export async function run(argv: string[], io: Io): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        sizes: { type: 'string', default: '1000,10000' },
        out: { type: 'string', default: 'bench-results.json' },
        seed: { type: 'string', default: '1' },
        work: { type: 'string' },
        keep: { type: 'boolean', default: false },
        queries: { type: 'string' },
        'importer-runs': { type: 'string', default: '7' },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const v = args.values;
  const sizes = v.sizes.split(',').map((s) => Number(s.trim().replace(/[_,]/g, '')));
  const seed = Number(v.seed);
  const runs = Number(v['importer-runs']);
  if (v.help || sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1) {
    (v.help ? io.out : io.err)(USAGE);
    return v.help ? 0 : 2;
  }
  const queries = v.queries ? v.queries.split(',').map((q) => q.trim()).filter(Boolean) : DEFAULT_QUERIES;
  const work = resolve(v.work ?? join(tmpdir(), `chamber-bench-${process.pid}`));
  const out = resolve(v.out);
  mkdirSync(work, { recursive: true });

  const results: BenchResults = {
    format: 1,
    date: new Date().toISOString(),
    commit: commit(),
    machine: { cpus: cpus().length, memoryBytes: totalmem(), node: process.version, platform: `${process.platform} ${process.arch}` },
    seed,
    sizes: [],
  };
  const save = () => writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  let failed = false;
  const project = join(work, 'project');
  try {
    snapshotProject(ROOT, project);
    io.out(`Importer: ${runs} runs on the seed packs ...`);
    const packs = readdirSync(join(ROOT, 'content', 'sources'))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(ROOT, 'content', 'sources', f));
    results.importer = await importerSpeed(packs, join(ROOT, 'content', 'import-hints'), work, runs);
    io.out(`  ${Math.round(results.importer.linesPerSecond).toLocaleString('en-GB')} lines/s, ${Math.round(results.importer.linesPerCpuSecond).toLocaleString('en-GB')} per CPU-second (median ${seconds(results.importer.medianMs)} for ${results.importer.lines} lines)`);
    const pdfs = readdirSync(join(ROOT, 'tests', 'corpus')).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(ROOT, 'tests', 'corpus', f));
    io.out(`PDF reader: ${runs} runs on ${pdfs.length} council PDFs ...`);
    results.pdf = await pdfSpeed(pdfs, runs);
    io.out(`  ${Math.round(results.pdf.pagesPerSecond)} pages/s (median ${seconds(results.pdf.medianMs)} for ${results.pdf.pages} pages)`);
    save();
    for (const documents of sizes) {
      const dir = join(work, String(documents));
      rmSync(dir, { recursive: true, force: true });
      const size = await benchSize(documents, seed, dir, project, queries, io, { verbose: v.verbose, keep: v.keep });
      failed ||= !size.project.ok || !size.baseline.ok || !size.pagefind.ok;
      results.sizes.push(size);
      save();
      if (!v.keep) rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    if (!v.keep) rmSync(v.work ? project : work, { recursive: true, force: true });
  }
  io.out(`\n${formatTable(results)}\n`);
  io.out(`Figures written to ${out}${results.commit ? ` (commit ${results.commit})` : ''}.`);
  return failed ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await run(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    env: process.env,
  });
}
