import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { decodeHTML } from 'entities';
import { Parser, type HtmlElement } from 'html-validate';
import { beforeAll, describe, expect, test } from 'vitest';
import type { ComponentProps, ContentComponent } from '../../src/schema/components';
import type { ComponentExample } from '../../src/schema/component-example';
import { componentsWithExamples, examplePage, examplesFileNames, readExamples, renderExample } from '../helpers/component-examples';
import { siteValidator } from '../helpers/html-validate';

const validator = siteValidator();
let container: AstroContainer;
let parser: Parser;

beforeAll(async () => {
  container = await AstroContainer.create();
  parser = new Parser(await validator.getConfigFor('example.html'));
});

/** The words of an element as a reader gets them: entities decoded, white space folded. */
const words = (el: HtmlElement) => decodeHTML(el.textContent).replace(/\s+/g, ' ').trim();

/**
 * What holds for every example of a component, whatever its props: checked besides each example's own expectations.
 * Tables keep every cell as printed, in order; verbatim text keeps every character, tabs and line breaks included.
 */
const promises: { [C in ContentComponent]?: (root: HtmlElement, props: ComponentProps<C>) => void } = {
  DataTable: (root, { head, rows }) => {
    // Every heading printed, in order; a blank beside or under a heading is the cell that heading spans.
    expect(root.querySelectorAll('thead > tr').map((tr) => tr.querySelectorAll('th').map(words))).toEqual(head.map((row) => row.filter((cell) => cell.trim() !== '')));
    expect(root.querySelectorAll('tbody > tr').map((tr) => tr.childElements.map(words))).toEqual(rows);
  },
  Verbatim: (root, { text }) => {
    expect(root.querySelectorAll('pre').map((pre) => decodeHTML(pre.textContent))).toEqual([text]);
  },
};

test('every content component but those exempted has an examples file, and every examples file is for a content component', () => {
  expect(componentsWithExamples.filter((c) => !examplesFileNames.includes(c))).toEqual([]);
  expect(examplesFileNames.filter((name) => !(componentsWithExamples as string[]).includes(name))).toEqual([]);
});

describe.each(componentsWithExamples)('%s', (component) => {
  const { examples, problem } = readExamples(component);

  test('its examples file fits the schema: props as the component takes them, each example named once', () => {
    expect(problem).toBeUndefined();
  });

  test.each(examples.map((e) => [e.name, e] as const))('%s', async (name, example) => {
    const html = await renderExample(container, component, example);

    // The HTML is valid where it stands: on a page of its own, under the rules every built page is held to.
    const report = await validator.validateString(examplePage(`${component}: ${name}`, example, html));
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (${m.selector})`))).toEqual([]);

    const root = parser.parseHtml(html);
    const text = words(root);
    let from = 0;
    for (const phrase of example.expect.text) {
      const at = text.indexOf(phrase, from);
      expect(at, `"${phrase}" after character ${from} of: ${text}`).toBeGreaterThanOrEqual(0);
      from = at + phrase.length;
    }
    for (const { selector, text: expected } of example.expect.elements) {
      const found = root.querySelectorAll(selector);
      expect(found.length, `${selector} in ${html}`).toBeGreaterThan(0);
      if (expected !== undefined) expect(words(found[0]!), selector).toBe(expected);
    }
    for (const selector of example.expect.absent) expect(root.querySelectorAll(selector), `${selector} in ${html}`).toEqual([]);
    (promises[component] as ((root: HtmlElement, props: ComponentExample['props']) => void) | undefined)?.(root, example.props);
  });
});
