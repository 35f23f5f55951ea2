import { mdxToJs } from 'satteri';
import { describe, expect, test } from 'vitest';
import { escapeLine } from '../../scripts/import/render/mdx';
import { hasMixedScript, isBrokenTable, isHeading, renderBody, startsParagraph } from '../../scripts/import/render/body';
import { toLines } from '../../scripts/import/read/line';
import { wordsOf } from '../../src/model/words';
import { mdxText } from '../../scripts/import/verify/mdx-text';

describe('headings', () => {
  test.each([
    ['Purpose of Report', true],
    ['1. Role and Purpose', true],
    ['4.1 Legal Implications', true],
    ['**Equality and Human Right Implications**', true],
    ['Mr. S. J. Galton CC (Chairman)', false],
    ['Key Questions:', false],
    ['W2: How can I help and support older people in my community?', false],
    ['1. The purpose of this report is to seek the views of the Scrutiny Commission on the draft plan.', false],
    ['Tel: 0116 305 6977', false],
    ['- Why are we doing this', false],
  ])('%s -> %s', (line, expected) => expect(isHeading(line)).toBe(expected));
});

describe('paragraphs', () => {
  test.each([
    ['1. The purpose of this report is to present the plan.', '2. The draft Action Plan sets out how...', true],
    ['Councillor Willmott submits a report that presents the Council\'s Corporate Plan', 'and Organisational Development and Improvement Plan', false],
    ['listed below:', '- **Priority 1:** Building resilience', true],
    ['- Priority 1', '- Priority 2', false],
    ['- Priority 3', '3. These priorities are supported by eight building blocks.', true],
    ['the budget position with underspends in nearly all departments', 'was as stable as could be hoped for', false],
  ])('%s | %s -> new paragraph: %s', (previous, line, expected) => expect(startsParagraph(previous, line)).toBe(expected));
});

describe('what stays verbatim', () => {
  test('a table whose columns cut words in two is broken, a real table is not', () => {
    const table = (rows: string[][]) => ({ head: [], body: rows, rowLines: rows.map((_, i) => i + 1), start: 1, end: rows.length });
    expect(isBrokenTable(table([['Section', 'n 1 E', 'xecutive summary', '.2'], ['Section', 'n 2 V', 'ision for transformation', '.4']]))).toBe(true);
    expect(isBrokenTable(table([['Police', '£91,847', '', '£183,534'], ['Health', '£70,945', '', '£119,096']]))).toBe(false);
  });

  test.each([
    ['Тransformation objectives', true],
    ['Т\transfo\trmation objectives', true],
    ['Transformation objectives', false],
    ['Café naïve', false],
  ])('%s mixes alphabets: %s', (text, expected) => expect(hasMixedScript(text)).toBe(expected));
});

describe('MDX from hostile or awkward text', () => {
  test.each([
    ['Costs {per head} <£5 & > 3 | x', 'costs per head 5 3 x'],
    ['<script>alert(1)</script> stays text', 'script alert 1 script stays text'],
    ['[here](#) and [a link](javascript:alert(1))', 'here and a link'],
    ['173. Minutes.', '173 minutes'],
    ['# not a heading', 'not a heading'],
    ['a\\b c:\\$x', 'a b c x'],
    ['---', ''],
    ['<input checked="" type="checkbox"/> Yes <input type="checkbox"/> No', 'yes no'],
  ])('%s compiles, runs nothing and keeps its words', (line, words) => {
    const mdx = escapeLine(line);
    expect(() => mdxToJs(mdx)).not.toThrow();
    expect(mdx).not.toMatch(/(?<!\\)<script|\(javascript:/i);
    expect(wordsOf(mdxText(mdx))).toEqual(wordsOf(words));
  });

  test('a number that starts a line stays text instead of becoming a list number', () => {
    const body = renderBody(toLines('173. Minutes.\n\n1. The purpose of this report.\n2. The draft plan.'), { furniture: new Map(), tables: [] });
    expect(body.mdx).toContain('173\\.');
    expect(body.mdx.split('\n\n')).toHaveLength(3);
  });
});
