import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { tablesWithoutHeaders } from '../src/model/accessibility';
import { missingCouncilDetails } from '../src/model/council';
import { SITE_PART, type Part } from '../src/model/partition';
import { loadSiteConfig } from '../src/model/site-config';
import { summaryJson, type Summary } from '../src/model/summary';
import { contentRoot } from '../src/schema';
import type { Council } from '../src/schema/council';
import { checkContentTree, contentIds, formatProblem, type ContentIds, type ContentProblem } from '../src/schema/validate';
import { fingerprint } from './build-record';
import { partDigests, partFollow, planEntry, summarize, type PlanEntry } from './build/summary';
import { readContentTree, type ContentTree } from './content-tree';
import type { Io } from './io';

/** The files (and the folder of follow links) a checked build plan holds, in the folder given to `--plan`. */
export const PLAN_FILES = { summary: 'summary.json', digests: 'digests.json', parts: 'parts.json', follow: 'follow' } as const;

/** The plan's file of the follow links a part's pages show (see `partFollow`). */
export const followFile = (plan: string, part: string) => join(plan, PLAN_FILES.follow, `${part}.json`);

/** A part as the build plan lists it: its name and its MDX entries (the site part has none). */
export type PlanPart = Pick<Part, 'name' | 'papers'>;

/** Writes a file whole or not at all: a build that stops half-way never leaves a part-written plan. */
function writeWhole(file: string, text: string): void {
  writeFileSync(`${file}.${process.pid}.tmp`, text);
  renameSync(`${file}.${process.pid}.tmp`, file);
}

const CHECKED = join(import.meta.dirname, '..', '.chamber', 'checked');

/**
 * Digests of the MDX bodies that passed the check, kept between runs in `.chamber/checked/` under a digest of the
 * checker itself (its schemas, the content components, the MDX compiler's version): a changed checker checks all again.
 */
function cleanBodies(): { bodies: Set<string>; save: () => void } {
  const root = join(import.meta.dirname, '..');
  const checker = fingerprint(['src/schema', 'src/components/content', 'package-lock.json'].map((p) => join(root, p)));
  const file = join(CHECKED, `${createHash('sha256').update(JSON.stringify(checker)).digest('hex').slice(0, 16)}.json`);
  const bodies = new Set<string>(existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as string[]) : []);
  return {
    bodies,
    save: () => {
      mkdirSync(CHECKED, { recursive: true });
      for (const old of readdirSync(CHECKED)) if (old.endsWith('.json') && join(CHECKED, old) !== file) rmSync(join(CHECKED, old), { force: true });
      writeWhole(file, JSON.stringify([...bodies]));
    },
  };
}

/**
 * Writes the build plan of valid content into `dir`: the summary every part's build reads, the follow links each
 * part's pages show (found across parts once here, not again in each part), a digest of what each part's pages show,
 * so an unchanged part is not built again, and the parts with their papers (`PlanPart`), so
 * the build that runs them need not hold the summary, hundreds of MB at 10,000 documents, beside them.
 */
function writePlan(dir: string, checked: Checked, io: Io): void {
  const { parts, partSize } = loadSiteConfig(io.env).config;
  const { entries } = checked;
  const summary = summarize(entries, parts, partSize, checked.tables);
  mkdirSync(dir, { recursive: true });
  writeWhole(join(dir, PLAN_FILES.summary), summaryJson(summary));
  const links = partFollow(entries, summary);
  rmSync(join(dir, PLAN_FILES.follow), { recursive: true, force: true });
  mkdirSync(join(dir, PLAN_FILES.follow));
  for (const [part, stored] of links) writeWhole(followFile(dir, part), JSON.stringify(stored));
  writeWhole(join(dir, PLAN_FILES.digests), JSON.stringify(Object.fromEntries(partDigests(entries, summary, links))));
  const planParts: PlanPart[] = [...summary.parts.map(({ name, papers }) => ({ name, papers })), { name: SITE_PART, papers: 0 }];
  writeWhole(join(dir, PLAN_FILES.parts), JSON.stringify(planParts));
}

/** What checking a share of the content tree gives. */
export interface CheckedShare {
  problems: ContentProblem[];
  entries: PlanEntry[];
  tables: Summary['tables'];
}

/** What checking the content tree gives: its problems, and what the rest of the check and the plan need. */
export interface Checked extends CheckedShare {
  /** Collections with no file yet. */
  empty: string[];
  councils: Array<{ file: string; data: Council }>;
}

/**
 * Reads and checks the files of `tree` (the whole content tree, or a share of it checked against the whole tree's
 * `ids`), one at a time. Of each it keeps what the plan needs (`planEntry`): its text, its parsed YAML (which says
 * where each field sits) and MDX bodies other than the summary's go as the next is read. With `each`, every entry
 * kept is given to it, in order, as it is made, and none is returned.
 */
export function checkShare(tree: ContentTree, clean: Set<string>, ids: ContentIds, each?: (entry: PlanEntry) => void): CheckedShare {
  const tables = { tables: 0, withoutHeaders: 0 };
  const { problems, entries } = checkContentTree(
    tree,
    clean,
    (entry) => {
      const counted = tablesWithoutHeaders([entry.body]);
      tables.tables += counted.tables;
      tables.withoutHeaders += counted.withoutHeaders;
      const kept = planEntry(entry);
      if (!each) return kept;
      each(kept);
      return undefined;
    },
    ids,
  );
  return { problems, entries: entries.filter((e) => e !== undefined), tables };
}

/** Below this many files a share is not worth a worker of its own: one takes about two thirds of a second to start. */
const FILES_PER_WORKER = 1000;

/**
 * Checks the tree in `count` worker threads (see `checkShare`) and gives back what one check of the whole tree would,
 * in the same order. Files are dealt to the workers in turn, so each gets as many long and short ones as the others.
 * On two cores, a decade of papers is checked in about 60% of the time.
 */
async function checkInWorkers(tree: ContentTree, clean: Set<string>, count: number): Promise<CheckedShare> {
  const ids = contentIds(tree);
  const files = Object.entries(tree).flatMap(([collection, list]) => list.map(({ relativePath, file }) => ({ collection, relativePath, path: file.path })));
  const known = [...clean];
  const slots: Array<PlanEntry | undefined> = Array.from({ length: files.length });
  const results = await Promise.all(
    Array.from(
      { length: count },
      (_, w) =>
        new Promise<ShareDone>((done, fail) => {
          const share = files.flatMap((file, index) => (index % count === w ? [{ ...file, index }] : []));
          // The worker is TypeScript too, loaded as this process loads its own (tsx), whoever started it.
          const worker = new Worker(new URL('./check-content-worker.ts', import.meta.url), {
            execArgv: ['--import', 'tsx'],
            workerData: { files: share, ids, clean: known } satisfies ShareTask,
          });
          worker.on('message', (message: ShareMessage) => {
            if ('entries' in message) for (const [index, entry] of message.entries) slots[index] = entry;
            else done(message.done);
          });
          worker.on('error', fail);
          worker.on('exit', (code) => code !== 0 && fail(new Error(`A content check worker stopped with code ${code}`)));
        }),
    ),
  );
  for (const r of results) for (const digest of r.clean) clean.add(digest);
  return {
    problems: results.flatMap((r) => r.problems),
    entries: slots.filter((e) => e !== undefined),
    tables: results.reduce((sum, r) => ({ tables: sum.tables + r.tables.tables, withoutHeaders: sum.withoutHeaders + r.tables.withoutHeaders }), { tables: 0, withoutHeaders: 0 }),
  };
}

/** What a worker is given: its share of the files (with their place in the tree), every entry's id, and the digests of bodies checked clean before. */
export interface ShareTask {
  files: Array<{ index: number; collection: string; relativePath: string; path: string }>;
  ids: ContentIds;
  clean: string[];
}

/** What a worker sends: its entries with their files' places, a few hundred at a time as they are made, then the rest of what it found. */
export type ShareMessage = { entries: Array<[number, PlanEntry]> } | { done: ShareDone };

/** What a worker found besides its entries, and the digests of the bodies it found clean. */
type ShareDone = Omit<CheckedShare, 'entries'> & { clean: string[] };

/**
 * Checks every content file (see `checkShare`), in worker threads when there are enough files to share: as many as
 * the machine has cores, unless `workers` says.
 */
export async function checkTree(root: string, clean: Set<string>, io: Io, workers?: number): Promise<Checked> {
  const tree = readContentTree(root, process.cwd(), 'when-used');
  const count = Object.values(tree).reduce((n, list) => n + (list?.length ?? 0), 0);
  io.out(`Checking ${count} content files in ${root}/ ...`);
  workers ??= Math.min(availableParallelism(), Math.floor(count / FILES_PER_WORKER));
  const { problems, entries, tables } = workers > 1 ? await checkInWorkers(tree, clean, workers) : checkShare(tree, clean, contentIds(tree));
  return {
    problems: problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line),
    entries,
    tables,
    empty: Object.entries(tree).flatMap(([name, list]) => (list?.length ? [] : [name])),
    councils: entries.flatMap((e) => (e.collection === 'councils' ? [{ file: e.file, data: e.data as Council }] : [])),
  };
}

/**
 * Checks every content file (schema, YAML, MDX, components, cross-references) and reports each problem as
 * file:line:column field: message. Returns 0 when the content is valid. `npm run build` runs this first, in a process
 * of its own, so the memory checking takes is given back before Astro starts.
 */
export async function checkContent(io: Io, options: { plan?: string | undefined } = {}): Promise<number> {
  const root = contentRoot(io.env);
  const clean = cleanBodies();
  const checked = await checkTree(root, clean.bodies, io);
  clean.save();
  const { problems, empty, councils } = checked;
  if (problems.length > 0) {
    io.err(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in content; nothing was built:\n`);
    for (const problem of problems) io.err(`  ${formatProblem(problem)}`);
    io.err('\nFix these and run the build again.');
    return 1;
  }
  io.out('Content is valid.');
  if (empty.length > 0) {
    // Astro warns of each empty collection; on a new site that is expected, so say so before it does.
    io.out(`Nothing yet in ${empty.join(', ')}: Astro warns that it found no files there until you import some.`);
  }
  // What a council has not given is not an error (the site says so plainly), but the web team should know.
  const missing = missingCouncilDetails(councils);
  if (missing.length > 0) {
    io.out(`\n${missing.length} detail${missing.length === 1 ? '' : 's'} to add:`);
    for (const m of missing) io.out(`  ${m.file}  ${m.field}: ${m.message}`);
  }
  if (options.plan) writePlan(options.plan, checked, io);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { plan: { type: 'string' } } });
  process.exitCode = await checkContent({ out: (line) => console.log(line), err: (line) => console.error(line), env: process.env }, values);
}
