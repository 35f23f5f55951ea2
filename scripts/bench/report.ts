import type { CorpusSummary } from './corpus';
import type { ImporterSpeed, PdfSpeed } from './importer-speed';
import type { QueryCost } from './search-cost';

/** One build of one corpus, by the project or by the plain-Astro baseline. */
export interface BuildFigures {
  ok: boolean;
  wallMs: number;
  /** CPU time of the whole process tree, steadier than wall time when other work shares the machine. */
  cpuMs: number;
  /** 1-minute load average at the start and end of the build. */
  load: [number, number];
  peakRssBytes: number;
  peakProcessBytes: number;
  /** Peak of each large process in the build's tree, largest first. */
  processes: Array<{ command: string; peakBytes: number }>;
  /** The tree's memory every two seconds, [milliseconds, bytes], to see which phase needs it. */
  timeline: Array<[number, number]>;
  /** When each phase of the build ended, in milliseconds from its start, read from its output. */
  phases: Record<string, number>;
  /** HTML pages written. */
  pages: number;
  /** Files in the built site (CDNs such as Cloudflare Pages refuse a deploy of more than 20,000). */
  files: number;
  bytes: number;
}

/** Figures for one corpus size. */
export interface SizeFigures {
  documents: number;
  corpus: CorpusSummary & { generateMs: number };
  project: BuildFigures;
  baseline: BuildFigures;
  /** Project over baseline. */
  ratio: { wall: number; cpu: number; peakRss: number };
  /** The project's Pagefind integration, run on its own over the built HTML. */
  pagefind: { ok: boolean; indexMs: number; peakRssBytes: number; files: number; bytes: number };
  queries: QueryCost[] | { skipped: string };
}

export interface BenchResults {
  /** Bumped when a figure changes meaning, so results from different commits are compared only when comparable. */
  format: 1;
  date: string;
  commit?: string | undefined;
  machine: { cpus: number; memoryBytes: number; node: string; platform: string };
  seed: number;
  importer?: ImporterSpeed | undefined;
  /** PDF reading speed on the corpus PDFs. */
  pdf?: PdfSpeed | undefined;
  sizes: SizeFigures[];
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

/** The targets of issue 9, at 10,000 documents on a 2-core, 24 GB machine. */
export const TARGETS = {
  buildRatio: 1.5,
  peakRssBytes: 4 * 1024 ** 3,
  queryBytes: 150 * 1000,
  importerLinesPerSecond: 5_000,
  pdfPagesPerSecond: 20,
} as const;

export const seconds = (ms: number): string => (ms >= 60_000 ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s` : `${(ms / 1000).toFixed(1)} s`);

export const bytes = (n: number): string =>
  n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(2)} GB` : n >= 1024 ** 2 ? `${(n / 1024 ** 2).toFixed(0)} MB` : `${(n / 1000).toFixed(1)} kB`;

const count = (n: number): string => n.toLocaleString('en-GB');

/** The query figure the target applies to: the largest transfer among the typical queries. */
export function worstQuery(queries: SizeFigures['queries']): QueryCost | undefined {
  if (!Array.isArray(queries) || queries.length === 0) return undefined;
  return queries.reduce((a, b) => (b.pagefindTransferBytes > a.pagefindTransferBytes ? b : a));
}

const mark = (ok: boolean): string => (ok ? 'met' : '**not met**');

/** The results as a Markdown table, sizes across, with each target and whether the largest size meets it. */
export function formatTable(results: BenchResults): string {
  const sizes = results.sizes;
  const last = sizes.at(-1);
  const row = (label: string, cell: (s: SizeFigures) => string, target = '') => `| ${label} | ${sizes.map(cell).join(' | ')} | ${target} |`;
  const queries = (s: SizeFigures, pick: (q: QueryCost) => number) => {
    if (!Array.isArray(s.queries)) return 'not measured';
    const values = s.queries.map(pick).sort((a, b) => a - b);
    return `${bytes(values[Math.floor(values.length / 2)]!)} / ${bytes(values.at(-1)!)}`;
  };
  const lastQuery = last ? worstQuery(last.queries) : undefined;
  const lines = [
    `| | ${sizes.map((s) => `${count(s.documents)} documents`).join(' | ')} | target (largest size) |`,
    `|---|${sizes.map(() => '---:').join('|')}|---|`,
    row('Corpus: pages of MDX / all content files / size', (s) => `${count(s.corpus.mdx)} / ${count(s.corpus.files)} / ${bytes(s.corpus.bytes)}`),
    row('Project build, wall time', (s) => (s.project.ok ? seconds(s.project.wallMs) : 'failed')),
    row('  phases', (s) => formatPhases(s.project.phases)),
    row('Baseline build (plain Astro + MDX), wall time', (s) => (s.baseline.ok ? seconds(s.baseline.wallMs) : 'failed')),
    row('  phases', (s) => formatPhases(s.baseline.phases)),
    row('Build time, project / baseline', (s) => `${s.ratio.wall.toFixed(2)}x`, last ? `≤ ${TARGETS.buildRatio}x: ${mark(last.ratio.wall <= TARGETS.buildRatio)}` : ''),
    row('  without the search index (Pagefind in the build)', (s) => {
      const { index, render } = s.project.phases;
      return index === undefined || render === undefined ? '–' : `${((s.project.wallMs - (index - render)) / s.baseline.wallMs).toFixed(2)}x`;
    }),
    row('CPU time, project / baseline', (s) => `${seconds(s.project.cpuMs)} / ${seconds(s.baseline.cpuMs)} = ${s.ratio.cpu.toFixed(2)}x`),
    row('Load average during the builds (start → end)', (s) => `${s.project.load.map((l) => l.toFixed(1)).join(' → ')}; ${s.baseline.load.map((l) => l.toFixed(1)).join(' → ')}`),
    row('Project peak RSS (whole process tree)', (s) => bytes(s.project.peakRssBytes), last ? `< 4 GB: ${mark(last.project.peakRssBytes < TARGETS.peakRssBytes)}` : ''),
    row('  largest single process', (s) => bytes(s.project.peakProcessBytes)),
    row('Baseline peak RSS', (s) => bytes(s.baseline.peakRssBytes)),
    row('Peak RSS, project / baseline', (s) => `${s.ratio.peakRss.toFixed(2)}x`),
    row('Pages built, project / baseline', (s) => `${count(s.project.pages)} / ${count(s.baseline.pages)}`),
    row('Files in the built site (project)', (s) => count(s.project.files)),
    row('Pagefind index time (alone)', (s) => (s.pagefind.ok ? seconds(s.pagefind.indexMs) : 'failed')),
    row('Pagefind peak RSS', (s) => bytes(s.pagefind.peakRssBytes)),
    row('Pagefind index: files / size', (s) => `${count(s.pagefind.files)} / ${bytes(s.pagefind.bytes)}`),
    row('Query transfer, gzip (median / largest)', (s) => queries(s, (q) => q.pagefindTransferBytes), lastQuery ? `< 150 kB: ${mark(lastQuery.pagefindTransferBytes < TARGETS.queryBytes)}` : ''),
    row('Query, files as stored (median / largest)', (s) => queries(s, (q) => q.pagefindBytes)),
    row('  largest query: code / word index / filters / fragments', (s) => {
      const q = worstQuery(s.queries);
      return q ? (['code', 'index', 'filters', 'fragments'] as const).map((k) => bytes(q.parts[k].transferBytes)).join(' / ') : '–';
    }),
  ];
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
