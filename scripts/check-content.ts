import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { tablesWithoutHeaders } from '../src/model/accessibility';
import { missingCouncilDetails } from '../src/model/council';
import { SITE_PART, type Part } from '../src/model/partition';
import { loadSiteConfig } from '../src/model/site-config';
import { summaryJson, type Summary } from '../src/model/summary';
import { contentRoot } from '../src/schema';
import type { Council } from '../src/schema/council';
import { checkContentTree, contentIds, formatProblem, unresolved, type ContentIds, type ContentProblem, type ParsedEntry } from '../src/schema/validate';
import { fingerprint } from './build-record';
import { partDigests, partFollow, planEntry, summarize, type PlanEntry } from './build/summary';
import { readContentTree, type ContentTree } from './content-tree';
import { sameStamp, stampOf, type FileStamp } from './file-stamp';
import type { Io } from './io';

/** The files (and the folder of follow links) a checked build plan holds, in the folder given to `--plan`. */
export const PLAN_FILES = { summary: 'summary.json', digests: 'digests.json', parts: 'parts.json', follow: 'follow' } as const;

/** The plan's file of the follow links a part's pages show (see `partFollow`). */
export const followFile = (plan: string, part: string) => join(plan, PLAN_FILES.follow, `${part}.json`);

/** A part as the build plan lists it: its name and its MDX entries (the site part has none). */
export type PlanPart = Pick<Part, 'name' | 'papers'>;

/** Writes a file whole or not at all: a build that stops half-way never leaves a part-written plan. */
function writeWhole(file: string, text: string | Uint8Array): void {
  writeFileSync(`${file}.${process.pid}.tmp`, text);
  renameSync(`${file}.${process.pid}.tmp`, file);
}

const CHECKED = join(import.meta.dirname, '..', '.chamber', 'checked');

/** An entry as the check keeps it: what the plan needs, and what a later check needs to take it again unread. */
export type CheckedEntry = PlanEntry & Pick<ParsedEntry, 'charts'> & { tables: Summary['tables'] };

/**
 * What a check keeps for the next, in `.chamber/checked/` under a digest of the checker itself (its schemas, the
 * content components, the MDX compiler's version), so a changed checker checks everything again.
 */
export interface CheckMemo {
  /** Digests of the MDX bodies that passed: a changed file whose body is unchanged is not parsed as MDX again. */
  bodies: Set<string>;
  /**
   * Each valid file's entry, by the path problems name, with its file's stamp then: a file whose stamp is the same is
   * not read again, only its references checked against today's files. Replaced by each check.
   */
  entries: Map<string, { stamp: FileStamp; entry: CheckedEntry }>;
}

/** An empty memo: everything is checked. */
export const noMemo = (): CheckMemo => ({ bodies: new Set(), entries: new Map() });

/**
 * The memo the last check by this checker left in `dir`, and how to save this check's in its place. A build keeps one
 * in its store, which is its content folder's own; a check on its own uses the project's.
 */
function checkerMemo(dir = CHECKED): { memo: CheckMemo; save: () => void } {
  const root = join(import.meta.dirname, '..');
  const checker = fingerprint(['src/schema', 'src/components/content', 'package-lock.json'].map((p) => join(root, p)));
  const file = join(dir, `${createHash('sha256').update(JSON.stringify(checker)).digest('hex').slice(0, 16)}.memo`);
  let memo = noMemo();
  try {
    if (existsSync(file)) memo = deserialize(readFileSync(file)) as CheckMemo;
  } catch {
    // A memo cut short (a full disk) only means checking everything again.
  }
  return {
    memo,
    save: () => {
      mkdirSync(dir, { recursive: true });
      for (const old of readdirSync(dir)) if (join(dir, old) !== file) rmSync(join(dir, old), { force: true });
      writeWhole(file, serialize(memo));
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
  const summaryText = summaryJson(summary);
  writeWhole(join(dir, PLAN_FILES.summary), summaryText);
  const links = partFollow(entries, summary);
  rmSync(join(dir, PLAN_FILES.follow), { recursive: true, force: true });
  mkdirSync(join(dir, PLAN_FILES.follow));
  for (const [part, stored] of links) writeWhole(followFile(dir, part), JSON.stringify(stored));
  writeWhole(join(dir, PLAN_FILES.digests), JSON.stringify(Object.fromEntries(partDigests(entries, summary, links, summaryText))));
  const planParts: PlanPart[] = [...summary.parts.map(({ name, papers }) => ({ name, papers })), { name: SITE_PART, papers: 0 }];
  writeWhole(join(dir, PLAN_FILES.parts), JSON.stringify(planParts));
}

/** What checking a share of the content tree gives. */
export interface CheckedShare {
  problems: ContentProblem[];
  entries: CheckedEntry[];
}

/** What checking the content tree gives: its problems, and what the rest of the check and the plan need. */
export interface Checked extends CheckedShare {
  /** The tables in every body, counted from each entry's own count (`CheckedEntry.tables`). */
  tables: Summary['tables'];
  /** Collections with no file yet. */
  empty: string[];
  councils: Array<{ file: string; data: Council }>;
  /** How many files were taken from the last check's memo, unread. */
  unchanged: number;
}

const sumTables = (list: ReadonlyArray<Summary['tables']>): Summary['tables'] =>
  list.reduce((sum, t) => ({ tables: sum.tables + t.tables, withoutHeaders: sum.withoutHeaders + t.withoutHeaders }), { tables: 0, withoutHeaders: 0 });

/**
 * Reads and checks the files of `tree` (the whole content tree, or a share of it checked against the whole tree's
 * `ids`), one at a time. Of each it keeps what the plan needs (`CheckedEntry`): its text, its parsed YAML (which says
 * where each field sits) and MDX bodies other than the summary's go as the next is read. With `each`, every entry
 * kept is given to it, in order, as it is made, and none is returned.
 */
export function checkShare(tree: ContentTree, clean: Set<string>, ids: ContentIds, each?: (entry: CheckedEntry) => void): CheckedShare {
  const { problems, entries } = checkContentTree(
    tree,
    clean,
    (entry) => {
      const kept = { ...planEntry(entry), charts: entry.charts, tables: tablesWithoutHeaders([entry.body]) };
      if (!each) return kept;
      each(kept);
      return undefined;
    },
    ids,
  );
  return { problems, entries: entries.filter((e) => e !== undefined) };
}

/** Below this many files a share is not worth a worker of its own: one takes about two thirds of a second to start. */
const FILES_PER_WORKER = 1000;

/**
 * Checks the tree in `count` worker threads (see `checkShare`) and gives back what one check of the whole tree would,
 * in the same order. Files are dealt to the workers in turn, so each gets as many long and short ones as the others.
 * On two cores, a decade of papers is checked in about 60% of the time.
 */
async function checkInWorkers(tree: ContentTree, clean: Set<string>, ids: ContentIds, count: number): Promise<CheckedShare> {
  const files = Object.entries(tree).flatMap(([collection, list]) => list.map(({ relativePath, file }) => ({ collection, relativePath, path: file.path })));
  const known = [...clean];
  const slots: Array<CheckedEntry | undefined> = Array.from({ length: files.length });
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
  return { problems: results.flatMap((r) => r.problems), entries: slots.filter((e) => e !== undefined) };
}

/** What a worker is given: its share of the files (with their place in the tree), every entry's id, and the digests of bodies checked clean before. */
export interface ShareTask {
  files: Array<{ index: number; collection: string; relativePath: string; path: string }>;
  ids: ContentIds;
  clean: string[];
}

/** What a worker sends: its entries with their files' places, a few hundred at a time as they are made, then the rest of what it found. */
export type ShareMessage = { entries: Array<[number, CheckedEntry]> } | { done: ShareDone };

/** What a worker found besides its entries: its problems, and the digests of the bodies it found clean. */
type ShareDone = Pick<CheckedShare, 'problems'> & { clean: string[] };

/** Whether everything an entry names is still a file of the tree (see `unresolved`). */
const resolves = (e: CheckedEntry, ids: ContentIds): boolean => {
  const missing = unresolved(e, ids);
  return missing.references.length === 0 && missing.charts.length === 0;
};

/**
 * Checks every content file (see `checkShare`). A file unchanged since the last check (`memo`), whose references
 * still resolve, is taken from the memo unread; the rest are checked, in worker threads when there are enough to share:
 * as many as the machine has cores, unless `workers` says. The memo is then replaced by this check's entries.
 */
export async function checkTree(root: string, memo: CheckMemo, io: Io, workers?: number): Promise<Checked> {
  const tree = readContentTree(root, process.cwd(), 'when-used');
  const ids = contentIds(tree);
  const files = Object.values(tree).flatMap((list) => list ?? []);
  const stamps = new Map(files.map(({ file }) => [file.path, stampOf(file.path)]));
  const remembered = new Map<string, CheckedEntry>();
  const changed: ContentTree = {};
  for (const [collection, list] of Object.entries(tree) as Array<[keyof ContentTree, NonNullable<ContentTree[keyof ContentTree]>]>) {
    for (const item of list) {
      const last = memo.entries.get(item.file.path);
      if (last && sameStamp(last.stamp, stamps.get(item.file.path)!) && resolves(last.entry, ids)) remembered.set(item.file.path, last.entry);
      else (changed[collection] ??= []).push(item);
    }
  }
  const count = files.length - remembered.size;
  io.out(`Checking ${files.length} content file${files.length === 1 ? '' : 's'} in ${root}/${remembered.size > 0 ? ` (${remembered.size} unchanged since the last check)` : ''} ...`);
  workers ??= Math.min(availableParallelism(), Math.floor(count / FILES_PER_WORKER));
  const checked = workers > 1 ? await checkInWorkers(changed, memo.bodies, ids, workers) : checkShare(changed, memo.bodies, ids);
  const byFile = new Map([...remembered, ...checked.entries.map((e) => [e.file, e] as const)]);
  const entries = files.flatMap(({ file }) => byFile.get(file.path) ?? []);
  memo.entries = new Map(entries.map((entry) => [entry.file, { stamp: stamps.get(entry.file)!, entry }]));
  return {
    problems: checked.problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line),
    entries,
    tables: sumTables(entries.map((e) => e.tables)),
    empty: Object.entries(tree).flatMap(([name, list]) => (list?.length ? [] : [name])),
    councils: entries.flatMap((e) => (e.collection === 'councils' ? [{ file: e.file, data: e.data as Council }] : [])),
    unchanged: remembered.size,
  };
}

/**
 * Checks every content file (schema, YAML, MDX, components, cross-references) and reports each problem as
 * file:line:column field: message. Returns 0 when the content is valid. `npm run build` runs this first, in a process
 * of its own, so the memory checking takes is given back before Astro starts, with the folder of its `plan` and of the
 * `memo` of its last check (see `CheckMemo`).
 */
export async function checkContent(io: Io, options: { plan?: string | undefined; memo?: string | undefined } = {}): Promise<number> {
  const root = contentRoot(io.env);
  const { memo, save } = checkerMemo(options.memo);
  const checked = await checkTree(root, memo, io);
  save();
  const { problems, empty, councils } = checked;
  if (problems.length > 0) {
    // Run by the build (with a plan to write), or on its own (npm run check-content).
    const building = options.plan !== undefined;
    io.err(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in content${building ? '; nothing was built' : ''}:\n`);
    for (const problem of problems) io.err(`  ${formatProblem(problem)}`);
    io.err(`\nFix ${problems.length === 1 ? 'it' : 'these'} and run ${building ? 'the build' : 'npm run check-content'} again.`);
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
  const { values } = parseArgs({ options: { plan: { type: 'string' }, memo: { type: 'string' } } });
  process.exitCode = await checkContent({ out: (line) => console.log(line), err: (line) => console.error(line), env: process.env }, values);
}
