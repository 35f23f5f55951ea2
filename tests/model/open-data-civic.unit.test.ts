import { describe, expect, test } from 'vitest';
import { buildGraph } from '../../src/model/graph';
import { csvNames, openDataCsv, openDataFile, openDataJsonSchema, openDataNames } from '../../src/model/open-data';
import { linker } from '../../src/model/url';
import { parseCsv } from '../helpers/csv';
import { PARISH_FIXTURE } from '../helpers/fixture-site';
import { contentGraph } from '../helpers/graph';
import { schemaErrors } from '../helpers/json-schema';

const seed = contentGraph();
// The parish fixture is the content with movers, seconders and a recorded vote.
const parish = contentGraph(PARISH_FIXTURE);
const to = linker(new URL('https://council.example'), '/archive/');
const site = 'https://council.example/archive';

describe.each([
  ['seed content', seed],
  ['parish fixture', parish],
])('%s', (_, graph) => {
  test.each(openDataNames)('%s.json passes the JSON Schema published for it', (name) => {
    const data = JSON.parse(JSON.stringify(openDataFile(graph, name, to)));
    expect(schemaErrors(openDataJsonSchema(name, to), data)).toEqual([]);
  });

  test.each(csvNames)('%s.csv has a header and one row per record of %s.json, which read back as written', (name) => {
    const rows = parseCsv(openDataCsv(graph, name, to));
    const { items } = openDataFile(graph, name, to) as { items: Array<{ id: string; url: string }> };
    expect(rows).toHaveLength(items.length + 1);
    const header = rows[0]!;
    expect(rows.slice(1).map((r) => r[header.indexOf('id')])).toEqual(items.map((i) => i.id));
    expect(rows.slice(1).map((r) => r[header.indexOf('url')])).toEqual(items.map((i) => i.url));
    for (const row of rows) expect(row).toHaveLength(header.length);
  });

  test('records point at records that exist', () => {
    const ids = (name: 'meetings' | 'minutes' | 'decisions' | 'votes' | 'people') => new Set((openDataFile(graph, name, to).items as Array<{ id: string }>).map((r) => r.id));
    const [meetings, minutes, decisions, votes, people] = [ids('meetings'), ids('minutes'), ids('decisions'), ids('votes'), ids('people')];
    for (const m of openDataFile(graph, 'minutes', to).items) {
      expect(meetings.has(m.meeting_id)).toBe(true);
      for (const d of m.decisions) expect(decisions.has(d)).toBe(true);
      for (const v of m.votes) expect(votes.has(v)).toBe(true);
    }
    for (const d of openDataFile(graph, 'decisions', to).items) {
      expect(minutes.has(d.minutes_id) && meetings.has(d.meeting_id)).toBe(true);
      for (const v of d.votes) expect(votes.has(v)).toBe(true);
    }
    for (const v of openDataFile(graph, 'votes', to).items) for (const d of v.decisions) expect(decisions.has(d)).toBe(true);
    for (const m of openDataFile(graph, 'memberships', to).items) expect(people.has(m.person_id)).toBe(true);
    // Every decision and every vote once, translations left out.
    expect(decisions.size).toBe(graph.register.length);
    expect(votes.size).toBe([...graph.minutesOf.values()].reduce((n, m) => n + m.data.votes.length, 0));
  });
});

test('the schema check finds a record that breaks the published schema', () => {
  const data = JSON.parse(JSON.stringify(openDataFile(parish, 'votes', to)));
  const schema = openDataJsonSchema('votes', to);
  expect(schemaErrors(schema, data)).toEqual([]);
  data.items[1].counts[0].option = 'for';
  delete data.items[0].minutes_id;
  data.items[0].extra = 1;
  expect(schemaErrors(schema, data)).toEqual([
    expect.stringMatching(/^\$\.items\[0\]: no minutes_id/),
    expect.stringMatching(/^\$\.items\[0\]: extra is not in the schema/),
    expect.stringMatching(/^\$\.items\[1\]\.counts\[0\]\.option: "for" not one of/),
  ]);
});

describe('meetings.json', () => {
  const meetings = openDataFile(seed, 'meetings', to).items;

  test('a meeting has its agenda in printed order, each item with its papers and its place on the meeting page', () => {
    const m = meetings.find((x) => x.id === 'leicestershire/scrutiny-commission/2015-04-22')!;
    expect(m.name).toBe('Scrutiny Commission, Wednesday 22 April 2015');
    expect(m.url).toBe(`${site}/meetings/leicestershire/scrutiny-commission/2015-04-22/`);
    expect(m.agenda.map((i) => i.order)).toEqual(m.agenda.map((_, i) => i + 1));
    const item = m.agenda.find((i) => i.number === '9')!;
    expect(item).toMatchObject({
      title: 'Communities Strategy Action Plan.',
      report_by: 'Chief Executive',
      url: `${m.url}#item-9`,
      documents: [{ id: 'leicestershire/scrutiny-commission/2015-04-22/communities-strategy-action-plan', url: `${site}/documents/leicestershire/scrutiny-commission/2015-04-22/communities-strategy-action-plan/` }],
    });
    expect(m.agenda.find((i) => i.number === '11')!.note).toMatch(/3 June 2015/);
    expect(m.sources[0]!.url).toBe(`${site}/sources/leicestershire-scrutiny-commission-2015-04-22/`);
  });

  test('a meeting with minutes links them, and names who was there in each capacity', () => {
    const m = meetings.find((x) => x.id === 'leicestershire/scrutiny-commission/2015-03-04')!;
    expect(m.minutes_url).toBe(`${site}/minutes/leicestershire/scrutiny-commission/2015-03-04/`);
    expect(m.end_date).toBe('2015-03-04T16:45:00+00:00');
    expect(m.participants).toContainEqual({ name: 'Mr. S. J. Galton CC', person_id: 'leicestershire/s-j-galton', note: 'present', role: 'in the Chair' });
    expect(m.participants.filter((p) => p.note === 'in attendance').map((p) => p.person_id)).toContain('leicestershire/b-l-pain');
  });

  test('a meeting with only a date keeps only the date, and its closing time gets the offset of the day', () => {
    const m = openDataFile(parish, 'meetings', to).items[0]!;
    expect(m.start_date).toBe('2018-11-06');
    expect(m.end_date).toBe('2018-11-06T20:50:00+00:00');
  });
});

describe('decisions and votes', () => {
  test('a decision names its minute, its mover and its seconder with their person ids', () => {
    const d = openDataFile(parish, 'decisions', to).items.find((x) => x.id === 'milburn/parish-council/2018-11-06/decision-18-11-3')!;
    expect(d).toMatchObject({
      url: `${site}/minutes/milburn/parish-council/2018-11-06/#decision-18-11-3`,
      minute: '18.11.3',
      minute_title: 'Minutes',
      minute_url: `${site}/minutes/milburn/parish-council/2018-11-06/#minute-18-11-3`,
      moved_by: { name: 'Councillor Healey', person_id: 'milburn/r-healey' },
      seconded_by: { name: 'Councillor Moran', person_id: 'milburn/p-moran' },
    });
    // A seconder the minutes do not name as a person keeps the printed words and no id.
    const rejected = openDataFile(parish, 'decisions', to).items.find((x) => x.kind === 'rejected')!;
    expect(rejected.seconded_by).toEqual({ name: 'a member of the public' });
    expect(rejected.votes).toEqual(['milburn/parish-council/2018-11-06/vote-18-11-7-2']);
  });

  test('a recorded vote has its printed counts and each member’s vote, as Open Civic Data options', () => {
    const v = openDataFile(parish, 'votes', to).items.find((x) => x.id === 'milburn/parish-council/2018-11-06/vote-18-11-7-2')!;
    expect(v.result).toBe('lost');
    expect(v.counts).toEqual([{ option: 'yes', value: 1 }, { option: 'no', value: 3 }, { option: 'abstain', value: 0 }]);
    expect(v.votes).toContainEqual({ option: 'yes', voter_name: 'Councillor Moran', voter_id: 'milburn/p-moran' });
    expect(v.votes.filter((x) => x.option === 'no').map((x) => x.voter_id)).toEqual(['milburn/d-richardson', 'milburn/r-healey', 'milburn/n-cresswell']);
    const csv = parseCsv(openDataCsv(parish, 'votes', to));
    const row = Object.fromEntries(csv[0]!.map((h, i) => [h, csv.find((r) => r[0] === v.id)![i]]));
    expect(row).toMatchObject({ result: 'lost', yes: '1', no: '3', abstain: '0', voted_yes: 'Councillor Moran', voted_no_ids: 'milburn/d-richardson; milburn/r-healey; milburn/n-cresswell' });
  });

  test('a vote with no counts printed has none, and a unanimous one says so', () => {
    const v = openDataFile(parish, 'votes', to).items.find((x) => x.id.endsWith('/vote-18-11-7-1'))!;
    expect(v).toMatchObject({ result: 'carried', unanimous: true, counts: [], votes: [] });
  });

  test('a decision’s text with commas and quotes survives the CSV', () => {
    const items = openDataFile(seed, 'decisions', to).items;
    const csv = parseCsv(openDataCsv(seed, 'decisions', to));
    const text = csv[0]!.indexOf('text');
    expect(items.some((d) => d.text.includes(','))).toBe(true);
    expect(csv.slice(1).map((r) => r[text])).toEqual(items.map((d) => d.text));
  });
});

describe('minutes.json', () => {
  test('minutes list their minutes with their anchors, and a translation points at the original without repeating its decisions', () => {
    const all = openDataFile(parish, 'minutes', to).items;
    const en = all.find((m) => m.id === 'milburn/parish-council/2018-11-06')!;
    expect(en.items.find((i) => i.number === '18.11.7')!.url).toBe(`${site}/minutes/milburn/parish-council/2018-11-06/#minute-18-11-7`);
    expect(en.items.find((i) => i.title === 'Present')!.url).toBe(`${site}/minutes/milburn/parish-council/2018-11-06/#minute-present`);
    expect(en.decisions).toHaveLength(3);
    const cy = all.find((m) => m.translation_of === en.id)!;
    expect(cy).toMatchObject({ lang: 'cy', decisions: [], votes: [] });
  });
});

describe('people.json and memberships.json', () => {
  test('a person has every printed form of their name as other names', () => {
    const p = openDataFile(seed, 'people', to).items.find((x) => x.id === 'leicestershire/s-j-galton')!;
    expect(p).toMatchObject({ name: 'S. J. Galton', honorific_prefix: 'Mr.', other_names: [{ name: 'Mr. S. J. Galton CC' }], url: `${site}/people/leicestershire/s-j-galton/` });
  });

  test('with no terms recorded, a membership is read from the meetings that list the person as a member or present', () => {
    const list = openDataFile(seed, 'memberships', to).items.filter((m) => m.person_id === 'leicestershire/s-j-galton');
    expect(list).toHaveLength(1);
    const [m] = list;
    const meetings = seed.meetingsByDate.filter((x) => x.data.body === 'leicestershire/scrutiny-commission' && [...x.data.membership, ...x.data.present].some((p) => p.person === 'leicestershire/s-j-galton'));
    expect(meetings.length).toBeGreaterThan(1);
    expect(m).toMatchObject({ organization_id: 'leicestershire/scrutiny-commission', role: 'member', first_seen: '2014-04-30', last_seen: '2023-04-12', url: `${site}/bodies/leicestershire/scrutiny-commission/` });
    expect(m!.meetings).toEqual(meetings.map((x) => x.id).reverse());
    // Officers in attendance are not members.
    expect(openDataFile(seed, 'memberships', to).items.some((x) => x.person_id === 'leicestershire/b-l-pain' && x.organization_id === 'leicestershire/scrutiny-commission')).toBe(false);
  });

  test('a recorded term gives its members their role and dates, and they are not listed again from meetings', () => {
    const terms = [{ term: '2015-2019', from: '2015-05-07', to: '2019-05-02', members: [{ person: 'milburn/d-richardson', role: 'Chair' }] }];
    const graph = buildGraph({ ...parish, bodies: parish.bodies.map((b) => (b.id === 'milburn/parish-council' ? { ...b, data: { ...b.data, terms } } : b)) });
    const list = openDataFile(graph, 'memberships', to).items;
    expect(list.filter((m) => m.person_id === 'milburn/d-richardson')).toEqual([
      expect.objectContaining({ role: 'Chair', label: '2015-2019', start_date: '2015-05-07', end_date: '2019-05-02', meetings: [] }),
    ]);
    expect(list.filter((m) => m.person_id === 'milburn/p-moran')).toEqual([expect.objectContaining({ role: 'member', first_seen: '2018-11-06' })]);
  });
});
