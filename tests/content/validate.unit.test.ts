import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { checkContentTree, formatProblem, validateContent, type ContentFile } from '../../src/schema/validate';
import { readContentTree } from '../../scripts/content-tree';
import { copyFixtureSite, editFile } from '../helpers/fixture-site';
import { badInputCases } from './bad-input.cases';

let site: string | undefined;
afterEach(() => {
  if (site) rmSync(dirname(site), { recursive: true, force: true });
  site = undefined;
});

describe('validateContent', () => {
  test('the fixture site is valid', () => {
    site = copyFixtureSite();
    expect(validateContent(readContentTree(site))).toEqual([]);
  });

  test.each(badInputCases)('reports $name with file, line and field', (c) => {
    site = copyFixtureSite();
    editFile(site, c.file, c.from, c.to);
    const problems = validateContent(readContentTree(site));
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem!.file.endsWith(c.file)).toBe(true);
    expect(problem!.field).toBe(c.field);
    expect(problem!.line).toBe(c.line);
    expect(problem!.message).toMatch(c.expect);
    expect(formatProblem(problem!)).toContain(`${c.file}:${c.line}:`);
  });
});

describe('checkContentTree, one file at a time (the build\'s content check)', () => {
  test.each(badInputCases)('reports $name at the same place from a tree read when used, keeping only ids', (c) => {
    site = copyFixtureSite();
    editFile(site, c.file, c.from, c.to);
    const { problems, entries } = checkContentTree(readContentTree(site, process.cwd(), 'when-used'), undefined, (e) => e.id);
    expect(problems).toEqual(validateContent(readContentTree(site)));
    expect(entries.every((id) => typeof id === 'string')).toBe(true);
  });

  test('reads each file only after the one before it is checked and kept, so it never holds the whole tree', () => {
    site = copyFixtureSite();
    const tree = readContentTree(site, process.cwd(), 'when-used');
    const order: string[] = [];
    const counted = Object.fromEntries(
      Object.entries(tree).map(([name, list]) => [
        name,
        list!.map(({ relativePath, file }) => {
          const read: ContentFile = {
            path: file.path,
            get text() {
              order.push(`read ${file.path}`);
              return file.text;
            },
          };
          return { relativePath, file: read };
        }),
      ]),
    );
    const { problems, entries } = checkContentTree(counted, undefined, (e) => {
      order.push(`kept ${e.file}`);
      return e.file;
    });
    expect(problems).toEqual([]);
    expect(entries.length).toBeGreaterThan(1);
    // Read, kept, read, kept ...: each file read once, and kept before the next is read.
    expect(order).toEqual(entries.flatMap((file) => [`read ${file}`, `kept ${file}`]));
  });

  test('a tree read when used reads a file as it is when asked for', () => {
    site = copyFixtureSite();
    const tree = readContentTree(site, process.cwd(), 'when-used');
    const { file } = tree.bodies![0]!;
    const before = file.text;
    editFile(site, `bodies/${tree.bodies![0]!.relativePath}`, /$/, '\n# edited after listing\n');
    expect(file.text).toBe(`${before}\n# edited after listing\n`);
  });
});
