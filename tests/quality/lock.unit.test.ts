import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * `npm ci`, which CDN build systems run, refuses a lock that lacks the optional packages of another platform (esbuild,
 * Pagefind and canvas builds for macOS and Windows). npm leaves them out when it writes the lock over an installed
 * `node_modules`; a lock written in a folder without one holds them all.
 */
interface Lock {
  packages: Record<string, { version?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }>;
}

const ROOT = join(import.meta.dirname, '..', '..');
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as Lock;
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Required<Pick<Lock['packages'][string], 'dependencies' | 'devDependencies'>>;

/** Where npm would find `name` when required from the package at `from`: its own node_modules, then each parent's. */
function resolves(packages: Lock['packages'], from: string, name: string): boolean {
  for (let at = from; ; at = at.slice(0, Math.max(0, at.lastIndexOf('/node_modules/')))) {
    if (packages[`${at ? `${at}/` : ''}node_modules/${name}`]) return true;
    if (!at) return false;
  }
}

/** Optional dependencies the lock names but does not hold, as "package -> dependency". */
function missingOptional(packages: Lock['packages']): string[] {
  return Object.entries(packages).flatMap(([at, pkg]) =>
    Object.keys(pkg.optionalDependencies ?? {})
      .filter((name) => !resolves(packages, at, name))
      .map((name) => `${at || '(root)'} -> ${name}`),
  );
}

describe('package-lock.json', () => {
  test('holds every platform’s optional packages, so `npm ci` works on any machine', () => {
    expect(missingOptional(lock.packages)).toEqual([]);
    // The check sees a platform build that a lock written over node_modules would drop.
    const dropped = Object.keys(lock.packages).find((p) => /\/@esbuild\/darwin-arm64$/.test(p))!;
    const { [dropped]: _, ...without } = lock.packages;
    expect(missingOptional(without)).toEqual([expect.stringMatching(/-> @esbuild\/darwin-arm64$/)]);
  });

  test('records the same dependencies as package.json', () => {
    expect(lock.packages['']!.dependencies).toEqual(manifest.dependencies);
    expect(lock.packages['']!.devDependencies).toEqual(manifest.devDependencies);
  });
});
