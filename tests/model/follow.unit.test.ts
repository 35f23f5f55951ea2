import { describe, expect, test } from 'vitest';
import { buildGraph, type GraphInput } from '../../src/model/graph';
import { citedMinutes, decisionFollowUps, follow, followFrom, historyPath, minuteTexts, printsDate, registerFollowUps, returningItems, storedFollow, titleKey, type FollowUpLink } from '../../src/model/follow';
import { minuteKey } from '../../src/model/meeting';
import { meetingsWithVotes } from '../../src/model/vote';
import { documentSchema, meetingSchema, minutesSchema, type DocumentInput, type MeetingInput, type MinutesInput } from '../../src/schema';
import { PARISH_FIXTURE } from '../helpers/fixture-site';
import { contentGraph } from '../helpers/graph';

const seed = contentGraph();

describe('titles reduced to their subject', () => {
  test('editions, years and "draft" are left out, so one plan and its next edition meet', () => {
    expect(titleKey('Draft Youth Justice Strategic Plan 2015/16')).toBe('youth justice strategic plan');
    expect(titleKey('Draft Youth Justice Strategic Plan 2023 – 2026')).toBe('youth justice strategic plan');
    expect(titleKey('Local Plan Review – Update (v2)')).toBe('local plan review');
  });

  test('items taken at every meeting, and one-word headings, are never matched on their title', () => {
    for (const title of ['Question Time.', 'Declarations of interest in respect of items on the agenda.', 'Minutes of the meeting held on 4 March 2015.', 'APOLOGIES FOR ABSENCE', 'Date of next meeting.', 'Finance', 'Presentation of Petitions under Standing Order 35.', 'Any other items which the Chairman has decided to take as urgent.']) {
      expect(titleKey(title), title).toBeUndefined();
    }
  });
});

describe('the seed content', () => {
  const { returning, histories, followUps } = follow(seed);
  const YJ15 = 'leicestershire/scrutiny-commission/2015-04-22/draft-youth-justice-strategic-plan-2015-16';
  const YJ23 = 'leicestershire/scrutiny-commission/2023-04-12/draft-youth-justice-strategic-plan-2023-2026';

  test('the Youth Justice plan and its next edition, eight years apart, link to each other', () => {
    expect(returning.document.get(YJ15)!.map((e) => e.appearance.path)).toEqual([`/documents/${YJ23}/`]);
    expect(returning.document.get(YJ23)!.map((e) => e.appearance.path)).toEqual([`/documents/${YJ15}/`]);
    expect(returning.document.get(YJ23)![0]!.basis).toEqual(['title']);
    // The agenda items that considered them link to the other edition's paper too.
    expect(returning.agenda.get('leicestershire/scrutiny-commission/2015-04-22#8')!.map((e) => e.appearance.path)).toEqual([`/documents/${YJ23}/`]);
    expect(returning.agenda.get('leicestershire/scrutiny-commission/2023-04-12#8')!.map((e) => e.appearance.path)).toEqual([`/documents/${YJ15}/`]);
    expect([returning.document.get(YJ15)![0]!.when, returning.document.get(YJ23)![0]!.when]).toEqual(['later', 'earlier']);
  });

  test('both editions, and the agenda items that considered them, link to one history of the plan, listing each meeting once', () => {
    const link = { id: 'title-youth-justice-strategic-plan', council: 'leicestershire', basis: 'title' } as const;
    for (const key of [YJ15, YJ23]) expect(histories.of.document.get(key)).toEqual([link]);
    for (const key of ['leicestershire/scrutiny-commission/2015-04-22#8', 'leicestershire/scrutiny-commission/2023-04-12#8']) expect(histories.of.agenda.get(key)).toEqual([link]);
    const history = histories.all.get('leicestershire#title-youth-justice-strategic-plan')!;
    // The papers, not the agenda items that listed them: a paper is where a reader learns most.
    expect(history.appearances.map((a) => a.path)).toEqual([`/documents/${YJ15}/`, `/documents/${YJ23}/`]);
    expect(historyPath(link)).toBe('/items/leicestershire/#title-youth-justice-strategic-plan');
  });

  test('every appearance with another meeting is in a history that lists both meetings, and every history has two or more', () => {
    for (const kind of ['document', 'minute', 'agenda'] as const) {
      for (const [key, elsewhere] of returning[kind]) {
        const theirs = (histories.of[kind].get(key) ?? []).map((h) => histories.all.get(`${h.council}#${h.id}`)!);
        for (const e of elsewhere) expect(theirs.some((h) => h.appearances.some((a) => a.meeting === e.appearance.meeting)), key).toBe(true);
      }
    }
    expect(histories.all.size).toBeGreaterThan(0);
    for (const h of histories.all.values()) expect(new Set(h.appearances.map((a) => a.meeting.id)).size).toBe(h.appearances.length);
    for (const h of histories.all.values()) expect(h.appearances.length).toBeGreaterThan(1);
  });

  test('every link goes both ways, and standing items such as question time do not link meetings', () => {
    const all = [...returning.document, ...returning.agenda, ...returning.minute];
    expect(all.length).toBeGreaterThan(0);
    const agendaTitles = [...returning.agenda.keys()].map((k) => {
      const [meeting, number] = k.split('#');
      return seed.meeting.get(meeting!)!.data.agenda.find((i) => i.number === number)!.title;
    });
    expect(agendaTitles.filter((t) => /question|declaration|minutes|petition|urgent|next meeting/i.test(t))).toEqual([]);
    for (const [id] of returning.document) {
      const back = returning.document.get(returning.document.get(id)![0]!.appearance.path.replace(/^\/documents\/|\/$/g, ''));
      expect(back?.some((e) => e.appearance.path === `/documents/${id}/`)).toBe(true);
    }
  });

  test('the recommendations tracker reports on a March 2022 meeting not published here, so no decision is linked to it', () => {
    const tracker = seed.document.get('leicestershire/scrutiny-commission/2023-04-12/corporate-ways-of-working-programme-update')!;
    expect(tracker.data.plan!.actions.length).toBeGreaterThan(10);
    expect(seed.register.length).toBeGreaterThan(5);
    expect([...followUps.values()].flat()).toEqual([]);
  });

  test('no seed minutes record a vote, so the seed site has no votes page; the parish fixture has one', () => {
    expect(meetingsWithVotes(seed.minutesOf)).toEqual([]);
    expect(meetingsWithVotes(contentGraph(PARISH_FIXTURE).minutesOf)).toEqual(['milburn/parish-council/2018-11-06']);
  });
});

describe('reading minutes for citations', () => {
  test('minute numbers cited in a passage, and the meeting dates it prints', () => {
    expect(citedMinutes('Further to Minute 180 and minute no. 18.11.7, and Minutes 5a')).toEqual(['180', '18.11.7', '5a']);
    expect(citedMinutes('The minutes of the meeting were approved')).toEqual([]);
    expect(printsDate('the meeting held on the 6th November 2018', '2018-11-06')).toBe(true);
    expect(printsDate('the meeting held on 06/11/2018', '2018-11-06T19:00:00+00:00')).toBe(true);
    expect(printsDate('the meeting held on 6 November 2019', '2018-11-06')).toBe(false);
  });

  test('the minutes split into their numbered and unnumbered blocks', () => {
    const body = '<Minute title="Present">\n\nCllr A\n\n</Minute>\n\n<Minute number="4" label="4." title="Matters arising">\n\nMinute 7 refers.\n\n</Minute>';
    expect(minuteTexts(body).map((b) => [b.key, b.text.trim()])).toEqual([['Present', 'Cllr A'], ['4', 'Minute 7 refers.']]);
  });

  test('props written as the importer writes them, JSON strings in braces, even with a ">" or a quote in a title', () => {
    const body = '<Minute title={"Present"}>\n\nCllr A\n\n</Minute>\n\n<Minute number={"4"} label={"4."} title={"Costs > \\"budget\\""}>\n\nMinute 7 refers.\n\n</Minute>';
    expect(minuteTexts(body).map((b) => [b.key, b.text.trim()])).toEqual([['Present', 'Cllr A'], ['4', 'Minute 7 refers.']]);
  });

  test("every seed minutes' blocks are its items, by the key the register and anchors use", () => {
    for (const minutes of seed.minutes) {
      const keys = minuteTexts(minutes.body ?? '').map((b) => b.key);
      expect(keys.length, minutes.id).toBeGreaterThan(0);
      expect(keys, minutes.id).toEqual(expect.arrayContaining(minutes.data.items.map(minuteKey)));
    }
  });
});

/** A small council, built through the same schemas and graph as the site, for cases the seed does not have. */
function council(input: { meetings: Array<[string, MeetingInput]>; minutes: Array<[string, Omit<MinutesInput, 'source'>, string]>; documents: Array<[string, Omit<DocumentInput, 'source'>]> }) {
  const source = { pack: 'pack' };
  const graphInput: GraphInput = {
    councils: [],
    bodies: [],
    people: [],
    sources: [],
    kpis: [],
    workshops: [],
    meetings: input.meetings.map(([id, m]) => ({ id, data: meetingSchema.parse(m) })),
    minutes: input.minutes.map(([id, m, body]) => ({ id, data: minutesSchema.parse({ ...m, source }), body })),
    documents: input.documents.map(([id, d]) => ({ id, data: documentSchema.parse({ ...d, source }) })),
  };
  return buildGraph(graphInput);
}
const meeting = (start: string, agenda: MeetingInput['agenda'] = []): MeetingInput => ({ council: 'tow', body: 'tow/council', start, status: 'held', agenda });
const DEFIB = 'That the Council buy a defibrillator for the village hall and ask the Clerk to arrange training for volunteers';

describe('a small council: items that return, and decisions that later sources report on', () => {
  const g = council({
    meetings: [
      ['tow/council/2020-01-07', meeting('2020-01-07', [{ number: '1', title: 'Apologies' }, { number: '5', title: 'Draft Neighbourhood Plan 2020' }])],
      ['tow/council/2020-03-03', meeting('2020-03-03', [{ number: '1', title: 'Apologies' }, { number: '6', title: 'Action tracker', documents: ['tow/2020/tracker'] }])],
      ['tow/council/2021-05-04', meeting('2021-05-04', [{ number: '1', title: 'Apologies' }, { number: '4', title: 'Neighbourhood Plan 2021 – Update' }])],
    ],
    minutes: [
      [
        'tow/council/2020-01-07',
        {
          meeting: 'tow/council/2020-01-07',
          confirmedAt: 'tow/council/2020-03-03',
          items: [{ number: '12', title: 'Apologies' }, { number: '14', title: 'Defibrillator' }, { number: '15', title: 'Bus shelter' }],
          decisions: [
            { id: 'decision-14', minute: '14', printedAs: 'RESOLVED', text: DEFIB, kind: 'resolution' },
            { id: 'decision-15', minute: '15', printedAs: 'RESOLVED', text: 'That the bus shelter be repainted in the spring by the lengthsman', kind: 'resolution' },
          ],
        },
        '<Minute number={"14"} title={"Defibrillator"}>\n\nRESOLVED\n\n</Minute>',
      ],
      [
        'tow/council/2020-03-03',
        {
          meeting: 'tow/council/2020-03-03',
          items: [{ number: '20', title: 'Minutes' }, { number: '21', title: 'Matters arising' }],
        },
        '<Minute number={"20"} title={"Minutes"}>\n\nThe minutes of 7 January 2020 were approved; minute 15 was corrected.\n\n</Minute>\n\n<Minute number={"21"} title={"Matters arising"}>\n\nMinute 14: the defibrillator has been bought.\n\n</Minute>',
      ],
    ],
    documents: [
      [
        'tow/2020/tracker',
        {
          title: 'Action tracker',
          kind: 'action-plan',
          council: 'tow',
          meeting: 'tow/council/2020-03-03',
          plan: { actions: [{ ref: '3', text: `${DEFIB}.`, status: 'complete', statusPrinted: 'Done: installed in February' }, { ref: '4', text: 'That the report be noted', status: 'complete' }] },
        },
      ],
    ],
  });
  const { returning, histories, followUps } = follow(g);

  test('a plan that returns a year later is linked both ways on its agenda items; apologies are not', () => {
    expect(returning.agenda.get('tow/council/2020-01-07#5')!.map((e) => e.appearance.path)).toEqual(['/meetings/tow/council/2021-05-04/#item-4']);
    expect(returning.agenda.get('tow/council/2021-05-04#4')!.map((e) => e.appearance.path)).toEqual(['/meetings/tow/council/2020-01-07/#item-5']);
    expect(returning.agenda.has('tow/council/2020-01-07#1')).toBe(false);
  });

  test('a tracker row that repeats a decision, and a matters-arising minute that cites it, both report on it', () => {
    const links = followUps.get('tow/council/2020-01-07#decision-14')!;
    expect(links.map((l) => [l.kind, l.path])).toEqual([
      ['minute', '/minutes/tow/council/2020-03-03/#minute-21'],
      ['tracker', '/documents/tow/2020/tracker/'],
    ]);
    expect(links[0]!.basis).toBe('cites minute 14 of the minutes it confirms');
    expect(links[1]!.status).toBe('Done: installed in February');
  });

  test('stored as a part’s plan file keeps them, the links come back as found, with each meeting from the graph', () => {
    const back = (stored: ReturnType<typeof storedFollow>) => followFrom(JSON.parse(JSON.stringify(stored)) as typeof stored, g.meeting);
    const none = { document: new Map(), minute: new Map(), agenda: new Map() };
    expect(followUps.size).toBeGreaterThan(0);
    expect(back(storedFollow(follow(g), 'site'))).toEqual({ returning: none, histories: { all: histories.all, of: none }, followUps });
    const later = back(storedFollow(follow(g), { returning: (kind, id) => kind === 'agenda' && id === 'tow/council/2021-05-04' }));
    expect(later.returning.agenda).toEqual(new Map([['tow/council/2021-05-04#4', returning.agenda.get('tow/council/2021-05-04#4')]]));
    expect(later.returning.agenda.get('tow/council/2021-05-04#4')![0]!.appearance.meeting).toBe(g.meeting.get('tow/council/2020-01-07'));
    expect(later.histories.of.agenda).toEqual(new Map([['tow/council/2021-05-04#4', histories.of.agenda.get('tow/council/2021-05-04#4')]]));
    expect([later.returning.document.size, later.returning.minute.size, later.followUps.size, later.histories.all.size]).toEqual([0, 0, 0, 0]);
    // The earlier meeting keeps its history, not the later meeting itself: a meeting added later must not change its part.
    const earlier = back(storedFollow(follow(g), { returning: (kind, id) => kind === 'agenda' && id === 'tow/council/2020-01-07' }));
    expect(earlier.returning.agenda).toEqual(new Map([['tow/council/2020-01-07#5', []]]));
    expect(earlier.histories.of.agenda.get('tow/council/2020-01-07#5')).toEqual([{ id: 'title-neighbourhood-plan', council: 'tow', basis: 'title' }]);
  });

  test("a meeting that brings an item back a third time changes only the history, not what earlier meetings' parts keep", () => {
    const third = (extra: Array<[string, MeetingInput]>) =>
      council({ meetings: [['tow/council/2020-01-07', meeting('2020-01-07', [{ number: '5', title: 'Draft Neighbourhood Plan 2020' }])], ['tow/council/2021-05-04', meeting('2021-05-04', [{ number: '4', title: 'Neighbourhood Plan 2021 – Update' }])], ...extra], minutes: [], documents: [] });
    const part = (graph: ReturnType<typeof council>, id: string) => JSON.stringify(storedFollow(follow(graph), { returning: (kind, of) => kind === 'agenda' && of === id }));
    const site = (graph: ReturnType<typeof council>) => JSON.stringify(storedFollow(follow(graph), 'site'));
    const before = third([]);
    const after = third([['tow/council/2022-02-01', meeting('2022-02-01', [{ number: '7', title: 'Neighbourhood Plan: final version' }])]]);
    for (const id of ['tow/council/2020-01-07', 'tow/council/2021-05-04']) expect(part(after, id), id).toBe(part(before, id));
    expect(site(after)).not.toBe(site(before));
    expect(follow(after).histories.all.get('tow#title-neighbourhood-plan')!.appearances.map((a) => a.path)).toEqual(['/meetings/tow/council/2020-01-07/#item-5', '/meetings/tow/council/2021-05-04/#item-4', '/meetings/tow/council/2022-02-01/#item-7']);
    // An item that comes back for the first time does change its earlier meeting: it gains the link to its history.
    const first = council({ meetings: [['tow/council/2020-01-07', meeting('2020-01-07', [{ number: '5', title: 'Draft Neighbourhood Plan 2020' }])]], minutes: [], documents: [] });
    expect(part(before, 'tow/council/2020-01-07')).not.toBe(part(first, 'tow/council/2020-01-07'));
  });

  test('the register shows every report on a decision, and only the first later meeting its item came back to', () => {
    const at = (kind: FollowUpLink['kind'], start: string): FollowUpLink => ({ kind, meeting: { id: start, data: meetingSchema.parse(meeting(start)) }, title: `${kind} ${start}`, path: `/${kind}/${start}/`, basis: 'test' });
    const links = [at('minute', '2020-03-03'), at('returning', '2020-05-05'), at('tracker', '2020-06-02'), at('returning', '2020-09-01'), at('returning', '2021-01-05')];
    const history = { id: 'title-x', council: 'tow', basis: 'title' } as const;
    links[1] = { ...links[1]!, history };
    expect(registerFollowUps(links)).toEqual({ shown: [links[0], links[1], links[2]], moreMeetings: 2, history });
    expect(registerFollowUps(links.slice(0, 3))).toEqual({ shown: links.slice(0, 3), moreMeetings: 0, history });
    expect(registerFollowUps([])).toEqual({ shown: [], moreMeetings: 0, history: undefined });
  });

  test('a decision whose item came back links to the history that lists every later meeting', () => {
    const plan = (id: string, number: string, title: string) => ({ meeting: id, items: [{ number, title }], decisions: [{ id: `decision-${number}`, minute: number, printedAs: 'RESOLVED', text: 'To consult on the plan', kind: 'resolution' as const }] });
    const g3 = council({
      meetings: [['tow/council/2020-01-07', meeting('2020-01-07')], ['tow/council/2020-05-05', meeting('2020-05-05')]],
      minutes: [
        ['tow/council/2020-01-07', plan('tow/council/2020-01-07', '5', 'Draft Neighbourhood Plan 2020'), ''],
        ['tow/council/2020-05-05', plan('tow/council/2020-05-05', '9', 'Neighbourhood Plan – update'), ''],
      ],
      documents: [],
    });
    const links = decisionFollowUps(g3, returningItems(g3)).get('tow/council/2020-01-07#decision-5')!;
    expect(links.map((l) => [l.kind, l.path, l.history])).toEqual([['returning', '/minutes/tow/council/2020-05-05/#minute-9', { id: 'title-neighbourhood-plan', council: 'tow', basis: 'title' }]]);
  });

  test('a decision cited only where the minutes are confirmed, and matched by no tracker row, has no follow-up', () => {
    expect(followUps.get('tow/council/2020-01-07#decision-15')).toBeUndefined();
  });

  test('a tracker row that cites a minute by number and date reports on it; the same number with another date does not', () => {
    const g2 = council({
      meetings: [['tow/council/2020-01-07', meeting('2020-01-07')], ['tow/council/2021-01-05', meeting('2021-01-05')], ['tow/council/2022-06-07', meeting('2022-06-07')]],
      minutes: [
        ['tow/council/2020-01-07', { meeting: 'tow/council/2020-01-07', items: [{ number: '15', title: 'Bus shelter' }], decisions: [{ id: 'decision-15', minute: '15', printedAs: 'RESOLVED', text: 'To repaint the shelter', kind: 'resolution' }] }, ''],
        ['tow/council/2021-01-05', { meeting: 'tow/council/2021-01-05', items: [{ number: '15', title: 'Grit bins' }], decisions: [{ id: 'decision-15', minute: '15', printedAs: 'RESOLVED', text: 'To buy two grit bins', kind: 'resolution' }] }, ''],
      ],
      documents: [['tow/2022/log', { title: 'Action log', kind: 'other', council: 'tow', meeting: 'tow/council/2022-06-07', plan: { actions: [{ ref: 'A7', text: 'Minute 15 (7th January 2020): shelter repainted', status: 'complete' }] } }]],
    });
    const links = decisionFollowUps(g2, returningItems(g2));
    expect(links.get('tow/council/2020-01-07#decision-15')!.map((l) => [l.title, l.basis, l.status])).toEqual([['Action log, row A7', 'the row cites minute 15 of the meeting of 7 January 2020', 'complete']]);
    expect(links.has('tow/council/2021-01-05#decision-15')).toBe(false);
  });

  test('a minute number cited without the date, by minutes that did not confirm it, is not taken for it', () => {
    const later = council({
      meetings: [['tow/council/2020-01-07', meeting('2020-01-07')], ['tow/council/2022-01-04', meeting('2022-01-04')], ['tow/council/2022-03-01', meeting('2022-03-01')]],
      minutes: [
        ['tow/council/2020-01-07', { meeting: 'tow/council/2020-01-07', items: [{ number: '14', title: 'Defibrillator' }], decisions: [{ id: 'decision-14', minute: '14', printedAs: 'RESOLVED', text: DEFIB, kind: 'resolution' }] }, ''],
        ['tow/council/2022-03-01', { meeting: 'tow/council/2022-03-01', items: [{ number: '3', title: 'Matters arising' }] }, '<Minute number={"3"} title={"Matters arising"}>\n\nMinute 14 refers.\n\n</Minute>'],
      ],
      documents: [],
    });
    expect(decisionFollowUps(later, returningItems(later)).size).toBe(0);
    const dated = council({
      meetings: [['tow/council/2020-01-07', meeting('2020-01-07')], ['tow/council/2022-03-01', meeting('2022-03-01')]],
      minutes: [
        ['tow/council/2020-01-07', { meeting: 'tow/council/2020-01-07', items: [{ number: '14', title: 'Defibrillator' }], decisions: [{ id: 'decision-14', minute: '14', printedAs: 'RESOLVED', text: DEFIB, kind: 'resolution' }] }, ''],
        ['tow/council/2022-03-01', { meeting: 'tow/council/2022-03-01', items: [{ number: '3', title: 'Matters arising' }] }, '<Minute number={"3"} title={"Matters arising"}>\n\nMinute 14 of the meeting held on 7th January 2020 refers.\n\n</Minute>'],
      ],
      documents: [],
    });
    expect(decisionFollowUps(dated, returningItems(dated)).get('tow/council/2020-01-07#decision-14')!.map((l) => l.basis)).toEqual(['cites minute 14 of the meeting of 7 January 2020']);
  });
});
