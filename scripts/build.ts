import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fingerprint, saveRecord, takeRecord, BUILD_INPUTS } from './build-record';
import { followFile, PLAN_FILES, type PlanPart } from './check-content';
import { filesUnder, Merge, mergeParts, MergeError, PART_RECORD, partSetProblem, readPartRecord, type PartRecord } from './build/merge';
import { ALLOCATOR_ENV, buildPart, isCurrent, jobFolder, type PartResult } from './build/part';
import { treeMemory } from './build/processes';
import { defaultMemory, parseBytes, runWithin } from './build/schedule';
import { fileLimitProblem, unsetLimitHint } from './build/host-limit';
import { markStore, pruneStores, removeInBackground, removeReplaced, REPLACED } from './build/store';
import { indexSite } from './search-index';
import { SITE_PART } from '../src/model/partition';
import { configPath, loadSiteConfig, publishingProblem, SiteConfigError, type LoadedSiteConfig } from '../src/model/site-config';
import type { SiteConfig } from '../src/schema/site-config';
import { contentRoot } from '../src/schema';
import { plural, type Io } from './io';

const ROOT = resolve(import.meta.dirname, '..');

const USAGE = `Usage: npm run build -- [--out dist] [--jobs N] [--memory 4GB] [--whole]
       npm run build -- --list-parts
       npm run build -- --part <name> --out <folder>
       npm run build -- --merge <folder>... --out dist

Checks all content, then builds the site in parts (a council's year of papers each, and the site part that lists
across them), one after the other or --jobs N at once, and merges them into --out. A part whose content and code have
not changed since the last build is not built again.
  --jobs N       build up to N parts at once, while their expected memory fits within --memory
  --memory       the memory parts built at once may use together (default: four fifths of this machine's or
                 container's); a part is expected to need what it needed when last built, or what the largest part
                 built so far needed, and a part with no such figure is built alone
  --whole        build every page in one Astro process (needs the memory of the whole site)
  --list-parts   check the content and print the parts' names as JSON, one build job each (CI)
  --part <name>  check the content and build one part into --out (one CI job)
  --merge        merge folders built with --part into --out`;

/** Where a build keeps its plan and built parts: one folder per content, settings and output, so builds side by side (tests) never share one. */
export function storeFor(outDir: string, env: NodeJS.ProcessEnv): string {
  const key = [resolve(contentRoot(env)), configPath(env, ROOT), env['CHAMBER_SITE'] ?? '', env['CHAMBER_BASE'] ?? '', outDir].join('\n');
  return join(ROOT, '.chamber', 'parts', createHash('sha256').update(key).digest('hex').slice(0, 12));
}

/**
 * Where a build keeps Astro's content cache: the build's `CHAMBER_CACHE_DIR` when set (the benchmark's cold caches),
 * else beside its built parts, since Astro reuses a cached entry's file path when its text is unchanged,
 * and the same entry in another content folder (a test's copy) must not be read from this one's.
 */
const cacheOf = (store: string, env: NodeJS.ProcessEnv): string => env['CHAMBER_CACHE_DIR'] ?? join(store, 'cache');

/**
 * A digest of the code and settings every part is built with: a change to any of them builds every part again. The
 * settings as read (with `CHAMBER_SITE` and `CHAMBER_BASE` applied), not the file: a comment changes nothing, and
 * neither does `maxFiles`, which only the finished site is checked against.
 */
function codeDigest(config: SiteConfig): string {
  const files = fingerprint(BUILD_INPUTS.map((p) => join(ROOT, p)));
  const settings = Object.entries(config).filter(([field]) => field !== 'maxFiles');
  return createHash('sha256').update(JSON.stringify([files, settings])).digest('hex');
}

/**
 * Moves a finished build into place: a rename, or a copy where the output is on another file system. The site it
 * replaces is moved to `aside` when given and on the same file system (a rename: removing a decade's 30,000 files
 * takes seconds, which are spent once the new site is in place; see `removeInBackground`), else removed first.
 */
function moveDir(from: string, to: string, aside?: string): void {
  if (aside !== undefined && existsSync(to)) {
    try {
      renameSync(to, aside);
    } catch {
      // On another file system, or a folder of that name left there: removed below instead.
    }
  }
  rmSync(to, { recursive: true, force: true });
  mkdirSync(dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/** Each part's peak memory (bytes) at its last build, by name, in the build's store. */
export const PEAKS_FILE = 'peaks.json';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const gigabytes = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;

/**
 * Checks all content, then builds the site into a scratch folder and moves it into place only when the whole build
 * succeeded, so a failed build never leaves a half-written `dist/`. The site's settings come first: a site that is
 * not the demo is never built for a placeholder address. A record of what the build read goes outside the output
 * (`scripts/build-record.ts`), so tests can refuse a stale site.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'dist' },
        jobs: { type: 'string', default: '1' },
        memory: { type: 'string' },
        whole: { type: 'boolean', default: false },
        'list-parts': { type: 'boolean', default: false },
        part: { type: 'string' },
        merge: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const jobs = Number(values.jobs);
  const memory = values.memory === undefined ? defaultMemory() : parseBytes(values.memory);
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const wrong = !Number.isInteger(jobs) || jobs < 1
    ? `--jobs must be a whole number of 1 or more, not ${values.jobs}`
    : !memory
      ? `--memory must be a size such as 4GB or 3500MB, not ${values.memory}`
      : positionals.length > 0 && !values.merge
        ? `Unexpected ${positionals.join(' ')}`
        : undefined;
  if (wrong || !memory) {
    io.err(`${wrong}\n\n${USAGE}`);
    return 2;
  }
  const outDir = resolve(values.out);
  const env = { ...process.env, ...io.env, ASTRO_TELEMETRY_DISABLED: '1' };
  let settings: LoadedSiteConfig;
  try {
    settings = loadSiteConfig(env);
    const problem = publishingProblem(settings);
    if (problem) {
      io.err(`${problem}\nNothing was built.`);
      return 1;
    }
  } catch (error) {
    if (!(error instanceof SiteConfigError)) throw error;
    io.err(`${error.message}\nNothing was built.`);
    return 1;
  }
  const failed = (what: string, scratch?: string) => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    io.err(`\n${what.replace(/\.$/, '')}; ${existsSync(outDir) ? `the previous ${values.out} is unchanged` : `no ${values.out} was written`}.`);
    return 1;
  };
  const site = settings.config;
  /** Why the finished site in `dir` (of `files` files, counted when not given) cannot go to its host, when `maxFiles` is set. */
  const overLimit = (dir: string, files?: number) => {
    if (site.maxFiles === undefined) return undefined;
    const counted = files ?? filesUnder(dir).length;
    return fileLimitProblem(counted, site.maxFiles, settings.file);
  };
  /** A site's files as the build reports them, with the host's limit when set, so a web team sees how close it is. */
  const filesLine = (files: number) =>
    `${files.toLocaleString('en-GB')} files${site.maxFiles === undefined ? '' : ` of the ${site.maxFiles.toLocaleString('en-GB')} its host accepts`}`;
  /** Says, when no `maxFiles` is set and the site has more files than a common host accepts, how to have them checked. */
  const hintLimit = (files: number) => {
    const hint = unsetLimitHint(files, site.maxFiles, settings.file);
    if (hint) io.out(hint);
  };

  if (values.merge) {
    if (positionals.length === 0) return failed('Name the folders to merge (built with --part)');
    const scratch = `${outDir}.merging`;
    rmSync(scratch, { recursive: true, force: true });
    const absent = positionals.find((dir) => !existsSync(dir));
    if (absent) return failed(`There is no folder ${absent} to merge`);
    const given = positionals.map((dir) => ({ dir, record: readPartRecord(dir) }));
    const incomplete = partSetProblem(given);
    if (incomplete) return failed(incomplete);
    try {
      const files = await mergeParts(positionals.map((dir) => ({ name: dir, dir: resolve(dir) })), scratch, site);
      const over = overLimit(scratch, files);
      if (over) return failed(over, scratch);
      moveDir(scratch, outDir);
      io.out(`Merged ${plural(positionals.length, 'part')} (${filesLine(files)}) into ${values.out}`);
      hintLimit(files);
      return 0;
    } catch (error) {
      if (!(error instanceof MergeError)) throw error;
      return failed(error.message, scratch);
    }
  }

  // What the build reads, taken before it reads it: an edit made while it runs makes the record (and so the site) stale.
  const record = takeRecord(outDir, env);
  const store = storeFor(outDir, env);
  markStore(store, { content: resolve(contentRoot(env)), config: configPath(env, ROOT), out: outDir });
  const pruned = pruneStores(dirname(store), store);
  if (pruned.length > 0) {
    const line = `Removed ${plural(pruned.length, 'folder')} of earlier builds that no build can use again (their content is gone, or the build was stopped).`;
    // With --list-parts, standard output is the parts' names alone.
    if (values['list-parts']) io.err(line);
    else io.out(line);
  }
  const plan = join(store, 'plan');
  const check = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'check-content.ts'), '--plan', plan, '--memo', join(store, 'checked')], {
    stdio: values['list-parts'] ? ['inherit', 'ignore', 'inherit'] : 'inherit',
    env,
  });
  if (check.status !== 0) return values['list-parts'] ? 1 : failed('The content has problems (see above)');
  const planParts = JSON.parse(readFileSync(join(plan, PLAN_FILES.parts), 'utf8')) as PlanPart[];
  const names = planParts.map((p) => p.name);
  if (values['list-parts']) {
    io.out(JSON.stringify(names));
    return 0;
  }

  /** The project folder of a build's Astro process: one per slot of the build, inside its store (see `jobFolder`). */
  const folderOf = (slot: number | 'whole') => jobFolder(join(store, 'jobs', String(slot)), env);

  if (values.whole) {
    const folder = folderOf('whole');
    // The scratch folder is inside the job folder: Astro keeps per-build prerender files under the output folder
    // only when that folder is within the working directory.
    const scratch = join(folder.cwd, 'out');
    const astro = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', scratch], {
      stdio: 'inherit',
      cwd: folder.cwd,
      env: { ...ALLOCATOR_ENV, ...folder.env, CHAMBER_CACHE_DIR: join(cacheOf(store, env), 'whole') },
    });
    if (astro.status !== 0) return failed('The site build failed (see above)', scratch);
    try {
      indexSite(scratch, io);
    } catch (error) {
      io.err((error as Error).message);
      return failed('The search index could not be built', scratch);
    }
    const over = overLimit(scratch);
    if (over) return failed(over, scratch);
    moveDir(scratch, outDir);
    saveRecord(record);
    io.out(`\nSite written to ${values.out}`);
    return 0;
  }

  const summaryFile = join(plan, PLAN_FILES.summary);
  // Each part's content digest from the plan, and the digest of the code and settings every part is built with.
  const planDigests = readFileSync(join(plan, PLAN_FILES.digests), 'utf8');
  const code = codeDigest(site);
  if (values.part !== undefined) {
    if (!names.includes(values.part)) return failed(`There is no part ${values.part}: the parts are ${names.join(', ')}`);
    io.out(`Building part ${values.part} ...`);
    const result = await buildPart(values.part, { summary: summaryFile, follow: followFile(plan, values.part) }, outDir, undefined, env, cacheOf(store, env), folderOf(0));
    if (!result.ok) {
      for (const line of result.output) io.err(line);
      return failed(`Part ${values.part} failed (see above)`);
    }
    const part: PartRecord = { part: values.part, parts: names, build: createHash('sha256').update(`${code}\n${planDigests}`).digest('hex') };
    writeFileSync(join(outDir, PART_RECORD), `${JSON.stringify(part, null, 2)}\n`);
    io.out(`Part ${values.part}: ${result.pages} pages in ${seconds(result.ms)}, written to ${outDir}`);
    return 0;
  }

  const digests = JSON.parse(planDigests) as Record<string, string>;
  const digestOf = (name: string) => createHash('sha256').update(`${code}\n${digests[name]}`).digest('hex');
  const partDir = (name: string) => join(store, 'built', name);
  const stale = names.filter((name) => !isCurrent(partDir(name), digestOf(name)));
  const reused = names.length - stale.length;
  io.out(
    `\n${plural(names.length, 'part')}: ${stale.length === 0 ? 'none changed since the last build' : `building ${stale.length}`}` +
      `${reused > 0 && stale.length > 0 ? `, ${reused} unchanged` : ''}${stale.length > 1 && jobs > 1 ? `, up to ${Math.min(jobs, stale.length)} at a time within ${gigabytes(memory)}` : ''}.`,
  );
  const started = performance.now();
  const clearing = removeReplaced(store);
  const scratch = join(store, `merge-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  // The merge runs while parts build: the unchanged parts go in now, each part built as soon as it is.
  const merge = new Merge(scratch);
  for (const name of names) if (!stale.includes(name)) merge.add({ name, dir: partDir(name) });
  const folders = Array.from({ length: Math.min(jobs, stale.length) }, (_, slot) => folderOf(slot));
  // Each part's peak memory at its last build: what it is expected to need when built again.
  const peaksFile = join(store, PEAKS_FILE);
  const peaks = (existsSync(peaksFile) ? JSON.parse(readFileSync(peaksFile, 'utf8')) : {}) as Record<string, number>;
  const toBuild = planParts.filter((p) => stale.includes(p.name)).map((p) => ({ ...p, site: p.name === SITE_PART, lastPeak: peaks[p.name] }));
  // This process holds the plan's names and digests while parts build: what is left of the memory is theirs.
  const budget = memory - process.memoryUsage().rss;
  let done = 0;
  // What the build's processes use is watched too, where the system tells (Linux): a part that takes them over --memory
  // beside others is stopped and built again alone.
  const guard = jobs > 1 && treeMemory(process.pid) > 0 ? { limit: memory, usage: () => treeMemory(process.pid) } : undefined;
  const stopped = (part: { name: string }, used: number) =>
    io.out(`  ${part.name}: stopped, as the parts being built used ${gigabytes(used)}, over ${gigabytes(memory)}; it will be built again alone`);
  const building = runWithin(toBuild, { jobs, budget, guard, stopped }, async (part, slot, signal, measured) => {
    const result = await buildPart(part.name, { summary: summaryFile, follow: followFile(plan, part.name) }, partDir(part.name), digestOf(part.name), env, cacheOf(store, env), folders[slot]!, signal, measured);
    if (signal.aborted) return result;
    const peak = result.peak === undefined ? '' : `, peak ${gigabytes(result.peak)}`;
    io.out(`  [${++done}/${stale.length}] ${part.name}: ${result.ok ? `${result.pages} pages in ${seconds(result.ms)}${peak}` : 'FAILED'}`);
    if (result.peak !== undefined) peaks[part.name] = result.peak;
    if (result.ok) merge.add({ name: part.name, dir: partDir(part.name) });
    return result;
  });
  const results: PartResult[] = await building.catch(async (error: unknown) => {
    await merge.settled();
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  });
  writeFileSync(peaksFile, JSON.stringify(Object.fromEntries(names.filter((n) => peaks[n] !== undefined).map((n) => [n, peaks[n]]))));
  const broken = results.filter((r) => !r.ok);
  if (broken.length > 0) {
    for (const r of broken) {
      io.err(`\nPart ${r.name} failed:`);
      for (const line of r.output) io.err(`  ${line}`);
    }
    await merge.settled();
    return failed(`${broken.length} of ${stale.length} parts failed (see above)`, scratch);
  }
  // Parts no longer in the content (a year removed) go, so they are never merged again.
  const built = join(store, 'built');
  for (const entry of existsSync(built) ? readdirSync(built) : []) {
    if (!names.includes(entry.replace(/\.digest$/, ''))) rmSync(join(built, entry), { recursive: true, force: true });
  }
  try {
    const files = await merge.finish(site);
    await clearing;
    const over = overLimit(scratch, files);
    if (over) return failed(over, scratch);
    const aside = join(store, `${REPLACED}${process.pid}`);
    moveDir(scratch, outDir, aside);
    if (existsSync(aside)) removeInBackground(aside);
    saveRecord(record);
    io.out(`\nSite written to ${values.out}: ${plural(names.length, 'part')}, ${filesLine(files)} (parts built in ${seconds(performance.now() - started)}).`);
    hintLimit(files);
    return 0;
  } catch (error) {
    if (!(error instanceof MergeError)) throw error;
    return failed(error.message, scratch);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await run(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    env: process.env,
  });
}
