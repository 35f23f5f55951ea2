import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { describe, expect, test } from 'vitest';
import { CHART_SIZES, chartConfig, NARROW_CHART_MEDIA } from '../../src/charts/config';
import { CHART_SCALE } from '../../src/charts/render';
import { kpiCsvRows, kpiSeries, selfLabel, toCsv, trendText } from '../../src/model/kpi';
import { openDataNames, openDataSchemas } from '../../src/model/open-data';
import { actionAnchors, actionStatusLabel } from '../../src/model/plan';
import { workshopsOf } from '../../src/model/workshop';
import { paths, withBase } from '../../src/model/url';
import { BASE, DIST, sitePages } from '../helpers/dist';
import { attr, elements, parseHtml, textOf } from '../helpers/html';
import { contentGraph } from '../helpers/graph';

const graph = contentGraph();
const href = (path: string) => withBase(BASE, path);
const file = (path: string) => join(DIST, path.replace(/^\//, ''));
const page = (path: string) => {
  const f = file(path.endsWith('/') ? `${path}index.html` : path);
  if (!existsSync(f)) throw new Error(`${path} was not built (run npm run build first)`);
  return readFileSync(f, 'utf8');
};
const text = (html: string) => decodeHTML(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
const links = (html: string) => new Set([...elements(parseHtml(html))].filter((e) => e.tagName === 'a').map((e) => attr(e, 'href')));

describe('strategy, plan and action plan pages', () => {
  test('there is one for every strategy, plan and action plan in the content', () => {
    expect(graph.strategies.length).toBeGreaterThan(0);
    for (const s of graph.strategies) expect(existsSync(file(`${paths.strategy(s.id)}index.html`)), s.id).toBe(true);
  });

  test.each(graph.strategies.map((s) => [s.id, s] as const))('%s: title, status, meeting, parent strategy and errata', (_, s) => {
    const html = page(paths.strategy(s.id));
    const words = text(html);
    const d = s.data;
    expect(words).toContain(d.title);
    expect(words).toMatch(/Status (Draft|Final|To follow|Exempt|Withdrawn)/);
    if (d.plan?.period) expect(words).toContain(`Period ${d.plan.period}`);
    if (d.meeting) expect(links(html)).toContain(href(paths.meeting(d.meeting)));
    expect(links(html)).toContain(href(paths.document(s.id)));
    const parent = d.plan?.parentStrategy;
    if (parent) expect(links(html)).toContain(href(graph.strategies.some((x) => x.id === parent) ? paths.strategy(parent) : paths.document(parent)));
    for (const e of d.errata) expect(words).toContain(`Erratum: ${e.subject}.`);
  });

  test.each(graph.strategies.filter((s) => (s.data.plan?.actions.length ?? 0) > 0).map((s) => [s.id, s] as const))(
    '%s: lists every action with its reference and its status in words',
    (_, s) => {
      const actions = s.data.plan!.actions;
      const anchors = actionAnchors(actions);
      const rows = new Map([...elements(parseHtml(page(paths.strategy(s.id))))].filter((e) => e.tagName === 'tr').map((tr) => [attr(tr, 'id'), text(textOf(tr))]));
      for (const [i, a] of actions.entries()) {
        const row = rows.get(anchors[i]);
        expect(row, a.ref).toBeDefined();
        expect(row).toContain(a.ref);
        expect(row).toContain(actionStatusLabel[a.status]);
      }
    },
  );

  test('the 2015 Communities Strategy action plan names the 2014-18 Strategic Plan as its parent', () => {
    const plan = graph.strategies.find((s) => /communities strategy/i.test(s.data.title))!;
    const parent = graph.document.get(plan.data.plan!.parentStrategy!)!;
    expect(parent.data.title).toMatch(/Strategic Plan 2014-18/);
    expect(links(page(paths.strategy(plan.id)))).toContain(href(paths.strategy(parent.id)));
    expect(links(page(paths.strategy(parent.id)))).toContain(href(paths.strategy(plan.id)));
  });

  test('risk registers are shown as a table and as an impact by likelihood grid', () => {
    const withRisks = graph.strategies.filter((s) => (s.data.plan?.risks.length ?? 0) > 0);
    expect(withRisks.length).toBeGreaterThan(0);
    for (const s of withRisks) {
      const tables = [...elements(parseHtml(page(paths.strategy(s.id))))].filter((e) => e.tagName === 'table');
      const captions = tables.map((t) => textOf([...elements(t)].find((e) => e.tagName === 'caption')!));
      expect(captions).toContain('Risk register');
      const matrix = tables.find((t) => attr(t, 'class')?.split(' ').includes('risk-matrix'));
      expect(matrix).toBeDefined();
      const placed = [...elements(matrix!)].filter((e) => e.tagName === 'a').map((a) => textOf(a));
      expect(placed).toEqual(expect.arrayContaining(s.data.plan!.risks.flatMap((r, i) => (r.impact && r.likelihood ? [`R${i + 1}`] : []))));
    }
  });
});

describe('KPI pages', () => {
  test.each(graph.kpis.map((k) => [k.id, k] as const))('%s: a page with tables, a chart with its trend in words, and a CSV', (id, k) => {
    const html = page(paths.kpi(id));
    const doc = parseHtml(html);
    const tables = [...elements(doc)].filter((e) => e.tagName === 'table');
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) expect([...elements(t)].some((e) => e.tagName === 'caption')).toBe(true);
    const img = [...elements(doc)].find((e) => e.tagName === 'img' && attr(e, 'src') === href(paths.kpiChart(id)));
    expect(img).toBeDefined();
    const self = selfLabel(graph.council.get(k.data.council)?.data);
    expect(decodeHTML(attr(img!, 'alt') ?? '')).toBe(trendText(k.data, kpiSeries(k.data), self));
    expect(links(html)).toContain(href(paths.kpiCsv(id)));
    expect(links(html)).toContain(href(paths.kpiInteractive(id)));

    const source = [...elements(doc)].find((e) => e.tagName === 'source' && attr(e, 'srcset') === href(paths.kpiChartNarrow(id)));
    expect(attr(source!, 'media')).toBe(NARROW_CHART_MEDIA);
    for (const [layout, path] of [['wide', paths.kpiChart(id)], ['narrow', paths.kpiChartNarrow(id)]] as const) {
      const png = readFileSync(file(path));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      const { width, height } = CHART_SIZES[layout];
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Math.round(width * CHART_SCALE[layout]), Math.round(height * CHART_SCALE[layout])]);
      expect(png.length).toBeGreaterThan(2_000);
    }

    expect(readFileSync(file(paths.kpiCsv(id)), 'utf8')).toBe(toCsv(kpiCsvRows(id, k.data)));
  });

  test('the Youth Justice series show both plan editions, the definition change stated where the line breaks', () => {
    const series = graph.kpis.filter((k) => k.id.startsWith('leicestershire/youth-justice-') && k.data.editions.length > 1);
    expect(series.length).toBeGreaterThan(0);
    for (const k of series) {
      const words = text(page(paths.kpi(k.id)));
      const [first, second] = k.data.editions;
      const firstTable = words.indexOf(`${first!.name}: ${first!.edition} edition, in`);
      const note = words.indexOf('Definition changed.');
      const secondTable = words.indexOf(`${second!.name}: ${second!.edition} edition, in`);
      expect(firstTable).toBeGreaterThan(-1);
      expect(note).toBeGreaterThan(firstTable);
      expect(secondTable).toBeGreaterThan(note);
      expect(kpiSeries(k.data).changes).toHaveLength(1);
    }
  });

  test('the interactive page carries the same chart configuration the PNG was drawn from', () => {
    for (const k of graph.kpis) {
      const canvas = [...elements(parseHtml(page(paths.kpiInteractive(k.id))))].find((e) => e.tagName === 'canvas')!;
      const self = selfLabel(graph.council.get(k.data.council)?.data);
      expect(JSON.parse(attr(canvas, 'data-chart')!)).toEqual(JSON.parse(JSON.stringify(chartConfig(k.data, kpiSeries(k.data), self))));
    }
  });
});

describe('workshops', () => {
  const groups = [...new Set(graph.workshops.map((w) => w.data.strategy))];

  test('every workshop has a page that links to its strategy and to the actions it gave rise to', () => {
    expect(graph.workshops.length).toBeGreaterThan(0);
    for (const w of graph.workshops) {
      const html = page(paths.workshop(w.id));
      expect(text(html)).toContain(w.data.title);
      const strategy = graph.document.get(w.data.strategy)!;
      const strategyPath = graph.strategies.includes(strategy) ? paths.strategy(strategy.id) : paths.document(strategy.id);
      expect(links(html)).toContain(href(strategyPath));
      const actions = strategy.data.plan?.actions ?? [];
      const anchors = actionAnchors(actions);
      for (const ref of w.data.actions) {
        const i = actions.findIndex((a) => a.ref === ref);
        if (i >= 0) expect(links(html)).toContain(`${href(strategyPath)}#${anchors[i]}`);
        else expect(text(html)).toContain(`${ref} (the action plan has no action with this reference)`);
      }
    }
  });

  test.each(groups)('%s: a summary page lists each of its workshops', (strategyId) => {
    const html = page(paths.strategyWorkshops(strategyId));
    for (const w of workshopsOf(graph, strategyId)) expect(links(html)).toContain(href(paths.workshop(w.id)));
  });
});

describe('no JavaScript unless the reader asks for it', () => {
  const reading = sitePages().filter((p) => /^\/(strategies|kpis|workshops|data)\//.test(p.path) && !p.path.endsWith('/interactive/'));

  test('strategy, KPI, workshop and open data pages ship no script at all', () => {
    expect(reading.length).toBeGreaterThan(graph.strategies.length + graph.kpis.length);
    for (const p of reading) expect(readFileSync(p.file, 'utf8'), p.path).not.toMatch(/<script\b/i);
  });

  test('the interactive chart page loads one bundled module, and nothing inline', () => {
    for (const k of graph.kpis) {
      const scripts = [...elements(parseHtml(page(paths.kpiInteractive(k.id))))].filter((e) => e.tagName === 'script');
      expect(scripts).toHaveLength(1);
      expect(attr(scripts[0]!, 'type')).toBe('module');
      expect(textOf(scripts[0]!).trim()).toBe('');
      expect(existsSync(file(attr(scripts[0]!, 'src')!.slice(BASE.length - 1)))).toBe(true);
    }
  });
});

describe('open data', () => {
  test.each(openDataNames)('/data/%s.json passes its schema, and /data/schema/%s.json is a JSON Schema', (name) => {
    const data = JSON.parse(readFileSync(file(paths.dataFile(name)), 'utf8'));
    expect(openDataSchemas[name].safeParse(data).success).toBe(true);
    const schema = JSON.parse(readFileSync(file(paths.dataSchema(name)), 'utf8'));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(data.$schema).toBe(schema.$id);
  });
});
