import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeViolation, runAxe } from '../helpers/axe';
import { launchChromium, tabPool } from '../helpers/browser';
import { componentsWithExamples, examplePage, readExamples, renderExample } from '../helpers/component-examples';

// The stylesheet as written, not as built: the check needs no dist/, and colours and focus styles come from here.
const SITE_CSS = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'styles', 'site.css'), 'utf8');

// A file that does not fit the schema has no examples here; the unit test says what is wrong with it.
const examples = componentsWithExamples.flatMap((component) =>
  readExamples(component).examples.map((example) => ({ title: `${component}: ${example.name}`, component, example })),
);

let container: AstroContainer;
let browser: Browser;
let tabs: ReturnType<typeof tabPool>;

beforeAll(async () => {
  container = await AstroContainer.create();
  browser = await launchChromium();
  tabs = tabPool(await browser.newContext({ viewport: { width: 1280, height: 800 } }));
});

afterAll(async () => {
  await browser?.close();
});

test('there are examples to check', () => expect(examples.length).toBeGreaterThan(0));

// Each example on a page of its own, so ids repeated across examples (two views of one decision) do not collide.
test.concurrent.for(examples.map((x) => [x.title, x] as const))('%s: no WCAG 2.2 A or AA violation, no error', async ([, { title, component, example }], { expect }) => {
  const html = await renderExample(container, component, example);
  await tabs.use(async (page, errors) => {
    await page.setContent(examplePage(title, example, html, `<style>${SITE_CSS}</style>`), { waitUntil: 'load' });
    const results = await runAxe(page);
    expect(results.violations.map(describeViolation)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
