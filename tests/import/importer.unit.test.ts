import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { run } from '../../scripts/import';
import { fidelity, wordsOf } from '../../src/model/words';
import { findFurniture } from '../../scripts/import/layout/furniture';
import { toLines } from '../../scripts/import/read/line';
import { mdxText } from '../../scripts/import/verify/mdx-text';
import { seedPacks, sourceText } from '../helpers/seeds';

const scratch = mkdtempSync(join(tmpdir(), 'chamber-import-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function importInto(out: string, ...args: string[]) {
  const lines: { out: string[]; err: string[] } = { out: [], err: [] };
  const code = run([...args, '--out', out], { out: (l) => lines.out.push(l), err: (l) => lines.err.push(l) });
  return { code, out: lines.out.join('\n'), err: lines.err.join('\n') };
}

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return files;
}

const packs = seedPacks();
const seedPaths = packs.map((p) => p.path);

describe('importing the five seed packs', () => {
  const out = join(scratch, 'seeds');
  const first = importInto(out, ...seedPaths);

  test('succeeds and reports what it found for each pack', () => {
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    for (const p of packs) expect(first.out).toContain(`${p.id}.txt:`);
    expect(first.out).toMatch(/meeting\s+leicestershire\/scrutiny-commission\/2015-04-22/);
    expect(first.out).toMatch(/minutes\s+12 numbered minutes, 6 decisions/);
    expect(first.out).toMatch(/Wrote \d+ file\(s\)/);
  });

  test('a second import is byte-identical and writes nothing', () => {
    const before = snapshot(out);
    const again = importInto(out, ...seedPaths);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/Wrote 0 file\(s\)/);
    expect(snapshot(out)).toEqual(before);
  });

  test('the same packs named in another order give the same content', () => {
    const other = join(scratch, 'reversed');
    expect(importInto(other, ...[...seedPaths].reverse()).code).toBe(0);
    expect(snapshot(other)).toEqual(snapshot(out));
  });

  test.each(packs)('$id: every source word is in the content, in order', ({ id, text }) => {
    const lines = toLines(text);
    const source = wordsOf(sourceText(lines, new Set(findFurniture(lines).map((f) => f.line))));
    const entries = [...snapshot(out).keys()]
      .filter((p) => /^(documents|minutes)\/.*\.mdx$/.test(p))
      .map((p) => readFileSync(join(out, p), 'utf8'))
      .filter((t) => t.includes(`pack: ${id}\n`))
      .map((t) => ({ from: Number(/lines:\n\s+from: (\d+)/.exec(t)?.[1]), text: mdxText(t) }))
      .sort((a, b) => a.from - b.from);
    const result = fidelity(source, wordsOf(entries.map((e) => e.text).join('\n')));
    expect(result.missing.slice(0, 5)).toEqual([]);
  });

  test('the Communities Strategy report printed in two packs is one document with two versions', () => {
    const dir = join(out, 'documents/leicestershire/scrutiny-commission/2015-04-22');
    const second = readFileSync(join(dir, 'communities-strategy-action-plan-v2.mdx'), 'utf8');
    expect(second).toContain('versionOf: leicestershire/scrutiny-commission/2015-04-22/communities-strategy-action-plan\n');
    expect(second).toContain('pack: leicestershire-communities-strategy-action-plan-2015\n');
    expect(readFileSync(join(dir, 'communities-strategy-action-plan.mdx'), 'utf8')).not.toContain('versionOf');
  });

  test('one councillor printed in several ways, in several years, is one person', () => {
    const galton = readFileSync(join(out, 'people/leicestershire/s-j-galton.yaml'), 'utf8');
    expect(galton).toContain('Mr. S. J. Galton CC');
    const meetings = ['2014-04-30', '2015-04-22', '2023-04-12'].map((d) =>
      readFileSync(join(out, `meetings/leicestershire/scrutiny-commission/${d}.yaml`), 'utf8'),
    );
    for (const m of meetings) expect(m).toContain('person: leicestershire/s-j-galton');
  });
});

describe('protecting hand edits', () => {
  test('refuses to overwrite an edited file, writes nothing, and --force replaces it', () => {
    const out = join(scratch, 'edits');
    const pack = packs.find((p) => p.id.endsWith('2015-04-22'))!.path;
    expect(importInto(out, pack).code).toBe(0);
    const file = join(out, 'meetings/leicestershire/scrutiny-commission/2015-04-22.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}# checked by the web team\n`);
    const before = snapshot(out);
    const refused = importInto(out, pack);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('meetings/leicestershire/scrutiny-commission/2015-04-22.yaml');
    expect(refused.err).toContain('nothing was written');
    expect(snapshot(out)).toEqual(before);
    const forced = importInto(out, pack, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('checked by the web team');
  });
});

describe('bad input', () => {
  const cases: Array<{ name: string; file: string; bytes?: Uint8Array; expect: RegExp }> = [
    { name: 'a missing file', file: 'missing.txt', expect: /missing\.txt: no such file/ },
    { name: 'an empty file', file: 'empty.txt', bytes: new Uint8Array(), expect: /empty\.txt: the file is empty/ },
    { name: 'a binary file', file: 'pack.pdf', bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]), expect: /pack\.pdf: this looks like a binary file/ },
    { name: 'a file that is not UTF-8', file: 'latin1.txt', bytes: new Uint8Array([0x4d, 0x65, 0x65, 0x74, 0x0a, 0xa3, 0x35]), expect: /latin1\.txt:2: the file is not valid UTF-8/ },
    { name: 'text that is not a council pack', file: 'notes.txt', bytes: new TextEncoder().encode('Shopping list\n\nmilk\neggs\n'), expect: /notes: .*(does not look like a council pack|cannot tell which council)/ },
  ];
  test.each(cases)('$name gives a clear error naming the file and writes nothing', (c) => {
    const dir = mkdtempSync(join(scratch, 'bad-'));
    const file = join(dir, c.file);
    if (c.bytes) writeFileSync(file, c.bytes);
    const out = join(dir, 'content');
    const result = importInto(out, file);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(c.expect);
    expect(result.err).toContain('Nothing was written');
    expect(existsSync(out)).toBe(false);
  });

  test('a pack from a council the importer does not know, named with --council, imports', () => {
    const dir = mkdtempSync(join(scratch, 'other-'));
    const text = packs.find((p) => p.id.endsWith('2015-04-22'))!.text.replaceAll('Leicestershire', 'Rutland').replaceAll('leics.gov.uk', 'rutland.gov.uk');
    writeFileSync(join(dir, 'rutland.txt'), text);
    const result = importInto(join(dir, 'content'), join(dir, 'rutland.txt'), '--council', 'rutland');
    expect(result.err).toBe('');
    expect(result.out).toContain('meeting    rutland/scrutiny-commission/2015-04-22');
  });
});
