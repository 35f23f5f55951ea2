import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { beforeAll, describe, expect, test } from 'vitest';
import { wordsOf } from '../../src/model/words';
import { formatProblem, ImportError } from '../../scripts/import/problem';
import { readDocx } from '../../scripts/import/read/docx';
import { declaredLanguage, htmlToMarkdown, readHtml } from '../../scripts/import/read/html';
import { detectFormat, readSource } from '../../scripts/import/read/index';
import { pageOf, toBlocks, toLines, type Line, type SourceText } from '../../scripts/import/read/line';
import { readMarkdown } from '../../scripts/import/read/markdown';
import { markdownHeading, plain, printed, unescapeMarkdown } from '../../scripts/import/read/markup';
import { readPdf } from '../../scripts/import/read/pdf';
import { pageLines, type TextRun } from '../../scripts/import/read/pdf-lines';
import { decodeText, readText } from '../../scripts/import/read/text';
import { linesAt, makeDocx, makePdf, type DrawnText } from '../helpers/documents';

/**
 * The readers: every format a council publishes (PDF, Word, HTML, Markdown, text) into the one line model. Read on the
 * corpus councils' own files where they show a case (lines as printed, pages, bold headings, raised ordinals, front
 * matter), and on files drawn or written for the test where the corpus has no example (Word, a scan, bad bytes).
 */
const CORPUS = join(import.meta.dirname, '..', 'corpus');
const corpusBytes = (file: string) => new Uint8Array(readFileSync(join(CORPUS, file)));
const bytesOf = (text: string, encoding: BufferEncoding = 'utf8') => new Uint8Array(Buffer.from(text, encoding));

/** Pages of each corpus PDF, as the corpus README gives them. */
const PAGES: Record<string, number> = {
  'ayton-community-council-full-council-2019-12-03-minutes.pdf': 2,
  'bristol-city-council-transport-connectivity-policy-committee-2026-01-21-forward-plan.pdf': 14,
  'bristol-city-council-transport-connectivity-policy-committee-2026-03-19-decision-notice.pdf': 8,
  'bristol-city-council-transport-connectivity-policy-committee-2026-03-19-minutes.pdf': 12,
  'bristol-city-council-transport-connectivity-policy-committee-2026-03-19-report.pdf': 7,
  'garelochhead-community-council-full-council-2021-03-16-minutes.pdf': 9,
  'hertingfordbury-parish-council-full-council-2019-02-13-agenda-pack.pdf': 2,
  'hertingfordbury-parish-council-full-council-2019-02-13-minutes.pdf': 6,
  'milburn-parish-council-full-council-2018-11-06-minutes.pdf': 2,
  'tintern-community-council-full-council-2019-02-25-minutes.pdf': 4,
  'west-of-england-mca-mca-committee-2026-06-05-report.pdf': 60,
};

const pdfs = new Map<string, SourceText>();
beforeAll(async () => {
  for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.pdf'))) pdfs.set(file, await readPdf(corpusBytes(file), file));
}, 120_000);

const pdf = (part: string): SourceText => [...pdfs].find(([file]) => file.includes(part))![1];
/** The one line whose text is exactly `text`. */
const lineOf = (source: SourceText, text: string): Line => {
  const found = source.lines.filter((l) => l.text === text);
  expect(found.map((l) => l.text), `"${text}"`).toEqual([text]);
  return found[0]!;
};

/** Helvetica's widths, to draw runs that touch or leave a measured gap, as a word processor would. */
let helvetica: PDFFont;
let helveticaBold: PDFFont;
beforeAll(async () => {
  const doc = await PDFDocument.create();
  helvetica = await doc.embedFont(StandardFonts.Helvetica);
  helveticaBold = await doc.embedFont(StandardFonts.HelveticaBold);
});
const width = (text: string, size = 11, bold = false) => (bold ? helveticaBold : helvetica).widthOfTextAtSize(text, size);
const drawn = async (pages: DrawnText[][]) => readPdf(await makePdf(pages), 'drawn.pdf');

/** A .docx from `makeDocx` with some of its parts rewritten (numbering, styles), as Word's own templates have them. */
async function editDocx(bytes: Uint8Array, edits: Record<string, (xml: string) => string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [path, edit] of Object.entries(edits)) zip.file(path, edit((await zip.file(path)?.async('string')) ?? ''));
  return zip.generateAsync({ type: 'uint8array' });
}

/** The ImportError a call throws. */
function refusal(call: () => unknown): ImportError {
  try {
    call();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError, but the call returned');
}

describe('detectFormat: what a file is, by its first bytes', () => {
  test('a PDF is a PDF whatever it is called', () => {
    const bytes = corpusBytes('milburn-parish-council-full-council-2018-11-06-minutes.pdf');
    for (const name of ['minutes.pdf', 'minutes.txt', 'minutes.html', 'minutes']) expect(detectFormat(bytes, name), name).toBe('pdf');
    // The PDF specification lets a header follow some junk (a mail gateway's prefix); readers look in the first 1024 bytes.
    expect(detectFormat(new Uint8Array([...bytesOf('garbage line\n'), ...bytes]), 'minutes.bin')).toBe('pdf');
  });

  test('a Word file is Word whatever it is called', async () => {
    const docx = await makeDocx([{ text: 'Minutes' }]);
    expect(detectFormat(docx, 'minutes.docx')).toBe('docx');
    expect(detectFormat(docx, 'download.bin')).toBe('docx');
  });

  test('HTML is told from its content when the name does not say', () => {
    expect(detectFormat(bytesOf('<!DOCTYPE html><html><body><p>Minutes</p></body></html>'), 'minutes.txt')).toBe('html');
    expect(detectFormat(bytesOf('  \n<p>Minutes of the meeting</p>'), 'minutes')).toBe('html');
    expect(detectFormat(bytesOf('<TABLE><tr><td>a</td></tr></TABLE>'), 'export')).toBe('html');
    // What editors and browsers put before the page: a byte order mark, an XML declaration, a "saved from" comment.
    expect(detectFormat(new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf('<!DOCTYPE html><p>Minutes</p>')]), 'minutes')).toBe('html');
    expect(detectFormat(bytesOf('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'), 'page')).toBe('html');
    expect(detectFormat(bytesOf('<!-- saved from url=(0042)https://example.org/minutes -->\n<html><body><h1>Minutes</h1></body></html>'), 'page')).toBe('html');
  });

  test('text that only mentions a tag, Markdown and plain text go by the extension', () => {
    expect(detectFormat(bytesOf('Minutes: the <p> tag was discussed'), 'minutes.txt')).toBe('txt');
    expect(detectFormat(bytesOf('<div>Minutes</div>'), 'minutes.md')).toBe('md');
    expect(detectFormat(bytesOf('# Minutes\n'), 'minutes.markdown')).toBe('md');
    expect(detectFormat(bytesOf('Minutes\n'), 'minutes.HTM')).toBe('html');
    expect(detectFormat(bytesOf('# Minutes\n'), 'minutes.txt')).toBe('txt');
  });

  test('a name that promises what the bytes are not is refused, saying so', () => {
    const notPdf = refusal(() => detectFormat(bytesOf('<html>Page not found</html>'), 'minutes.pdf'));
    expect([notPdf.code, notPdf.file]).toEqual(['not-pdf', 'minutes.pdf']);
    expect(notPdf.message).toMatch(/named \.pdf but is not a PDF.*download it again/);
    const notDocx = refusal(() => detectFormat(bytesOf('Minutes'), 'minutes.docx'));
    expect([notDocx.code, notDocx.file]).toEqual(['not-docx', 'minutes.docx']);
  });
});

describe('readSource: what cannot be read is refused with a problem, and nothing is read', () => {
  /** Each bad input, its file name, and the code and the words of advice its problem must have. */
  const cases: Array<[string, string, () => Promise<Uint8Array> | Uint8Array, string, RegExp]> = [
    ['broken PDF bytes', 'truncated.pdf', async () => (await makePdf([linesAt(['Minutes of the meeting'])])).slice(0, 400), 'pdf-unreadable', /cannot be read.*save or print it to a new PDF/],
    ['a PDF of scanned pages', 'scan.pdf', () => makePdf([[], []], { imageOnly: true }), 'pdf-no-text', /no text layer: its pages are images \(a scan\).*OCR/],
    ['a PDF of empty pages', 'blank.pdf', () => makePdf([[]]), 'pdf-no-text', /its pages are empty/],
    ['an encrypted PDF', 'encrypted.pdf', () => new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'encrypted.pdf'))), 'pdf-encrypted', /needs a password.*unprotected copy/],
    ['a ZIP that is not a Word file', 'pack.zip', async () => { const zip = new JSZip(); zip.file('minutes.txt', 'Minutes'); return zip.generateAsync({ type: 'uint8array' }); }, 'not-docx', /ZIP archive.*not a Word document/],
    ['a Word-shaped ZIP without a document', 'damaged.docx', async () => { const zip = new JSZip(); zip.file('word/styles.xml', '<x/>'); return zip.generateAsync({ type: 'uint8array' }); }, 'docx-unreadable', /Word file cannot be read.*save it again as \.docx/],
    ['an old Word .doc', 'minutes.doc', () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'old-office', /old-style Word or Excel file.*save it as \.docx or PDF/],
    ['binary junk', 'photo.jpg', () => Uint8Array.from({ length: 256 }, (_, i) => (i * 37) % 256), 'binary', /binary file \(a zero byte at offset 0\)/],
    ['text in Windows-1252', 'minutes.txt', () => bytesOf('Minutes\nCaf\xe9 \x93quoted\x94 \xa3100\n', 'latin1'), 'not-utf8', /not valid UTF-8: save it as UTF-8/],
    ['text in UTF-16 with a byte order mark', 'minutes.txt', () => new Uint8Array([0xff, 0xfe, ...bytesOf('Minutes of the meeting\n', 'utf16le')]), 'not-utf8', /UTF-16.*save it as UTF-8/],
    ['text in big-endian UTF-16', 'minutes.txt', () => new Uint8Array([0xfe, 0xff, ...Buffer.from('Minutes\n', 'utf16le').swap16()]), 'not-utf8', /UTF-16/],
    ['an empty file', 'minutes.txt', () => new Uint8Array(), 'empty', /empty/],
    ['a file of blank lines', 'minutes.txt', () => bytesOf(' \n\n\t\n'), 'no-words', /no words/],
    ['Markdown that is all front matter', 'minutes.md', () => bytesOf('---\ntitle: Minutes of 5 March\ndate: 2024-03-05\n---\n'), 'no-words', /no words/],
  ];

  test.each(cases)('%s', async (_, file, make, code, advice) => {
    const { source, problems } = await readSource(await make(), file);
    expect(source).toBeUndefined();
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem).toMatchObject({ code, severity: 'error', file });
    expect(problem!.message).toMatch(advice);
    // As printed for the user: the file first, as a compiler prints it.
    expect(formatProblem(problem!)).toMatch(new RegExp(`^${file.replace('.', '\\.')}(:\\d+)?: `));
  });

  test('text that is not UTF-8 is placed at the line that holds the first bad byte', async () => {
    const { problems } = await readSource(bytesOf('Minutes\nPresent: all\nCaf\xe9\n', 'latin1'), 'minutes.txt');
    expect(problems[0]).toMatchObject({ code: 'not-utf8', line: 3 });
    expect(formatProblem(problems[0]!)).toMatch(/^minutes\.txt:3: /);
  });

  test('what can be read has no problems', async () => {
    const read = await readSource(corpusBytes('wye-valley-community-council-full-council-2024-02-26-minutes.txt'), 'wye.txt');
    expect(read.problems).toEqual([]);
    expect(read.source?.format).toBe('txt');
  });
});

describe('PDF: the corpus councils\' files, read as printed', () => {
  test('every file has its pages, each page starting where its lines start', () => {
    expect([...pdfs.keys()].sort()).toEqual(Object.keys(PAGES).sort());
    for (const [file, source] of pdfs) {
      expect(source.pageStarts, file).toHaveLength(PAGES[file]!);
      source.pageStarts.forEach((start, i) => {
        expect(source.lines[start - 1]!.page, `${file} page ${i + 1}`).toBe(i + 1);
        // Between pages, a blank line: a page break ends a paragraph.
        if (i > 0) expect(source.lines[start - 2]!.text, `${file} before page ${i + 1}`).toBe('');
      });
      for (const line of source.lines) expect(line.page, `${file}:${line.n}`).toBe(pageOf(source.pageStarts, line.n));
    }
  });

  test('a footer "Page N of 9" is on page N', () => {
    const source = pdf('garelochhead');
    for (let n = 1; n <= 9; n++) expect(lineOf(source, `Page ${n} of 9`).page).toBe(n);
    // A minute that starts at the top of page 2 is that page's first line.
    const milburn = pdf('milburn');
    expect(milburn.lines[milburn.pageStarts[1]! - 1]).toMatchObject({ text: '18.11.7 Finance', page: 2, bold: true });
  });

  test('the lines are numbered from 1, have no edges of white space, and make up the text', () => {
    for (const [file, source] of pdfs) {
      expect(source.format).toBe('pdf');
      expect(source.metadata).toEqual([]);
      expect(source.lines.map((l) => l.n), file).toEqual(source.lines.map((_, i) => i + 1));
      expect(source.text, file).toBe(source.lines.map((l) => l.text).join('\n'));
      expect(source.lines.filter((l) => l.text !== l.text.trim() || l.text.includes('\n')).map((l) => l.n), file).toEqual([]);
    }
  });

  test('lines as printed, with a TAB where a wide gap sets a second column', () => {
    const milburn = pdf('milburn');
    for (const text of ['Broxap Catalogue\tYates Playground Equipment', 'CALC AGM 10/11/18\tPost Office “Beware of Scams”', '8th January 2019\t5th March 2019']) lineOf(milburn, text);
    const ayton = pdf('ayton-community-council-full-council-2019-12-03');
    expect(lineOf(ayton, 'Present:\tGraham Dolan\tGD\tIsabel Kellie\tIK').cells).toHaveLength(5);
    // The action column: initials at the right margin on the line of the text they belong to.
    lineOf(ayton, 'RC scheme. KC, GD and IK to meet soon to look at the best way forward.\tKC/GD/IK');
    lineOf(pdf('garelochhead'), 'Watson Robinson\tConvenor');
    const bristol = pdf('2026-03-19-minutes');
    // A minute number with no dot, set apart from its title by a tab stop.
    expect(lineOf(bristol, '1\tWelcome, Introductions and Safety Information').cells).toHaveLength(2);
  });

  test('a raised ordinal ("3rd", "13th", "31st") is joined to the number it follows', () => {
    // pdftotext prints the Milburn "rd" on a line of its own, below "3 September 2019".
    lineOf(pdf('milburn'), '3rd September 2019\t12th November 2019');
    lineOf(pdf('milburn'), 'Milburn Parish Council - 6th November 2018');
    expect(pdf('agenda-pack').lines.find((l) => l.text.startsWith('Hertingfordbury Parish Council to be held'))?.text).toMatch(/on Wednesday 13th$/);
    lineOf(pdf('garelochhead'), 'Held virtually owing to COVID-19 restrictions at 1900hrs on 16th March 2021');
    // On a page of 8pt tables the 7pt "st" is no smaller than the page's usual print, but it is beside the 11pt "31".
    expect(lineOf(pdf('west-of-england'), 'Balance at 31st').page).toBe(30);
    for (const [file, source] of pdfs) expect(source.lines.filter((l) => /^(st|nd|rd|th)$/.test(l.text)).map((l) => l.n), file).toEqual([]);
  });

  test('a space printed narrower than usual still ends a word', () => {
    // Both are justified lines where Word drew the space as a run of its own, a point wide.
    lineOf(pdf('garelochhead'), '• The Church will be reopening on March 28th with pre-lockdown COVID-19 precautions back in place.');
    lineOf(pdf('2026-03-19-report'), '10. Following the results of the modelling, forecasting and impact assessment, a draft scheme');
  });

  test('bold headings are bold, and a bold lead-in is marked where it ends', () => {
    const bristol = pdf('2026-03-19-minutes');
    for (const text of ['Bristol City Council', 'Members Present:-', '4\tMinutes of the Previous Meeting']) expect(lineOf(bristol, text).bold, text).toBe(true);
    expect(lineOf(bristol, 'There were no apologies').bold).toBeUndefined();
    const hertingfordbury = pdf('2019-02-13-minutes');
    expect(lineOf(hertingfordbury, 'MINUTES OF A MEETING OF HERTINGFORDBURY PARISH COUNCIL').bold).toBe(true);
    const tintern = pdf('tintern');
    const police = lineOf(tintern, '2643.\tPolice Report: Attached. No Police presence.');
    expect(police.bold).toBeUndefined();
    expect(police.text.slice(0, police.boldUntil)).toBe('2643.\tPolice Report:');
    const present = tintern.lines.find((l) => l.text.startsWith('Present: Chairman'))!;
    expect(present.text.slice(0, present.boldUntil)).toBe('Present:');
    expect(lineOf(tintern, '2649.\tAccounts for payment:')).toMatchObject({ bold: true });
    expect(lineOf(tintern, '2649.\tAccounts for payment:').boldUntil).toBeUndefined();
    // Body text is neither.
    const body = tintern.lines.find((l) => l.text.startsWith('Cobb, Ashman, County Cllr'))!;
    expect([body.bold, body.boldUntil]).toEqual([undefined, undefined]);
  });

  test('symbol-font bullets read as the bullet a reader sees', () => {
    const ayton = pdf('ayton-community-council-full-council-2019-12-03');
    expect(ayton.lines.filter((l) => l.text.startsWith('• ')).length).toBeGreaterThanOrEqual(7);
    for (const [file, source] of pdfs) expect(source.text, file).not.toMatch(/[\uF0A7\uF0B7\uF076\uF0D8\uF0FC\uF06E\uF0A8\uF0E0]/);
  });

  test('running heads and footers are marked as in the margin', () => {
    const bristol = pdf('2026-03-19-minutes');
    const heads = bristol.lines.filter((l) => l.text === 'policycommittees@bristol.gov.uk');
    expect(heads.length).toBeGreaterThanOrEqual(10);
    for (const head of heads) expect(head.margin).toBe('top');
    expect(lineOf(pdf('milburn'), 'Page 2 of 2')).toMatchObject({ page: 2, margin: 'bottom' });
    expect(lineOf(bristol, 'There were no apologies').margin).toBeUndefined();
  });
});

describe('PDF: lines from where the text is drawn', () => {
  test('runs on one baseline are one line; a wide gap is a TAB, a word gap a space', async () => {
    const source = await drawn([
      [
        { text: 'Hall hire', x: 72, top: 100 },
        { text: '£25.00', x: 400, top: 100 },
        { text: 'Clerk to write to the council', x: 72, top: 114 },
        { text: 'Clerk', x: 480, top: 114, bold: true },
        { text: 'Present:', x: 72, top: 128 },
        { text: 'Cllr Smith', x: 72 + width('Present: '), top: 128 },
      ],
    ]);
    expect(source.lines.map((l) => l.text)).toEqual(['Hall hire\t£25.00', 'Clerk to write to the council\tClerk', 'Present: Cllr Smith']);
    const [hall] = source.lines;
    expect(hall!.cells).toEqual([72, 400]);
    expect(hall!.pieces).toEqual([
      { text: 'Hall hire', x: 72, end: Math.round((72 + width('Hall hire')) * 10) / 10 },
      { text: '£25.00', x: 400, end: Math.round((400 + width('£25.00')) * 10) / 10 },
    ]);
    expect(source.lines[2]!.cells).toBeUndefined();
  });

  test('a number alone before a tab stop is set apart from its title', async () => {
    const source = await drawn([[{ text: '5.', x: 72, top: 100, bold: true }, { text: 'Finance', x: 72 + width('5.', 11, true) + 8, top: 100, bold: true }]]);
    // 8 points is less than a column's gap, but after a minute number it is the tab stop.
    expect(source.lines[0]).toMatchObject({ text: '5.\tFinance', bold: true });
  });

  test('a raised ordinal and a lowered subscript join the line they belong to', async () => {
    const before = 'The next meeting is on the 3';
    const source = await drawn([
      [
        { text: before, x: 72, top: 100 },
        { text: 'rd', x: 72 + width(before), top: 96, size: 7 },
        { text: ' of May.', x: 72 + width(before) + width('rd', 7), top: 100 },
        { text: 'CO', x: 72, top: 130 },
        { text: '2', x: 72 + width('CO'), top: 132, size: 7 },
        { text: ' emissions fell.', x: 72 + width('CO') + width('2', 7), top: 130 },
      ],
    ]);
    expect(source.lines.map((l) => l.text)).toEqual(['The next meeting is on the 3rd of May.', '', 'CO2 emissions fell.']);
  });

  test('a letter-spaced heading is one word, not seven letters', async () => {
    // Each letter drawn on its own with wide tracking, as a letterhead is.
    let x = 200;
    const letters: DrawnText[] = [...'MINUTES'].map((letter) => {
      const run = { text: letter, x, top: 80, size: 14, bold: true };
      x += width(letter, 14, true) + 14 * 0.8;
      return run;
    });
    const source = await drawn([[...letters, ...linesAt(['The meeting opened at 7pm.'], { top: 110 })]]);
    expect(source.lines[0]).toMatchObject({ text: 'MINUTES', bold: true });
    expect(source.lines.at(-1)!.text).toBe('The meeting opened at 7pm.');
  });

  test('bold: a whole line, a lead-in, or none', async () => {
    const lead = '2643. Police Report:';
    const source = await drawn([
      [
        { text: 'APOLOGIES FOR ABSENCE', x: 72, top: 100, bold: true },
        { text: lead, x: 72, top: 114, bold: true },
        { text: 'Attached. No Police presence.', x: 72 + width(`${lead} `, 11, true), top: 114 },
        { text: 'None were received.', x: 72, top: 128 },
      ],
    ]);
    const [heading, police, none] = source.lines;
    expect(heading).toMatchObject({ text: 'APOLOGIES FOR ABSENCE', bold: true });
    expect(heading!.boldUntil).toBeUndefined();
    expect(police!.text).toBe('2643. Police Report: Attached. No Police presence.');
    expect(police!.bold).toBeUndefined();
    expect(police!.boldUntil).toBe(lead.length);
    expect([none!.bold, none!.boldUntil]).toEqual([undefined, undefined]);
  });

  test('two pages: each page\'s lines, a blank line between, a footer in the margin', async () => {
    const source = await drawn([
      [
        { text: 'MINUTES', x: 72, top: 80, size: 16, bold: true },
        ...linesAt(['Present: Cllr Smith (Chair), Cllr Jones', 'The meeting opened at 7pm.'], { top: 110 }),
        ...linesAt(['1. Apologies', 'None.'], { top: 160 }),
        { text: 'Page 1 of 2', x: 270, top: 815, size: 9 },
      ],
      [...linesAt(['2. Finance', 'Payments were approved.'], { top: 80 }), { text: 'Page 2 of 2', x: 270, top: 815, size: 9 }],
    ]);
    expect(source.lines.map((l) => l.text)).toEqual([
      'MINUTES', '', 'Present: Cllr Smith (Chair), Cllr Jones', 'The meeting opened at 7pm.', '', '1. Apologies', 'None.', '', 'Page 1 of 2',
      '',
      '2. Finance', 'Payments were approved.', '', 'Page 2 of 2',
    ]);
    expect(source.pageStarts).toEqual([1, 11]);
    expect(source.lines.filter((l) => l.text).map((l) => l.page)).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 2]);
    expect(source.lines.find((l) => l.text === 'Page 2 of 2')).toMatchObject({ page: 2, margin: 'bottom', top: 815, size: 9 });
    expect(source.lines[0]).toMatchObject({ top: 80, x: 72, size: 16 });
    expect(source.lines[0]!.margin).toBeUndefined();
  });
});

describe('PDF: lines from runs (pageLines, the positions alone)', () => {
  const run = (text: string, x: number, y: number, runWidth: number, size = 11, bold = false): TextRun => ({ text, x, y, width: runWidth, size, bold });

  test('a space drawn as a run of its own, narrower than a word gap, ends the word', () => {
    // The runs pdf.js gives for Garelochhead's second line.
    const words = [run('Held virtually owing to COVID-19', 68.33, 642.58, 148.38, 11.25), run('restrictions at 1900hrs on 16', 217.75, 642.58, 128.13, 11.25)];
    const space = run(' ', 216.71, 642.58, 1.05, 11.25);
    expect(pageLines([words[0]!, space, words[1]!])[0]!.text).toBe('Held virtually owing to COVID-19 restrictions at 1900hrs on 16');
    // Without the printed space the runs are one word drawn in two pieces.
    expect(pageLines(words)[0]!.text).toBe('Held virtually owing to COVID-19restrictions at 1900hrs on 16');
  });

  test('a row of single figures and dashes is a table row, not a letter-spaced word', () => {
    // Columns closer than a TAB's gap: spaces, but never a number run into the next ("59").
    const cells = ['-', '5', '9', '-', '-', '2'].map((t, i) => run(t, 200 + i * 16, 700, 6));
    const [row] = pageLines([run('Total', 72, 700, 30), ...cells]);
    expect(row!.text).toBe('Total\t- 5 9 - - 2');
    expect(wordsOf(row!.text)).toEqual(['total', '5', '9', '2']);
  });

  test('text printed twice to look bold is read once', () => {
    const lines = pageLines([run('APOLOGIES', 72, 700, 60, 11, true), run('APOLOGIES', 72.4, 700.2, 60, 11, true)]);
    expect(lines.map((l) => l.text)).toEqual(['APOLOGIES']);
  });

  test('a tall gap between lines is a paragraph break; ordinary leading is not', () => {
    const lines = pageLines([run('First line', 72, 700, 50), run('second line', 72, 686, 55), run('New paragraph', 72, 650, 70)]);
    expect(lines.map((l) => l.text)).toEqual(['First line', 'second line', '', 'New paragraph']);
  });

  test('symbol bullets and no-break spaces read as a reader sees them', () => {
    const [line] = pageLines([run('\uF0B7', 72, 700, 5), run('Item\u00A0one', 90, 700, 40)]);
    expect(line!.text).toBe('• Item one');
  });
});

describe('Word (.docx)', () => {
  test('headings, paragraphs, a numbered list and a table, every word kept', async () => {
    const blocks = [
      { heading: 'Minutes of the Parish Council' },
      { text: 'Present: Cllr Smith (Chair), Cllr Jones & the Clerk' },
      { item: 'Apologies for absence' },
      { item: 'Declarations of interest' },
      { table: [['Payee', 'Amount', 'Cheque'], ['Clerk’s salary', '£302.98', '101152'], ['Village hall hire', '£25.00', '101153']] },
      { text: 'The meeting closed at 8.50pm.' },
    ];
    const source = await readDocx(await makeDocx(blocks), 'minutes.docx');
    expect(source.format).toBe('docx');
    expect(source.lines.filter((l) => l.text).map((l) => l.text)).toEqual([
      '# Minutes of the Parish Council',
      'Present: Cllr Smith (Chair), Cllr Jones & the Clerk',
      '1\\. Apologies for absence',
      '2\\. Declarations of interest',
      'Payee\tAmount\tCheque',
      'Clerk’s salary\t£302.98\t101152',
      'Village hall hire\t£25.00\t101153',
      'The meeting closed at 8.50pm.',
    ]);
    expect(source.lines[0]!.heading).toBe(1);
    // A table is one block, a row a line, as a table read from a PDF.
    expect(toBlocks(source.lines).find((b) => b.lines[0]!.text.startsWith('Payee'))!.lines).toHaveLength(3);
    const written = blocks.flatMap((b) => ('table' in b ? b.table.flat() : [Object.values(b)[0] as string])).flatMap(wordsOf);
    expect(wordsOf(source.text).sort()).toEqual([...written, '1', '2'].sort());
    expect(source.pageStarts).toEqual([]);
  });

  test('a numbered list goes on counting across the paragraphs between its items', async () => {
    const source = await readDocx(
      await makeDocx([{ item: 'Apologies' }, { text: 'None were received.' }, { item: 'Minutes of the last meeting' }, { text: 'Approved and signed.' }, { item: 'Finance' }]),
      'minutes.docx',
    );
    // mammoth alone makes three lists of one, each "1.".
    expect(source.lines.filter((l) => /^\d/.test(l.text)).map((l) => l.text)).toEqual(['1\\. Apologies', '2\\. Minutes of the last meeting', '3\\. Finance']);
  });

  test('numbers Word prints from its list definitions: numbered headings, a start from the last meeting, sub-levels', async () => {
    const level = (ilvl: number, format: string, text: string, extra = '') => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/>${extra}<w:lvlText w:val="${text}"/></w:lvl>`;
    const numbering = `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:abstractNum w:abstractNumId="0">${level(0, 'decimal', '%1.', '<w:pStyle w:val="Heading1"/>')}</w:abstractNum>
      <w:abstractNum w:abstractNumId="1">${level(0, 'decimal', '%1.')}${level(1, 'lowerLetter', '(%2)')}</w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="2643"/></w:lvlOverride></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const docx = await editDocx(
      await makeDocx([{ heading: 'Apologies' }, { text: 'None.' }, { heading: 'Finance' }, { item: 'Police report' }, { item: 'Payments' }, { item: 'Clerk' }, { item: 'Hall hire' }, { item: 'Planning' }, { item: 'Applications' }]),
      {
        'word/numbering.xml': () => numbering,
        // Heading 1 numbered by its style, as in most minutes templates: the paragraphs themselves say nothing.
        'word/styles.xml': (xml) => xml.replace('<w:name w:val="heading 1"/>', '<w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr>'),
        'word/document.xml': (xml) => xml.replace(/<w:ilvl w:val="0"\/>(<w:numId w:val="1"\/><\/w:numPr><\/w:pPr><w:r><w:t xml:space="preserve">(?:Clerk|Hall hire|Applications))/g, '<w:ilvl w:val="1"/>$1'),
      },
    );
    const source = await readDocx(docx, 'minutes.docx');
    expect(source.lines.filter((l) => l.text).map((l) => [l.text, l.heading])).toEqual([
      ['# 1\\. Apologies', 1],
      ['None.', undefined],
      ['# 2\\. Finance', 1],
      ['2643\\. Police report', undefined],
      ['2644\\. Payments', undefined],
      ['(a) Clerk', undefined],
      ['(b) Hall hire', undefined],
      ['2645\\. Planning', undefined],
      // A sub-level starts again under the next item.
      ['(a) Applications', undefined],
    ]);
  });

  test('a bulleted list stays a list', async () => {
    const docx = await editDocx(await makeDocx([{ text: 'Correspondence:' }, { item: 'CALC newsletter' }, { item: 'Police report' }]), {
      'word/numbering.xml': (xml) => xml.replace('<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>', '<w:numFmt w:val="bullet"/><w:lvlText w:val="•"/>'),
    });
    const source = await readDocx(docx, 'minutes.docx');
    expect(source.lines.filter((l) => l.text).map((l) => l.text)).toEqual(['Correspondence:', '-   CALC newsletter', '-   Police report']);
  });

  test('through readSource, by its signature', async () => {
    const { source, problems } = await readSource(await makeDocx([{ heading: 'Minutes' }, { text: 'Present: all' }]), 'download');
    expect(problems).toEqual([]);
    expect(source?.format).toBe('docx');
    expect(source?.lines[0]).toMatchObject({ text: '# Minutes', heading: 1 });
  });
});

describe('HTML: the page\'s main content, not its chrome', () => {
  const page = `<!DOCTYPE html>
<html lang="en-GB">
<head><title>Minutes – 5 March 2024 | Anytown Parish Council</title><style>main { color: black }</style>
<script>window.analytics = 'Cookie banner text';</script></head>
<body>
<header><a href="/">Anytown Parish Council</a></header>
<nav><ul><li><a href="/">Home</a></li><li><a href="/minutes">Minutes archive</a></li></ul></nav>
<main>
  <h1>Minutes of the Parish Council</h1>
  <p>Held on <strong>5 March 2024</strong> at 7pm in the Village Hall.</p>
  <h2>1. Apologies</h2>
  <ul><li>Cllr Smith</li><li>Cllr Jones</li></ul>
  <table>
    <caption>Payments</caption>
    <thead><tr><th></th><th>Amount</th><th>Cheque</th></tr></thead>
    <tbody>
      <tr><td>Clerk’s salary</td><td>£302.98</td><td>101152</td></tr>
      <tr><td><p>Village hall</p><p>hire</p></td><td>£25.00</td><td></td></tr>
    </tbody>
  </table>
  <form action="/search"><input name="q"><button>Search minutes</button></form>
  <p>The meeting closed at 8.50pm.</p>
</main>
<footer>© 2024 Anytown Parish Council · Cookies · Accessibility</footer>
</body></html>`;

  test('the main content as Markdown lines; navigation, header, footer, scripts and forms are not read', () => {
    const source = readHtml(page);
    expect(source.format).toBe('html');
    expect(source.lines.filter((l) => l.text).map((l) => l.text)).toEqual([
      '# Minutes of the Parish Council',
      'Held on **5 March 2024** at 7pm in the Village Hall.',
      '## 1\\. Apologies',
      '-   Cllr Smith',
      '-   Cllr Jones',
      'Payments',
      '\tAmount\tCheque',
      'Clerk’s salary\t£302.98\t101152',
      'Village hall hire\t£25.00',
      'The meeting closed at 8.50pm.',
    ]);
    for (const chrome of ['Home', 'archive', 'Search', 'Cookie', 'analytics', '©', 'color']) expect(source.text, chrome).not.toContain(chrome);
    expect(source.lines.filter((l) => l.heading).map((l) => [l.n, l.heading])).toEqual([[1, 1], [5, 2]]);
    expect(source.title).toBe('Minutes – 5 March 2024 | Anytown Parish Council');
  });

  test('a table\'s empty first cell keeps its TAB, so the columns stay in line', () => {
    const markdown = htmlToMarkdown('<p>Budget</p><table><tr><th></th><th>2023</th><th>2024</th></tr><tr><td>Precept</td><td>£10</td><td>£12</td></tr></table>');
    expect(markdown).toBe('Budget\n\n\t2023\t2024\nPrecept\t£10\t£12\n');
  });

  test('without <main>, the <article>, else the body', () => {
    expect(htmlToMarkdown('<body><div role="main"><p>Role main</p></div><p>Sidebar</p></body>')).toBe('Role main\n');
    expect(htmlToMarkdown('<body><p>Site name</p><article><p>Article text</p></article></body>')).toBe('Article text\n');
    expect(htmlToMarkdown('<body><nav>Home</nav><p>Body text</p><script>track()</script></body>')).toBe('Body text\n');
    // A fragment, as a CMS exports one.
    expect(htmlToMarkdown('<h2>Minutes</h2><p>Present: all</p>')).toBe('## Minutes\n\nPresent: all\n');
  });

  test('the language the page declares', () => {
    expect(declaredLanguage(page)).toBe('en');
    expect(declaredLanguage('<html lang="CY"><body><p>Cofnodion</p></body></html>')).toBe('cy');
    expect(declaredLanguage('<p>No language</p>')).toBeUndefined();
  });

  test('through readSource, named or not', async () => {
    for (const name of ['minutes.html', 'minutes.txt', 'minutes']) {
      const { source, problems } = await readSource(bytesOf(page), name);
      expect(problems, name).toEqual([]);
      expect(source?.format, name).toBe('html');
      expect(source?.lines[0]?.text, name).toBe('# Minutes of the Parish Council');
    }
  });
});

describe('Markdown: front matter is metadata, the rest is the document', () => {
  const ayton = 'ayton-community-council-full-council-2024-02-06-minutes.md';
  const dereham = 'west-dereham-parish-council-full-council-2020-09-03-minutes.md';

  test('a Hugo page: its front matter set apart, its title and posting date read', async () => {
    const text = readFileSync(join(CORPUS, ayton), 'utf8');
    const { source } = await readSource(corpusBytes(ayton), ayton);
    expect(source!.format).toBe('md');
    expect(source!.metadata).toEqual(text.split('\n').slice(0, 6).map((printed, i) => ({ line: i + 1, printed })));
    expect(source!.metadata[0]!.printed).toBe('---');
    expect(source!.title).toBe('Minutes for meeting held Tuesday 6th February 2024');
    expect(source!.posted).toBe('2024-02-06');
    expect(source!.text).toBe(text);
  });

  test('the document\'s lines are kept as written, headings marked', async () => {
    const text = readFileSync(join(CORPUS, ayton), 'utf8');
    const { source } = await readSource(corpusBytes(ayton), ayton);
    expect(source!.lines.map((l) => l.text)).toEqual(text.split('\n').map((l) => l.trimEnd()));
    const sections = source!.lines.filter((l) => l.heading === 2).map((l) => l.text);
    expect(sections).toHaveLength(12);
    expect(sections[0]).toBe('## Present');
    expect(sections.at(-1)).toBe('## Date of Next Meeting');
    // Front matter and blockquoted e-mail headers are not headings.
    expect(source!.lines.slice(0, 6).some((l) => l.heading)).toBe(false);
    expect(source!.lines.find((l) => l.text.startsWith('> From:'))!.heading).toBeUndefined();
  });

  test('a republished page: the posting date is not the meeting, escapes are kept as written', async () => {
    const { source } = await readSource(corpusBytes(dereham), dereham);
    expect(source!.posted).toBe('2020-09-30');
    expect(source!.title).toBe('West Dereham Parish Council Meeting September');
    expect(source!.metadata.map((m) => m.printed)).toContain('  - "west-dereham"');
    expect(source!.metadata).toHaveLength(9);
    expect(source!.lines[18]!.text).toBe('1\\. To receive Apologies for Absence: Councillor Tom Foy.');
  });

  test('front matter that is not closed, or not YAML', () => {
    const open = readMarkdown('---\n\n# Minutes\n\nPresent: all\n');
    expect(open.metadata).toEqual([]);
    expect(open.lines[2]!.heading).toBe(1);
    const broken = readMarkdown('---\ntitle: [unclosed\n...\n# Minutes\n');
    expect(broken.metadata.map((m) => m.line)).toEqual([1, 2, 3]);
    expect(broken.title).toBeUndefined();
    expect(broken.lines[3]!.heading).toBe(1);
    expect(readMarkdown('---\ndate: 2020-09-30T19:00:00Z\ntitle: 42\n---\nText\n')).toMatchObject({ posted: '2020-09-30' });
    expect(readMarkdown('---\ndate: 2020-09-30T19:00:00Z\ntitle: 42\n---\nText\n').title).toBeUndefined();
  });

  test('a "#" inside a fenced block is not a heading', () => {
    const source = readMarkdown('# Minutes\n\n```\n# not a heading\n```\n\n## Apologies\n');
    expect(source.lines.filter((l) => l.heading).map((l) => [l.text, l.heading])).toEqual([['# Minutes', 1], ['## Apologies', 2]]);
  });
});

describe('plain text: the lines as they are', () => {
  const wye = 'wye-valley-community-council-full-council-2024-02-26-minutes.txt';

  test('a council\'s own text export: every line kept, TABs and runs of spaces too', async () => {
    const text = readFileSync(join(CORPUS, wye), 'utf8');
    const { source } = await readSource(corpusBytes(wye), wye);
    expect(source).toMatchObject({ format: 'txt', text, pageStarts: [], metadata: [] });
    // No trailing newline: the last line is the closing sentence.
    expect(source!.lines).toHaveLength(text.split('\n').length);
    expect(source!.lines[0]!.text).toMatch(/^Present: {2}Cllrs Mawdsley/);
    expect(source!.lines[2]!.text).toMatch(/^3653\.\tPolice Reports: {2}Attached\./);
    expect(source!.lines[6]!.text).toBe('3655.   Public Session:  No one present.');
    expect(source!.lines.at(-1)!.text).toBe('There being no further business the meeting closed at 20.15.');
    expect(source!.lines.some((l) => l.heading || l.bold || l.page)).toBe(false);
  });

  test('decodeText: a UTF-8 byte order mark goes; Windows line endings stay in the text, not in the lines', () => {
    const text = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf('Minutes\r\nPresent: all  \r\n')]), 'minutes.txt');
    expect(text).toBe('Minutes\r\nPresent: all  \r\n');
    expect(readText(text).lines).toEqual([{ n: 1, text: 'Minutes' }, { n: 2, text: 'Present: all' }, { n: 3, text: '' }]);
    expect(decodeText(bytesOf('Café £100 – “quoted”'), 'minutes.txt')).toBe('Café £100 – “quoted”');
  });
});

describe('the line model', () => {
  test('toLines numbers lines from 1 and drops trailing white space', () => {
    expect(toLines('One\r\nTwo \t\n\nFour')).toEqual([{ n: 1, text: 'One' }, { n: 2, text: 'Two' }, { n: 3, text: '' }, { n: 4, text: 'Four' }]);
    expect(toLines('  Indented')[0]!.text).toBe('  Indented');
  });

  test('toBlocks: runs of lines between blank (or blank-looking) lines', () => {
    const blocks = toBlocks(toLines('a\nb\n\nc\n\n\nd\ne\nf\n'));
    expect(blocks.map((b) => [b.start, b.end, b.lines.map((l) => l.text).join('')])).toEqual([[1, 2, 'ab'], [4, 4, 'c'], [7, 9, 'def']]);
    // A line of spaces (a PDF line, a cell) separates blocks as an empty one does.
    const spaced = [{ n: 1, text: 'a' }, { n: 2, text: ' \t ' }, { n: 3, text: 'b' }];
    expect(toBlocks(spaced).map((b) => b.start)).toEqual([1, 3]);
    expect(toBlocks(toLines('\n\n'))).toEqual([]);
  });

  test('pageOf: the page a line is on, from the pages\' first lines', () => {
    expect(pageOf([], 5)).toBeUndefined();
    expect([1, 45, 46, 90, 91, 500].map((n) => pageOf([1, 46, 91], n))).toEqual([1, 1, 2, 2, 3, 3]);
  });
});

describe('markup: the words a reader sees', () => {
  test('Markdown headings, escapes and emphasis', () => {
    expect(markdownHeading('## 1\\. Apologies ##')).toEqual({ level: 2, text: '1\\. Apologies' });
    expect(markdownHeading('#hashtag')).toBeUndefined();
    expect(markdownHeading('####### seven')).toBeUndefined();
    expect(unescapeMarkdown('1\\. Minutes \\*draft\\*')).toBe('1. Minutes *draft*');
    expect(plain('**Resolved:** the <u>minutes</u> were [approved](https://example.org)')).toBe('Resolved: the minutes were approved');
    expect(plain('Assessments**Equality Impact**')).toBe('Assessments Equality Impact');
    expect(printed('## 5\\. **Finance**')).toBe('5. Finance');
  });
});
