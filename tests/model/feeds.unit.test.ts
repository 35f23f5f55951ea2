import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { decisionsFeed, documentTopics, FEED_ENTRIES, feedPaths, personFeed, topicDecisions, topicFeed, topicOf, topicPaths } from '../../src/model/feeds';
import { buildGraph, type Graph } from '../../src/model/graph';
import { minuteAnchor } from '../../src/model/meeting';
import { paths } from '../../src/model/url';
import { PARISH_FIXTURE } from '../helpers/fixture-site';
import { contentGraph } from '../helpers/graph';

const seed = contentGraph();
const parish = contentGraph(PARISH_FIXTURE);
const SITE = 'https://example.org/council/';
const url = (path: string) => new URL(path.slice(1), SITE).href;

interface AtomEntry {
  title: string;
  id: string;
  link: { '@_href': string };
  updated: string;
  summary?: string | undefined;
}

/** The feed's title, self link and entries, read back from the Atom text. */
function read(xml: string): { title: string; id: string; self: string; entries: AtomEntry[] } {
  // Titles and summaries come as `type="html"` elements: their text is what a reader shows.
  const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, textNodeName: '#text', alwaysCreateTextNode: false });
  const feed = parser.parse(xml).feed;
  const text = (v: unknown) => (v !== null && typeof v === 'object' ? (v as { '#text': string })['#text'] : (v as string | undefined));
  const links = [feed.link].flat() as Array<{ '@_rel'?: string; '@_href': string }>;
  return {
    title: text(feed.title)!,
    id: feed.id,
    self: links.find((l) => l['@_rel'] === 'self')!['@_href'],
    entries: (feed.entry === undefined ? [] : [feed.entry].flat()).map((e: AtomEntry) => ({ ...e, title: text(e.title)!, summary: text(e.summary) })),
  };
}

const newestFirst = (entries: AtomEntry[]) => {
  const times = entries.map((e) => Date.parse(e.updated));
  return times.every((t, i) => i === 0 || t <= times[i - 1]!);
};

afterEach(() => vi.useRealTimers());

describe('a person feed', () => {
  test('lists each meeting a councillor is named at and each interest they declared, newest first, linking their pages', () => {
    const id = 'leicestershire/m-j-hunt';
    const feed = read(personFeed(seed, id, url));
    expect(feed.self).toBe('https://example.org/council/feeds/people/leicestershire/m-j-hunt.xml');
    expect(feed.title).toContain(seed.person.get(id)!.data.name);
    const meetings = new Set(seed.appearances.get(id)!.map((a) => a.meeting.id));
    const declarations = seed.declarations.get(id)!;
    expect(feed.entries).toHaveLength(meetings.size + declarations.length);
    expect(newestFirst(feed.entries)).toBe(true);
    for (const m of meetings) expect(feed.entries.some((e) => e.link['@_href'] === url(paths.meeting(m)))).toBe(true);
    for (const { declaration, minutes } of declarations) {
      const link = `${url(paths.minutes(minutes.id))}#${minuteAnchor(declaration.minute)}`;
      const entry = feed.entries.find((e) => e.link['@_href'] === link && e.summary === declaration.interest);
      expect(entry?.title).toMatch(/^Declared an interest: /);
    }
    expect(new Set(feed.entries.map((e) => e.id)).size).toBe(feed.entries.length);
  });

  test('lists the decisions a parish councillor moved and the recorded votes they are named in', () => {
    const id = 'milburn/p-moran';
    const feed = read(personFeed(parish, id, url));
    const minutes = 'https://example.org/council/minutes/milburn/parish-council/2018-11-06/';
    const moved = parish.motions.get(id)!.filter((m) => m.role === 'moved');
    expect(moved.length).toBeGreaterThan(0);
    for (const { entry } of moved) {
      const item = feed.entries.find((e) => e.link['@_href'] === `${minutes}#${entry.decision.id}` && e.title.startsWith('Moved a decision'));
      expect(item?.summary).toContain(entry.decision.text);
    }
    const votes = parish.votes.get(id)!;
    expect(votes.length).toBeGreaterThan(0);
    for (const v of votes) expect(feed.entries.some((e) => e.link['@_href'] === `${minutes}#${v.vote.id}` && /^Voted for: /.test(e.title))).toBe(true);
    expect(feed.entries.some((e) => e.link['@_href'] === url(paths.meeting('milburn/parish-council/2018-11-06')))).toBe(true);
  });

  test('is the same text whenever it is built: no date comes from the build machine’s clock', () => {
    const quiet = seed.people.find((p) => !seed.appearances.has(p.id) && !seed.declarations.has(p.id));
    vi.useFakeTimers();
    const at = (iso: string, id: string) => {
      vi.setSystemTime(new Date(iso));
      return personFeed(seed, id, url);
    };
    for (const id of ['leicestershire/s-j-galton', ...(quiet ? [quiet.id] : [])]) {
      expect(at('2030-01-01T00:00:00Z', id)).toBe(at('2031-06-01T12:00:00Z', id));
    }
  });
});

describe('the decisions feed', () => {
  test('has every decision in the register, newest first, each linking to its place in the minutes', () => {
    const feed = read(decisionsFeed(seed, url));
    expect(feed.self).toBe('https://example.org/council/feeds/decisions.xml');
    expect(feed.entries).toHaveLength(seed.register.length);
    expect(newestFirst(feed.entries)).toBe(true);
    expect(feed.entries.map((e) => e.link['@_href']).sort()).toEqual(
      seed.register.map((d) => `${url(paths.minutes(d.minutes.id))}#${d.decision.id}`).sort(),
    );
  });

  test(`holds the newest ${FEED_ENTRIES} decisions of a longer register, so a reader app does not download a decade each time`, () => {
    const first = seed.register[0]!;
    // A decision a day for longer than the feed holds, given in no particular order.
    const days = Array.from({ length: FEED_ENTRIES + 50 }, (_, i) => (i * 37) % (FEED_ENTRIES + 50));
    const register = days.map((day) => ({
      ...first,
      decision: { ...first.decision, id: `decision-${day}` },
      meeting: { ...first.meeting, data: { ...first.meeting.data, start: new Date(Date.UTC(2020, 0, 1 + day)).toISOString() } },
    }));
    const feed = read(decisionsFeed({ ...seed, register }, url));
    expect(feed.entries).toHaveLength(FEED_ENTRIES);
    expect(newestFirst(feed.entries)).toBe(true);
    expect(feed.entries.map((e) => e.link['@_href'].split('#')[1])).toEqual(Array.from({ length: FEED_ENTRIES }, (_, i) => `decision-${FEED_ENTRIES + 49 - i}`));
  });
});

describe('the routes of calendars and feeds', () => {
  test('meetings feeds and calendars: one for everything, then one per committee, each given its committee', () => {
    const routes = feedPaths(seed);
    expect(routes[0]).toEqual({ params: { id: 'all' }, props: { body: undefined } });
    expect(routes.slice(1).map((r) => r.params.id)).toEqual(seed.bodies.map((b) => b.id));
    for (const r of routes.slice(1)) expect(r.props.body?.data.name).toBe(seed.body.get(r.params.id)!.data.name);
  });

  test('series and strategy feeds: every topic once, under its own kind, given its topic', () => {
    const series = topicPaths(seed, 'series');
    const strategies = topicPaths(seed, 'strategy');
    expect(series.map((r) => r.params.id)).toContain('leicestershire/youth-justice-plan');
    expect(strategies.length).toBeGreaterThan(0);
    expect(series.every((r) => r.props.topic.kind === 'series' && r.props.topic.id === r.params.id)).toBe(true);
    expect(strategies.every((r) => r.props.topic.kind === 'strategy' && r.props.topic.id === r.params.id)).toBe(true);
    expect(series.length + strategies.length).toBe(documentTopics(seed).length);
  });
});

describe('series and strategy feeds', () => {
  const series = documentTopics(seed).find((t) => t.kind === 'series' && t.id === 'leicestershire/youth-justice-plan')!;

  test('a series feed has each edition, newest first, linking to its strategy page', () => {
    const editions = seed.documents.filter((d) => d.data.series === 'youth-justice-plan');
    expect(editions.length).toBeGreaterThan(1);
    const feed = read(topicFeed(seed, series, url));
    expect(feed.self).toBe('https://example.org/council/feeds/series/leicestershire/youth-justice-plan.xml');
    expect(feed.entries.map((e) => e.link['@_href']).sort()).toEqual(editions.map((d) => url(paths.strategy(d.id))).sort());
    expect(newestFirst(feed.entries)).toBe(true);
    expect(feed.entries[0]!.title).toContain(editions.find((d) => d.data.meeting?.endsWith('2023-04-12'))!.data.edition);
    for (const d of editions) expect(topicOf(seed, d)).toBe(series);
  });

  test('every strategy outside a series has a feed of its own, and every strategy page a feed to offer', () => {
    for (const s of seed.strategies) {
      const topic = topicOf(seed, s)!;
      expect(topic.kind).toBe(s.data.series ? 'series' : 'strategy');
      if (!s.data.series) expect(topic.feed).toBe(paths.strategyFeed(s.id));
      expect(read(topicFeed(seed, topic, url)).entries.some((e) => e.link['@_href'] === url(paths.strategy(s.id)))).toBe(true);
    }
  });

  test('a strategy feed lists every printing of the strategy', () => {
    const report = seed.documents.find((d) => d.data.versionOf)!;
    const original = seed.document.get(report.data.versionOf!)!;
    // The seed prints a second version of a report, not of a strategy: the same report made a strategy shows the join.
    const asStrategy = (d: typeof original) => ({ ...d, data: { ...d.data, kind: 'strategy' as const } });
    const graph = buildGraph({ ...seed, documents: seed.documents.map((d) => (d === original ? asStrategy(d) : d)) });
    const topic = topicOf(graph, graph.document.get(original.id)!)!;
    const links = read(topicFeed(graph, topic, url)).entries.map((e) => e.link['@_href']);
    expect(links).toContain(url(paths.strategy(original.id)));
    expect(links).toContain(url(paths.document(report.id)));
  });

  test('decisions join a series through the documents their minute considered, the report of an appendix included', () => {
    expect(topicDecisions(seed, series)).toEqual([]);
    // Minute 180 of 4 March 2015 made as if it had considered the 2015/16 plan's report.
    const plan = series.documents.find((d) => d.data.edition === '2015/16')!;
    const minutesId = 'leicestershire/scrutiny-commission/2015-03-04';
    const graph: Graph = buildGraph({
      ...seed,
      minutes: seed.minutes.map((m) =>
        m.id !== minutesId ? m : { ...m, data: { ...m.data, items: m.data.items.map((i) => (i.number === '180' ? { ...i, considers: [plan.data.parent!] } : i)) } },
      ),
    });
    const topic = documentTopics(graph).find((t) => t.id === series.id)!;
    const found = topicDecisions(graph, topic);
    const expected = graph.register.filter((e) => e.minutes.id === minutesId && e.decision.minute === '180');
    expect(expected.length).toBeGreaterThan(0);
    expect(found).toEqual(expected);
    const links = read(topicFeed(graph, topic, url)).entries.map((e) => e.link['@_href']);
    for (const e of expected) expect(links).toContain(`${url(paths.minutes(minutesId))}#${e.decision.id}`);
  });
});
