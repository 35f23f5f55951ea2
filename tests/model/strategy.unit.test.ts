import { describe, expect, test } from 'vitest';
import { priorityLabel, strategyView } from '../../src/model/strategy';
import { paths } from '../../src/model/url';
import { contentGraph } from '../helpers/graph';

const graph = contentGraph();
const view = (id: string) => {
  const doc = graph.document.get(id);
  if (!doc) throw new Error(`no document ${id}`);
  return strategyView(graph, doc);
};
const COMMUNITIES = 'leicestershire/scrutiny-commission/2015-04-22/communities-strategy-action-plan/appendix-a';
const YOUTH_JUSTICE_2015 = 'leicestershire/scrutiny-commission/2015-04-22/draft-youth-justice-strategic-plan-2015-16/appendix-1';
const WAYS_OF_WORKING = 'leicestershire/scrutiny-commission/2023-04-12/corporate-ways-of-working-programme-update';

describe('the Communities Strategy action plan', () => {
  const v = view(COMMUNITIES);
  const actions = v.actions?.kind === 'actions' ? v.actions : undefined;
  const rows = actions?.groups.flatMap((g) => g.table.rows) ?? [];

  test('says what it is, whose it is and where it was considered', () => {
    expect(v.title).toBe('Draft Communities Strategy Action Plan');
    expect(v.kind).toBe('Action plan');
    expect(v.kindInText).toBe('action plan');
    expect(v.statusLabel).toBe('Draft');
    expect(v.council).toEqual({ to: paths.council('leicestershire'), text: 'Leicestershire County Council' });
    expect(v.consideredAt).toMatchObject({ to: paths.meeting('leicestershire/scrutiny-commission/2015-04-22'), item: '9' });
    expect(v.report).toMatchObject({ to: paths.document(COMMUNITIES.replace(/\/appendix-a$/, '')), appendix: 'A' });
    expect(v.fullText).toBe(paths.document(COMMUNITIES));
    expect(v.source?.place).toBe('lines 833–930 of the source text');
  });

  test('links its parent strategy to the page the site has for it', () => {
    const parent = 'leicestershire/scrutiny-commission/2014-04-30/county-council-strategic-plan-and-transformation-programme/appendix-1';
    const hasPage = graph.strategies.some((s) => s.id === parent);
    expect(v.parentStrategy?.to).toBe(hasPage ? paths.strategy(parent) : paths.document(parent));
  });

  test('shows every one of its 71 actions once, under the 11 priorities and their counts by status', () => {
    expect(actions).toBeDefined();
    expect(rows).toHaveLength(71);
    expect(actions!.summary).toMatch(/^71 actions: /);
    expect(actions!.counts.reduce((n, c) => n + c.count, 0)).toBe(71);
    expect(actions!.counts.every((c) => c.count > 0)).toBe(true);
    expect(actions!.groups).toHaveLength(11);
    expect(new Set(rows.map((r) => r.anchor)).size).toBe(71);
  });

  test('heads each group with its priority, and names its table after it', () => {
    const first = actions!.groups[0]!;
    expect(first.heading).toBe('Priority 1: Unlock community capacity to tackle vulnerability');
    expect(first.table.label).toBe('Actions: Priority 1');
    expect(first.table.caption).toBe('Actions under Priority 1');
    const bb1 = actions!.groups.find((g) => g.table.label === 'Actions: BB.1')!;
    expect(bb1.heading).toBe('BB.1: Communities understand needs and priorities');
  });

  test('keeps both actions printed as P2.5, each with its own anchor', () => {
    const twice = rows.filter((r) => r.ref === 'P2.5');
    expect(twice.map((r) => r.anchor)).toEqual(['action-p2-5', 'action-p2-5-2']);
  });

  test('links an action to the workshops it came from', () => {
    const p15 = rows.find((r) => r.ref === 'P1.5')!;
    const workshops = `${COMMUNITIES}/workshop`;
    expect(p15.workshops.map((w) => w.to)).toEqual([paths.workshop(`${workshops}-1`), paths.workshop(`${workshops}-2`)]);
    expect(p15.workshops[1]!.text).toBe('How can I help and support older people in my community?');
    expect(rows.find((r) => r.ref === 'P1.1')!.workshops).toEqual([]);
  });

  test('counts its workshops and its errata in words', () => {
    expect(v.workshops?.held).toBe('7 consultation workshops were held');
    expect(v.workshops?.summary).toBe(paths.strategyWorkshops(COMMUNITIES));
    expect(v.workshops?.list).toHaveLength(7);
    expect(v.errataPlaces).toBe('1 place');
  });

  test('has no risk register, so no grid', () => {
    expect(v.risks).toEqual([]);
    expect(v.riskGrid).toBeUndefined();
    expect(v.unscored).toBeUndefined();
  });
});

describe('the Youth Justice plan of 2015/16', () => {
  const v = view(YOUTH_JUSTICE_2015);

  test('lists its priorities, since no action was read, and says where two share a number', () => {
    expect(v.actions?.kind).toBe('priorities');
    if (v.actions?.kind !== 'priorities') return;
    expect(v.actions.priorities).toHaveLength(10);
    expect(v.actions.priorities[0]!.label).toBe('Priority 1');
    expect(v.actions.sharedNumbers).toEqual(['The plan gives 2 priorities the number 8.']);
  });

  test('shows its 4 risks, scored, on the grid that links to them', () => {
    expect(v.risks.map((r) => r.ref)).toEqual(['R1', 'R2', 'R3', 'R4']);
    expect(v.risks.map((r) => r.anchor)).toEqual(['risk-r1', 'risk-r2', 'risk-r3', 'risk-r4']);
    expect(v.risks.map((r) => r.score)).toEqual([4, 4, 4, 3]);
    const grid = v.riskGrid!;
    expect(grid.impacts).toEqual(['Impact 1', 'Impact 2', 'Impact 3', 'Impact 4', 'Impact 5']);
    expect(grid.rows.map((r) => r.likelihood)).toEqual(['Likelihood 5', 'Likelihood 4', 'Likelihood 3', 'Likelihood 2', 'Likelihood 1']);
    const cell = (likelihood: number, impact: number) => grid.rows[5 - likelihood]!.cells[impact - 1]!;
    expect(cell(2, 2).risks.map((r) => r.anchor)).toEqual(['risk-r1', 'risk-r2', 'risk-r3']);
    expect(cell(1, 3).risks.map((r) => r.ref)).toEqual(['R4']);
    expect(cell(5, 5).level).toBe('high');
    expect(cell(1, 1).level).toBe('low');
    expect(v.unscored).toBeUndefined();
  });

  test('lists the other editions of its series, and the KPIs it reports', () => {
    expect(v.editions.length).toBeGreaterThan(0);
    for (const e of v.editions) expect(e.to).toMatch(/^\/strategies\/.+\/$/);
    expect(v.kpis.slice(0, 3)).toEqual([
      'leicestershire/youth-justice-first-time-entrants',
      'leicestershire/youth-justice-reoffending',
      'leicestershire/youth-justice-custody',
    ]);
    expect(v.follow?.name).toBe('every edition of this plan');
  });
});

test('a register with no scores gives no grid, and names every risk as off it', () => {
  const v = view(WAYS_OF_WORKING);
  expect(v.risks.length).toBeGreaterThan(1);
  expect(v.riskGrid).toBeUndefined();
  expect(v.unscored).toBe(v.risks.map((r) => r.ref).join(', '));
});

test('a priority printed with a number reads "Priority n"; one printed with a code keeps it', () => {
  expect(priorityLabel('3')).toBe('Priority 3');
  expect(priorityLabel('BB.4')).toBe('BB.4');
  expect(priorityLabel(undefined)).toBe('Priority');
});
