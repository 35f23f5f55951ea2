import { describe, expect, test } from 'vitest';
import { besideFirst, buildOrder, estimate, nextJob, parseBytes, runWithin, toStop, type Job } from '../../scripts/build/schedule';
import { runScript } from '../helpers/build';

const GB = 1024 ** 3;
const paper = (name: string, papers: number, lastPeak?: number): Job => ({ name, papers, site: false, lastPeak });
const SITE: Job = { name: 'site', papers: 0, site: true };

describe('parseBytes', () => {
  test.each([
    ['4GB', 4 * GB],
    ['3.5 gb', 3.5 * GB],
    ['3500MB', 3500 * 1024 ** 2],
    ['4g', 4 * GB],
    ['512k', 512 * 1024],
  ])('%s', (text, bytes) => expect(parseBytes(text)).toBe(bytes));

  test.each(['1.5', 'lots', '-1GB', '', '4 TB', 'GB'])('refuses %j, which is not a size with its unit', (text) => expect(parseBytes(text)).toBeUndefined());
});

describe('estimate', () => {
  test('a part is expected to need what it needed when it was last built', () => {
    expect(estimate(paper('a', 10, 1.2 * GB), [{ papers: 500, site: false, peak: 3 * GB }])).toBe(1.2 * GB);
  });

  test('with no figure of its own, a paper part takes the largest peak so far, scaled up when it holds more papers', () => {
    const finished = [
      { papers: 400, site: false, peak: 1.6 * GB },
      { papers: 100, site: false, peak: 1.0 * GB },
    ];
    expect(estimate(paper('smaller', 50), finished)).toBe(1.6 * GB);
    expect(estimate(paper('larger', 800), finished)).toBe(3.2 * GB);
    expect(estimate(paper('first', 800), [])).toBeUndefined();
  });

  test('the site part, which holds the summary but no MDX, is expected to need at most what the largest paper part needed', () => {
    const finished = [
      { papers: 400, site: false, peak: 1.6 * GB },
      { papers: 100, site: false, peak: 1.0 * GB },
    ];
    expect(estimate(SITE, finished)).toBe(1.6 * GB);
    expect(estimate(SITE, [])).toBeUndefined();
    expect(estimate({ ...SITE, lastPeak: 2.5 * GB }, finished)).toBe(2.5 * GB);
    // The site part's own peak tells nothing of a paper part's.
    expect(estimate(paper('a', 10), [{ papers: 0, site: true, peak: 2 * GB }])).toBeUndefined();
  });
});

describe('nextJob', () => {
  test('starts the first waiting part that fits beside the running ones, up to the number of jobs', () => {
    expect(nextJob([3 * GB, 1 * GB], [2 * GB], 2, 4 * GB)).toBe(1);
    expect(nextJob([1 * GB], [1 * GB, 1 * GB], 2, 4 * GB)).toBe(-1);
    expect(nextJob([3 * GB], [2 * GB], 2, 4 * GB)).toBe(-1);
  });

  test('a part with no estimate, or over the budget alone, waits until nothing else runs, then runs alone', () => {
    expect(nextJob([undefined, 1 * GB], [1 * GB], 2, 4 * GB)).toBe(1);
    expect(nextJob([1 * GB], [undefined], 2, 4 * GB)).toBe(-1);
    expect(nextJob([5 * GB], [1 * GB], 2, 4 * GB)).toBe(-1);
    expect(nextJob([5 * GB], [], 2, 4 * GB)).toBe(0);
    expect(nextJob([undefined], [], 2, 4 * GB)).toBe(0);
    expect(nextJob([], [], 2, 4 * GB)).toBe(-1);
  });
});

test('toStop: the part started last, once the parts running together use more than the limit; never a part alone', () => {
  const running = [
    { slot: 0, started: 3 },
    { slot: 1, started: 5 },
  ];
  expect(toStop(running, 4.1 * GB, 4 * GB)).toBe(1);
  expect(toStop(running, 3.9 * GB, 4 * GB)).toBeUndefined();
  expect(toStop([{ slot: 0, started: 3 }], 9 * GB, 4 * GB)).toBeUndefined();
});

test('besideFirst: the site part may start beside a first paper part not yet measured, only with a guard and room for two jobs', () => {
  const first = { job: paper('p400', 400), estimate: undefined };
  const waiting = [paper('p300', 300), SITE];
  expect(besideFirst(waiting, [first], 2, true)).toBe(1);
  expect(besideFirst(waiting, [first], 2, false)).toBe(-1);
  expect(besideFirst(waiting, [first], 1, true)).toBe(-1);
  // Once the first part has an estimate, the budget decides (nextJob); the site part is no companion to itself.
  expect(besideFirst(waiting, [{ ...first, estimate: GB }], 2, true)).toBe(-1);
  expect(besideFirst([paper('p300', 300)], [{ job: SITE, estimate: undefined }], 2, true)).toBe(-1);
  expect(besideFirst([], [first], 2, true)).toBe(-1);
  // Stopped beside another once, it is built alone.
  expect(besideFirst([{ ...SITE, alone: true }], [first], 2, true)).toBe(-1);
});

test('buildOrder: the paper parts by papers, the largest first; the site part last', () => {
  expect(buildOrder([SITE, paper('b', 20), paper('a', 300), paper('c', 20)]).map((j) => j.name)).toEqual(['a', 'b', 'c', 'site']);
});

describe('runWithin', () => {
  /**
   * Runs `jobs` with work that takes a few milliseconds and "needs" a peak of 1 GB plus 1 MB a paper, recording
   * which parts ran at once. Gives the parts in the order they started, those that ran with no other part beside
   * them, and the largest sum of true peaks at once.
   */
  async function simulate(jobs: Job[], options: { jobs: number; budget: number }) {
    const peakOf = (job: Job) => GB + job.papers * 1024 ** 2;
    const running = new Set<Job>();
    const started: string[] = [];
    const accompanied = new Set<string>();
    let most = 0;
    let together = 0;
    const results = await runWithin(jobs, options, async (job, slot) => {
      expect(slot).toBeLessThan(options.jobs);
      running.add(job);
      started.push(job.name);
      if (running.size > 1) for (const j of running) accompanied.add(j.name);
      most = Math.max(most, [...running].reduce((sum, j) => sum + peakOf(j), 0));
      together = Math.max(together, running.size);
      await new Promise((done) => setTimeout(done, 5 + job.papers / 100));
      running.delete(job);
      return { name: job.name, peak: peakOf(job) };
    });
    return { started, most, together, alone: started.filter((name) => !accompanied.has(name)), built: results.map((r) => r.name).sort() };
  }
  const parts = [paper('p100', 100), paper('p400', 400), paper('p50', 50), paper('p300', 300), paper('p200', 200), SITE];

  test('two at once where two fit: the largest first alone, to measure it, then two at a time, the site part last', async () => {
    const run = await simulate(parts, { jobs: 2, budget: 3 * GB });
    expect(run.built).toEqual(['p100', 'p200', 'p300', 'p400', 'p50', 'site']);
    expect(run.started[0]).toBe('p400');
    expect(run.started.at(-1)).toBe('site');
    expect(run.alone).toEqual(['p400']);
    expect(run.together).toBe(2);
    expect(run.most).toBeLessThanOrEqual(3 * GB);
  });

  test('one at a time where two would not fit, whatever the number of jobs', async () => {
    const run = await simulate(parts, { jobs: 4, budget: 2.5 * GB });
    expect(run.built).toHaveLength(6);
    expect(run.together).toBe(1);
  });

  test('with every part’s peak from its last build, parts start at once from the beginning, within the budget', async () => {
    const known = parts.map((job) => ({ ...job, lastPeak: GB + job.papers * 1024 ** 2 }));
    const run = await simulate(known, { jobs: 3, budget: 4 * GB });
    expect(run.together).toBe(3);
    expect(run.most).toBeLessThanOrEqual(4 * GB);
  });

  test('with a guard, a part that takes the memory used over the limit beside another is stopped and built again alone', async () => {
    // Every part was last measured at 1 GB, but each really needs 1.5 GB: two at once pass the 2.5 GB limit.
    const known = [paper('a', 300, GB), paper('b', 200, GB), paper('c', 100, GB)];
    const using = new Map<string, number>();
    const stoppedParts: string[] = [];
    const built: string[] = [];
    let together = 0;
    const results = await runWithin(
      known,
      {
        jobs: 2,
        budget: 2.5 * GB,
        guard: { limit: 2.5 * GB, usage: () => [...using.values()].reduce((a, b) => a + b, 0), everyMs: 2 },
        stopped: (job, used) => {
          expect(used).toBeGreaterThan(2.5 * GB);
          stoppedParts.push(job.name);
        },
      },
      async (job, _slot, signal) => {
        using.set(job.name, 1.5 * GB);
        together = Math.max(together, using.size);
        // Works for 40 ms unless stopped first.
        await new Promise<void>((done) => {
          const timer = setTimeout(done, 40);
          signal.addEventListener('abort', () => (clearTimeout(timer), done()), { once: true });
        });
        using.delete(job.name);
        if (!signal.aborted) built.push(job.name);
        return { name: job.name, peak: 1.5 * GB };
      },
    );
    expect(together).toBe(2);
    // The part started second is stopped; the one started first goes on. From then on estimates are raised by half
    // (1.5 GB used for each 1 GB expected), so no two parts start together again and none is stopped again.
    expect(stoppedParts).toEqual(['b']);
    expect(built.sort()).toEqual(['a', 'b', 'c']);
    expect(results.map((r) => r.name).sort()).toEqual(['a', 'b', 'c']);
  });

  test('with a guard, the site part starts beside the first paper part, which runs alone without one', async () => {
    const events: string[] = [];
    await runWithin(
      [paper('a', 300), paper('b', 200), SITE],
      { jobs: 2, budget: 3 * GB, guard: { limit: 3 * GB, usage: () => 0, everyMs: 2 } },
      async (job, _slot, _signal, measured) => {
        events.push(`start ${job.name}`);
        await new Promise((done) => setTimeout(done, job.site ? 5 : 20));
        measured(GB);
        await new Promise((done) => setTimeout(done, 10));
        events.push(`end ${job.name}`);
        return { name: job.name, peak: GB };
      },
    );
    expect(events.slice(0, 2)).toEqual(['start a', 'start site']);
    expect(events).toContain('start b');
  });

  test('a part that tells its peak when its largest step ends lets the next start beside the rest of it', async () => {
    const events: string[] = [];
    await runWithin([paper('a', 300), paper('b', 200), paper('c', 100)], { jobs: 2, budget: 3 * GB }, async (job, _slot, _signal, measured) => {
      events.push(`start ${job.name}`);
      await new Promise((done) => setTimeout(done, 10));
      measured(GB);
      await new Promise((done) => setTimeout(done, 30));
      events.push(`end ${job.name}`);
      return { name: job.name, peak: 1.2 * GB };
    });
    // Unmeasured, the first part runs alone: told its peak after its first step, the second starts before it ends.
    expect(events.slice(0, 3)).toEqual(['start a', 'start b', 'end a']);
    expect(events.filter((e) => e.startsWith('start'))).toHaveLength(3);
  });

  test('a part that never tells its peak early is still waited for, as before', async () => {
    const events: string[] = [];
    await runWithin([paper('a', 300), paper('b', 200)], { jobs: 2, budget: 3 * GB }, async (job) => {
      events.push(`start ${job.name}`);
      await new Promise((done) => setTimeout(done, 20));
      events.push(`end ${job.name}`);
      return { name: job.name, peak: GB };
    });
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  test('a failed part stops the build with its error', async () => {
    await expect(runWithin([paper('a', 1)], { jobs: 2, budget: GB }, () => Promise.reject(new Error('no')))).rejects.toThrow('no');
  });
});

test('npm run build refuses a memory that is not a size, before checking anything', () => {
  const result = runScript('scripts/build.ts', ['--memory', '4']);
  expect(result.status).toBe(2);
  expect(result.output).toContain('--memory must be a size such as 4GB or 3500MB, not 4');
});
