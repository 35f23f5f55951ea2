import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { load } from 'js-yaml';
import { checkContentTree, checkFile, formatProblem, validateContent, type ContentFile, type ContentProblem } from '../../src/schema/validate';
import { readContentTree } from '../../scripts/content-tree';
import { copyFixtureSite, editFile } from '../helpers/fixture-site';
import { badInputCases, MEETING } from './bad-input.cases';

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
    expect(problems, JSON.stringify(problems)).toHaveLength(1);
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

describe('the fields as Astro reads them (raw)', () => {
  const datesIn = (value: unknown): number =>
    value instanceof Date ? 1 : value && typeof value === 'object' ? Object.values(value).reduce((n: number, v) => n + datesIn(v), 0) : 0;
  /** What Astro's loader gives for a file's frontmatter or data file: js-yaml's reading, with YAML 1.1 timestamps. */
  const asAstroReads = (text: string) => load(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? text);

  test.each([
    // The importer quotes the dates it writes; the fixture, written by hand, has an unquoted date-time.
    ['the seed site', join(import.meta.dirname, '..', '..', 'content'), false],
    ['the fixture site', join(import.meta.dirname, '..', 'fixtures', 'site'), true],
  ])('are, for every file of %s, what Astro\u2019s reader gives', (_name, root, handWritten) => {
    const tree = readContentTree(root);
    let dates = 0;
    for (const [collection, list] of Object.entries(tree)) {
      for (const { relativePath, file } of list!) {
        const entry = checkFile(collection as keyof typeof tree, relativePath, file, []);
        expect(entry, file.path).toBeDefined();
        expect(entry!.raw, file.path).toEqual(asAstroReads(file.text));
        dates += datesIn(entry!.raw);
      }
    }
    if (handWritten) expect(dates).toBeGreaterThan(0);
  });

  test('an unquoted date and time keeps its printed offset for the check, and is a Date as Astro reads it', () => {
    const tree = readContentTree(join(import.meta.dirname, '..', 'fixtures', 'site'));
    const { relativePath, file } = tree.meetings!.find((m) => m.file.path.endsWith(MEETING))!;
    // Half past midnight in British Summer Time is the evening before in UTC: read in UTC, the meeting would be misdated.
    const text = file.text.replace(/^start: .*$/m, 'start: 2015-04-22T00:30:00+01:00');
    const problems: ContentProblem[] = [];
    const entry = checkFile('meetings', relativePath, { path: file.path, text }, problems);
    expect(problems).toEqual([]);
    expect((entry!.data as { start: string }).start).toBe('2015-04-22T00:30:00+01:00');
    expect((entry!.raw as { start: Date }).start).toEqual(new Date('2015-04-21T23:30:00Z'));
    // Quoted, it is a string both ways, as Astro reads it too.
    const quoted = checkFile('meetings', relativePath, { path: file.path, text: text.replace(/^start: (.*)$/m, "start: '$1'") }, []);
    expect((quoted!.raw as { start: unknown }).start).toBe('2015-04-22T00:30:00+01:00');
  });
});
