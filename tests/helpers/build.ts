import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * The environment a web team's shell would have: without what Vitest puts into `process.env` for its own tests
 * (`BASE_URL=/`, `NODE_ENV=test`, `MODE`, ...), which a child Astro build would otherwise read as its own settings.
 */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(VITEST|BASE_URL$|MODE$|DEV$|PROD$|SSR$|NODE_ENV$|TEST$)/.test(key)) delete env[key];
  }
  return { ...env, ...extra };
}

/** Runs one of the project's scripts (`scripts/build.ts`, `scripts/import.ts`) as `npm run` would. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, encoding: 'utf8', env: cleanEnv(env) });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

/** Tests build small sites of a few parts: two at once, as `--jobs 2`, on CI's two cores. */
export const TWO_AT_ONCE = ['--jobs', '2'];

/**
 * Tests whose subject is not the parts build a site in one Astro process, with half the processor time of building
 * it in parts (tests/site/parts.build.test.ts holds the two to the same pages).
 */
export const IN_ONE = ['--whole'];
