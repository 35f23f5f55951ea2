import { describe, expect, test } from 'vitest';
import { openDataFile, openDataJsonSchema, openDataNames, openDataSchemas } from '../../src/model/open-data';
import { linker } from '../../src/model/url';
import { contentGraph } from '../helpers/graph';

const graph = contentGraph();
const to = linker(new URL('https://council.example'), '/archive/');

describe('open data files', () => {
  test.each(openDataNames)('%s.json names its schema and passes it', (name) => {
    const data = openDataFile(graph, name, to) as { $schema: string; items: unknown[] };
    expect(data.$schema).toBe(`https://council.example/archive/data/schema/${name}.json`);
    expect(openDataSchemas[name].safeParse(JSON.parse(JSON.stringify(data))).success).toBe(true);
  });

  test('every strategy, KPI and workshop is there once, with its page address', () => {
    const ids = (name: 'strategies' | 'kpis' | 'workshops') =>
      (openDataFile(graph, name, to) as { items: Array<{ id: string; url: string }> }).items;
    expect(ids('strategies').map((s) => s.id)).toEqual(graph.strategies.map((s) => s.id));
    expect(ids('kpis').map((k) => k.id)).toEqual(graph.kpis.map((k) => k.id));
    expect(ids('workshops').map((w) => w.id)).toEqual(graph.workshops.map((w) => w.id));
    const kpi = ids('kpis')[0]!;
    expect(kpi.url).toBe(`https://council.example/archive/kpis/${kpi.id}/`);
  });

  test('every action of every plan, each linked to its own row on the strategy page', () => {
    const { items } = openDataFile(graph, 'actions', to) as { items: Array<{ strategy: string; ref: string; url: string }> };
    const total = graph.strategies.reduce((n, s) => n + (s.data.plan?.actions.length ?? 0), 0);
    expect(items).toHaveLength(total);
    expect(new Set(items.map((a) => a.url)).size).toBe(total);
    for (const a of items) expect(a.url).toMatch(new RegExp(`^https://council\\.example/archive/strategies/${a.strategy}/#action-`));
  });
});

describe('JSON Schemas', () => {
  test.each(openDataNames)('%s: generated from the Zod schema, with its own address', (name) => {
    const schema = openDataJsonSchema(name, to) as {
      $schema: string;
      $id: string;
      required: string[];
      properties: { items: { type: string; items: { required: string[] } } };
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(`https://council.example/archive/data/schema/${name}.json`);
    expect(schema.required).toEqual(expect.arrayContaining(['$schema', 'items']));
    expect(schema.properties.items.type).toBe('array');
    expect(schema.properties.items.items.required.length).toBeGreaterThan(2);
  });
});
