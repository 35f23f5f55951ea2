import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { csvNames, dataDownloads, openDataJson, openDataNames } from '../../src/model/open-data';
import { fileSize } from '../../src/model/source';
import { linker, paths, withBase } from '../../src/model/url';
import { parseCsv } from '../helpers/csv';
import { BASE, DIST, SITE } from '../helpers/dist';
import { contentGraph } from '../helpers/graph';
import { attr, elements, parseHtml, textOf, type Element } from '../helpers/html';
import { schemaErrors } from '../helpers/json-schema';

const graph = contentGraph();
const file = (path: string) => join(DIST, path.replace(/^\//, ''));
const read = (path: string) => {
  const f = file(path.endsWith('/') ? `${path}index.html` : path);
  if (!existsSync(f)) throw new Error(`${path} was not built (run npm run build first)`);
  return readFileSync(f, 'utf8');
};
/** A link's site path, without the deploy base. */
const sitePath = (href: string) => `/${href.slice(BASE.length)}`;
const anchors = (node: Element): Element[] => [...elements(node)].filter((e) => e.tagName === 'a');

describe('/data/', () => {
  const rows = [...elements(parseHtml(read(paths.openData())))].filter((e) => e.tagName === 'tr').slice(1);

  test('lists every file once, with what it holds, its schema and its size as built', () => {
    expect(rows.map((r) => textOf([...elements(r)].find((e) => e.tagName === 'th')!).trim())).toEqual(dataDownloads.map((d) => d.file));
    for (const [i, d] of dataDownloads.entries()) {
      const cells = [...elements(rows[i]!)].filter((e) => e.tagName === 'td');
      expect(textOf(cells[0]!).trim().length).toBeGreaterThan(20);
      expect(textOf(cells[2]!).trim()).toBe(fileSize(statSync(file(d.path)).size));
    }
  });

  test('every file and schema it links to was built and parses; each JSON file passes its schema', () => {
    const hrefs = rows.flatMap((r) => anchors(r).map((a) => attr(a, 'href')!)).filter((h) => !h.startsWith('#'));
    expect(hrefs).toHaveLength(dataDownloads.length + openDataNames.length);
    for (const href of hrefs) {
      const text = read(sitePath(href));
      if (href.endsWith('.csv')) expect(parseCsv(text).length).toBeGreaterThan(0);
      else JSON.parse(text);
    }
    for (const name of openDataNames) {
      const data = JSON.parse(read(paths.dataFile(name)));
      const schema = JSON.parse(read(paths.dataSchema(name)));
      expect(data.$schema).toBe(schema.$id);
      expect(schemaErrors(schema, data), name).toEqual([]);
    }
  });

  test('the files are those the content gives, with addresses under the site and base path', () => {
    const to = linker(new URL(SITE), BASE);
    // The same records; Astro may load a collection's entries in another order than the test's reader does.
    const records = (text: string) => (JSON.parse(text).items as unknown[]).map((r) => JSON.stringify(r)).sort();
    for (const name of openDataNames) expect(records(read(paths.dataFile(name))), name).toEqual(records(openDataJson(graph, name, to)));
    const meetings = JSON.parse(read(paths.dataFile('meetings'))).items as Array<{ url: string }>;
    expect(meetings).toHaveLength(graph.meetings.length);
    for (const m of meetings) expect(m.url.startsWith(new URL(withBase(BASE, '/meetings/'), SITE).href)).toBe(true);
  });

  test.each(csvNames)('%s.csv reads back to one row per record of the JSON file, with the same ids', (name) => {
    const rows = parseCsv(read(paths.dataCsv(name)));
    const items = JSON.parse(read(paths.dataFile(name))).items as Array<{ id: string }>;
    expect(rows).toHaveLength(items.length + 1);
    expect(rows.slice(1).map((r) => r[rows[0]!.indexOf('id')])).toEqual(items.map((i) => i.id));
  });
});

describe('"Download this as data" on each kind of page', () => {
  const body = graph.bodies[0]!;
  const minutes = [...graph.minutesOf.values()][0]!;
  const pages: Array<[string, string, string | undefined]> = [
    ['meeting', paths.meeting(minutes.data.meeting), minutes.data.meeting],
    ['minutes', paths.minutes(minutes.id), minutes.id],
    ['decisions register', paths.decisions(), undefined],
    ['person', paths.person(graph.people[0]!.id), graph.people[0]!.id],
    ['body', paths.body(body.id), body.id],
    ['strategy', paths.strategy(graph.strategies[0]!.id), graph.strategies[0]!.id],
    ['KPI', paths.kpi(graph.kpis[0]!.id), graph.kpis[0]!.id],
  ];

  test.each(pages)('a %s page links the files that hold it, and gives its id in them', (_, path, id) => {
    const html = read(path);
    const line = [...elements(parseHtml(html))].find((e) => e.tagName === 'p' && textOf(e).includes('Download this as data'));
    expect(line, path).toBeDefined();
    const links = anchors(line!).map((a) => sitePath(attr(a, 'href')!));
    expect(links.filter((l) => l !== paths.openData()).length).toBeGreaterThan(0);
    for (const l of links) expect(existsSync(file(l.endsWith('/') ? `${l}index.html` : l)), l).toBe(true);
    if (id) {
      expect(textOf(line!)).toContain(id);
      // The id given is one the linked JSON files hold.
      const json = links.filter((l) => l.endsWith('.json')).map((l) => read(l));
      expect(json.some((t) => t.includes(`"id": "${id}"`) || t.includes(`_id": "${id}"`))).toBe(true);
    }
  });
});
