import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mdxToJs } from 'satteri';
import { afterAll, describe, expect, test } from 'vitest';
import { run } from '../../scripts/import';
import { findFurniture } from '../../scripts/import/layout/furniture';
import { toLines } from '../../scripts/import/read/line';
import { fidelity, wordsOf } from '../../src/model/words';
import { mdxText } from '../../scripts/import/verify/mdx-text';
import { seedPacks, sourceText } from '../helpers/seeds';

/** A small seeded generator (mulberry32), so every run fuzzes the same cases and a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY = ['{', '}', '<', '>', '\\', '*', '_', '|', '\t', '#', '`', '[', ']', '(', ')', '&', 'Ж', '¹', '—', '<u>', '</p>', '<input checked="" type="checkbox"/>'];

const mutations: Record<string, (lines: string[], rnd: () => number) => string[]> = {
  truncated: (lines, rnd) => lines.slice(0, Math.max(40, Math.floor(lines.length * rnd()))),
  'shuffled by section': (lines, rnd) => {
    const sections: string[][] = [[]];
    for (const line of lines) {
      sections[sections.length - 1]!.push(line);
      if (/intentionally left blank/i.test(line)) sections.push([]);
    }
    const [front, ...rest] = sections;
    for (let i = rest.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [rest[i], rest[j]] = [rest[j]!, rest[i]!];
    }
    return [...front!, ...rest.flat()];
  },
  garbled: (lines, rnd) =>
    lines.map((line) => {
      if (rnd() > 0.03 || line.length === 0) return line;
      // Inserted between words: a tag or asterisk inside a word would leave it unclear what the words are.
      const gaps = [0, ...[...line.matchAll(/ /g)].map((m) => m.index), line.length];
      const at = gaps[Math.floor(rnd() * gaps.length)]!;
      return `${line.slice(0, at)} ${NASTY[Math.floor(rnd() * NASTY.length)]} ${line.slice(at)}`;
    }),
  duplicated: (lines, rnd) => lines.flatMap((line) => (rnd() < 0.03 ? [line, line] : [line])),
};

const scratch = mkdtempSync(join(tmpdir(), 'chamber-fuzz-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const cases = seedPacks().flatMap((pack) =>
  Object.keys(mutations).flatMap((mutation) => [1, 2].map((seed) => ({ pack: pack.id, text: pack.text, mutation, seed }))),
);

function mdxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? mdxFiles(path) : path.endsWith('.mdx') ? [path] : [];
  });
}

describe('fuzzed packs never crash the importer and never lose words', () => {
  test.each(cases)('$pack, $mutation (seed $seed)', async ({ pack, text, mutation, seed }) => {
    const mutated = mutations[mutation]!(text.split('\n'), random(seed)).join('\n');
    const dir = mkdtempSync(join(scratch, 'case-'));
    writeFileSync(join(dir, `${pack}.txt`), mutated);
    const err: string[] = [];
    // Whatever is left of a pack imports: what cannot be structured is kept as a document.
    const code = await run([join(dir, `${pack}.txt`), '--out', join(dir, 'content'), '--council', 'leicestershire'], { out: () => {}, err: (l) => err.push(l) });
    expect(err.filter((l) => !l.startsWith('warning:')).join('\n')).toBe('');
    expect(code).toBe(0);
    const files = mdxFiles(join(dir, 'content'));
    for (const file of files) expect(() => mdxToJs(readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''))).not.toThrow();
    const lines = toLines(mutated);
    const source = wordsOf(sourceText(lines, new Set(findFurniture(lines).map((f) => f.line))));
    const published = files
      .map((f) => readFileSync(f, 'utf8'))
      .map((t) => ({ from: Number(/lines:\n\s+from: (\d+)/.exec(t)?.[1]), text: mdxText(t) }))
      .sort((a, b) => a.from - b.from)
      .map((e) => e.text)
      .join('\n');
    const result = fidelity(source, wordsOf(published));
    expect(result.missing.slice(0, 5)).toEqual([]);
  });
});
