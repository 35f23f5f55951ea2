import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { baselineFiles, mdxDirs } from '../../scripts/bench/baseline';
import { parse } from 'yaml';
import { corpusFiles, holdBackNewestPack, type CorpusFile, type CorpusSummary } from '../../scripts/bench/corpus';
import { learnProse, placeName, redrawFigure, sentence } from '../../scripts/bench/prose';
import { Random } from '../../scripts/bench/random';
import type { ContentTree } from '../../scripts/content-tree';
import { collectionNames, collections, extensionOf } from '../../src/schema';
import { contentComponents } from '../../src/schema/components';
import { validateContent } from '../../src/schema/validate';
import { seedPacks } from '../helpers/seeds';

const seedTexts = seedPacks().map((p) => p.text);

/** A corpus in memory: its files and its summary. */
function corpus(documents: number, seed = 1, wholePacks = false): { files: CorpusFile[]; summary: CorpusSummary } {
  const files: CorpusFile[] = [];
  const generator = corpusFiles({ documents, seed, seedTexts, wholePacks });
  for (;;) {
    const next = generator.next();
    if (next.done) return { files, summary: next.value };
    files.push(next.value);
  }
}

/** The files as the validator reads a content folder: grouped by collection, paths inside each collection's folder. */
function asTree(files: CorpusFile[]): ContentTree {
  const tree: ContentTree = {};
  for (const name of collectionNames) {
    const { dir, format } = collections[name];
    tree[name] = files
      .filter((f) => f.path.startsWith(`${dir}/`) && f.path.endsWith(extensionOf(format)))
      .map((f) => ({ relativePath: f.path.slice(dir.length + 1), file: { path: `content/${f.path}`, text: f.text } }));
  }
  return tree;
}

const digest = (files: CorpusFile[]) => createHash('sha256').update(files.map((f) => `${f.path}\n${f.text}`).join('\0')).digest('hex');

const big = corpus(400);

describe('the synthetic corpus', () => {
  test('passes every check the build makes: schemas, MDX, safety, references', () => {
    expect(validateContent(asTree(big.files))).toEqual([]);
  });

  test('is the same, byte for byte, for the same seed, and differs for another', () => {
    expect(digest(corpus(60).files)).toBe(digest(corpus(60).files));
    expect(digest(corpus(60, 2).files)).not.toBe(digest(corpus(60).files));
  });

  test.each([1, 7, 50, 400])('has exactly the number of documents asked for (%i)', (n) => {
    const { files, summary } = n === 400 ? big : corpus(n);
    expect(files.filter((f) => f.path.startsWith('documents/')).length).toBe(n);
    expect(summary.documents).toBe(n);
  });

  test('is shaped like the seed packs: agendas, reports, appendices, minutes with decisions, plans with KPIs and workshops, second printings', () => {
    const { files, summary } = big;
    const kinds = new Set(files.filter((f) => f.path.startsWith('documents/')).map((f) => /^kind: (.+)$/m.exec(f.text)?.[1]));
    expect([...kinds]).toEqual(expect.arrayContaining(['agenda', 'report', 'appendix', 'plan', 'action-plan', 'strategy']));
    expect(summary.minutes).toBeGreaterThan(0);
    expect(summary.kpis).toBeGreaterThan(0);
    expect(summary.workshops).toBeGreaterThan(0);
    expect(files.some((f) => /^versionOf: /m.test(f.text))).toBe(true);
    const minutes = files.filter((f) => f.path.startsWith('minutes/')).map((f) => f.text).join('\n');
    expect(minutes).toMatch(/<Minute number=\{"\d+"\}/);
    expect(minutes).toMatch(/<Resolved id=/);
    expect(files.some((f) => f.text.includes('<DataTable head='))).toBe(true);
    expect(summary.files).toBe(files.length);
    expect(summary.mdx).toBe(summary.documents + summary.minutes + summary.workshops);
  });

  test('records each source pack with the SHA-256 of its text', () => {
    const sources = big.files.filter((f) => f.path.startsWith('sources/'));
    const text = new Map(sources.filter((f) => f.path.endsWith('.txt')).map((f) => [f.path.replace(/\.txt$/, ''), f.text]));
    for (const record of sources.filter((f) => f.path.endsWith('.yaml'))) {
      const hash = /^sha256: ([0-9a-f]{64})$/m.exec(record.text)?.[1];
      expect(hash).toBe(createHash('sha256').update(text.get(record.path.replace(/\.yaml$/, ''))!).digest('hex'));
    }
  });
});

describe('the newest pack, held back', () => {
  /** The corpus without its newest pack, the pack, and the pack's meeting id. */
  const split = (files: CorpusFile[]) => {
    const before: CorpusFile[] = [];
    const pack = holdBackNewestPack(files, (f) => before.push(f));
    return { before, pack };
  };
  const meetingOf = (f: CorpusFile) => (parse(f.text) as { start: string }).start;

  test.each([50, 400])('is the last meeting of its council, with its agenda, reports, source and the previous minutes (%i documents)', (n) => {
    const { files } = corpus(n, 1, true);
    const { before, pack } = split(files);
    // Whole, not cut short at the count: an agenda and at least two reports; the packs before it as without wholePacks.
    expect(pack.filter((f) => /^kind: (agenda|report)$/m.test(f.text)).length).toBeGreaterThanOrEqual(3);
    expect(before.filter((f) => f.pack !== undefined)).toEqual(corpus(n).files.filter((f) => f.pack !== undefined && f.pack < pack[0]!.pack!));
    const meetings = pack.filter((f) => f.path.startsWith('meetings/'));
    expect(meetings).toHaveLength(1);
    const [meeting] = meetings;
    const council = meeting!.path.split('/')[1];
    const id = meeting!.path.replace(/^meetings\/|\.yaml$/g, '');
    // Later than every other meeting of its council.
    for (const other of before.filter((f) => f.path.startsWith(`meetings/${council}/`))) expect(meetingOf(other) < meetingOf(meeting!)).toBe(true);
    expect(pack.filter((f) => f.path.startsWith('documents/')).length).toBeGreaterThan(0);
    for (const doc of pack.filter((f) => f.path.startsWith('documents/'))) expect(doc.text).toContain(`meeting: ${id}`);
    expect(pack.some((f) => f.path.startsWith('sources/') && f.path.endsWith('.txt'))).toBe(true);
    expect(pack.find((f) => f.path.startsWith('minutes/'))?.text).toContain(`confirmedAt: ${id}`);
    // Every file of the corpus is written once, before or with the pack; only a KPI series may be in both.
    const paths = [...before, ...pack].map((f) => f.path);
    expect(new Set(paths).size + pack.filter((f) => f.path.startsWith('kpis/') && before.some((b) => b.path === f.path)).length).toBe(files.length);
  });

  test('leaves a corpus that passes every check without it, and again with it', () => {
    const whole = corpus(400, 1, true);
    const { before, pack } = split(whole.files);
    expect(validateContent(asTree(before))).toEqual([]);
    const after = new Map([...before, ...pack].map((f) => [f.path, f]));
    expect(validateContent(asTree([...after.values()]))).toEqual([]);
    expect(digest([...after.values()].sort((a, b) => a.path.localeCompare(b.path)))).toBe(digest([...whole.files].sort((a, b) => a.path.localeCompare(b.path))));
  });

  test('takes a KPI edition of the pack\'s plan out of the series, and the series with it when that was its only edition', () => {
    const kpi = (editions: string[]): CorpusFile => ({ path: 'kpis/x/rate.yaml', text: `council: x\nname: Rate\neditions:\n${editions.map((d) => `  - document: ${d}\n    edition: "1"\n`).join('')}` });
    const pack = (n: number, paths: string[]) => paths.map((path) => ({ path, text: '', pack: n }));
    const files = [...pack(0, ['meetings/x/a.yaml', 'documents/x/a/plan.mdx']), ...pack(1, ['meetings/x/b.yaml', 'documents/x/b/plan.mdx']), kpi(['x/a/plan', 'x/b/plan'])];
    const { before, pack: newest } = split(files);
    expect(newest.map((f) => f.path)).toEqual(['meetings/x/b.yaml', 'documents/x/b/plan.mdx', 'kpis/x/rate.yaml']);
    expect((parse(before.find((f) => f.path.startsWith('kpis/'))!.text) as { editions: Array<{ document: string }> }).editions.map((e) => e.document)).toEqual(['x/a/plan']);
    const alone = split([...pack(0, ['meetings/x/a.yaml']), ...pack(1, ['meetings/x/b.yaml', 'documents/x/b/plan.mdx']), kpi(['x/b/plan'])]);
    expect(alone.before.some((f) => f.path.startsWith('kpis/'))).toBe(false);
    expect(() => split(pack(0, ['meetings/x/a.yaml']))).toThrow(/two packs/);
  });
});

describe('the prose', () => {
  const model = learnProse(seedTexts);

  test('is made only of words that MDX reads as text, in sentences that start with a capital and end with a stop', () => {
    const random = new Random(7);
    for (let i = 0; i < 500; i++) {
      const text = sentence(model, random);
      expect(text).not.toMatch(/[<>{}[\]*_#\\`|]/);
      expect(text).toMatch(/^\p{Lu}/u);
      expect(text).toMatch(/[.?]$/);
    }
  });

  test('redraws figures keeping their shape, and keeps years', () => {
    const random = new Random(3);
    expect(redrawFigure('£2,268,584', random)).toMatch(/^£\d,\d{3},\d{3}$/);
    expect(redrawFigure('16.6%', random)).toMatch(/^\d{2}\.\d%$/);
    expect(redrawFigure('2015', random)).toBe('2015');
    expect(redrawFigure('Council', random)).toBe('Council');
  });

  test('makes place names from syllables', () => {
    expect(placeName(new Random(1))).toMatch(/^[A-Z][a-z]{3,}$/);
  });
});

describe('the random generator', () => {
  test('repeats for a seed and stays in range', () => {
    const a = new Random(42);
    const b = new Random(42);
    const draws = Array.from({ length: 1000 }, () => a.int(3, 9));
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b.int(3, 9)));
    expect(Math.min(...draws)).toBe(3);
    expect(Math.max(...draws)).toBe(9);
    expect(new Random(1).sample([1, 2, 3, 4, 5], 3)).toHaveLength(3);
    expect(new Set(new Random(1).sample([1, 2, 3, 4, 5], 5)).size).toBe(5);
  });

  test('draws log-normal lengths around the median, within the bounds', () => {
    const random = new Random(5);
    const values = Array.from({ length: 2001 }, () => random.logNormal(1000, 0.8, 100, 50_000)).sort((x, y) => x - y);
    expect(values[1000]).toBeGreaterThan(850);
    expect(values[1000]).toBeLessThan(1150);
    expect(values[0]).toBeGreaterThanOrEqual(100);
    expect(values.at(-1)).toBeLessThanOrEqual(50_000);
  });
});

describe('the plain-Astro baseline', () => {
  const files = baselineFiles('/corpus/content');

  test('renders the MDX collections, and only them', () => {
    expect(mdxDirs().sort()).toEqual(['documents', 'minutes', 'workshops']);
    for (const dir of mdxDirs()) expect(files['src/content.config.ts']).toContain(`"${dir}/**/*.mdx"`);
    expect(files['src/content.config.ts']).toContain('base: "/corpus/content"');
  });

  test('gives every content component a stand-in, so any MDX the validator accepts compiles', () => {
    for (const name of contentComponents) {
      expect(files['src/pages/[...id].astro']).toContain(`import ${name} from '../components/Stub.astro';`);
    }
    expect(files['src/pages/[...id].astro']).toContain(`components={{ ${contentComponents.join(', ')} }}`);
  });

  test('uses no project code', () => {
    for (const text of Object.values(files)) expect(text).not.toMatch(/src\/(model|schema|layouts|components\/content)|chamber:/);
  });
});
