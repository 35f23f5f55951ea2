import { describe, expect, test } from 'vitest';
import {
  actionAnchors,
  actionStatusLabel,
  anchorOfRef,
  groupActions,
  riskLevel,
  riskMatrix,
  riskRef,
  statusCounts,
  statusSummary,
} from '../../src/model/plan';
import { actionStatuses, planSchema, type Plan } from '../../src/schema';
import { contentGraph } from '../helpers/graph';

const graph = contentGraph();
const plan = (id: string): Plan => {
  const doc = graph.document.get(id);
  if (!doc?.data.plan) throw new Error(`${id} has no plan`);
  return doc.data.plan;
};
const COMMUNITIES = 'leicestershire/scrutiny-commission/2015-04-22/communities-strategy-action-plan/appendix-a';
const YOUTH_JUSTICE_2015 = 'leicestershire/scrutiny-commission/2015-04-22/draft-youth-justice-strategic-plan-2015-16/appendix-1';

describe('status summary of the Communities Strategy action plan', () => {
  const actions = plan(COMMUNITIES).actions;

  test('counts every action once, in the fixed order, complete first', () => {
    const counts = statusCounts(actions);
    expect(counts.map((c) => c.status)).toEqual([...actionStatuses]);
    expect(counts.reduce((n, c) => n + c.count, 0)).toBe(actions.length);
    for (const c of counts) expect(c.count).toBe(actions.filter((a) => a.status === c.status).length);
    expect(counts.find((c) => c.status === 'complete')!.count).toBeGreaterThan(0);
  });

  test('says the counts in words', () => {
    const summary = statusSummary(actions);
    expect(summary.startsWith(`${actions.length} actions: `)).toBe(true);
    for (const c of statusCounts(actions).filter((x) => x.count > 0)) {
      const words = c.status === 'unknown' ? 'with no status given' : c.label.toLowerCase();
      expect(summary).toContain(`${c.count} ${words}`);
    }
  });

  test('every status has a label in words', () => {
    for (const status of actionStatuses) expect(actionStatusLabel[status]).toMatch(/^[A-Z][a-z ]+$/);
  });

  test('reads the edge cases as a person would', () => {
    expect(statusSummary([])).toBe('0 actions.');
    expect(statusSummary([{ ref: '1', text: 'x', status: 'delayed' }])).toBe('1 action: 1 delayed.');
  });
});

describe('action anchors', () => {
  test('the reference printed twice (P2.5) keeps both actions, each with its own anchor', () => {
    const actions = plan(COMMUNITIES).actions;
    const anchors = actionAnchors(actions);
    expect(new Set(anchors).size).toBe(actions.length);
    const twice = actions.flatMap((a, i) => (a.ref === 'P2.5' ? [anchors[i]] : []));
    expect(twice).toEqual(['action-p2-5', 'action-p2-5-2']);
    expect(anchorOfRef(actions, 'P2.5')).toBe('action-p2-5');
    expect(anchorOfRef(actions, 'no such ref')).toBeUndefined();
  });
});

describe('groupActions', () => {
  test('two priorities printed with the number 8 stay together under it, neither renumbered', () => {
    const p = plan(YOUTH_JUSTICE_2015);
    const eights = groupActions(p).filter((g) => g.number === '8');
    expect(eights).toHaveLength(1);
    expect(eights[0]!.priorities).toHaveLength(2);
    expect(groupActions(p).flatMap((g) => g.priorities)).toEqual(p.priorities);
  });

  test('keeps every action exactly once and in printed order within its group', () => {
    const p = plan(COMMUNITIES);
    const grouped = groupActions(p).flatMap((g) => g.actions.map((a) => a.action));
    expect(grouped).toHaveLength(p.actions.length);
    expect(new Set(grouped).size).toBe(p.actions.length);
    for (const g of groupActions(p)) {
      const order = g.actions.map((a) => p.actions.indexOf(a.action));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  test('an action naming an untitled priority gets a group of that number; one with none comes last', () => {
    const p = planSchema.parse({
      priorities: [{ number: '1', title: 'First' }],
      actions: [
        { ref: 'A', text: 'a', priority: '2' },
        { ref: 'B', text: 'b' },
        { ref: 'C', text: 'c', priority: '1' },
      ],
    });
    expect(groupActions(p).map((g) => [g.number, g.actions.map((a) => a.action.ref)])).toEqual([
      ['1', ['C']],
      ['2', ['A']],
      [undefined, ['B']],
    ]);
  });
});

describe('risk matrix of the Youth Justice plan 2015/16', () => {
  const risks = plan(YOUTH_JUSTICE_2015).risks;
  const matrix = riskMatrix(risks);

  test('puts every scored risk in the cell of its printed impact and likelihood', () => {
    expect(risks.length).toBeGreaterThan(0);
    for (const [i, r] of risks.entries()) {
      if (r.impact === undefined || r.likelihood === undefined) continue;
      const row = matrix.likelihoods.indexOf(r.likelihood);
      const cell = matrix.rows[row]!.find((c) => c.impact === r.impact)!;
      expect(cell.risks).toContain(i);
      expect(cell.score).toBe(r.impact * r.likelihood);
    }
    const placed = matrix.rows.flat().flatMap((c) => c.risks);
    expect(placed.length + matrix.unscored.length).toBe(risks.length);
  });

  test('is drawn as risk matrices are: impact 1 to 5 across, likelihood 5 to 1 down', () => {
    expect(matrix.impacts).toEqual([1, 2, 3, 4, 5]);
    expect(matrix.likelihoods).toEqual([5, 4, 3, 2, 1]);
  });

  test('grows to fit a score beyond 5 and lists risks with no scores apart', () => {
    const m = riskMatrix([{ risk: 'a', impact: 6, likelihood: 1 }, { risk: 'b' }]);
    expect(m.impacts).toEqual([1, 2, 3, 4, 5, 6]);
    expect(m.unscored).toEqual([1]);
    expect(riskRef(1)).toBe('R2');
  });

  test('shades by score, lowest to highest', () => {
    expect(riskLevel(1, matrix)).toBe('low');
    expect(riskLevel(9, matrix)).toBe('medium');
    expect(riskLevel(25, matrix)).toBe('high');
  });
});
