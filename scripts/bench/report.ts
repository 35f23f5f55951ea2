import type { CorpusSummary } from './corpus';
import type { ImporterSpeed, PdfSpeed } from './importer-speed';
import type { Measured, ProcessKind } from './measure';
import { SITE_PART } from '../../src/model/partition';
import type { QueryCost } from './search-cost';

/** One build of one corpus, by the project or by the plain-Astro baseline. */
export interface BuildFigures {
  ok: boolean;
  /** Why the build failed (out of memory, the time limit, the error it printed); absent when it succeeded. */
  failure?: string | undefined;
  wallMs: number;
  /** CPU time of the whole process tree, steadier than wall time when other work shares the machine. */
  cpuMs: number;
  /** 1-minute load average at the start and end of the build. */
  load: [number, number];
  peakRssBytes: number;
  peakProcessBytes: number;
  /** Peak of each kind of large process in the build's tree (one Astro per part...), largest first. */
  processes: ProcessKind[];
  /** The tree's memory every two seconds, [milliseconds, bytes], to see which phase needs it. */
  timeline: Array<[number, number]>;
  /** When each phase of the build ended, in milliseconds from its start, read from its output. */
  phases: Record<string, number>;
  /** HTML pages written. */
  pages: number;
  /** Files in the built site (CDNs such as Cloudflare Pages refuse a deploy of more than 20,000). */
  files: number;
  bytes: number;
  /** The largest HTML page, by its path in the site: as written and gzip (what a reader downloads). */
  heaviestPage?: { path: string; bytes: number; gzipBytes: number } | undefined;
}

/** One part's build, as `npm run build` prints it: `[3/12] northshire-2015: 812 pages in 41.2 s, peak 1.86 GB`. */
export interface PartFigures {
  name: string;
  pages: number;
  ms: number;
  /** The peak memory of its largest process. */
  peakBytes?: number | undefined;
}

/** How the project's build divided the site, and what each step cost. */
export interface PartsFigures {
  /** Parts of the site, the site part included. */
  count: number;
  /** Parts built at once at most (`--jobs`). */
  jobs: number;
  /** The memory parts built at once keep within together (`--memory`), in bytes. */
  memoryBytes?: number | undefined;
  /** Each part built, in the order they finished. */
  built: PartFigures[];
  /**
   * A part's time as a fixed cost plus a cost per page, fitted to the council-year parts (the site part is of
   * another kind): the fixed cost is what starting Astro and Pagefind costs each part, whatever its size.
   */
  cost?: { fixedMs: number; msPerPage: number } | undefined;
  /** Checking the content and writing the summary, before any part. */
  checkMs?: number | undefined;
  /** Merging the parts into one site, after the last part. */
  mergeMs?: number | undefined;
}

/** The rebuild after one new meeting pack is added to a built corpus. */
export interface IncrementalFigures {
  ok: boolean;
  failure?: string | undefined;
  ms: number;
  cpuMs: number;
  peakRssBytes: number;
  /** Rebuild wall time over the full build's. */
  ratio: number;
  partsBuilt: number;
  partsReused: number;
  phases: Record<string, number>;
}

/** Figures for one corpus size. */
export interface SizeFigures {
  documents: number;
  corpus: CorpusSummary & { generateMs: number };
  /** The newest meeting pack of the corpus, held back from the full builds and added for the rebuild. */
  newestPack: { meeting: string; files: number; documents: number; mdx: number };
  project: BuildFigures;
  baseline: BuildFigures;
  /** Project over baseline; absent when either failed. */
  ratio?: { wall: number; cpu: number; peakRss: number } | undefined;
  parts: PartsFigures;
  incremental: IncrementalFigures | { skipped: string };
  /** Pagefind in the project's build: every part's indexing together, its largest process, and the index it wrote. */
  pagefind: { cpuMs: number; peakRssBytes: number; files: number; bytes: number };
  queries: QueryCost[] | { skipped: string };
}

/** How time and memory grow per document added, between two sizes: the slope, so fixed costs cancel out. */
export interface Growth {
  from: number;
  to: number;
  project: { msPerDocument: number; bytesPerDocument: number };
  /** Absent when the baseline failed at either size. */
  baseline?: { msPerDocument: number; bytesPerDocument: number } | undefined;
}

export interface BenchResults {
  /** Bumped when a figure changes meaning, so results from different commits are compared only when comparable. */
  format: 2;
  date: string;
  commit?: string | undefined;
  machine: { cpus: number; memoryBytes: number; node: string; platform: string };
  seed: number;
  importer?: ImporterSpeed | undefined;
  /** PDF reading speed on the corpus PDFs. */
  pdf?: PdfSpeed | undefined;
  sizes: SizeFigures[];
  /** Between each two sizes in turn, and from the smallest to the largest when there are more than two. */
  growth: Growth[];
}

/** The line `npm run build` prints as each part is done. */
const PART_LINE = /^\s*\[\d+\/\d+\] (\S+): (\d+) pages in ([\d.]+) s(?:, peak ([\d.]+) GB)?$/;

/** Each part a build built, from its output. */
export function partsOf(lines: ReadonlyArray<{ text: string }>): PartFigures[] {
  return lines.flatMap(({ text }) => {
    const m = PART_LINE.exec(text);
    return m ? [{ name: m[1]!, pages: Number(m[2]), ms: Math.round(Number(m[3]) * 1000), peakBytes: m[4] ? Math.round(Number(m[4]) * 1024 ** 3) : undefined }] : [];
  });
}

/** How many parts the site has and how many a build built, from its line `41 parts: building 3, 38 unchanged.` */
export function partCounts(lines: ReadonlyArray<{ text: string }>): { count: number; built: number; reused: number } | undefined {
  for (const { text } of lines) {
    const m = /^(\d+) parts: (?:none changed|building (\d+))/.exec(text);
    if (m) return { count: Number(m[1]), built: Number(m[2] ?? 0), reused: Number(m[1]) - Number(m[2] ?? 0) };
  }
  return undefined;
}

/** Least-squares fit of a part's time to its pages, over the council-year parts; undefined without two sizes to fit. */
export function partCost(parts: readonly PartFigures[], sitePart: string): PartsFigures['cost'] {
  const points = parts.filter((p) => p.name !== sitePart);
  const n = points.length;
  const meanPages = points.reduce((a, p) => a + p.pages, 0) / n;
  const meanMs = points.reduce((a, p) => a + p.ms, 0) / n;
  const spread = points.reduce((a, p) => a + (p.pages - meanPages) ** 2, 0);
  if (n < 2 || spread === 0) return undefined;
  const msPerPage = points.reduce((a, p) => a + (p.pages - meanPages) * (p.ms - meanMs), 0) / spread;
  return { fixedMs: meanMs - msPerPage * meanPages, msPerPage };
}

/** Why a measured command failed, in a few words; undefined when it succeeded. */
export function failureOf(m: Pick<Measured, 'exitCode' | 'signal' | 'timedOut' | 'wallMs' | 'lines'>): string | undefined {
  if (m.exitCode === 0 && m.signal === null) return undefined;
  if (m.timedOut) return `stopped at the time limit, after ${seconds(m.wallMs)}`;
  const memory = m.lines.findLast((l) => /heap out of memory|Cannot allocate memory|ENOMEM/i.test(l.text));
  if (memory) return `out of memory: ${memory.text.trim().slice(0, 160)}`;
  if (m.signal === 'SIGKILL') return 'killed (SIGKILL): the kernel kills the largest process when the machine runs out of memory';
  if (m.signal) return `ended by ${m.signal}`;
  // The error itself ("RangeError: Invalid string length"), not Node's closing line ("Node.js v24.21.0") after it.
  const error = m.lines.findLast((l) => /\b[A-Z]\w*Error: /.test(l.text));
  // Astro's own report of an error: `[UnknownFilesystemError]`, its hint and stack, then `Caused by:` and the cause.
  const astro = m.lines.findLastIndex((l) => /^\s*\[[A-Z]\w*Error\]\s*$/.test(l.text));
  if (!error && astro >= 0) {
    const after = m.lines.slice(astro);
    const by = after.findIndex((l) => /^\s*Caused by:\s*$/.test(l.text));
    const cause = by < 0 ? undefined : after.slice(by + 1).find((l) => l.text.trim() !== '');
    return `exit code ${m.exitCode}: ${after[0]!.text.trim().slice(1, -1)}${cause ? `, caused by: ${cause.text.trim().slice(0, 120)}` : ''}`;
  }
  const last = error ?? m.lines.findLast((l) => l.text.trim() !== '' && !/[├└]─/.test(l.text));
  return `exit code ${m.exitCode}${last ? `: ${last.text.trim().slice(0, 160)}` : ''}`;
}

/** Per-document growth between each two sizes in turn, and from the smallest to the largest when there are more than two. */
export function growthOf(sizes: readonly SizeFigures[]): Growth[] {
  const sorted = [...sizes].sort((a, b) => a.documents - b.documents);
  const pairs = sorted.slice(1).map((to, i) => [sorted[i]!, to] as const);
  if (sorted.length > 2) pairs.push([sorted[0]!, sorted.at(-1)!]);
  const slope = (a: BuildFigures, b: BuildFigures, documents: number) => ({ msPerDocument: (b.wallMs - a.wallMs) / documents, bytesPerDocument: (b.peakRssBytes - a.peakRssBytes) / documents });
  return pairs
    .filter(([a, b]) => a.project.ok && b.project.ok && b.documents > a.documents)
    .map(([a, b]) => ({
      from: a.documents,
      to: b.documents,
      project: slope(a.project, b.project, b.documents - a.documents),
      baseline: a.baseline.ok && b.baseline.ok ? slope(a.baseline, b.baseline, b.documents - a.documents) : undefined,
    }));
}

/**
 * Where each phase of a build ends, from the lines Astro and the build script print: the last line matching each
 * marker. A phase lasts from the end of the one before it.
 */
export const PHASE_MARKERS: ReadonlyArray<[string, RegExp]> = [
  ['validate', /^Content is valid/],
  ['sync', /\[content\] Synced content/],
  ['bundle', /\[build\] Rearranging server assets/],
  ['render', /\[build\] ✓ Completed in/],
  ['index', /^Indexed [\d,]+ pages for search/],
  ['parts', PART_LINE],
  ['merge', /^Site written to .*: \d+ parts?/],
];

/** When each phase ended, in milliseconds from the start, for the phases the output shows. */
export function phasesOf(lines: ReadonlyArray<{ ms: number; text: string }>): Record<string, number> {
  const phases: Record<string, number> = {};
  for (const [name, marker] of PHASE_MARKERS) {
    const last = lines.findLast((l) => marker.test(l.text));
    if (last) phases[name] = last.ms;
  }
  return phases;
}

/** Each phase's duration, as `validate 10.1 s · sync 9.8 s · ...`. */
export function formatPhases(phases: Record<string, number>): string {
  let previous = 0;
  return Object.entries(phases)
    .map(([name, end]) => {
      const text = `${name} ${seconds(end - previous)}`;
      previous = end;
      return text;
    })
    .join(' · ');
}

/** The targets of issues 9 and 14, at 10,000 documents on a 2-core, 24 GB machine (memory at every size from there up). */
export const TARGETS = {
  documents: 10_000,
  buildRatio: 1.5,
  peakRssBytes: 4 * 1024 ** 3,
  queryBytes: 150 * 1000,
  rebuildRatio: 0.1,
  /** Files a CDN accepts in one deploy (Cloudflare Pages' free plan: 20,000). */
  files: 20_000,
  importerLinesPerSecond: 5_000,
  pdfPagesPerSecond: 20,
} as const;

export const seconds = (ms: number): string => (ms >= 60_000 ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s` : `${(ms / 1000).toFixed(1)} s`);

export const bytes = (n: number): string =>
  n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(2)} GB` : n >= 1024 ** 2 ? `${(n / 1024 ** 2).toFixed(0)} MB` : `${(n / 1000).toFixed(1)} kB`;

const count = (n: number): string => n.toLocaleString('en-GB');

/** The largest transfer among the typical queries: what the costliest search is made of. */
export function worstQuery(queries: SizeFigures['queries']): QueryCost | undefined {
  if (!Array.isArray(queries) || queries.length === 0) return undefined;
  return queries.reduce((a, b) => (b.pagefindTransferBytes > a.pagefindTransferBytes ? b : a));
}

/** The median of some figures: the lower middle one of an even count; undefined for none. */
const lowerMedian = (values: readonly number[]): number | undefined =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/** The median of a figure over the typical queries (the lower middle one of an even count); the target applies to the transfer. */
export function medianQuery(queries: SizeFigures['queries'], pick: (q: QueryCost) => number): number | undefined {
  if (!Array.isArray(queries) || queries.length === 0) return undefined;
  return lowerMedian(queries.map(pick));
}

const mark = (ok: boolean): string => (ok ? 'met' : '**not met**');

/** A build's wall time, or why it failed. */
const wall = (b: BuildFigures): string => (b.ok ? seconds(b.wallMs) : `failed: ${b.failure ?? 'see the output'}`);

/** `astro.mjs build 1.2 GB (x12) · search-index.ts 300 MB (x12)`: the largest of each kind of process. */
export const formatKinds = (kinds: readonly ProcessKind[]): string =>
  kinds.map((k) => `${k.command.replace(/^node /, '')} ${bytes(k.peakBytes)}${k.count > 1 ? ` (x${k.count})` : ''}`).join(' · ');

/** Per-document growth, as `12.3 ms, 0.41 MB per document`. */
const perDocument = (g: Growth['project']): string => `${g.msPerDocument.toFixed(1)} ms, ${(g.bytesPerDocument / 1024 ** 2).toFixed(2)} MB per document`;

/**
 * The results as a Markdown table, sizes across, with each target and whether it is met: at 10,000 documents (or the
 * largest size, when 10,000 was not run), and for memory and completing at every size from 10,000 up.
 */
export function formatTable(results: BenchResults): string {
  const sizes = results.sizes;
  const target = sizes.find((s) => s.documents === TARGETS.documents) ?? sizes.at(-1);
  const large = sizes.filter((s) => s.documents >= TARGETS.documents);
  const judged = large.length > 0 ? large : sizes.slice(-1);
  const row = (label: string, cell: (s: SizeFigures) => string, goal = '') => `| ${label} | ${sizes.map(cell).join(' | ')} | ${goal} |`;
  const at = (goal: string, ok: (s: SizeFigures) => boolean) => (target ? `${goal}: ${mark(ok(target))}` : '');
  const queries = (s: Pick<SizeFigures, 'queries'>, pick: (q: QueryCost) => number) => {
    const median = medianQuery(s.queries, pick);
    return median === undefined ? 'not measured' : `${bytes(median)} / ${bytes(Math.max(...(s.queries as QueryCost[]).map(pick)))}`;
  };
  const rebuild = (s: SizeFigures) => ('skipped' in s.incremental ? undefined : s.incremental);
  const lines = [
    `| | ${sizes.map((s) => `${count(s.documents)} documents`).join(' | ')} | target (at ${count(target?.documents ?? TARGETS.documents)}; memory from ${count(judged[0]?.documents ?? TARGETS.documents)} up) |`,
    `|---|${sizes.map(() => '---:').join('|')}|---|`,
    row('Corpus: pages of MDX / all content files / size', (s) => `${count(s.corpus.mdx)} / ${count(s.corpus.files)} / ${bytes(s.corpus.bytes)}`),
    row('Project build, wall time', (s) => wall(s.project), `completes at every size: ${mark(judged.every((s) => s.project.ok))}`),
    row('  phases', (s) => formatPhases(s.project.phases)),
    row('  parts (built at once, at most; within memory)', (s) => `${count(s.parts.count)} (${s.parts.jobs}${s.parts.memoryBytes ? `; ${bytes(s.parts.memoryBytes)}` : ''})`),
    row('  a part\'s peak memory: median / largest', (s) => {
      const peaks = s.parts.built.flatMap((p) => (p.peakBytes === undefined ? [] : [p.peakBytes]));
      return peaks.length === 0 ? '–' : `${bytes(lowerMedian(peaks)!)} / ${bytes(Math.max(...peaks))}`;
    }),
    row('  a part: median / largest; fixed cost per part', (s) => {
      const times = s.parts.built.filter((p) => p.name !== SITE_PART).map((p) => p.ms);
      const cost = s.parts.cost ? `${seconds(s.parts.cost.fixedMs)} + ${s.parts.cost.msPerPage.toFixed(0)} ms a page` : '–';
      return times.length === 0 ? '–' : `${seconds(lowerMedian(times)!)} / ${seconds(Math.max(...times))}; ${cost}`;
    }),
    row('  site part; content check; merge', (s) => {
      const site = s.parts.built.find((p) => p.name === SITE_PART);
      const t = (ms: number | undefined) => (ms === undefined ? '–' : seconds(ms));
      return `${site ? `${seconds(site.ms)} (${count(site.pages)} pages)` : '–'}; ${t(s.parts.checkMs)}; ${t(s.parts.mergeMs)}`;
    }),
    row('Baseline build (plain Astro + MDX), wall time', (s) => wall(s.baseline)),
    row('  phases', (s) => formatPhases(s.baseline.phases)),
    row('Build time, project / baseline', (s) => (s.ratio ? `${s.ratio.wall.toFixed(2)}x` : '–'), at(`≤ ${TARGETS.buildRatio}x`, (s) => s.ratio !== undefined && s.ratio.wall <= TARGETS.buildRatio)),
    row('CPU time, project / baseline', (s) => `${seconds(s.project.cpuMs)} / ${seconds(s.baseline.cpuMs)}${s.ratio ? ` = ${s.ratio.cpu.toFixed(2)}x` : ''}`),
    row('Load average during the builds (start → end)', (s) => `${s.project.load.map((l) => l.toFixed(1)).join(' → ')}; ${s.baseline.load.map((l) => l.toFixed(1)).join(' → ')}`),
    row('Rebuild after one new meeting pack', (s) => {
      const r = rebuild(s);
      if (!r) return `skipped: ${(s.incremental as { skipped: string }).skipped}`;
      return r.ok ? `${seconds(r.ms)} (${r.partsBuilt} parts built, ${r.partsReused} reused)` : `failed: ${r.failure ?? 'see the output'}`;
    }),
    row('  rebuild / full build', (s) => (rebuild(s)?.ok ? `${(rebuild(s)!.ratio * 100).toFixed(1)}%` : '–'), at(`≤ ${TARGETS.rebuildRatio * 100}%`, (s) => rebuild(s)?.ok === true && rebuild(s)!.ratio <= TARGETS.rebuildRatio)),
    row('  phases', (s) => (rebuild(s) ? formatPhases(rebuild(s)!.phases) : '–')),
    row('Project peak RSS (all processes at once)', (s) => bytes(s.project.peakRssBytes), `< 4 GB: ${mark(judged.every((s) => s.project.ok && s.project.peakRssBytes < TARGETS.peakRssBytes))}`),
    row('  largest of each kind of process', (s) => formatKinds(s.project.processes.slice(0, 4))),
    row('Baseline peak RSS', (s) => bytes(s.baseline.peakRssBytes)),
    row('Peak RSS, project / baseline', (s) => (s.ratio ? `${s.ratio.peakRss.toFixed(2)}x` : '–')),
    row('Pages built, project / baseline', (s) => `${count(s.project.pages)} / ${count(s.baseline.pages)}`),
    row('Files in the built site (project)', (s) => count(s.project.files), at(`< ${count(TARGETS.files)}`, (s) => s.project.ok && s.project.files < TARGETS.files)),
    row('Heaviest page, HTML as written / gzip (project)', (s) => (s.project.heaviestPage ? `${bytes(s.project.heaviestPage.bytes)} / ${bytes(s.project.heaviestPage.gzipBytes)} (${s.project.heaviestPage.path})` : '–')),
    row('Pagefind in the build: CPU time / largest process', (s) => `${seconds(s.pagefind.cpuMs)} / ${bytes(s.pagefind.peakRssBytes)}`),
    row('Pagefind index: files / size', (s) => `${count(s.pagefind.files)} / ${bytes(s.pagefind.bytes)}`),
    row('Query transfer, gzip (median / largest)', (s) => queries(s, (q) => q.pagefindTransferBytes), at('median < 150 kB', (s) => (medianQuery(s.queries, (q) => q.pagefindTransferBytes) ?? Infinity) < TARGETS.queryBytes)),
    row('Query, files as stored (median / largest)', (s) => queries(s, (q) => q.pagefindBytes)),
    row('  largest query: code / word index / filters / fragments / pack tables', (s) => {
      const q = worstQuery(s.queries);
      return q ? (['code', 'index', 'filters', 'fragments', 'tables'] as const).map((k) => bytes(q.parts[k].transferBytes)).join(' / ') : '–';
    }),
  ];
  if (results.growth.length > 0) lines.push('', 'Growth per document added (wall time, peak RSS):');
  for (const g of results.growth) {
    lines.push(`- ${count(g.from)} → ${count(g.to)} documents: project ${perDocument(g.project)}; baseline ${g.baseline ? perDocument(g.baseline) : 'failed at one of the sizes'}.`);
  }
  if (results.importer) {
    const i = results.importer;
    lines.push(
      '',
      `Importer on the ${i.packs} seed packs (${count(i.lines)} lines): median of ${i.runsMs.length} runs ${seconds(i.medianMs)}, ` +
        `**${count(Math.round(i.linesPerSecond))} lines/s** (target > ${count(TARGETS.importerLinesPerSecond)}: ${mark(i.linesPerSecond > TARGETS.importerLinesPerSecond)}); ` +
        `${count(Math.round(i.linesPerCpuSecond))} lines per CPU-second.`,
    );
  }
  if (results.pdf) {
    const p = results.pdf;
    lines.push(
      `PDF reader on ${p.files} council PDFs (${count(p.pages)} pages): median of ${p.runsMs.length} runs ${seconds(p.medianMs)}, ` +
        `**${count(Math.round(p.pagesPerSecond))} pages/s** (target ≥ ${TARGETS.pdfPagesPerSecond}: ${mark(p.pagesPerSecond >= TARGETS.pdfPagesPerSecond)}).`,
    );
  }
  return lines.join('\n');
}

/** Per-query detail for the largest size: the words searched for, what came back and what it cost. */
export function formatQueries(size: SizeFigures): string {
  if (!Array.isArray(size.queries)) return `Queries not measured: ${size.queries.skipped}`;
  return size.queries
    .map((q) => {
      const parts = Object.entries(q.parts).map(([name, p]) => `${name} ${bytes(p.transferBytes)} (${p.requests})`).join(', ');
      return `  "${q.query}": ${q.results} results shown (${q.via}); ${q.requests} Pagefind requests, ${bytes(q.pagefindTransferBytes)} gzip = ${parts}; ${bytes(q.pagefindBytes)} as stored; ${bytes(q.totalBytes)} with the page`;
    })
    .join('\n');
}
