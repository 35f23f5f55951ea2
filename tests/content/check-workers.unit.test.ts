import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkTree, noMemo } from '../../scripts/check-content';
import { copyFixtureSite, editFile } from '../helpers/fixture-site';
import { badInputCases, REPORT } from './bad-input.cases';

const ROOT = join(import.meta.dirname, '..', '..');
const io = { out: () => {}, err: () => {}, env: {} };

// The check shares a large tree between worker threads; what it gives must not depend on how many share it.
describe('the content check in worker threads', () => {
  test('gives the seed content’s entries in the same order, and the same clean bodies, as one thread', async () => {
    const alone = noMemo();
    const shared = noMemo();
    const one = await checkTree(join(ROOT, 'content'), alone, io, 1);
    const three = await checkTree(join(ROOT, 'content'), shared, io, 3);
    expect(one.problems).toEqual([]);
    expect(one.entries.length).toBeGreaterThan(100);
    expect(three.entries).toEqual(one.entries);
    expect(three.tables).toEqual(one.tables);
    expect(three.councils).toEqual(one.councils);
    expect([...shared.bodies].sort()).toEqual([...alone.bodies].sort());
    expect(shared.bodies.size).toBeGreaterThan(30);
  });

  const site = copyFixtureSite();
  afterAll(() => rmSync(dirname(site), { recursive: true, force: true }));

  test('reports the same problems, with file, line and field, in the same order', async () => {
    // One case per file, so the edits do not undo each other.
    const cases = badInputCases.filter((c, i) => badInputCases.findIndex((d) => d.file === c.file) === i);
    expect(cases.length).toBeGreaterThan(2);
    for (const c of cases) editFile(site, c.file, c.from, c.to);
    const one = await checkTree(site, noMemo(), io, 1);
    const two = await checkTree(site, noMemo(), io, 2);
    expect(one.problems.length).toBeGreaterThanOrEqual(cases.length);
    expect(two.problems).toEqual(one.problems);
    expect(two.entries).toEqual(one.entries);
  });
});

// A rebuild checks again only the files that changed since the last check; what it gives must be what a full check gives.
describe('the content check with the memo of the last check', () => {
  const site = copyFixtureSite();
  afterAll(() => rmSync(dirname(site), { recursive: true, force: true }));

  test('takes every unchanged file from the memo, unread, and gives the entries a full check gives', async () => {
    const memo = noMemo();
    const first = await checkTree(site, memo, io, 1);
    expect(first.unchanged).toBe(0);
    expect(first.problems).toEqual([]);
    const again = await checkTree(site, memo, io, 1);
    expect(again.unchanged).toBe(first.entries.length);
    expect(again.entries).toEqual(first.entries);
    expect(again.tables).toEqual(first.tables);
  });

  test('reads an edited file again, and reports its problem with file, line and field, as a full check does', async () => {
    const memo = noMemo();
    const before = await checkTree(site, memo, io, 1);
    const c = badInputCases.find((b) => b.field !== '')!;
    editFile(site, c.file, c.from, c.to);
    const after = await checkTree(site, memo, io, 1);
    expect(after.unchanged).toBe(before.entries.length - 1);
    expect(after.problems).toEqual((await checkTree(site, noMemo(), io, 1)).problems);
    expect(after.problems.map((p) => [p.file.endsWith(c.file), p.field, p.line])).toContainEqual([true, c.field, c.line]);
    // Put right, the file is read again and its entry is back.
    editFile(site, c.file, c.to, typeof c.from === 'string' ? c.from : '');
    const fixed = await checkTree(site, memo, io, 1);
    expect(fixed.problems).toEqual([]);
    expect(fixed.entries).toEqual(before.entries);
  });

  test('checks an unchanged file again when a file it names is gone, so the problem has its line', async () => {
    const memo = noMemo();
    await checkTree(site, memo, io, 1);
    rmSync(join(site, REPORT));
    const after = await checkTree(site, memo, io, 1);
    expect(after.problems.length).toBeGreaterThan(0);
    expect(after.problems).toEqual((await checkTree(site, noMemo(), io, 1)).problems);
    expect(after.problems.every((p) => p.line > 1 && p.message.includes(REPORT.replace(/\.mdx$/, '')))).toBe(true);
  });
});
