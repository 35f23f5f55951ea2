import { describe, expect, test } from 'vitest';
import { closingBrace, isBudgetTable, isSignOffTable, tablesIn } from '../../src/model/printed-table';
import { contentGraph } from '../helpers/graph';

const graph = contentGraph();
const body = (id: string) => {
  const doc = graph.document.get(id);
  if (!doc) throw new Error(`${id} is missing`);
  return doc.body ?? '';
};
const YOUTH_JUSTICE_2015 = 'leicestershire/scrutiny-commission/2015-04-22/draft-youth-justice-strategic-plan-2015-16/appendix-1';
const HOMELESSNESS_DELIVERY = 'leicester/cabinet/2009-07-13/homelessness-strategy-2008-2013/appendix-1';

describe('tablesIn', () => {
  test.each(graph.strategies.map((d) => [d.id] as const))('%s: reads every <DataTable> the importer wrote', (id) => {
    const text = body(id);
    expect(tablesIn(text)).toHaveLength((text.match(/<DataTable\s/g) ?? []).length);
  });

  test('keeps every cell as printed, braces and quotes inside cells included', () => {
    const mdx = '<DataTable caption={"Costs {draft}"} head={[["a}b", "say \\"x\\""]]} rows={[["{1}", "£2"]]} lines={[3,4]} />';
    expect(tablesIn(mdx)).toEqual([{ caption: 'Costs {draft}', head: [['a}b', 'say "x"']], rows: [['{1}', '£2']], lines: [3, 4] }]);
  });

  test('skips a table whose props are not the JSON the importer writes, rather than guess', () => {
    expect(tablesIn('<DataTable head={rows.map(f)} rows={[]} lines={[1,2]} />')).toEqual([]);
  });
});

describe('budget and sign-off tables of the Youth Justice plan 2015/16', () => {
  const tables = tablesIn(body(YOUTH_JUSTICE_2015));

  test('finds the pooled budget with its total as printed', () => {
    const budget = tables.filter(isBudgetTable);
    const pooled = budget.find((t) => t.head.flat().includes('Pooled Budget'));
    expect(pooled?.rows.at(-1)).toEqual(['Total', '£671,182', '£132,523', '£1,464,879', '£2,268,584']);
  });

  test('finds the partners’ sign-off, and does not count it as a budget', () => {
    const signOff = tables.filter(isSignOffTable);
    expect(signOff).toHaveLength(1);
    expect(signOff[0]!.head[0]).toContain('Signature');
    expect(isBudgetTable(signOff[0]!)).toBe(false);
  });

  test('the risk register and the key performance table are not budgets', () => {
    expect(tables.filter((t) => t.head.flat().includes('Risk Owner')).some(isBudgetTable)).toBe(false);
    expect(tables.filter((t) => t.head.flat().includes('National Indicator')).some(isBudgetTable)).toBe(false);
  });
});

test('an action plan with a few costs in it is not a budget', () => {
  const tables = tablesIn(body(HOMELESSNESS_DELIVERY));
  expect(tables.length).toBeGreaterThan(0);
  expect(tables.some(isBudgetTable)).toBe(false);
});

describe('closingBrace', () => {
  test('finds the brace that closes a prop, past braces and escaped quotes inside its JSON strings', () => {
    const prop = `rows={${JSON.stringify([['a {b}', 'c "}" d'], ['{', '\\']])}} lines={[1, 2]}`;
    const open = prop.indexOf('{');
    const close = closingBrace(prop, open)!;
    expect(prop.slice(close + 1)).toBe(' lines={[1, 2]}');
    expect(JSON.parse(prop.slice(open + 1, close))).toEqual([['a {b}', 'c "}" d'], ['{', '\\']]);
  });

  test('is undefined for a prop that never closes', () => {
    expect(closingBrace('head={[["a", "b"]]', 5)).toBeUndefined();
  });
});
