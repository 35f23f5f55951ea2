import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { configPath } from '../../src/model/site-config';
import { contentRoot } from '../../src/schema';
import { killTree } from './processes';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** How a part's build went: its pages and time, or the lines that say why it failed. */
export interface PartResult {
  name: string;
  ok: boolean;
  pages: number;
  ms: number;
  /** The build's output when it failed, for the reader; empty when it succeeded. */
  output: string[];
  /**
   * The peak memory (bytes) of the larger of its Node processes, Astro's and the search indexer's. Pagefind's own
   * process, which the indexer starts, is not counted: it needs a third of Astro's (0.6 GB against 1.9 at 10,000 documents).
   */
  peak?: number | undefined;
}

const PEAK_MEMORY = pathToFileURL(join(import.meta.dirname, 'peak-memory.mjs')).href;

/**
 * Astro's bundler (Rolldown) allocates with mimalloc, which hands freed pages back to the system only on its next
 * allocations. After bundling it makes none, so a part kept about 200 MB it no longer used while it rendered (1.70 and
 * 1.82 GiB against 1.50 and 1.56 GiB with this, 829 pages at 10,000 documents): enough to keep two parts from fitting
 * in 4 GB together. Returning them at once costs no measurable time. A value set in the environment wins.
 */
export const ALLOCATOR_ENV = { MIMALLOC_PURGE_DELAY: '0' } as const;

let children = 0;

/**
 * Runs a Node script as a child process, collecting its output (parts run side by side without interleaving lines)
 * and its peak memory, which it writes to a file of its own on exit (`peak-memory.mjs`).
 */
function runNode(
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd = ROOT,
  signal?: AbortSignal,
): Promise<{ code: number | null; killedBy: NodeJS.Signals | null; lines: string[]; peak: number | undefined }> {
  const peakFile = join(tmpdir(), `chamber-peak-${process.pid}-${++children}`);
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', PEAK_MEMORY, ...args], { env: { ...env, CHAMBER_PEAK_FILE: peakFile }, cwd });
    // Stopped with everything it started (esbuild, Pagefind), so their memory is returned at once.
    const stop = () => {
      if (child.pid !== undefined) killTree(child.pid);
    };
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
    const lines: string[] = [];
    let rest = '';
    const take = (chunk: Buffer) => {
      const text = rest + chunk.toString('utf8');
      const split = text.split('\n');
      rest = split.pop() ?? '';
      lines.push(...split);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('close', (code, killedBy) => {
      signal?.removeEventListener('abort', stop);
      const peak = existsSync(peakFile) ? Number(readFileSync(peakFile, 'utf8')) : undefined;
      rmSync(peakFile, { force: true });
      done({ code, killedBy, lines: rest ? [...lines, rest] : lines, peak });
    });
  });
}

/**
 * A failed step's output, and why it ended when it did not end itself: a process stopped from outside prints nothing
 * of its own. On a build machine that is most often the system, out of memory, stopping the largest process (SIGKILL).
 */
function withCause(run: { lines: string[]; killedBy: NodeJS.Signals | null }, step: string): string[] {
  if (!run.killedBy) return run.lines;
  const hint = run.killedBy === 'SIGKILL' ? ', as a system out of memory does: build fewer parts at once (--jobs, --memory) or smaller ones (partSize, parts in chamber.config.yaml)' : '';
  return [...run.lines, `${step} was stopped by ${run.killedBy}${hint}.`];
}

/** What an Astro build reads from the project folder besides the content (which the environment names). */
const PROJECT_FILES = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/** A project folder an Astro build runs in, and the environment that points it at the content and settings. */
export interface JobFolder {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/**
 * A project folder of its own for one Astro build. Astro writes the content modules a build renders into `.astro/` of
 * its project folder, so two builds in one folder (parts side by side, or two sites built at once) would overwrite
 * each other's; each gets a copy of the source (a few hundred kB) beside the shared `node_modules`, reading the same
 * content and settings.
 */
export function jobFolder(cwd: string, env: NodeJS.ProcessEnv): JobFolder {
  rmSync(cwd, { recursive: true, force: true });
  mkdirSync(cwd, { recursive: true });
  for (const file of PROJECT_FILES) if (existsSync(join(ROOT, file))) cpSync(join(ROOT, file), join(cwd, file), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(cwd, 'node_modules'));
  // Astro names content modules by their path from the project folder: the content is linked in where it would be.
  symlinkSync(resolve(ROOT, contentRoot(env)), join(cwd, 'content'));
  return { cwd, env: { ...env, CHAMBER_CONTENT: 'content', CHAMBER_CONFIG: configPath(env, ROOT) } };
}

/** The file beside a built part that says what it was built from (see `partDigests`). */
export const digestFile = (dir: string) => `${dir}.digest`;

/** Whether `dir` holds this part built from exactly these inputs. */
export const isCurrent = (dir: string, digest: string): boolean =>
  existsSync(dir) && existsSync(digestFile(dir)) && readFileSync(digestFile(dir), 'utf8') === digest;

/**
 * Builds one part into `dir` with its own Astro process, which loads only the part's MDX and reads every other
 * entry from the summary, then indexes its pages for search. The part is built beside `dir` and moved into place
 * only when both steps succeeded, with the digest of what it was built from. `measured` hears the Astro build's
 * peak as soon as it ends: indexing needs less.
 */
export async function buildPart(
  name: string,
  plan: { summary: string; follow: string },
  dir: string,
  digest: string | undefined,
  env: NodeJS.ProcessEnv,
  cache: string,
  folder: JobFolder,
  signal?: AbortSignal,
  measured?: (peak: number) => void,
): Promise<PartResult> {
  const started = performance.now();
  const scratch = `${dir}.building`;
  rmSync(scratch, { recursive: true, force: true });
  const partEnv = {
    ...ALLOCATOR_ENV,
    ...folder.env,
    CHAMBER_PART: name,
    CHAMBER_SUMMARY: plan.summary,
    CHAMBER_FOLLOW: plan.follow,
    // Each part keeps its own content cache under `cache` (one per site built): parts built side by side must not
    // write one cache.
    CHAMBER_CACHE_DIR: join(cache, 'parts', name),
  };
  const astro = await runNode([join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', scratch], partEnv, folder.cwd, signal);
  const pages = Number(/(\d+) page\(s\) built/.exec(astro.lines.join('\n'))?.[1] ?? 0);
  const failed = (lines: string[]) => {
    rmSync(scratch, { recursive: true, force: true });
    return { name, ok: false, pages, ms: performance.now() - started, output: lines.filter((l) => !/[├└]─/.test(l)) };
  };
  if (signal?.aborted) return failed([]);
  if (astro.code !== 0) return failed(withCause(astro, 'Its Astro build'));
  if (astro.peak !== undefined) measured?.(astro.peak);
  const index = await runNode(['--import', 'tsx', join(ROOT, 'scripts', 'search-index.ts'), scratch], env, ROOT, signal);
  if (signal?.aborted) return failed([]);
  if (index.code !== 0) return failed(withCause(index, 'Its search index'));
  const peaks = [astro.peak, index.peak].filter((p) => p !== undefined);
  rmSync(dir, { recursive: true, force: true });
  rmSync(digestFile(dir), { force: true });
  renameSync(scratch, dir);
  if (digest) writeFileSync(digestFile(dir), digest);
  return { name, ok: true, pages, ms: performance.now() - started, output: [], peak: peaks.length > 0 ? Math.max(...peaks) : undefined };
}
