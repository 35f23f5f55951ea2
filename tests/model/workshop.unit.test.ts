import { describe, expect, test } from 'vitest';
import { actionsArising, mergeErrata, workshopErrata, workshopGroups, workshopsByRef } from '../../src/model/workshop';
import { workshopSchema } from '../../src/schema';
import { contentGraph } from '../helpers/graph';

const graph = contentGraph();
const COMMUNITIES = 'leicestershire/scrutiny-commission/2015-04-22/communities-strategy-action-plan/appendix-a';

describe('the Communities Strategy workshops', () => {
  test('are grouped under the action plan, in the order the report lists them', () => {
    const group = workshopGroups(graph).find((g) => g.strategy.id === COMMUNITIES)!;
    expect(group.workshops.length).toBe(graph.workshops.filter((w) => w.data.strategy === COMMUNITIES).length);
    expect(group.workshops.length).toBeGreaterThanOrEqual(7);
    const numbers = group.workshops.map((w) => Number(/(\d+)$/.exec(w.id)?.[1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  test('carry the report’s miscount of them ("six" workshops when it lists seven), each place kept', () => {
    const errata = workshopErrata(graph, COMMUNITIES);
    const report = graph.document.get(graph.document.get(COMMUNITIES)!.data.parent!)!;
    const counts = report.data.errata.filter((e) => /number of workshops/i.test(e.subject));
    expect(counts.length).toBeGreaterThan(0);
    expect(errata).toEqual(expect.arrayContaining(counts));
    const merged = mergeErrata(errata);
    expect(merged.length).toBeLessThan(errata.length);
    expect(merged.flatMap((m) => m.subjects).sort()).toEqual(errata.map((e) => e.subject).sort());
  });
});

describe('actions arising', () => {
  const plan = graph.document.get(COMMUNITIES)!.data;
  const workshop = (actions: string[]) =>
    workshopSchema.parse({ strategy: COMMUNITIES, title: 'A workshop', actions, source: { pack: 'p' } });

  test('are found in the action plan, the first of a reference printed twice taking the plain anchor', () => {
    const [first, twice, missing] = actionsArising(workshop(['P1.1', 'P2.5', 'P9.9']), plan);
    expect(first).toMatchObject({ ref: 'P1.1', anchor: 'action-p1-1' });
    expect(first!.action?.text).toMatch(/emergency welfare provision/);
    expect(twice).toMatchObject({ ref: 'P2.5', anchor: 'action-p2-5' });
    expect(missing).toEqual({ ref: 'P9.9', action: undefined, anchor: undefined });
  });

  test('link back from each action to the workshops that gave rise to it', () => {
    const a = { id: 'a', data: workshop(['P1.1', 'P1.1', 'P1.2']) };
    const b = { id: 'b', data: workshop(['P1.2']) };
    const byRef = workshopsByRef([a, b]);
    expect(byRef.get('P1.1')).toEqual([a]);
    expect(byRef.get('P1.2')).toEqual([a, b]);
  });
});
