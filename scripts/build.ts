import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { saveRecord, takeRecord } from './build-record';
import { indexSite } from './search-index';
import { loadSiteConfig, publishingProblem, SiteConfigError } from '../src/model/site-config';
import type { Io } from './io';

/**
 * Checks all content, then builds the site and its search index into a scratch folder and moves it into place only
 * when the whole build succeeded, so a failed build never leaves a half-written `dist/`. Each step runs in a process
 * of its own, one after the other, so the build needs the memory of its largest step, not of all of them at once.
 * The site's settings come first: a site that is not the demo is never built for a placeholder address. A record of
 * what the build read goes outside the output (`scripts/build-record.ts`), so tests can refuse a stale site.
 */
export function run(argv: string[], io: Io): number {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string', default: 'dist' } } });
  const outDir = resolve(values.out);
  const env = { ...process.env, ...io.env, ASTRO_TELEMETRY_DISABLED: '1' };
  try {
    const problem = publishingProblem(loadSiteConfig(env));
    if (problem) {
      io.err(`${problem}\nNothing was built.`);
      return 1;
    }
  } catch (error) {
    if (!(error instanceof SiteConfigError)) throw error;
    io.err(`${error.message}\nNothing was built.`);
    return 1;
  }
  // What the build reads, taken before it reads it: an edit made while it runs makes the record (and so the site) stale.
  const record = takeRecord(outDir, env);
  const check = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'check-content.ts')], { stdio: 'inherit', env });
  if (check.status !== 0) return 1;

  // The scratch folder is inside the project: Astro keeps per-build prerender files under the output folder only when
  // that folder is within the working directory, so builds running side by side (tests) never share them.
  const scratch = resolve('.chamber', `build-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(dirname(scratch), { recursive: true });
  const astro = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', scratch], { stdio: 'inherit', env });
  const failed = (what: string) => {
    rmSync(scratch, { recursive: true, force: true });
    io.err(`\n${what} (see above); ${existsSync(outDir) ? 'the previous dist/ is unchanged' : 'no dist/ was written'}.`);
    return 1;
  };
  if (astro.status !== 0) return failed('The site build failed');
  try {
    indexSite(scratch, io);
  } catch (error) {
    io.err((error as Error).message);
    return failed('The search index could not be built');
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(dirname(outDir), { recursive: true });
  moveDir(scratch, outDir);
  saveRecord(record);
  io.out(`\nSite written to ${outDir}`);
  return 0;
}

/** Moves a finished build into place: a rename, or a copy where the output is on another file system. */
function moveDir(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = run(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    env: process.env,
  });
}
