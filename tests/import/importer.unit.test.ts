import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makePdf } from '../helpers/documents';
import { run } from '../../scripts/import';
import { fidelity, wordsOf } from '../../src/model/words';
import { findFurniture } from '../../scripts/import/layout/furniture';
import { toLines } from '../../scripts/import/read/line';
import { mdxText } from '../../scripts/import/verify/mdx-text';
import { seedPacks, sourceText } from '../helpers/seeds';

const scratch = mkdtempSync(join(tmpdir(), 'chamber-import-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function importInto(out: string, ...args: string[]) {
  const lines: { out: string[]; err: string[] } = { out: [], err: [] };
  const code = await run([...args, '--out', out], { out: (l) => lines.out.push(l), err: (l) => lines.err.push(l) });
  return { code, out: lines.out.join('\n'), err: lines.err.join('\n') };
}

/** A content folder holding only the seed packs' hints files, as a web team's would before a re-import. */
function withHints(out: string): string {
  cpSync(join(import.meta.dirname, '..', '..', 'content', 'import-hints'), join(out, 'import-hints'), { recursive: true });
  return out;
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
  const out = withHints(join(scratch, 'seeds'));
  let first: Awaited<ReturnType<typeof importInto>>;
  beforeAll(async () => {
    first = await importInto(out, ...seedPaths);
  });

  test('succeeds and reports what it found for each pack', () => {
    expect(first.err).toMatch(/^(?:warning: .*\n?)*$/);
    expect(first.code).toBe(0);
    for (const p of packs) expect(first.out).toContain(`${p.id}.txt  (TXT`);
    // Progress while reading many files, one line a file.
    expect(first.out.match(/^Reading \d of 5: .*\.txt$/gm)).toHaveLength(5);
    expect(first.out).toContain('Read 5 files; composing and checking every word ...');
    expect(first.out).toMatch(/meeting\s+leicestershire\/scrutiny-commission\/2015-04-22/);
    expect(first.out).toMatch(/minutes\s+12 numbered minutes/);
    expect(first.out).toMatch(/decided\s+2 decisions, 3 notings, 1 recommendation/);
    expect(first.out).toMatch(/Wrote \d+ files/);
  });

  test('a second import is byte-identical and writes nothing', async () => {
    const before = snapshot(out);
    const again = await importInto(out, ...seedPaths);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/Wrote 0 files/);
    expect(snapshot(out)).toEqual(before);
  });

  test('the same packs named in another order give the same content', async () => {
    const other = withHints(join(scratch, 'reversed'));
    expect((await importInto(other, ...[...seedPaths].reverse())).code).toBe(0);
    expect(snapshot(other)).toEqual(snapshot(out));
  });

  test('the content folder already holds exactly what a fresh import of its sources gives', () => {
    const committed = join(import.meta.dirname, '..', '..', 'content');
    const fresh = snapshot(out);
    for (const [path, hash] of fresh) {
      // The manifest, hints and council files are the web team's: a fresh import cannot know their edits.
      if (path === '.import-manifest.json' || path.startsWith('import-hints/') || path.startsWith('councils/')) continue;
      expect(snapshot(committed).get(path), path).toBe(hash);
    }
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
  test('refuses to overwrite an edited file, writes nothing, and --force replaces it', async () => {
    const out = withHints(join(scratch, 'edits'));
    const pack = packs.find((p) => p.id.endsWith('2015-04-22'))!.path;
    // All packs first: the 2015 pack's hints link its plan to the 2014 strategy, which must be in the content.
    const first = await importInto(out, ...seedPaths);
    expect(first.err).not.toMatch(/problem/);
    expect(first.code).toBe(0);
    const file = join(out, 'meetings/leicestershire/scrutiny-commission/2015-04-22.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}# checked by the web team\n`);
    const before = snapshot(out);
    const refused = await importInto(out, pack);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('meetings/leicestershire/scrutiny-commission/2015-04-22.yaml');
    expect(refused.err).toContain('nothing was written');
    expect(snapshot(out)).toEqual(before);
    const forced = await importInto(out, pack, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('checked by the web team');
  });
});

const encoder = new TextEncoder();
const MINUTES = ['Milburn Parish Council', '', 'Minutes of a meeting held on Tuesday 6th November 2018', '', 'Present: Councillors D Richardson (Chair) and R Healey', '', '18.11.1 Apologies', 'None', '', '18.11.2 Finance', 'Councillors resolved to pay the invoice.', ''].join('\n');

describe('bad input', () => {
  const cases: Array<{ name: string; file: string; bytes?: () => Uint8Array | Promise<Uint8Array>; args?: string[]; expect: RegExp }> = [
    { name: 'a missing file', file: 'missing.txt', expect: /missing\.txt: no such file/ },
    { name: 'an empty file', file: 'empty.txt', bytes: () => new Uint8Array(), expect: /empty\.txt: the file is empty/ },
    { name: 'a broken PDF', file: 'pack.pdf', bytes: () => new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x00, 0x01]), expect: /pack\.pdf: this PDF cannot be read .*save or print it to a new PDF/ },
    { name: 'a file named .pdf that is not one', file: 'minutes.pdf', bytes: () => encoder.encode('<html>not a pdf</html>'), expect: /minutes\.pdf: this file is named \.pdf but is not a PDF/ },
    { name: 'a scanned PDF with no text layer', file: 'scan.pdf', bytes: () => makePdf([[]], { imageOnly: true }), expect: /scan\.pdf: this PDF has no text layer: its pages are images \(a scan\).*OCR/ },
    { name: 'a PDF that needs a password', file: 'locked.pdf', bytes: () => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'encrypted.pdf')), expect: /locked\.pdf: this PDF is encrypted and needs a password/ },
    { name: 'an old Word file', file: 'minutes.doc', bytes: () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), expect: /minutes\.doc: this is an old-style Word or Excel file .*save it as \.docx/ },
    { name: 'a ZIP that is not a Word file', file: 'pack.zip', bytes: () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), expect: /pack\.zip: this is a ZIP archive/ },
    { name: 'a binary file of another kind', file: 'logo.png', bytes: () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), expect: /logo\.png: this is a binary file .*of a kind the importer does not read/ },
    { name: 'a file that is not UTF-8', file: 'latin1.txt', bytes: () => new Uint8Array([0x4d, 0x65, 0x65, 0x74, 0x0a, 0xa3, 0x35]), expect: /latin1\.txt:2: the file is not valid UTF-8/ },
    { name: 'a file with no words', file: 'dashes.txt', bytes: () => encoder.encode('----\n\n....\n'), expect: /dashes\.txt: the file has no words in it/ },
    { name: 'text naming no council, without --council', file: 'notes.txt', bytes: () => encoder.encode('Shopping list\n\nmilk\neggs\n'), expect: /notes\.txt: cannot tell which council published this document.*--council <id>/ },
  ];
  test.each(cases)('$name gives a clear error naming the file and writes nothing', async (c) => {
    const dir = mkdtempSync(join(scratch, 'bad-'));
    const file = join(dir, c.file);
    if (c.bytes) writeFileSync(file, await c.bytes());
    const out = join(dir, 'content');
    const result = await importInto(out, file, ...(c.args ?? []));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(c.expect);
    expect(result.err).toContain('Nothing was written');
    expect(existsSync(out)).toBe(false);
  });

  test('a council id that is not an id is refused before anything is read', async () => {
    const result = await importInto(join(scratch, 'never'), 'x.txt', '--council', 'No Such!');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--council No Such!: a council id is lower-case letters, digits and hyphens/);
  });

  test('without --council, the known councils are listed', async () => {
    const dir = mkdtempSync(join(scratch, 'known-'));
    const out = join(dir, 'content');
    cpSync(join(import.meta.dirname, '..', '..', 'content', 'councils'), join(out, 'councils'), { recursive: true });
    writeFileSync(join(dir, 'notes.txt'), 'Shopping list\n\nmilk\n');
    const result = await importInto(out, join(dir, 'notes.txt'));
    expect(result.err).toMatch(/known councils: leicester, leicestershire/);
  });
});

describe('a council the content does not know', () => {
  test('--council creates it with the name the document prints and nothing invented, and is remembered', async () => {
    const dir = mkdtempSync(join(scratch, 'nosuch-'));
    const out = join(dir, 'content');
    writeFileSync(join(dir, 'minutes.txt'), MINUTES);
    const result = await importInto(out, join(dir, 'minutes.txt'), '--council', 'nosuch');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Created council nosuch \("Milburn Parish Council"\) in .*councils\/nosuch\.yaml: add its website and accessibility contact, which the sources do not print/);
    const council = readFileSync(join(out, 'councils/nosuch.yaml'), 'utf8');
    expect(council).toBe('name: Milburn Parish Council\naccessibilityContact: {}\n');
    expect(council).not.toMatch(/website|@/);
    expect(readFileSync(join(out, 'import-hints/minutes.yaml'), 'utf8')).toMatch(/^council: nosuch$/m);
    // Re-imported without --council, the remembered council is used, and nothing changes.
    const again = await importInto(out, join(dir, 'minutes.txt'));
    expect(again.out).toMatch(/council\s+nosuch .*remembered from the first import/);
    expect(again.out).toMatch(/Wrote 0 files/);
  });

  test('without --council, the council the document names is created under an id from its name', async () => {
    const dir = mkdtempSync(join(scratch, 'named-'));
    writeFileSync(join(dir, 'minutes.txt'), MINUTES);
    const result = await importInto(join(dir, 'content'), join(dir, 'minutes.txt'));
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/council\s+milburn-parish-council \("Milburn Parish Council"\), new: the document names "Milburn Parish Council"/);
  });
});

describe('meetings as printed', () => {
  test('a meeting whose start time is not printed has a date and no time; a source with no date has none', async () => {
    const dir = mkdtempSync(join(scratch, 'times-'));
    const out = join(dir, 'content');
    writeFileSync(join(dir, 'minutes.txt'), MINUTES);
    writeFileSync(join(dir, 'undated.txt'), MINUTES.replace(' held on Tuesday 6th November 2018', ''));
    const result = await importInto(out, join(dir, 'minutes.txt'), join(dir, 'undated.txt'), '--council', 'milburn');
    expect(result.code).toBe(0);
    expect(readFileSync(join(out, 'meetings/milburn/parish-council/2018-11-06.yaml'), 'utf8')).toMatch(/^start: "2018-11-06"$/m);
    const undated = readFileSync(join(out, 'sources/undated.yaml'), 'utf8');
    expect(undated).not.toMatch(/^date:/m);
    expect(undated).not.toContain('1970');
    expect(result.out).toMatch(/undated\.txt: these minutes print no meeting date, and the file name holds none: they are kept as a document/);
  });

  test('the time the summary reports is the one written; a "Present" section is the list of who was there, and initials name them', async () => {
    // Ayton's Markdown minutes print "at 7pm" before their own head, and "## Present" as a section of bullets.
    const file = join(import.meta.dirname, '..', 'corpus', 'ayton-community-council-full-council-2024-02-06-minutes.md');
    const out = join(mkdtempSync(join(scratch, 'ayton-')), 'content');
    const result = await importInto(out, file, '--council', 'ayton');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/meeting\s+ayton\/full-council\/2024-02-06, 7pm/);
    // Imported elsewhere than the content the build reads, it says how to build from there.
    expect(result.out.split('\n').at(-1)).toBe(`Next: build from this folder with CHAMBER_CONTENT=${out} npm run build.`);
    const meeting = readFileSync(join(out, 'meetings/ayton/full-council/2024-02-06.yaml'), 'utf8');
    expect(meeting).toMatch(/^start: "2024-02-06T19:00:00\+00:00"$/m);
    expect(meeting).toContain('present:\n  - printed: Sarah Woodbury\n    role: Chair\n    person: ayton/s-woodbury\n');
    expect(meeting.match(/^ {2}- printed: /gm)).toHaveLength(9 + 7 + 1); // nine present, seven apologies, one of the public
    expect(meeting).toContain('public:\n  - printed: Jim Edgar\n    person: ayton/j-edgar\n');
    // "approved by MC and Seconded by AW": the one person present with each pair of initials.
    const minutes = readFileSync(join(out, 'minutes/ayton/full-council/2024-02-06.mdx'), 'utf8');
    expect(minutes).toContain('movedBy:\n      printed: MC\n      person: ayton/m-carey\n    secondedBy:\n      printed: AW\n      person: ayton/a-wright\n');
  });
});

describe('a meeting imported in two runs', () => {
  test('its agenda, imported first, stays when its minutes are imported later (or the other way round), as one run would give', async () => {
    const corpus = join(import.meta.dirname, '..', 'corpus');
    const agenda = join(corpus, 'hertingfordbury-parish-council-full-council-2019-02-13-agenda-pack.pdf');
    const minutes = join(corpus, 'hertingfordbury-parish-council-full-council-2019-02-13-minutes.pdf');
    const meeting = (content: string) => readFileSync(join(content, 'meetings/hertingfordbury/parish-council/2019-02-13.yaml'), 'utf8');
    const together = join(mkdtempSync(join(scratch, 'together-')), 'content');
    expect((await importInto(together, agenda, minutes, '--council', 'hertingfordbury')).code).toBe(0);
    expect(meeting(together).match(/^ {2}- number: /gm)?.length).toBeGreaterThan(5);
    expect(meeting(together)).toMatch(/^present:\n {2}- printed: /m);
    for (const order of [[agenda, minutes], [minutes, agenda]]) {
      const apart = join(mkdtempSync(join(scratch, 'apart-')), 'content');
      for (const file of order) expect((await importInto(apart, file, '--council', 'hertingfordbury')).code).toBe(0);
      expect(meeting(apart)).toBe(meeting(together));
    }
    // Agenda first, as councils publish them, the content is what a fresh import of both sources gives.
    const apart = join(mkdtempSync(join(scratch, 'apart-')), 'content');
    for (const file of [agenda, minutes]) expect((await importInto(apart, file, '--council', 'hertingfordbury')).code).toBe(0);
    const check = await importInto(apart, '--check');
    expect(check.code, check.err).toBe(0);
  });
});

describe('corrections survive re-import', () => {
  test('text and structure corrections in the hints file are applied every time, and the source text stays as published', async () => {
    const dir = mkdtempSync(join(scratch, 'corrections-'));
    const out = join(dir, 'content');
    mkdirSync(join(out, 'import-hints'), { recursive: true });
    writeFileSync(join(dir, 'minutes.txt'), MINUTES);
    writeFileSync(
      join(out, 'import-hints/minutes.yaml'),
      ['council: milburn', 'corrections:', '  - { line: 11, printed: invoice, correct: grass-cutting invoice }', 'structure:', '  notDecisions: [11]', ''].join('\n'),
    );
    for (let i = 0; i < 2; i++) expect((await importInto(out, join(dir, 'minutes.txt'))).code).toBe(0);
    const minutes = readFileSync(join(out, 'minutes/milburn/parish-council/2018-11-06.mdx'), 'utf8');
    expect(minutes).toContain('pay the grass-cutting invoice');
    expect(minutes).toMatch(/^decisions: \[\]$/m);
    expect(readFileSync(join(out, 'sources/minutes.txt'), 'utf8')).toBe(MINUTES);
  });

  test('a correction that no longer fits the source stops the import and says which line', async () => {
    const dir = mkdtempSync(join(scratch, 'stale-'));
    const out = join(dir, 'content');
    mkdirSync(join(out, 'import-hints'), { recursive: true });
    writeFileSync(join(dir, 'minutes.txt'), MINUTES);
    writeFileSync(join(out, 'import-hints/minutes.yaml'), 'council: milburn\ncorrections:\n  - { line: 11, printed: cheque, correct: invoice }\n');
    const result = await importInto(out, join(dir, 'minutes.txt'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/minutes\.txt:11: hints: the correction for line 11 replaces "cheque", but the line does not print it/);
  });

  test('a hints file that does not fit its schema names the field', async () => {
    const dir = mkdtempSync(join(scratch, 'badhints-'));
    const out = join(dir, 'content');
    mkdirSync(join(out, 'import-hints'), { recursive: true });
    writeFileSync(join(dir, 'minutes.txt'), MINUTES);
    writeFileSync(join(out, 'import-hints/minutes.yaml'), 'council: milburn\ntime: 7pm\n');
    const result = await importInto(out, join(dir, 'minutes.txt'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/import-hints\/minutes\.yaml: hints file: time: a time written HH:MM/);
  });
});

describe('minutes in Welsh and in English', () => {
  const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');
  const english = join(import.meta.dirname, '..', 'corpus', 'tintern-community-council-full-council-2019-02-25-minutes.pdf');
  const welsh = join(FIXTURES, 'tintern-community-council-full-council-2019-02-25-cofnodion.txt');

  test('are one meeting: the Welsh minutes are a translation of the English, of the same body, and the council is named once, in English', async () => {
    const out = join(mkdtempSync(join(scratch, 'cy-')), 'content');
    const result = await importInto(out, welsh, english, '--council', 'tintern');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/cofnodion\.txt {2}\(TXT, \d+ lines, in Welsh\)/);
    expect(result.out).toMatch(/council {4}tintern \("Cyngor Cymuned Tyndyrn"\)/);
    expect(result.out.match(/Created council/g)).toHaveLength(1);
    expect(result.out).toMatch(/Created council tintern \("Tintern Community Council"\)/);
    expect(readdirSync(join(out, 'meetings/tintern'))).toEqual(['community-council']);
    expect(readdirSync(join(out, 'minutes/tintern/community-council')).sort()).toEqual(['2019-02-25-cy.mdx', '2019-02-25.mdx']);
    const cy = readFileSync(join(out, 'minutes/tintern/community-council/2019-02-25-cy.mdx'), 'utf8');
    expect(cy).toMatch(/^lang: cy$/m);
    expect(cy).toMatch(/^translationOf: tintern\/community-council\/2019-02-25$/m);
    // Decisions printed in Welsh ("Cymeradwywyd": approved) are decisions, kept as printed.
    expect(cy).toMatch(/printedAs: Cymeradwywyd\n\s+text: Cymeradwywyd a llofnodwyd fel rhai cywir\./);
    const en = readFileSync(join(out, 'minutes/tintern/community-council/2019-02-25.mdx'), 'utf8');
    expect(en).not.toMatch(/^(?:lang|translationOf):/m);
  });

  test('in Welsh alone, they are the meeting\'s minutes, in Welsh', async () => {
    const out = join(mkdtempSync(join(scratch, 'cy-only-')), 'content');
    const result = await importInto(out, welsh, '--council', 'tintern');
    expect(result.code).toBe(0);
    const cy = readFileSync(join(out, 'minutes/tintern/community-council/2019-02-25.mdx'), 'utf8');
    expect(cy).toMatch(/^lang: cy$/m);
    expect(cy).not.toMatch(/^translationOf:/m);
    expect(readFileSync(join(out, 'meetings/tintern/community-council/2019-02-25.yaml'), 'utf8')).toMatch(/^start: "2019-02-25T19:00:00\+00:00"$/m);
  });
});
