import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { formatProblem, validateContent } from '../../src/schema/validate';
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
