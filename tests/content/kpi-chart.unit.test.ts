import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { validateContent } from '../../src/schema/validate';
import { readContentTree } from '../../scripts/content-tree';
import { copyFixtureSite } from '../helpers/fixture-site';

const DOCUMENT = 'documents/leicestershire/scrutiny-commission/2015-04-22/communities-strategy-action-plan.mdx';
const SERIES = `council: leicestershire
name: Reoffending rate
direction: lower
editions:
  - document: leicestershire/scrutiny-commission/2015-04-22/communities-strategy-action-plan
    edition: 2015/16
    name: Reoffending rate
    definition: Proven re-offences per young person
    unit: rate
    values: [{ period: 2013/14, value: 1.04, printed: "1.04" }]
    source: { pack: leicestershire-scrutiny-commission-2015-04-22 }
`;

let site: string | undefined;
afterEach(() => {
  if (site) rmSync(dirname(site), { recursive: true, force: true });
  site = undefined;
});

/** Adds a chart to the fixture document; returns the line it is on. */
function chart(content: string, kpi: string): number {
  const file = join(content, DOCUMENT);
  appendFileSync(file, `\n<KpiChart kpi="${kpi}" />\n`);
  return readFileSync(file, 'utf8').split('\n').length - 1;
}

test('a chart of a KPI series that exists is valid', () => {
  site = copyFixtureSite();
  mkdirSync(join(site, 'kpis', 'leicestershire'), { recursive: true });
  writeFileSync(join(site, 'kpis', 'leicestershire', 'reoffending.yaml'), SERIES);
  chart(site, 'leicestershire/reoffending');
  expect(validateContent(readContentTree(site))).toEqual([]);
});

test('a chart of a misspelt KPI series stops the build, naming the line', () => {
  site = copyFixtureSite();
  const line = chart(site, 'leicestershire/reofending');
  const problems = validateContent(readContentTree(site));
  expect(problems).toHaveLength(1);
  expect(problems[0]!.file.endsWith(DOCUMENT)).toBe(true);
  expect(problems[0]!.line).toBe(line);
  expect(problems[0]!.message).toBe(
    'MDX: <KpiChart kpi="leicestershire/reofending" /> names no KPI series: expected a file content/kpis/leicestershire/reofending.yaml',
  );
});
