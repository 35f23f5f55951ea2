import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { writeBaselineProject } from './baseline';
import { writeCorpus, writeFiles, type CorpusFile } from './corpus';
import { importerSpeed, pdfSpeed } from './importer-speed';
import { measure, type Measured } from './measure';
import { bytes, failureOf, formatKinds, formatQueries, formatTable, growthOf, partCost, partCounts, partsOf, phasesOf, seconds, type BenchResults, type BuildFigures, type SizeFigures } from './report';
import { measureQueries } from './search-cost';
import { snapshotProject } from './snapshot';
import { parseBytes } from '../build/schedule';
import type { Io } from '../io';
import { SITE_PART } from '../../src/model/partition';

const ROOT = resolve(import.meta.dirname, '..', '..');

const USAGE = `Usage: npm run bench -- [--sizes 1000,10000] [--out bench-results.json] [--seed 1] [--work <dir>] [--keep]
                       [--jobs 2] [--memory 4GB] [--time-limit 180] [--queries "budget,youth justice,..."]
                       [--importer-runs 7] [--verbose]

Generates a synthetic council corpus of each size (documents), builds it with the project (in parts, as npm run
build does) and as a plain Astro + MDX site (the baseline), one after the other, and measures build time, peak memory
of all processes, the search index and what a search costs a browser; then adds one new meeting pack and times the
rebuild. Times the importer on the seed packs. Prints a table and writes every figure to --out as JSON.
  --sizes          corpus sizes in documents (default 1000,10000; 50 is a quick check)
  --jobs           parts the project builds at once (npm run build --jobs; default 2, as on a two-core CI runner)
  --memory         the memory those parts keep within together (npm run build --memory; default 4GB, the smallest
                   build machine a county's decade must build on)
  --time-limit     minutes after which a build is stopped and recorded as failed (the baseline at 30,000 documents)
  --work <dir>     where corpora and builds go (default: a new folder in the system temp folder), removed unless --keep
  --queries        the typical searches to price, comma-separated
  --verbose        print the builds' own output`;

/** Searches a resident or journalist would type; every one has matches in any corpus from the seed vocabulary. */
const DEFAULT_QUERIES = ['budget', 'youth justice', 'consultation', 'highways maintenance', 'performance report'];

/** Files and bytes under a folder, how many are HTML pages, and the largest page (gzip, as a reader downloads it). */
function treeStats(dir: string): Pick<BuildFigures, 'files' | 'bytes' | 'pages' | 'heaviestPage'> {
  if (!existsSync(dir)) return { files: 0, bytes: 0, pages: 0 };
  let files = 0;
  let size = 0;
  let pages = 0;
  let largest = { file: '', bytes: 0 };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    const file = join(entry.parentPath, entry.name);
    const bytes = statSync(file).size;
    size += bytes;
    if (!entry.name.endsWith('.html')) continue;
    pages++;
    if (bytes > largest.bytes) largest = { file, bytes };
  }
  const heaviestPage = largest.file ? { path: `/${relative(dir, largest.file).replace(/index\.html$/, '')}`, bytes: largest.bytes, gzipBytes: gzipSync(readFileSync(largest.file)).length } : undefined;
  return { files, bytes: size, pages, heaviestPage };
}

const figures = (m: Measured, dist: string): BuildFigures => ({
  ok: m.exitCode === 0,
  failure: failureOf(m),
  wallMs: m.wallMs,
  cpuMs: m.cpuMs,
  load: m.load,
  peakRssBytes: m.peakRssBytes,
  peakProcessBytes: m.peakProcessBytes,
  processes: m.processes,
  timeline: m.timeline,
  phases: phasesOf(m.lines),
  ...treeStats(dist),
});

/** How a build went, in one line: `done in 1 min 2 s (CPU ...), peak RSS 2.1 GB: astro.mjs build 1.2 GB (x5) ...`. */
const outcome = (m: Measured): string =>
  `${m.exitCode === 0 ? 'done' : `FAILED (${failureOf(m)})`} in ${seconds(m.wallMs)} (CPU ${seconds(m.cpuMs)}), peak RSS ${bytes(m.peakRssBytes)}: ${formatKinds(m.processes)}`;

/** The processes that build the search index: the indexing script, Pagefind's runner (`bin.cjs`) and its native indexer. */
const SEARCH_PROCESSES = /search-index\.ts|pagefind|bin\.cjs/;

/** What the newest pack holds: its meeting, and how many files, documents and MDX pages it adds or changes. */
export function packFigures(files: readonly CorpusFile[]): SizeFigures['newestPack'] {
  const meeting = files.find((f) => f.path.startsWith('meetings/'))?.path.replace(/^meetings\/|\.yaml$/g, '') ?? '';
  return { meeting, files: files.length, documents: files.filter((f) => f.path.startsWith('documents/')).length, mdx: files.filter((f) => f.path.endsWith('.mdx')).length };
}

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

/**
 * Benchmarks one corpus size: the corpus and baseline go under `work`; the project is built in its snapshot
 * (`project`). The corpus is written without its newest pack; the project and the baseline build it, then the pack
 * is added and the project builds again, reusing the parts it did not change: the rebuild a council's web team
 * makes after each meeting.
 */
async function benchSize(
  documents: number,
  seed: number,
  work: string,
  project: string,
  queries: string[],
  io: Io,
  options: { verbose: boolean; keep: boolean; jobs: number; memory: string; timeoutMs: number },
): Promise<SizeFigures> {
  const { verbose, keep, jobs, memory, timeoutMs } = options;
  const content = join(work, 'content');
  const seedTexts = readdirSync(join(ROOT, 'content', 'sources'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(ROOT, 'content', 'sources', f), 'utf8'));
  io.out(`\n== ${documents.toLocaleString('en-GB')} documents ==`);
  const generated = performance.now();
  const { summary: corpus, newestPack } = writeCorpus(content, { documents, seed, seedTexts }, true);
  const generateMs = performance.now() - generated;
  const pack = packFigures(newestPack);
  io.out(`Corpus: ${corpus.files} files, ${bytes(corpus.bytes)}, ${corpus.mdx} MDX entries, written in ${seconds(generateMs)}; the newest pack (${pack.meeting}, ${pack.files} files) is held back for the rebuild.`);

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
  const showFailure = (m: Measured, prefix: string) => {
    if (m.exitCode !== 0) for (const l of m.lines.filter((l) => quiet(l.text)).slice(-30)) io.err(`  ${prefix} | ${l.text}`);
  };

  io.out(`Building with the project, in parts, up to ${jobs} at a time within ${memory} ...`);
  const projectDist = join(project, `dist-${documents}`);
  // The rebuild keeps what the full build left (built parts, content and compile caches), as a second build would.
  const projectEnv = { ...env, ...coldCache('project'), CHAMBER_CONTENT: content, CHAMBER_CACHE_DIR: join(work, 'project-cache') };
  const build = () =>
    measure(process.execPath, ['--import', 'tsx', join('scripts', 'build.ts'), '--out', projectDist, '--jobs', String(jobs), '--memory', memory], {
      cwd: project,
      env: projectEnv,
      timeoutMs,
      echo: echo('project |'),
    });
  const built = await build();
  io.out(`  ${outcome(built)}`);
  showFailure(built, 'project');
  const projectFigures = figures(built, projectDist);

  io.out('Building the plain Astro + MDX baseline ...');
  const baselineDir = join(work, 'baseline');
  // Inside the baseline project: Astro's prerender chunks in the output folder import packages through its node_modules.
  const baselineDist = join(baselineDir, 'dist');
  writeBaselineProject(baselineDir, content, ROOT);
  const baseline = await measure(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', baselineDist], {
    cwd: baselineDir,
    env: { ...env, ...coldCache('baseline') },
    timeoutMs,
    echo: echo('baseline |'),
  });
  io.out(`  ${outcome(baseline)}`);
  showFailure(baseline, 'baseline');
  const baselineFigures = figures(baseline, baselineDist);

  const search = built.processes.filter((k) => SEARCH_PROCESSES.test(k.command));
  const index = treeStats(join(projectDist, 'pagefind'));
  const pagefind = { cpuMs: search.reduce((a, k) => a + k.cpuMs, 0), peakRssBytes: Math.max(0, ...search.map((k) => k.peakBytes)), files: index.files, bytes: index.bytes };
  let queryCosts: SizeFigures['queries'] = { skipped: 'the project build failed' };
  let incremental: SizeFigures['incremental'] = { skipped: 'the project build failed' };
  if (built.exitCode === 0) {
    if (!existsSync(chromium)) queryCosts = { skipped: `no Chromium at ${chromium} (set CHAMBER_CHROMIUM)` };
    else {
      io.out('Searching in Chromium ...');
      try {
        queryCosts = await measureQueries(projectDist, queries, { chromium });
      } catch (error) {
        // Recorded, not thrown: the sizes still to come, and the rebuild, are measured all the same.
        queryCosts = { skipped: `the search failed: ${(error as Error).message.split('\n')[0]}` };
        io.err(`  ${queryCosts.skipped}`);
      }
    }

    io.out(`Adding the newest pack (${pack.meeting}) and building again ...`);
    writeFiles(content, newestPack);
    const rebuilt = await build();
    io.out(`  ${outcome(rebuilt)}`);
    showFailure(rebuilt, 'rebuild');
    const counts = partCounts(rebuilt.lines);
    incremental = {
      ok: rebuilt.exitCode === 0,
      failure: failureOf(rebuilt),
      ms: rebuilt.wallMs,
      cpuMs: rebuilt.cpuMs,
      peakRssBytes: rebuilt.peakRssBytes,
      ratio: rebuilt.wallMs / built.wallMs,
      partsBuilt: counts?.built ?? 0,
      partsReused: counts?.reused ?? 0,
      phases: phasesOf(rebuilt.lines),
    };
  }

  const both = projectFigures.ok && baselineFigures.ok;
  const partTimes = partsOf(built.lines);
  const { validate, parts: partsEnd, merge } = projectFigures.phases;
  const size: SizeFigures = {
    documents,
    corpus: { ...corpus, generateMs },
    newestPack: pack,
    project: projectFigures,
    baseline: baselineFigures,
    ratio: both ? { wall: projectFigures.wallMs / baselineFigures.wallMs, cpu: projectFigures.cpuMs / baselineFigures.cpuMs, peakRss: projectFigures.peakRssBytes / baselineFigures.peakRssBytes } : undefined,
    parts: {
      count: partCounts(built.lines)?.count ?? 0,
      jobs,
      memoryBytes: parseBytes(memory),
      built: partTimes,
      cost: partCost(partTimes, SITE_PART),
      checkMs: validate,
      mergeMs: merge !== undefined && partsEnd !== undefined ? merge - partsEnd : undefined,
    },
    incremental,
    pagefind,
    queries: queryCosts,
  };
  io.out(formatQueries(size));
  if (!keep) {
    rmSync(projectDist, { recursive: true, force: true });
    // The built parts the rebuild reused, as big as the site again.
    rmSync(join(project, '.chamber'), { recursive: true, force: true });
  }
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
        jobs: { type: 'string', default: '2' },
        memory: { type: 'string', default: '4GB' },
        'time-limit': { type: 'string', default: '180' },
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
  const jobs = Number(v.jobs);
  const minutes = Number(v['time-limit']);
  if (v.help || sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(jobs) || jobs < 1 || !parseBytes(v.memory) || !(minutes > 0)) {
    (v.help ? io.out : io.err)(USAGE);
    return v.help ? 0 : 2;
  }
  const queries = v.queries ? v.queries.split(',').map((q) => q.trim()).filter(Boolean) : DEFAULT_QUERIES;
  const work = resolve(v.work ?? join(tmpdir(), `chamber-bench-${process.pid}`));
  const out = resolve(v.out);
  mkdirSync(work, { recursive: true });

  const results: BenchResults = {
    format: 2,
    date: new Date().toISOString(),
    commit: commit(),
    machine: { cpus: cpus().length, memoryBytes: totalmem(), node: process.version, platform: `${process.platform} ${process.arch}` },
    seed,
    sizes: [],
    growth: [],
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
      const size = await benchSize(documents, seed, dir, project, queries, io, { verbose: v.verbose, keep: v.keep, jobs, memory: v.memory, timeoutMs: minutes * 60_000 });
      // A baseline that cannot build the largest corpus is a figure, recorded with its reason; the project's failures fail the run.
      const searchFailed = (q: SizeFigures['queries'] | undefined) => q !== undefined && 'skipped' in q && q.skipped.startsWith('the search failed');
      failed ||= !size.project.ok || ('ok' in size.incremental && !size.incremental.ok) || searchFailed(size.queries);
      results.sizes.push(size);
      results.growth = growthOf(results.sizes);
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
