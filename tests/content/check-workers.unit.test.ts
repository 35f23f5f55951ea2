import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkTree } from '../../scripts/check-content';
import { copyFixtureSite, editFile } from '../helpers/fixture-site';
import { badInputCases } from './bad-input.cases';

const ROOT = join(import.meta.dirname, '..', '..');
const io = { out: () => {}, err: () => {}, env: {} };

// The check shares a large tree between worker threads; what it gives must not depend on how many share it.
describe('the content check in worker threads', () => {
  test('gives the seed content’s entries in the same order, and the same clean bodies, as one thread', async () => {
    const alone = new Set<string>();
    const shared = new Set<string>();
    const one = await checkTree(join(ROOT, 'content'), alone, io, 1);
    const three = await checkTree(join(ROOT, 'content'), shared, io, 3);
    expect(one.problems).toEqual([]);
    expect(one.entries.length).toBeGreaterThan(100);
    expect(three.entries).toEqual(one.entries);
    expect(three.tables).toEqual(one.tables);
    expect(three.councils).toEqual(one.councils);
    expect([...shared].sort()).toEqual([...alone].sort());
    expect(shared.size).toBeGreaterThan(30);
  });

  const site = copyFixtureSite();
  afterAll(() => rmSync(dirname(site), { recursive: true, force: true }));

  test('reports the same problems, with file, line and field, in the same order', async () => {
    // One case per file, so the edits do not undo each other.
    const cases = badInputCases.filter((c, i) => badInputCases.findIndex((d) => d.file === c.file) === i);
    expect(cases.length).toBeGreaterThan(2);
    for (const c of cases) editFile(site, c.file, c.from, c.to);
    const one = await checkTree(site, new Set(), io, 1);
    const two = await checkTree(site, new Set(), io, 2);
    expect(one.problems.length).toBeGreaterThanOrEqual(cases.length);
    expect(two.problems).toEqual(one.problems);
    expect(two.entries).toEqual(one.entries);
  });
});
