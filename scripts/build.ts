import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentRoot } from '../src/schema';
import { formatProblem, validateContent } from '../src/schema/validate';
import { readContentTree } from './content-tree';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
}

/**
 * Checks all content, then builds the site into a scratch folder and moves it into place only when the whole
 * build succeeded, so a failed build never leaves a half-written `dist/`.
 */
export function run(argv: string[], io: Io): number {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string', default: 'dist' } } });
  const outDir = resolve(values.out);
  const root = contentRoot(io.env);
  const tree = readContentTree(root);
  const count = Object.values(tree).reduce((n, list) => n + (list?.length ?? 0), 0);
  io.out(`Checking ${count} content files in ${root}/ ...`);
  const problems = validateContent(tree);
  if (problems.length > 0) {
    io.err(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in content; nothing was built:\n`);
    for (const problem of problems) io.err(`  ${formatProblem(problem)}`);
    io.err('\nFix these and run the build again.');
    return 1;
  }
  io.out('Content is valid.');

  // The scratch folder is inside the project: Astro keeps per-build prerender files under the output folder only when
  // that folder is within the working directory, so builds running side by side (tests) never share them.
  const scratch = resolve('.chamber', `build-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(dirname(scratch), { recursive: true });
  const astro = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', scratch], {
    stdio: 'inherit',
    env: { ...process.env, ...io.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (astro.status !== 0) {
    rmSync(scratch, { recursive: true, force: true });
    io.err(`\nThe site build failed (see above); ${existsSync(outDir) ? 'the previous dist/ is unchanged' : 'no dist/ was written'}.`);
    return 1;
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(dirname(outDir), { recursive: true });
  moveDir(scratch, outDir);
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
