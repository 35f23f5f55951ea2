import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { documentTopics } from '../../src/model/feeds';
import { paths } from '../../src/model/url';
import { BASE, DIST, SITE, sitePages } from '../helpers/dist';
import { attr, elements, parseHtml, textOf } from '../helpers/html';
import { contentGraph } from '../helpers/graph';

/** The content the site under test was built from: `CHAMBER_CONTENT` for a fixture site, else the seed. */
const graph = contentGraph(process.env.CHAMBER_CONTENT ? resolve(process.env.CHAMBER_CONTENT) : undefined);
/** Where the built site is served: the site address with its deploy base. */
const ROOT = new URL(BASE.endsWith('/') ? BASE : `${BASE}/`, SITE);
const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false });
const text = (v: unknown): string => (v !== null && typeof v === 'object' ? (v as { '#text': string })['#text'] : String(v));

/** The file an address of the built site is served from, or why there is none. */
function fileAt(address: URL): string | { problem: string } {
  if (address.origin !== ROOT.origin || !address.pathname.startsWith(ROOT.pathname)) return { problem: `outside ${ROOT.href}` };
  const rel = decodeURIComponent(address.pathname.slice(ROOT.pathname.length));
  const file = rel === '' || rel.endsWith('/') ? join(DIST, rel, 'index.html') : join(DIST, rel);
  return existsSync(file) ? file : { problem: 'not in the build' };
}

const htmlCache = new Map<string, ReturnType<typeof parseHtml>>();
const parsed = (file: string) => {
  let doc = htmlCache.get(file);
  if (!doc) htmlCache.set(file, (doc = parseHtml(readFileSync(file, 'utf8'))));
  return doc;
};
const idsIn = (file: string) => new Set([...elements(parsed(file))].map((e) => attr(e, 'id')).filter(Boolean));

/** Every feed a page announces in its head, as the absolute address a feed reader would fetch, with its title. */
const announced = sitePages()
  .filter((p) => p.file.endsWith('.html'))
  .flatMap((page) =>
    [...elements(parsed(page.file))]
      .filter((el) => el.tagName === 'link' && attr(el, 'rel') === 'alternate' && attr(el, 'type') === 'application/atom+xml')
      .map((el) => ({ page: page.path, href: new URL(attr(el, 'href')!, new URL(page.path.slice(1), ROOT)), title: attr(el, 'title') })),
  );

/** Feeds announced by the page at a site path. */
const feedsOf = (path: string) => announced.filter((a) => a.page === path).map((a) => a.href.href);
const address = (path: string) => new URL(path.slice(1), ROOT).href;

describe(`feeds announced by pages in ${DIST}`, () => {
  const feeds = new Map(announced.map((a) => [a.href.href, a]));

  test('pages announce feeds', () => {
    console.log(`Feeds: ${announced.length} announcements on ${new Set(announced.map((a) => a.page)).size} pages, ${feeds.size} distinct feeds`);
    expect(feeds.size).toBeGreaterThan(graph.people.length);
  });

  test.each([...feeds.values()].map((a) => [a.href.pathname, a] as const))('%s parses as Atom, and every entry links to a built page', (_path, a) => {
    const file = fileAt(a.href);
    expect(file, `${a.href.href}, announced on ${a.page}`).toBeTypeOf('string');
    const xml = readFileSync(file as string, 'utf8');
    const feed = parser.parse(xml).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(text(feed.title)).toBe(a.title);
    expect(feed.id).toBe(a.href.href);
    const links = [feed.link].flat() as Array<{ '@_rel': string; '@_href': string }>;
    expect(links.find((l) => l['@_rel'] === 'self')?.['@_href']).toBe(a.href.href);
    // The page it follows is the page that announced it, or (a series) the page of its newest edition.
    expect(fileAt(new URL(links.find((l) => l['@_rel'] === 'alternate')!['@_href']))).toBeTypeOf('string');
    const entries = (feed.entry === undefined ? [] : [feed.entry].flat()) as Array<{ id: string; link: { '@_href': string }; updated: string }>;
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    const times = entries.map((e) => Date.parse(e.updated));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    for (const e of entries) {
      const link = new URL(e.link['@_href']);
      const target = fileAt(link);
      expect(target, e.link['@_href']).toBeTypeOf('string');
      if (link.hash) expect(idsIn(target as string), e.link['@_href']).toContain(decodeURIComponent(link.hash.slice(1)));
    }
  });
});

describe('what a reader can follow in the built seed site', () => {
  test('every person page announces their feed and shows a Follow link to it', () => {
    for (const p of graph.people) {
      const path = paths.person(p.id);
      expect(feedsOf(path)).toEqual([address(paths.personFeed(p.id))]);
      const follow = [...elements(parsed(join(DIST, path, 'index.html')))].find((el) => el.tagName === 'a' && textOf(el).startsWith('Follow '));
      expect(follow && attr(follow, 'href')).toBe(new URL(paths.personFeed(p.id).slice(1), ROOT).pathname);
    }
  });

  test('a councillor’s feed holds a meeting they attended', () => {
    const [id, appearances] = [...graph.appearances].find(([, list]) => list.some((a) => a.capacity === 'present'))!;
    const xml = readFileSync(join(DIST, 'feeds', 'people', `${id}.xml`), 'utf8');
    const attended = appearances.find((a) => a.capacity === 'present')!.meeting;
    expect(xml).toContain(`href="${address(paths.meeting(attended.id))}"`);
  });

  // The seed's minutes name no movers and record no named votes; a fixture site built with them runs this.
  test.skipIf(graph.motions.size + graph.votes.size === 0)('a person’s feed links to each decision they moved or seconded and each vote they are named in', () => {
    for (const [id, motions] of graph.motions) {
      const xml = readFileSync(join(DIST, 'feeds', 'people', `${id}.xml`), 'utf8');
      for (const { entry } of motions) expect(xml).toContain(`href="${address(`${paths.minutes(entry.minutes.id)}#${entry.decision.id}`)}"`);
    }
    for (const [id, votes] of graph.votes) {
      const xml = readFileSync(join(DIST, 'feeds', 'people', `${id}.xml`), 'utf8');
      for (const v of votes) expect(xml).toContain(`href="${address(`${paths.minutes(v.minutes.id)}#${v.vote.id}`)}"`);
    }
  });

  test('every committee page announces its feed and offers its calendar', () => {
    for (const b of graph.bodies) {
      const path = paths.body(b.id);
      expect(feedsOf(path)).toEqual([address(paths.feed(b.id))]);
      expect(readFileSync(join(DIST, path, 'index.html'), 'utf8')).toContain(`href="${new URL(paths.calendar(b.id).slice(1), ROOT).pathname}"`);
    }
  });

  test('the decisions register announces the feed of every decision, and the home page the feed of everything', () => {
    expect(feedsOf(paths.decisions())).toEqual([address(paths.decisionsFeed())]);
    const decisions = parser.parse(readFileSync(join(DIST, 'feeds', 'decisions.xml'), 'utf8')).feed;
    expect([decisions.entry].flat()).toHaveLength(graph.register.length);
    expect(feedsOf(paths.home())).toEqual([address(paths.feed('all'))]);
  });

  test('every strategy page announces the feed of its series, or its own', () => {
    const topics = documentTopics(graph);
    expect(topics.some((t) => t.kind === 'series')).toBe(true);
    for (const s of graph.strategies) {
      const topic = topics.find((t) => t.documents.includes(s))!;
      expect(feedsOf(paths.strategy(s.id))).toEqual([address(topic.feed)]);
    }
    expect(existsSync(join(DIST, 'feeds', 'series', 'leicestershire', 'youth-justice-plan.xml'))).toBe(true);
  });
});
