import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
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

/**
 * The corpus documents, as councils published them, mutated the way files arrive damaged or reassembled: a PDF with
 * its pages shuffled or one dropped imports with every word kept (the importer checks that itself, and refuses to
 * write otherwise); a PDF cut short or with bytes overwritten either imports or is refused with a problem that names
 * the file, and writes nothing; text and Markdown get the same line mutations as the packs.
 */
const CORPUS = join(import.meta.dirname, '..', 'corpus');

async function reassembled(bytes: Uint8Array, order: (pages: number[], rnd: () => number) => number[], seed: number): Promise<Uint8Array> {
  const source = await PDFDocument.load(bytes, { ignoreEncryption: true });
  const out = await PDFDocument.create();
  const pages = order(source.getPageIndices(), random(seed));
  for (const page of await out.copyPages(source, pages)) out.addPage(page);
  return out.save();
}

const pdfMutations: Record<string, (bytes: Uint8Array, seed: number) => Promise<Uint8Array>> = {
  'pages shuffled': (bytes, seed) =>
    reassembled(bytes, (pages, rnd) => pages.map((p) => ({ p, k: rnd() })).sort((a, b) => a.k - b.k).map((x) => x.p), seed),
  'a page dropped': (bytes, seed) => reassembled(bytes, (pages, rnd) => (pages.length > 1 ? pages.filter((_, i) => i !== Math.floor(rnd() * pages.length)) : pages), seed),
  'cut short': async (bytes, seed) => bytes.slice(0, Math.floor(bytes.length * (0.2 + 0.6 * random(seed)()))),
  'bytes overwritten': async (bytes, seed) => {
    const rnd = random(seed);
    const out = bytes.slice();
    for (let i = 0; i < 40; i++) out[16 + Math.floor(rnd() * (out.length - 16))] = Math.floor(rnd() * 256);
    return out;
  },
};

const corpusCases = readdirSync(CORPUS)
  .filter((f) => /\.(pdf|md|txt|html)$/.test(f))
  .flatMap((file) =>
    file.endsWith('.pdf')
      ? Object.keys(pdfMutations).map((mutation) => ({ file, mutation }))
      : Object.keys(mutations).map((mutation) => ({ file, mutation })),
  );

describe('fuzzed corpus documents never crash the importer, never lose words and never write half', () => {
  test('every format of the corpus is fuzzed', () => {
    expect(new Set(corpusCases.map((c) => c.file.replace(/^.*\./, '')))).toEqual(new Set(['pdf', 'md', 'txt']));
  });

  test.each(corpusCases)('$file, $mutation', async ({ file, mutation }) => {
    const original = readFileSync(join(CORPUS, file));
    const bytes = file.endsWith('.pdf')
      ? await pdfMutations[mutation]!(new Uint8Array(original), 1)
      : Buffer.from(mutations[mutation]!(original.toString('utf8').split('\n'), random(1)).join('\n'));
    const dir = mkdtempSync(join(scratch, 'corpus-'));
    writeFileSync(join(dir, file), bytes);
    const err: string[] = [];
    const code = await run([join(dir, file), '--out', join(dir, 'content'), '--council', 'fuzz'], { out: () => {}, err: (l) => err.push(l) });
    const problems = err.filter((l) => !l.startsWith('warning:')).join('\n');
    if (mutation === 'cut short' || mutation === 'bytes overwritten') {
      // Damaged bytes: refused with the file named, or read; never a crash, never part of an import.
      if (code !== 0) {
        expect(problems).toContain(file);
        expect(problems).toMatch(/Nothing was written/);
        expect(existsSync(join(dir, 'content'))).toBe(false);
      }
      expect(problems).not.toMatch(/words? of this source/);
      return;
    }
    expect(problems).toBe('');
    expect(code).toBe(0);
    for (const mdx of mdxFiles(join(dir, 'content'))) expect(() => mdxToJs(readFileSync(mdx, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''))).not.toThrow();
  });
});
