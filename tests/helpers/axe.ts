import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { AXE_DISABLED_RULES, AXE_TAGS } from '../../src/model/accessibility';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Exactly what the accessibility statement says is checked: the WCAG 2.2 A and AA tags, less the published waivers. */
const OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: [...AXE_TAGS] },
  rules: Object.fromEntries(AXE_DISABLED_RULES.map((w) => [w.rule, { enabled: false }])),
  resultTypes: ['violations', 'incomplete'],
};

/** Runs axe-core on the document open in a tab. */
export async function runAxe(page: Page): Promise<AxeResults> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    (options) => (window as unknown as { axe: { run: (c: Document, o: RunOptions) => Promise<AxeResults> } }).axe.run(document, options),
    OPTIONS,
  );
}

/** A violation on one line: the rule, its impact, what it asks, and the first few elements that break it. */
export const describeViolation = (v: Result): string =>
  `${v.id} (${v.impact}): ${v.help}: ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ')}${v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : ''}`;
