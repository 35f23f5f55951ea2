import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../import';
import { readSource } from '../import/read/index';

/** Importer throughput on the seed packs: one figure per run and their median. */
export interface ImporterSpeed {
  packs: number;
  lines: number;
  runsMs: number[];
  medianMs: number;
  linesPerSecond: number;
  /** CPU time of each run: on a machine shared with other work, the figure that load does not inflate. */
  cpuRunsMs: number[];
  linesPerCpuSecond: number;
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Times the whole importer, as `npm run import -- <packs> --out <dir>` runs it (read, parse, compose, validate, write),
 * on the given packs into a fresh folder each run, with the packs' hints files in place as in `content/`. It runs in
 * this process, so Node's start-up and TypeScript loading (about a second, whatever the pack) are not counted.
 */
export async function importerSpeed(packs: readonly string[], hintsDir: string, scratch: string, runs: number): Promise<ImporterSpeed> {
  const lines = packs.reduce((n, path) => n + readFileSync(path, 'utf8').split('\n').length, 0);
  const runsMs: number[] = [];
  const cpuRunsMs: number[] = [];
  const errors: string[] = [];
  for (let i = 0; i < runs; i++) {
    const out = mkdtempSync(join(scratch, 'import-'));
    if (existsSync(hintsDir)) cpSync(hintsDir, join(out, 'import-hints'), { recursive: true });
    const started = performance.now();
    const cpu = process.cpuUsage();
    const code = await run([...packs, '--out', out], { out: () => {}, err: (line) => errors.push(line) });
    runsMs.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuRunsMs.push((used.user + used.system) / 1000);
    rmSync(out, { recursive: true, force: true });
    if (code !== 0) throw new Error(`The importer failed on the seed packs:\n${errors.join('\n')}`);
  }
  const medianMs = median(runsMs);
  return { packs: packs.length, lines, runsMs, medianMs, linesPerSecond: lines / (medianMs / 1000), cpuRunsMs, linesPerCpuSecond: lines / (median(cpuRunsMs) / 1000) };
}

/** PDF reading throughput: pages a second, reading the text layer and rebuilding lines from positions. */
export interface PdfSpeed {
  files: number;
  pages: number;
  runsMs: number[];
  medianMs: number;
  pagesPerSecond: number;
}

/**
 * Times the PDF reader (pdf.js, then lines, cells, bold and superscripts from positions) on the given PDFs, which
 * is the part of an import that grows with pages; the stages after it are timed by `importerSpeed`.
 */
export async function pdfSpeed(pdfs: readonly string[], runs: number): Promise<PdfSpeed> {
  const files = pdfs.map((path) => ({ path, bytes: new Uint8Array(readFileSync(path)) }));
  let pages = 0;
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    pages = 0;
    for (const f of files) {
      const { source, problems } = await readSource(f.bytes, f.path);
      if (!source) throw new Error(`The PDF reader failed on ${f.path}: ${problems.map((p) => p.message).join('; ')}`);
      pages += source.pageStarts.length;
    }
    runsMs.push(performance.now() - started);
  }
  const medianMs = median(runsMs);
  return { files: files.length, pages, runsMs, medianMs, pagesPerSecond: pages / (medianMs / 1000) };
}
