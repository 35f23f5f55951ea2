import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { LATEST_MEETINGS, meetingsByYear, minuteAnchor, minuteKey } from '../../src/model/meeting';
import { DIST } from '../helpers/dist';
import { attr, elements, parseHtml, textOf } from '../helpers/html';
import { contentGraph } from '../helpers/graph';

const graph = contentGraph();
const page = (path: string) => {
  const file = join(DIST, path, 'index.html');
  if (!existsSync(file)) throw new Error(`${path} was not built (run npm run build first)`);
  return readFileSync(file, 'utf8');
};
const ids = (html: string) => new Set([...elements(parseHtml(html))].map((e) => attr(e, 'id')).filter(Boolean));

describe('minutes pages', () => {
  test.each(graph.minutes.map((m) => [m.id, m] as const))('%s: every numbered minute and decision has its own anchor', (id, m) => {
    const html = page(`minutes/${id}`);
    const anchors = ids(html);
    for (const item of m.data.items) expect(anchors, `minute ${minuteKey(item)}`).toContain(minuteAnchor(minuteKey(item)));
    for (const d of m.data.decisions) expect(anchors, d.id).toContain(d.id);
    expect(html).toContain(`href="/meetings/${m.data.meeting}/"`);
    if (m.data.confirmedAt) expect(html).toContain(`href="/meetings/${m.data.confirmedAt}/"`);
  });
});

describe('decisions register', () => {
  const html = page('decisions');
  test('lists every decision once, linking to its anchor in the minutes', () => {
    for (const entry of graph.register) {
      expect(html).toContain(`href="/minutes/${entry.minutes.id}/#${entry.decision.id}"`);
    }
    const rows = [...elements(parseHtml(html))].filter((e) => e.tagName === 'tr').length;
    expect(rows).toBe(graph.register.length + 1);
  });

  test('has a static page per year', () => {
    for (const year of new Set(graph.register.map((e) => e.year))) expect(page(`decisions/${year}`)).toContain(`Decisions in ${year}`);
  });
});

describe('meeting pages', () => {
  test.each(graph.meetings.map((m) => [m.id, m] as const))('%s: agenda items have anchors and link their papers', (id, m) => {
    const html = page(`meetings/${id}`);
    const anchors = ids(html);
    for (const item of m.data.agenda) {
      expect(anchors).toContain(`item-${item.number.toLowerCase()}`);
      for (const doc of item.documents) expect(html).toContain(`href="/documents/${doc}/"`);
    }
    expect(html).toMatch(/<time datetime="[^"]+">\w+day \d{1,2} \w+ \d{4}, [\d.]+(am|pm)|12 noon<\/time>/);
  });

  test('private items show their legal reason and no papers', () => {
    const html = page('meetings/leicester/cabinet/2009-07-13');
    const item = [...elements(parseHtml(html))].find((e) => attr(e, 'id') === 'item-12')!;
    expect(textOf(item)).toMatch(/Private item\..*Schedule 12A/s);
    expect([...elements(item)].some((e) => e.tagName === 'a' && attr(e, 'href')?.startsWith('/documents/'))).toBe(false);
  });

  test('index pages by year and by body need no JavaScript', () => {
    const index = page('meetings');
    for (const year of [2009, 2014, 2015, 2023]) expect(index).toContain(`href="/meetings/${year}/"`);
    expect(index).not.toMatch(/<script\b/);
    expect(page('meetings/2015')).toContain('href="/meetings/leicestershire/scrutiny-commission/2015-03-04/"');
  });

  test('the meetings page links every year with its count, and the newest meetings, newest first, up to LATEST_MEETINGS', () => {
    const index = page('meetings');
    for (const { year, meetings } of meetingsByYear(graph.meetings)) expect(index).toMatch(new RegExp(`href="/meetings/${year}/">${year}</a> <span class="meta">– ${meetings.length} meetings?</span>`));
    const shown = [...index.matchAll(/<li><a href="\/meetings\/([^"]+)\/">/g)].map((m) => m[1]).filter((id) => !/^\d{4}$/.test(id!));
    expect(shown).toEqual(graph.meetingsByDate.slice(0, LATEST_MEETINGS).map((m) => m.id));
    expect(shown.length).toBe(Math.min(LATEST_MEETINGS, graph.meetings.length));
  });
});

describe('documents', () => {
  test('a document printed twice shows both printings and what changed', () => {
    const copy = graph.documents.find((d) => d.data.versionOf)!;
    const html = page(`documents/${copy.id}`);
    expect(html).toContain('What changed from the first printing');
    expect(html).toMatch(/<del>.*starter<\/del>/s);
    expect(page(`documents/${copy.data.versionOf}`)).toContain('Printings of this document');
  });

  test('errata and verbatim passages show on the page', () => {
    const withErrata = graph.documents.find((d) => d.data.errata.length > 0)!;
    expect(page(`documents/${withErrata.id}`)).toContain(`Erratum: ${withErrata.data.errata[0]!.subject}`);
    const withVerbatim = graph.documents.find((d) => d.data.review.some((r) => /verbatim/.test(r.reason)))!;
    const html = page(`documents/${withVerbatim.id}`);
    expect(html).toContain('Shown as printed');
    expect(html).toContain('Passages shown exactly as printed');
  });

  test('appendices are listed under their own report', () => {
    const report = 'leicestershire/scrutiny-commission/2015-04-22/communities-strategy-action-plan';
    const html = page(`documents/${report}`);
    expect(html).toContain(`href="/documents/${report}/appendix-a/"`);
    expect(html).toContain(`href="/documents/${report}/appendix-b/"`);
  });

  test('paragraphs have stable anchors', () => {
    const html = page('documents/leicestershire/scrutiny-commission/2015-04-22/east-midlands-shared-service-delivery-and-performance');
    expect(html).toMatch(/<p id="p-[0-9a-f]{7}">/);
  });

  test("an item of a spaced-out list has one paragraph link, its paragraph's, not a second for the item", () => {
    // The Leicester 2009 report lists its roles as a list with blank lines between items: paragraphs inside items.
    const html = page('documents/leicester/cabinet/2009-07-13/safeguarding-adults-summary-of-roles-and-responsibilities');
    expect(html.match(/<li>\s*<p id="p-[0-9a-f]{7}">/g)?.length).toBeGreaterThan(5);
    expect(html).not.toMatch(/<li id="p-[^"]*">\s*<p id=/);
  });
});

describe('people', () => {
  test('a councillor who sat in 2014, 2015 and 2023 has one page listing all three years', () => {
    const html = page('people/leicestershire/s-j-galton');
    for (const date of ['2014-04-30', '2015-03-04', '2015-04-22', '2023-04-12']) {
      expect(html).toContain(`href="/meetings/leicestershire/scrutiny-commission/${date}/"`);
    }
  });
});

describe('calendars and feeds in dist', () => {
  test('every calendar parses', () => {
    for (const id of ['all', ...graph.bodies.map((b) => b.id)]) {
      const text = readFileSync(join(DIST, 'calendar', `${id}.ics`), 'utf8');
      const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
      expect(events.length).toBeGreaterThan(0);
    }
  });

  test('every feed parses as Atom', () => {
    for (const id of ['all', ...graph.bodies.map((b) => b.id)]) {
      const xml = readFileSync(join(DIST, 'feeds', `${id}.xml`), 'utf8');
      const feed = new XMLParser().parse(xml).feed;
      expect(feed.title).toBeTruthy();
      expect(feed.entry).toBeDefined();
    }
  });
});
