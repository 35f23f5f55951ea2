import { totalmem } from 'node:os';

/** A part waiting to be built, as the schedule sees it. */
export interface Job {
  name: string;
  /** Its MDX entries (0 for the site part, which lists every paper but renders none). */
  papers: number;
  /** The site part: its memory grows with the whole site's summary, not with its papers. */
  site: boolean;
  /** Its peak memory (bytes) when it was last built, if it was. */
  lastPeak?: number | undefined;
  /** Stopped in this build for passing the memory beside other parts: it is built again alone. */
  alone?: boolean;
}

/** A part built in this build, and its peak memory. */
export interface Finished {
  papers: number;
  site: boolean;
  peak: number;
}

const UNITS: Record<string, number> = { b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** Bytes from a size as people write it, with its unit: `4GB`, `3.5 GB`, `3500MB`, `4g`; undefined when it is not one. */
export function parseBytes(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]b?|b)\s*$/i.exec(text);
  const unit = match && UNITS[match[2]!.toLowerCase()];
  return match && unit ? Number(match[1]) * unit : undefined;
}

/**
 * The memory a build keeps within unless told: four fifths of what this machine, or the container it runs in
 * (a CI runner's limit), has, leaving the rest to the system and the build's own process.
 */
export function defaultMemory(): number {
  const limit = process.constrainedMemory();
  const total = limit > 0 && limit < totalmem() ? limit : totalmem();
  return Math.floor(total * 0.8);
}

/**
 * The peak memory a part is expected to need: its own at its last build; else the largest peak of the paper parts
 * built so far in this build, or, for a paper part with more papers than any of them, the peak of the one with most
 * papers scaled up to its papers. Peaks grow more slowly than papers (every part holds the whole summary), so the
 * estimate errs high. The site part holds the summary as every part does, but no MDX: in the benchmark it needed less
 * than the smallest paper part at every size (0.59 against 0.87 GB at 1,000 documents, 1.46 against 1.77 GB at 30,000).
 * Undefined when nothing tells, and Infinity for a part stopped beside others (see `runWithin`): either is then built
 * alone.
 */
export function estimate(job: Job, finished: readonly Finished[]): number | undefined {
  if (job.alone) return Infinity;
  if (job.lastPeak !== undefined) return job.lastPeak;
  const like = finished.filter((f) => !f.site);
  if (like.length === 0) return undefined;
  const largest = Math.max(...like.map((f) => f.peak));
  if (job.site) return largest;
  const most = like.reduce((a, b) => (b.papers > a.papers || (b.papers === a.papers && b.peak > a.peak) ? b : a));
  return most.papers > 0 && job.papers > most.papers ? Math.max(largest, (most.peak * job.papers) / most.papers) : largest;
}

/**
 * Which waiting job may start now (its index), or -1: at most `jobs` run at once, and together their expected peaks
 * stay within `budget`. A job with no estimate, or one over the budget alone, starts only when nothing else runs, so a
 * build always goes on. `running` holds the estimates of the jobs running (undefined: not known).
 */
export function nextJob(waiting: readonly (number | undefined)[], running: readonly (number | undefined)[], jobs: number, budget: number): number {
  if (running.length >= jobs) return -1;
  if (running.length === 0) return waiting.length > 0 ? 0 : -1;
  if (running.some((r) => r === undefined)) return -1;
  const used = running.reduce((sum: number, r) => sum + r!, 0);
  return waiting.findIndex((w) => w !== undefined && used + w <= budget);
}

/**
 * Whether the site part (its index in `waiting`) may start beside the one part running, though that part has no
 * estimate: on a first build, or a new year's, the first paper part would otherwise run alone until it is measured,
 * leaving a core idle for its whole Astro build. The site part needed less than any paper part at every size in the
 * benchmark (see `estimate`), so the two need less than twice the first. Only with a guard (`guarded`), which stops it
 * and builds it again alone if they pass the limit, so a wrong guess costs the site part's time and nothing else.
 */
export function besideFirst(
  waiting: readonly Job[],
  running: ReadonlyArray<{ job: Job; estimate: number | undefined }>,
  jobs: number,
  guarded: boolean,
): number {
  const [only, ...others] = running;
  if (!guarded || jobs < 2 || !only || others.length > 0 || only.job.site || only.estimate !== undefined) return -1;
  return waiting.findIndex((job) => job.site && !job.alone);
}

/** The order parts are built in: the largest paper parts first, so the one measured first bounds the others; the site part last. */
export const buildOrder = (jobs: readonly Job[]): Job[] =>
  [...jobs].sort((a, b) => Number(a.site) - Number(b.site) || b.papers - a.papers || a.name.localeCompare(b.name));

/**
 * The part to stop when the parts running together use more than `limit` (bytes): the one started last, which has
 * the least work to lose. Never the only one running: a part alone is left to finish whatever it needs.
 */
export function toStop(running: ReadonlyArray<{ slot: number; started: number }>, used: number, limit: number): number | undefined {
  if (running.length < 2 || used <= limit) return undefined;
  return running.reduce((a, b) => (b.started > a.started ? b : a)).slot;
}

/** Watching what the parts running at once use: `usage` gives the bytes now (0 where it cannot tell). */
export interface Guard {
  limit: number;
  usage: () => number;
  everyMs?: number;
}

/**
 * Builds every job, at most `jobs` at once and within `budget` bytes of expected peak memory (see `nextJob`), in
 * `buildOrder`, but for the site part, which may start beside the first (see `besideFirst`). `work` builds one in a
 * slot (0 to jobs - 1) and returns what it measured of its peak; it may tell that peak with `measured` as soon as the
 * step that needs most is over (a part's Astro build, before its index), so the next parts need not wait for the rest
 * of the first one to learn what they may need. Estimates can
 * be wrong (two parts alike in size differ by a sixth), so with a `guard` the memory really used is read every
 * quarter second, and a part that takes it over the limit beside others is stopped (its `signal` aborted), reported
 * with `stopped`, and built again alone; from then on every estimate is raised by as much as they fell short.
 */
export async function runWithin<R extends { peak?: number | undefined }>(
  list: readonly Job[],
  options: { jobs: number; budget: number; guard?: Guard | undefined; stopped?: (job: Job, used: number) => void },
  work: (job: Job, slot: number, signal: AbortSignal, measured: (peak: number) => void) => Promise<R>,
): Promise<R[]> {
  const waiting = buildOrder(list);
  const finished: Finished[] = [];
  const running = new Map<number, { job: Job; estimate: number | undefined; started: number; stop: AbortController; measured: Finished | undefined }>();
  const results: R[] = [];
  let starts = 0;
  // How much the parts running together really used over what they were expected to: raised by each stop.
  let correction = 1;
  const corrected = (e: number | undefined) => (e === undefined ? undefined : e * correction);
  return new Promise((done, fail) => {
    const { guard } = options;
    const watch = guard
      ? setInterval(() => {
          const used = guard.usage();
          const slot = toStop([...running].map(([slot, r]) => ({ slot, started: r.started })), used, guard.limit);
          const run = slot === undefined ? undefined : running.get(slot);
          if (!run || run.stop.signal.aborted) return;
          const expected = [...running.values()].reduce((sum, r) => sum + (r.estimate ?? 0), 0);
          // The guard's limit counts the build's own process, which the budget has already left out.
          if (expected > 0) correction = Math.max(correction, (used - Math.max(0, guard.limit - options.budget)) / expected);
          run.stop.abort();
          options.stopped?.(run.job, used);
        }, guard.everyMs ?? 250)
      : undefined;
    const finish = () => {
      clearInterval(watch);
      done(results);
    };
    const failed = (error: unknown) => {
      clearInterval(watch);
      fail(error);
    };
    const fill = () => {
      for (;;) {
        const estimates = waiting.map((job) => estimate(job, finished));
        // A part started with no estimate (see `besideFirst`) takes one as soon as the parts measured give it one.
        for (const r of running.values()) r.estimate ??= estimate(r.job, finished);
        const now = [...running.values()];
        const fits = nextJob(estimates.map(corrected), now.map((r) => corrected(r.estimate)), options.jobs, options.budget);
        const i = fits >= 0 ? fits : besideFirst(waiting, now, options.jobs, guard !== undefined);
        if (i < 0) break;
        const [job] = waiting.splice(i, 1);
        const slot = [...Array(options.jobs).keys()].find((s) => !running.has(s))!;
        const stop = new AbortController();
        const run = { job: job!, estimate: estimates[i], started: starts++, stop, measured: undefined as Finished | undefined };
        running.set(slot, run);
        const measured = (peak: number) => {
          if (stop.signal.aborted || run.measured) return;
          // What is left of the part needs no more than its peak so far: it stands as its estimate, and as a measure for the others.
          run.estimate = peak;
          run.measured = { papers: job!.papers, site: job!.site, peak };
          finished.push(run.measured);
          fill();
        };
        work(job!, slot, stop.signal, measured).then((result) => {
          running.delete(slot);
          if (stop.signal.aborted) {
            if (run.measured) finished.splice(finished.indexOf(run.measured), 1);
            waiting.unshift({ ...job!, alone: true });
          } else {
            results.push(result);
            if (run.measured && result.peak !== undefined) run.measured.peak = Math.max(run.measured.peak, result.peak);
            else if (result.peak !== undefined) finished.push({ papers: job!.papers, site: job!.site, peak: result.peak });
          }
          if (waiting.length === 0 && running.size === 0) finish();
          else fill();
        }, failed);
      }
    };
    if (waiting.length === 0) finish();
    else fill();
  });
}
