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
 * The peak memory a part is expected to need: its own at its last build; else, for a paper part, the largest peak of
 * the paper parts built so far in this build, or, for a part with more papers than any of them, the peak of the one
 * with most papers scaled up to its papers. Peaks grow more slowly than papers (every part holds the whole summary),
 * so the estimate errs high. Undefined when nothing tells: the part is then built alone.
 */
export function estimate(job: Job, finished: readonly Finished[]): number | undefined {
  if (job.lastPeak !== undefined) return job.lastPeak;
  const like = finished.filter((f) => f.site === job.site);
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

/** The order parts are built in: the largest paper parts first, so the one measured first bounds the others; the site part last. */
export const buildOrder = (jobs: readonly Job[]): Job[] =>
  [...jobs].sort((a, b) => Number(a.site) - Number(b.site) || b.papers - a.papers || a.name.localeCompare(b.name));

/**
 * Builds every job, at most `jobs` at once and within `budget` bytes of expected peak memory (see `nextJob`), in
 * `buildOrder`. `work` builds one in a slot (0 to jobs - 1) and returns what it measured of its peak.
 */
export async function runWithin<R extends { peak?: number | undefined }>(
  list: readonly Job[],
  options: { jobs: number; budget: number },
  work: (job: Job, slot: number) => Promise<R>,
): Promise<R[]> {
  const waiting = buildOrder(list);
  const finished: Finished[] = [];
  const running = new Map<number, number | undefined>();
  const results: R[] = [];
  return new Promise((done, fail) => {
    const fill = () => {
      for (;;) {
        const estimates = waiting.map((job) => estimate(job, finished));
        const i = nextJob(estimates, [...running.values()], options.jobs, options.budget);
        if (i < 0) break;
        const [job] = waiting.splice(i, 1);
        const slot = [...Array(options.jobs).keys()].find((s) => !running.has(s))!;
        running.set(slot, estimates[i]);
        work(job!, slot).then((result) => {
          running.delete(slot);
          results.push(result);
          if (result.peak !== undefined) finished.push({ papers: job!.papers, site: job!.site, peak: result.peak });
          if (waiting.length === 0 && running.size === 0) done(results);
          else fill();
        }, fail);
      }
    };
    if (waiting.length === 0) done(results);
    else fill();
  });
}
