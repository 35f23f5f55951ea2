import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { isPlaceholderAddress } from '../../src/model/site-config';
import { BASE, DIST, SITE, SITE_CONFIG, sitePages, sitePath, walk } from '../helpers/dist';
import { attr, elements, parseHtml } from '../helpers/html';

/** The site's home address, as readers, feed readers and search engines are given it. */
const home = new URL(BASE, SITE).href;
const files = walk(DIST);
const feeds = files.filter((f) => /\/feeds\/.+\.xml$/.test(f));
const calendars = files.filter((f) => f.endsWith('.ics'));

describe(`feeds, calendars and page addresses of ${DIST}, for ${home}`, () => {
  test('every feed is well-formed Atom, with its own address and every link under the site address', () => {
    expect(feeds.length).toBeGreaterThan(0);
    for (const file of feeds) {
      const xml = readFileSync(file, 'utf8');
      expect(XMLValidator.validate(xml), file).toBe(true);
      const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml).feed;
      expect(feed.title, file).toBeTruthy();
      expect(feed.id, file).toBe(new URL(sitePath(DIST, file).slice(1), home).href);
      const links = [feed.link, [feed.entry ?? []].flat().map((e: { link: unknown }) => e.link)].flat(2) as Array<{ href: string }>;
      expect(links.filter((l) => !l.href.startsWith(home)), file).toEqual([]);
    }
  });

  test('every calendar parses, and each event has an id, a start and a link into the site', () => {
    expect(calendars.length).toBeGreaterThan(0);
    for (const file of calendars) {
      const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
      expect(calendar.name, file).toBe('vcalendar');
      for (const event of calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))) {
        expect(event.uid, file).toBeTruthy();
        expect(event.startDate, `${file} ${event.uid}`).toBeTruthy();
        const url = event.component.getFirstPropertyValue('url');
        if (url) expect(String(url).startsWith(home), `${file} ${event.uid}`).toBe(true);
      }
    }
  });

  test('every page but the 404 page names its own full address as canonical', () => {
    const wrong = sitePages().flatMap((p) => {
      const canonical = [...elements(parseHtml(readFileSync(p.file, 'utf8')))].filter((e) => e.tagName === 'link' && attr(e, 'rel') === 'canonical').map((e) => attr(e, 'href'));
      const expected = p.path === '/404.html' ? [] : [new URL(p.path.slice(1), home).href];
      return JSON.stringify(canonical) === JSON.stringify(expected) ? [] : [`${p.path}: ${canonical.join(' ') || 'none'}, expected ${expected.join(' ') || 'none'}`];
    });
    expect(wrong).toEqual([]);
  });

  // A site built for a placeholder would send readers of its feeds, calendars and sitemap nowhere; only the demo may.
  test.skipIf(SITE_CONFIG.demo)('no placeholder address is published (the demo site is built for one)', () => {
    expect(isPlaceholderAddress(SITE)).toBe(false);
    const leaks = files.filter((f) => /\.(html|xml|ics|txt|json)$/.test(f)).filter((f) => /https?:\/\/(localhost|[^/"'\s<]*example\.(org|com|net))\b/.test(readFileSync(f, 'utf8')));
    expect(leaks).toEqual([]);
  });
});
