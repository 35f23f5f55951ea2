import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { follow, historyPath, NOT_REPORTED, type Elsewhere, type HistoryLink } from '../../src/model/follow';
import { paths } from '../../src/model/url';
import { itemAnchor } from '../../src/model/meeting';
import { DIST } from '../helpers/dist';
import { attr, elements, parseHtml, textOf, type Element } from '../helpers/html';
import { contentGraph } from '../helpers/graph';

const graph = contentGraph();
const { returning, histories, followUps } = follow(graph);
const page = (path: string): Element[] => {
  const file = join(DIST, path.replace(/#.*$/, ''), 'index.html');
  if (!existsSync(file)) throw new Error(`${path} was not built (run npm run build first)`);
  return [...elements(parseHtml(readFileSync(file, 'utf8')))];
};
const hrefsIn = (els: Iterable<Element>) => [...els].filter((e) => e.tagName === 'a').map((a) => attr(a, 'href'));

describe('an item followed across meetings', () => {
  const earlierPaths = (elsewhere: Elsewhere[]) => elsewhere.filter((e) => e.when === 'earlier').map((e) => e.appearance.path);
  const historyOn = (h: HistoryLink) => page(historyPath(h)).find((e) => attr(e, 'id') === h.id && e.tagName === 'h2');

  test('each paper that returns names its earlier editions and links to its history, which lists every edition', () => {
    expect(returning.document.size).toBeGreaterThan(0);
    for (const [id, elsewhere] of returning.document) {
      const section = page(`documents/${id}`).find((e) => attr(e, 'class') === 'also-considered')!;
      expect(textOf(section)).toContain('At other meetings');
      const links = histories.of.document.get(id)!;
      expect(hrefsIn(elements(section))).toEqual([...earlierPaths(elsewhere), ...links.map(historyPath)]);
      if (earlierPaths(elsewhere).length > 0) expect(textOf(section)).toMatch(/Linked on the same title/);
      for (const h of links) {
        const heading = historyOn(h);
        expect(heading, historyPath(h)).toBeDefined();
        const listed = hrefsIn(elements(page(historyPath(h)).find((e) => e.tagName === 'section' && attr(e, 'aria-labelledby') === h.id)!));
        for (const path of [`/documents/${id}/`, ...elsewhere.map((e) => e.appearance.path)]) expect(listed, path).toContain(path);
      }
    }
  });

  test('each agenda item that returns lists the earlier meetings under it and links to its history', () => {
    expect(returning.agenda.size).toBeGreaterThan(0);
    for (const [key, elsewhere] of returning.agenda) {
      const [meeting, number] = key.split('#') as [string, string];
      const item = page(`meetings/${meeting}`).find((e) => attr(e, 'id') === itemAnchor(number))!;
      const list = [...elements(item)].find((e) => attr(e, 'class') === 'also-considered')!;
      expect(hrefsIn(elements(list))).toEqual([...earlierPaths(elsewhere), ...histories.of.agenda.get(key)!.map(historyPath)]);
      expect(textOf(list)).toContain('Every meeting that considered it');
    }
  });

  test("each council's page links to its items page, whose items are in order of title", () => {
    for (const council of graph.councils) {
      expect(hrefsIn(page(`councils/${council.id}`))).toContain(paths.items(council.id));
      const titles = page(paths.items(council.id)).filter((e) => e.tagName === 'h2').map(textOf);
      expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en')));
      expect(titles.length).toBe([...histories.all.values()].filter((h) => h.council === council.id).length);
    }
  });
});

describe("the register's follow-up column", () => {
  const rows = page('decisions').filter((e) => e.tagName === 'tr').slice(1);

  test('says plainly when no later source published here reports on a decision, and never "None recorded"', () => {
    expect(rows).toHaveLength(graph.register.length);
    graph.register.forEach((entry, i) => {
      const cell = [...elements(rows[i]!)].filter((e) => e.tagName === 'td').at(-1)!;
      const links = followUps.get(`${entry.minutes.id}#${entry.decision.id}`) ?? [];
      expect(textOf(cell)).not.toContain('None recorded');
      if (links.length === 0 && entry.decision.followUps.length === 0) expect(textOf(cell).trim()).toBe(NOT_REPORTED);
      for (const link of links) expect(hrefsIn(elements(cell))).toContain(link.path);
    });
  });

  test('the page says what the follow-up column is based on', () => {
    const note = page('decisions').find((e) => e.tagName === 'p' && textOf(e).startsWith('Follow-up:'))!;
    expect(textOf(note)).toMatch(/cites the decision's minute number and its meeting's date.*tracker.*repeats the decision's words/);
  });
});

describe('votes pages', () => {
  test('no seed minutes record a vote, so no seed meeting has a votes page or links to one', () => {
    for (const m of graph.meetings) {
      expect(existsSync(join(DIST, 'meetings', m.id, 'votes', 'index.html')), m.id).toBe(false);
      expect(hrefsIn(page(`meetings/${m.id}`))).not.toContain(`/meetings/${m.id}/votes/`);
    }
  });
});
