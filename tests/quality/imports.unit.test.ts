import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import madge from 'madge';
import { beforeAll, describe, expect, test } from 'vitest';

/**
 * The code reads top-down: no module imports itself through others. A cycle means neither module can be understood
 * (or tested, or moved) without the other, so the shared part belongs in a module of its own below both.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const FOLDERS = ['src', 'scripts'];

/** Every TypeScript file under the folders, as paths from the project root. */
const tsFiles = FOLDERS.flatMap((folder) =>
  readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(folder, f)),
);

/** A relative import or re-export, static or dynamic: what madge must find an edge for. */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)['"]\.{1,2}\//m;

let graph: madge.MadgeInstance;
beforeAll(async () => {
  graph = await madge(
    FOLDERS.map((f) => join(ROOT, f)),
    { baseDir: ROOT, fileExtensions: ['ts'], tsConfig: join(ROOT, 'tsconfig.json') },
  );
});

describe('imports in src/ and scripts/', () => {
  test('form no cycle', () => {
    const cycles = graph.circular().map((cycle) => [...cycle, cycle[0]].join(' > '));
    expect(cycles, `modules that import each other:\n${cycles.join('\n')}`).toEqual([]);
  });

  test('were all read: every file is in the graph, and every file with a relative import has an edge', () => {
    const tree = graph.obj();
    expect(tsFiles.length).toBeGreaterThan(100);
    expect(tsFiles.filter((f) => !(f in tree))).toEqual([]);
    // A file madge cannot parse comes back with no imports at all rather than as an error.
    const unread = tsFiles.filter((f) => RELATIVE_IMPORT.test(readFileSync(join(ROOT, f), 'utf8')) && tree[f]!.length === 0);
    expect(unread).toEqual([]);
  });

  test('resolve: only packages outside the project are skipped, never a file of its own', () => {
    // Astro's virtual modules (`astro:content`) and packages are named bare; the project's own files by a path.
    expect(graph.warnings().skipped.filter((s) => s.startsWith('.') || s.startsWith('/'))).toEqual([]);
  });
});
