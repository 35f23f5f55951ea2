import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeViolation, runAxe } from '../helpers/axe';
import { launchChromium, tabPool } from '../helpers/browser';
import { run as runImport } from '../../scripts/import';
import { runScript, TWO_AT_ONCE } from '../helpers/build';
import { sitePages, type Page } from '../helpers/dist';
import { PARISH_FIXTURE } from '../helpers/fixture-site';
import { attr, elements, parseHtml, textOf, type Element } from '../helpers/html';
import { siteValidator } from '../helpers/html-validate';
import { serveDirectory } from '../helpers/static-server';
import { checkLinks } from '../quality/links';

/**
 * The seed content plus a parish council's meeting that uses what the schema added: a start with no time, a closing
 * time, unnumbered minutes, movers and seconders, a rejected motion, a recorded vote, actions, the chair's signature,
 * Welsh translations, sources with no date, an original PDF, and a council with no website or contact; and beside it a
 * committee's minutes imported from the council's own PDF by the importer, as a web team would.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'chamber-parish-'));
const content = join(scratch, 'content');
const out = join(scratch, 'dist');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const MEETING = 'milburn/parish-council/2018-11-06';
const PDF = 'milburn-parish-council-full-council-2018-11-06-minutes.pdf';
const SOURCE = 'milburn-parish-council-full-council-2018-11-06-minutes';

let check: ReturnType<typeof runScript>;
let build: ReturnType<typeof runScript>;

/** Committee minutes as Bristol City Council published them, imported by the importer, not written by hand. */
const BRISTOL = join(ROOT, 'tests', 'corpus', 'bristol-city-council-transport-connectivity-policy-committee-2026-03-19-minutes.pdf');
const BRISTOL_MEETING = 'bristol/transport-and-connectivity-policy-committee/2026-03-19';
let imported: number;

beforeAll(async () => {
  cpSync(join(ROOT, 'content'), content, { recursive: true });
  cpSync(PARISH_FIXTURE, content, { recursive: true });
  imported = await runImport([BRISTOL, '--council', 'bristol', '--out', content], { out: () => {}, err: () => {} });
  const env = { CHAMBER_CONTENT: content, CHAMBER_CACHE_DIR: join(scratch, 'cache') };
  check = runScript('scripts/check-content.ts', [], env);
  build = runScript('scripts/build.ts', ['--out', out, ...TWO_AT_ONCE], env);
});

const html = (path: string): string => {
  const file = join(out, path, 'index.html');
  if (!existsSync(file)) throw new Error(`${path} was not built`);
  return readFileSync(file, 'utf8');
};
const dom = (path: string) => [...elements(parseHtml(html(path)))];
const main = (path: string): Element => dom(path).find((e) => e.tagName === 'main')!;
const BLOCKS = new Set(['p', 'li', 'dt', 'dd', 'th', 'td', 'caption', 'h1', 'h2', 'h3', 'h4', 'div', 'section', 'nav', 'table', 'tr']);
/** The text a reader sees in an element: hidden elements left out, blocks apart, runs of white space as one space. */
function readable(el: Element): string {
  const walk = (e: Element): string => {
    if (attr(e, 'hidden') !== undefined) return '';
    const inner = e.childNodes.map((c) => ('value' in c && c.nodeName === '#text' ? c.value : 'tagName' in c ? walk(c) : '')).join('');
    return BLOCKS.has(e.tagName) ? ` ${inner} ` : inner;
  };
  return walk(el).replace(/\s+/g, ' ').trim();
}
const text = (path: string): string => readable(main(path));
const byId = (path: string, id: string): Element => {
  const el = dom(path).find((e) => attr(e, 'id') === id);
  if (!el) throw new Error(`${path} has no #${id}`);
  return el;
};
const links = (el: Element) => [...elements(el)].filter((e) => e.tagName === 'a');
const hrefs = (el: Element) => links(el).map((a) => attr(a, 'href'));

/** Every page the fixture adds or changes. */
const fixturePages = (): Page[] =>
  sitePages(out).filter((p) => /milburn|bristol|^\/(accessibility|search|meetings|meetings\/2018|decisions|decisions\/2018)\/$|^\/$/.test(p.path));

describe('a site with a parish council that prints no times, votes by name and publishes in Welsh', () => {
  test('the content check passes and the site builds', () => {
    expect(imported).toBe(0);
    expect(check.output).toContain('Content is valid.');
    expect(check.status).toBe(0);
    // A council without a website or accessibility contact is not an error, but the web team is told what to add.
    expect(check.output).toMatch(/councils\/milburn\.yaml {2}website: Milburn Parish Council has no website/);
    expect(check.output).toMatch(/councils\/milburn\.yaml {2}accessibilityContact: Milburn Parish Council has no accessibility contact/);
    expect(check.output).not.toMatch(/councils\/leicester/);
    expect(build.output).not.toMatch(/problems? in content/);
    expect(build.status).toBe(0);
  });

  describe('a meeting whose start time was not printed', () => {
    const page = `meetings/${MEETING}`;

    test('its page shows the date, says the time was not printed, and gives the closing time and the public', () => {
      const time = dom(page).find((e) => e.tagName === 'h1')!;
      expect(textOf(time)).toBe('Parish Council Tuesday 6 November 2018');
      expect(text(page)).toContain('Start time Not printed');
      expect(text(page)).toContain('Closed at 8.50pm');
      const publicList = dom(page).find((e) => attr(e, 'aria-label') === 'Members of the public')!;
      expect(readable(publicList)).toBe('Gwennie Lowthian Russell Lowthian');
    });

    test('no page shows a time for it: not midnight, not any other', () => {
      for (const p of fixturePages()) {
        const words = readable([...elements(parseHtml(readFileSync(p.file, 'utf8')))].find((e) => e.tagName === 'body')!);
        expect(words, p.path).not.toMatch(/midnight|6 November 2018, \d/);
      }
      for (const p of ['', 'meetings', 'meetings/2018', 'bodies/milburn/parish-council', 'councils/milburn', 'people/milburn/p-moran']) {
        expect(html(p), p).toContain('<time datetime="2018-11-06">Tuesday 6 November 2018</time>');
      }
    });

    test('calendars hold it as an all-day event on its date; timed meetings keep their time', () => {
      const ics = readFileSync(join(out, 'calendar', 'milburn', 'parish-council.ics'), 'utf8');
      expect(ics).toContain('DTSTART;VALUE=DATE:20181106');
      const events = (file: string) =>
        new ICAL.Component(ICAL.parse(readFileSync(join(out, 'calendar', file), 'utf8'))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      const [event] = events('milburn/parish-council.ics');
      expect(event!.uid).toBe(`${MEETING}@chamber`);
      expect(event!.startDate.isDate).toBe(true);
      expect(event!.startDate.toString()).toBe('2018-11-06');
      const all = events('all.ics');
      expect(all.find((e) => e.uid === `${MEETING}@chamber`)!.startDate.isDate).toBe(true);
      const timed = all.find((e) => e.uid === 'leicestershire/scrutiny-commission/2015-04-22@chamber')!;
      expect(timed.startDate.isDate).toBe(false);
      expect(timed.startDate.toJSDate().toISOString()).toBe('2015-04-22T13:00:00.000Z');
    });

    test('its feed entry is dated on its day', () => {
      const feed = new XMLParser().parse(readFileSync(join(out, 'feeds', 'milburn', 'parish-council.xml'), 'utf8')).feed;
      const entries = [feed.entry].flat() as Array<{ title: string; updated: string }>;
      const meeting = entries.find((e) => e.title.includes('meeting on'))!;
      expect(meeting.title).toBe('Parish Council: meeting on Tuesday 6 November 2018');
      expect(meeting.updated.slice(0, 10)).toBe('2018-11-06');
    });
  });

  describe('minutes', () => {
    const page = `minutes/${MEETING}`;

    test('every minute, numbered or not, every decision and every vote has its own anchor, and every link on the page lands', () => {
      const ids = new Set(dom(page).map((e) => attr(e, 'id')));
      for (const id of ['minute-present', 'minute-18-11-1', 'minute-18-11-7', 'minute-next-meeting', 'decision-18-11-3', 'decision-18-11-7-a', 'decision-18-11-7-b', 'vote-18-11-7-1', 'vote-18-11-7-2']) {
        expect(ids, id).toContain(id);
      }
      const inPage = hrefs(main(page)).filter((h) => h?.startsWith('#'));
      expect(inPage.length).toBeGreaterThan(20);
      for (const href of inPage) expect(ids, href).toContain(href!.slice(1));
      const contents = byId(page, 'minutes-contents').parentNode as Element;
      expect(links(contents).map(textOf)).toEqual(['Present', '18.11.1. Apologies', '18.11.3. Minutes', '18.11.6. Beacon to Commemorate 100 Years of Remembrance', '18.11.7 Finance', '18.11.9. Public Participation', 'Next Meeting']);
    });

    test("decisions name their proposer and seconder, linked to each person's page, and a rejected motion says so", () => {
      const decisions = readable(byId(page, 'decisions').parentNode as Element);
      expect(decisions).toContain('Minute 18.11.3: decision – All agreed this was a true record and were signed and approved. Moved by Councillor Healey, seconded by Councillor Moran.');
      expect(decisions).toContain('Minute 18.11.7: rejected – the Councillors resolved not to support Moved by Councillor Moran, seconded by a member of the public.');
      expect(hrefs(byId(page, 'decisions').parentNode as Element)).toEqual(expect.arrayContaining(['/people/milburn/r-healey/', '/people/milburn/p-moran/', '/people/milburn/n-cresswell/']));
      expect(textOf(byId(page, 'decision-18-11-7-b'))).toMatch(/^Rejected \(printed as “resolved not to support”\)/);
      expect(attr(byId(page, 'decision-18-11-7-b'), 'data-decision-kind')).toBe('rejected');
    });

    test('a vote gives its result in words, its counts, the decision it decided, and who voted which way', () => {
      const vote = byId(page, 'vote-18-11-7-2');
      const words = readable(vote);
      expect(words).toMatch(/^Minute 18\.11\.7: Finance – lost Link to this vote, Minute 18\.11\.7 /);
      expect(words).toContain('Votes 1 for, 3 against, 0 abstentions');
      expect(words).toContain('Decided Rejected: the Councillors resolved not to support');
      expect(words).toContain('Moved by Councillor Moran.');
      expect(hrefs(vote)).toEqual(expect.arrayContaining(['#minute-18-11-7', '#decision-18-11-7-b', '#vote-18-11-7-2']));
      const table = [...elements(vote)].find((e) => e.tagName === 'table')!;
      expect(textOf([...elements(table)].find((e) => e.tagName === 'caption')!)).toBe('Recorded vote: how each member voted');
      const rows = [...elements(table)].filter((e) => e.tagName === 'th' && attr(e, 'scope') === 'row').map(textOf);
      expect(rows).toEqual(['For (1)', 'Against (3)', 'Abstained (0)']);
      expect(hrefs(table)).toEqual(['/people/milburn/p-moran/', '/people/milburn/d-richardson/', '/people/milburn/r-healey/', '/people/milburn/n-cresswell/']);
      expect(textOf(byId(page, 'vote-18-11-7-1'))).toMatch(/Finance – carried unanimously/);
    });

    test("the meeting's votes page shows each vote with its minute, result, counts and named lists, linked from the meeting and the minutes", () => {
      const votes = `meetings/${MEETING}/votes`;
      expect(hrefs(main(`meetings/${MEETING}`))).toContain(`/${votes}/`);
      expect(hrefs(main(page))).toContain(`/${votes}/`);
      expect(readable(dom(votes).find((e) => e.tagName === 'h1')!)).toBe('Votes Parish Council, Tuesday 6 November 2018');
      expect(text(votes)).toContain('The minutes record 2 votes, one of them a recorded vote naming how each member voted.');
      const vote = byId(votes, 'vote-18-11-7-2');
      expect(readable(vote)).toMatch(/^Minute 18\.11\.7: Finance – lost Link to this vote in the minutes, Minute 18\.11\.7 /);
      expect(readable(vote)).toContain('Votes 1 for, 3 against, 0 abstentions');
      expect(readable(vote)).toContain('Decided Rejected: the Councillors resolved not to support');
      expect(dom(votes).filter((e) => e.tagName === 'h2').map(readable)).toEqual(['Minute 18.11.7: Finance – carried unanimously Link to this vote in the minutes, Minute 18.11.7', 'Minute 18.11.7: Finance – lost Link to this vote in the minutes, Minute 18.11.7']);
      // The same markup as the minutes page, its links pointing into the minutes.
      expect(hrefs(vote)).toEqual(expect.arrayContaining([`/${page}/#minute-18-11-7`, `/${page}/#decision-18-11-7-b`, `/${page}/#vote-18-11-7-2`, '/people/milburn/p-moran/', '/people/milburn/n-cresswell/']));
      expect(hrefs(main(`meetings/${BRISTOL_MEETING}`))).toContain(`/meetings/${BRISTOL_MEETING}/votes/`);
      expect(existsSync(join(out, 'meetings', 'leicestershire', 'scrutiny-commission', '2015-04-22', 'votes'))).toBe(false);
    });

    test('actions are a table of task, owner and minute', () => {
      const section = byId(page, 'actions').parentNode as Element;
      const table = [...elements(section)].find((e) => e.tagName === 'table')!;
      expect(textOf([...elements(table)].find((e) => e.tagName === 'caption')!)).toBe('Actions given in these minutes, in the order printed');
      expect([...elements(table)].filter((e) => e.tagName === 'th').map((th) => [textOf(th), attr(th, 'scope')])).toEqual([['Action', 'col'], ['Who', 'col'], ['Minute', 'col']]);
      const rows = [...elements(table)].filter((e) => e.tagName === 'tr').slice(1).map((tr) => [...elements(tr)].filter((e) => e.tagName === 'td').map(textOf));
      expect(rows).toEqual([
        ['The Clerk will design some posters and forward details to Gwennie and Russell', 'Clerk', 'Minute 18.11.6'],
        ['Clerk to email A Armstrong, EDC and ask if there are any grants etc to help with drainage', 'Clerk', 'Minute 18.11.9'],
        ['Book the village hall for the next meeting', 'Not named', 'Next Meeting'],
      ]);
      expect(hrefs(table)).toEqual(['/people/milburn/j-connelly/', '#minute-18-11-6', '#minute-18-11-9', '#minute-next-meeting']);
    });

    test("the chair's signature and the new kinds of page break are shown in words", () => {
      expect(text(page)).toContain("Chair's signature Signed as a correct record on Tuesday 8 January 2019");
      const breaks = dom(page).filter((e) => attr(e, 'role') === 'separator').map((e) => attr(e, 'aria-label'));
      expect(breaks).toEqual(['Page 1 ends', 'Page 2', 'Page 2']);
    });
  });

  describe('minutes and documents in Welsh', () => {
    const english = `minutes/${MEETING}`;
    const welsh = `minutes/${MEETING}-cy`;
    const langOf = (path: string) => attr(dom(path).find((e) => e.tagName === 'html')!, 'lang');

    test('a Welsh page says so on <html>, keeps the English around it marked as English, and links to the English', () => {
      expect(langOf(welsh)).toBe('cy');
      expect(langOf(english)).toBe('en-GB');
      for (const tag of ['header', 'footer']) expect(attr(dom(welsh).find((e) => e.tagName === tag)!, 'lang')).toBe('en-GB');
      const toEnglish = links(main(welsh)).find((a) => textOf(a) === 'Read in English')!;
      expect([attr(toEnglish, 'href'), attr(toEnglish, 'lang'), attr(toEnglish, 'hreflang')]).toEqual([`/${english}/`, 'en-GB', 'en-GB']);
      const toWelsh = links(main(english)).find((a) => textOf(a) === 'Darllenwch yn Gymraeg')!;
      expect([attr(toWelsh, 'href'), attr(toWelsh, 'lang'), attr(toWelsh, 'hreflang')]).toEqual([`/${welsh}/`, 'cy', 'cy']);
    });

    test('the meeting lists one set of minutes, with the Welsh as a second language, and the register counts each decision once', () => {
      const meeting = html(`meetings/${MEETING}`);
      expect(meeting.match(/Minutes of this meeting/g)).toHaveLength(1);
      expect(meeting).toContain(`<a href="/${welsh}/" lang="cy" hreflang="cy">Darllenwch yn Gymraeg</a>`);
      expect(html('decisions').match(/#decision-18-11-7-a"/g)).toHaveLength(1);
      expect(html('decisions')).not.toContain(`/${welsh}/`);
      expect(html(`bodies/milburn/parish-council`)).not.toContain(`/${welsh}/`);
    });

    test('Welsh pages are in the search index of their part, one index per part that the English search page loads', () => {
      const entries = readdirSync(join(out, 'pagefind')).map(
        (part) => JSON.parse(readFileSync(join(out, 'pagefind', part, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> },
      );
      const marked = sitePages(out).filter((p) => readFileSync(p.file, 'utf8').includes('data-pagefind-body'));
      expect(marked.some((p) => p.path === `/${welsh}/`)).toBe(true);
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) expect(Object.keys(entry.languages)).toEqual(['en']);
      expect(entries.reduce((n, entry) => n + entry.languages['en']!.page_count, 0)).toBe(marked.length);
    });

    test('a document and its translation link to each other', () => {
      const notice = `documents/${MEETING}/decision-notice`;
      expect(langOf(`${notice}-cy`)).toBe('cy');
      expect(html(notice)).toContain(`<a href="/${notice}-cy/" lang="cy" hreflang="cy">Darllenwch yn Gymraeg</a>`);
      expect(html(`${notice}-cy`)).toContain(`<a href="/${notice}/" lang="en-GB" hreflang="en-GB">Read in English</a>`);
      expect(html(`meetings/${MEETING}`).match(/Notice of decisions|Hysbysiad/g)).toEqual(['Notice of decisions']);
    });
  });

  test("a person's page has their voting record and the decisions they moved or seconded", () => {
    const page = 'people/milburn/p-moran';
    const record = text(page);
    expect(record).toContain('Voting record Recorded votes in which P. Moran is named, newest first');
    expect(record).toContain('Parish Council, Tuesday 6 November 2018 Minute 18.11.7: Finance For Lost (1 for, 3 against, 0 abstentions)');
    expect(record).toContain('Minute 18.11.3: Minutes Seconded Decision: All agreed this was a true record and were signed and approved.');
    expect(record).toContain('Minute 18.11.7: Finance Moved Rejected: the Councillors resolved not to support');
    expect(hrefs(main(page))).toEqual(expect.arrayContaining([`/minutes/${MEETING}/#vote-18-11-7-2`, `/minutes/${MEETING}/#minute-18-11-7`, `/minutes/${MEETING}/#decision-18-11-7-b`]));
    expect(text('people/milburn/r-healey')).toContain('Minute 18.11.7: Finance Against Lost');
    expect(text('people/leicestershire/s-j-galton')).toContain('Not named in any recorded vote in the minutes published here.');
  });

  test('a council without a website or contact says so plainly, on its page and in the accessibility statement, with no empty link', () => {
    expect(text('councils/milburn')).toContain('Website The council has not yet given the address of its website. Accessibility The council has not yet given contact details for accessibility requests.');
    expect(text('accessibility')).toContain('Milburn Parish Council: The council has not yet given contact details for accessibility requests.');
    expect(text('accessibility')).toContain('Leicestershire County Council: Email democracy@leics.gov.uk.');
    expect(text('accessibility')).toContain("Source pages also offer the councils' original files (PDF or Word documents) to download as published");
    for (const page of ['councils/milburn', 'accessibility']) {
      for (const a of links(main(page))) expect(attr(a, 'href'), `${page}: ${textOf(a)}`).toMatch(/^(\/|#|https:\/\/|mailto:[^@\s]+@)/);
    }
  });

  describe('sources', () => {
    test('the original PDF is offered for download and published byte for byte; its pages have anchors', () => {
      const page = `sources/${SOURCE}`;
      const download = links(main(page)).find((a) => attr(a, 'download') !== undefined)!;
      expect(textOf(download)).toBe('Download the original PDF (112 KB)');
      expect(attr(download, 'href')).toBe(`/sources/original/${PDF}`);
      expect(readFileSync(join(out, 'sources', 'original', PDF)).equals(readFileSync(join(PARISH_FIXTURE, 'sources', PDF)))).toBe(true);
      expect(text(page)).toContain('Received as PDF What the importer decided this document is minutes: numbered minutes (18.11.1 to 18.11.10)');
      expect(readable(byId(page, 'page-2'))).toBe('Page 2 Link to page 2 42 to the end');
      expect(readable(byId(page, 'page-1'))).toBe('Page 1 Link to page 1 1–41');
    });

    test('a source without a date says so; no page or search filter shows 1970', () => {
      expect(text('sources/milburn-meeting-dates-2019')).toContain('Date Not printed on the source');
      expect(text('sources/milburn-cofnodion-2018-11-06')).toContain('Language Welsh');
      for (const p of [...fixturePages(), ...sitePages(out).filter((s) => s.path.startsWith('/sources/milburn'))]) {
        expect(readFileSync(p.file, 'utf8'), p.path).not.toMatch(/1970/);
      }
      const years = dom('search').filter((e) => e.tagName === 'input' && attr(e, 'name') === 'year').map((e) => attr(e, 'value'));
      expect(years).toContain('2018');
      expect(years.every((y) => /^(19[89]\d|20\d\d)$/.test(y!))).toBe(true);
    });
  });

  test.each([
    ['milburn/parish-council/2018-11-06/decision-notice', 'Decision notice', 'decision-notice'],
    ['milburn/2019/meeting-dates', 'Forward plan', 'forward-plan'],
    ['milburn/2019/village-green-drains', 'Document', 'other'],
  ])('a %s document renders like any other, as "%s"', (id, label, type) => {
    const page = `documents/${id}`;
    expect(text(page)).toContain(`Type ${label} Status Final`);
    expect(html(page)).toContain(`data-pagefind-meta="type">${type}</span>`);
    expect(dom('search').some((e) => e.tagName === 'input' && attr(e, 'name') === 'type' && attr(e, 'value') === type)).toBe(true);
  });

  describe('committee minutes imported from the council\'s PDF', () => {
    const page = `minutes/${BRISTOL_MEETING}`;

    test('the meeting has its printed start time and links to its minutes and the original PDF', () => {
      expect(text(`meetings/${BRISTOL_MEETING}`)).toContain('Thursday 19 March 2026, 5pm');
      expect(hrefs(main(`meetings/${BRISTOL_MEETING}`))).toContain(`/${page}/`);
      const source = 'sources/bristol-city-council-transport-connectivity-policy-committee-2026-03-19-minutes';
      expect(hrefs(main(source))).toContain('/sources/original/bristol-city-council-transport-connectivity-policy-committee-2026-03-19-minutes.pdf');
    });

    test('its eleven minutes, its decisions with mover and seconder, the motion that fell, its votes and its actions', () => {
      const ids = new Set(dom(page).map((e) => attr(e, 'id')));
      for (let n = 1; n <= 11; n++) expect(ids, `minute-${n}`).toContain(`minute-${n}`);
      expect(readable(byId(page, 'decision-9-2'))).toMatch(/Authorised the Executive Director Growth and Regeneration/);
      expect(attr(byId(page, 'decision-8-3'), 'data-decision-kind')).toBe('rejected');
      const decisions = readable(byId(page, 'decisions').parentNode as Element);
      expect(decisions).toContain('Moved by Councillor Plowden, seconded by Councillor Renhard.');
      expect(readable(byId(page, 'vote-8-2'))).toContain('Votes 2 for, 7 against');
      expect(readable(byId(page, 'vote-8-2'))).toMatch(/– lost/);
      const actions = [...elements(byId(page, 'actions').parentNode as Element)].filter((e) => e.tagName === 'tr').slice(1);
      expect(actions).toHaveLength(4);
      expect(readable(actions[3]!)).toBe('PCO to arrange Members’ briefing sessions. PCO Minute 11');
    });
  });

  test('reading pages need no JavaScript', () => {
    for (const p of fixturePages().filter((p) => /^\/(meetings|minutes|documents)\/milburn\//.test(p.path))) {
      expect(readFileSync(p.file, 'utf8'), p.path).not.toMatch(/<script\b/);
    }
  });

  test('every link and anchor in the site resolves', () => {
    const report = checkLinks(out, { base: '/', site: 'https://example.org' });
    expect(report.broken).toEqual([]);
  });

  test('the new pages are valid HTML', async () => {
    const validator = siteValidator();
    const messages: string[] = [];
    for (const p of fixturePages()) {
      const report = await validator.validateFile(p.file);
      messages.push(...report.results.flatMap((r) => r.messages.map((m) => `${p.path} ${m.line}:${m.column} ${m.ruleId}: ${m.message}`)));
    }
    expect(messages).toEqual([]);
  });

  test('the new pages have no WCAG 2.2 A or AA violation in Chromium', async () => {
    const server = await serveDirectory(out);
    const browser = await launchChromium();
    try {
      const tabs = tabPool(await browser.newContext({ viewport: { width: 1280, height: 800 } }));
      const pages = fixturePages().filter((p) => p.path.includes('milburn') || p.path === '/accessibility/');
      const violations = await Promise.all(
        pages.map((p) =>
          tabs.use(async (tab, errors) => {
            await tab.goto(`${server.url}${p.path.slice(1)}`, { waitUntil: 'load' });
            const results = await runAxe(tab);
            return [...results.violations.map((v) => `${p.path} ${describeViolation(v)}`), ...errors.map((e) => `${p.path} ${e}`)];
          }),
        ),
      );
      expect(pages.length).toBeGreaterThan(15);
      expect(violations.flat()).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
