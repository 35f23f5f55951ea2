import { describe, expect, test } from 'vitest';
import { decisionKindLabel, motionsByPerson, movers } from '../../src/model/decision';
import { htmlLang, otherLanguages, readIn } from '../../src/model/language';
import { minuteAnchor, minuteHeading, minuteKey, minuteRef } from '../../src/model/meeting';
import { namedSides, voteCounts, voteResultLabel, votingRecords } from '../../src/model/vote';
import { PARISH_FIXTURE } from '../helpers/fixture-site';
import { contentGraph } from '../helpers/graph';

const parish = contentGraph(PARISH_FIXTURE);
const seed = contentGraph();
const ID = 'milburn/parish-council/2018-11-06';
const minutes = parish.minutesById.get(ID)!;
const welsh = parish.minutesById.get(`${ID}-cy`)!;

describe('minutes with unnumbered sections', () => {
  const items = minutes.data.items;

  test('each minute has a key and an anchor: its number, or its title when it has none', () => {
    expect(items.map(minuteKey)).toEqual(['Present', '18.11.1', '18.11.3', '18.11.6', '18.11.7', '18.11.9', 'Next Meeting']);
    expect(minuteAnchor(minuteKey(items[0]!))).toBe('minute-present');
    expect(minuteAnchor('18.11.1')).toBe('minute-18-11-1');
  });

  test('headings show the number as printed, and the title alone for an unnumbered section', () => {
    expect(items.map(minuteHeading)).toEqual([
      'Present',
      '18.11.1. Apologies',
      '18.11.3. Minutes',
      '18.11.6. Beacon to Commemorate 100 Years of Remembrance',
      '18.11.7 Finance',
      '18.11.9. Public Participation',
      'Next Meeting',
    ]);
  });

  test('a reference names and links a minute, and links nothing when the minutes have no such minute', () => {
    expect(minuteRef(items, '18.11.7')).toEqual({ anchor: 'minute-18-11-7', name: 'Minute 18.11.7', title: 'Finance', heading: '18.11.7 Finance', citation: 'Minute 18.11.7: Finance' });
    expect(minuteRef(items, 'Next Meeting')).toEqual({ anchor: 'minute-next-meeting', name: 'Next Meeting', title: 'Next Meeting', heading: 'Next Meeting', citation: 'Next Meeting' });
    expect(minuteRef(items, '99')).toEqual({ anchor: undefined, name: 'Minute 99', title: 'Minute 99', heading: 'Minute 99', citation: 'Minute 99' });
  });

  test('the register names each decision by its minute, and a seed minute as before', () => {
    const entry = parish.register.find((e) => e.decision.id === 'decision-18-11-7-b')!;
    expect(entry.subject).toBe('Finance');
    expect(entry.minute.citation).toBe('Minute 18.11.7: Finance');
    expect(decisionKindLabel[entry.decision.kind]).toBe('Rejected');
    expect(seed.register.find((e) => e.decision.id === 'decision-180-a')!.minute.heading).toBe('180. Enabling Growth Plan.');
  });
});

describe('proposers and seconders', () => {
  test('a decision lists its mover, then its seconder, leaving out whichever is not printed', () => {
    const [agreed, , rejected] = minutes.data.decisions;
    expect(movers(agreed!).map((m) => [m.role, m.person.printed])).toEqual([['moved', 'Councillor Healey'], ['seconded', 'Councillor Moran']]);
    expect(movers({ secondedBy: { printed: 'Cllr X' } }).map((m) => m.role)).toEqual(['seconded']);
    expect(movers({})).toEqual([]);
    expect(rejected!.kind).toBe('rejected');
  });

  test("a person's motions list the decisions they moved or seconded, newest first; a name with no person id is nobody's", () => {
    const moran = motionsByPerson(parish.register).get('milburn/p-moran')!;
    expect(moran.map((m) => [m.entry.decision.id, m.role])).toEqual([['decision-18-11-3', 'seconded'], ['decision-18-11-7-b', 'moved']]);
    expect(parish.motions.get('milburn/p-moran')).toEqual(moran);
    expect([...parish.motions.keys()].sort()).toEqual(['milburn/d-richardson', 'milburn/n-cresswell', 'milburn/p-moran', 'milburn/r-healey']);
  });
});

describe('votes', () => {
  const [unanimous, recorded] = minutes.data.votes;

  test.each([
    [{ result: 'carried', unanimous: true }, 'Carried unanimously'],
    [{ result: 'carried', unanimous: false }, 'Carried'],
    [{ result: 'lost', unanimous: false }, 'Lost'],
    [{ result: undefined, unanimous: true }, 'Unanimous'],
    [{ result: undefined, unanimous: false }, 'Result not printed'],
  ] as const)('result %o is "%s"', (vote, label) => expect(voteResultLabel(vote)).toBe(label));

  test('counts are given in words, only as far as printed', () => {
    expect(voteCounts(recorded!)).toBe('1 for, 3 against, 0 abstentions');
    expect(voteCounts({ for: 7, against: undefined, abstain: 1 })).toBe('7 for, 1 abstention');
    expect(voteCounts(unanimous!)).toBeUndefined();
  });

  test('a recorded vote has its three named sides; another vote has none', () => {
    expect(namedSides(recorded!).map((s) => [s.side, s.people.map((p) => p.person)])).toEqual([
      ['for', ['milburn/p-moran']],
      ['against', ['milburn/d-richardson', 'milburn/r-healey', 'milburn/n-cresswell']],
      ['abstain', []],
    ]);
    expect(namedSides(unanimous!)).toEqual([]);
  });

  test("a person's voting record holds each recorded vote they are named in, with side, minute and meeting", () => {
    const records = votingRecords(parish.minutes, parish.meeting);
    const moran = records.get('milburn/p-moran')!;
    expect(moran).toHaveLength(1);
    expect(moran[0]).toMatchObject({ side: 'for', printed: 'Councillor Moran', minutes: { id: ID }, meeting: { id: ID }, vote: { id: 'vote-18-11-7-2' } });
    expect(moran[0]!.minute.anchor).toBe('minute-18-11-7');
    expect(records.get('milburn/r-healey')!.map((r) => r.side)).toEqual(['against']);
    expect(records.has('milburn/j-connelly')).toBe(false);
    expect(parish.votes.get('milburn/p-moran')).toEqual(moran);
  });
});

describe('minutes in two languages', () => {
  test('a meeting maps to its minutes in their first language; the Welsh translation is found from them', () => {
    expect(parish.minutesOf.get(ID)).toBe(minutes);
    expect(parish.minutesTranslations.get(ID)).toEqual([welsh]);
    expect(welsh.data.lang).toBe('cy');
  });

  test("a translation's decisions are not counted again in the register or in anyone's record", () => {
    expect(parish.register.filter((e) => e.decision.id === 'decision-18-11-7-a').map((e) => e.minutes.id)).toEqual([ID]);
    expect(parish.register).toHaveLength(minutes.data.decisions.length);
  });

  test('each language version links to the other, in its own language', () => {
    expect(otherLanguages(minutes, parish.minutesById, parish.minutesTranslations)).toEqual([welsh]);
    expect(otherLanguages(welsh, parish.minutesById, parish.minutesTranslations)).toEqual([minutes]);
    expect(otherLanguages(seed.minutes[0]!, seed.minutesById, seed.minutesTranslations)).toEqual([]);
    expect([htmlLang.cy, readIn.cy, htmlLang.en, readIn.en]).toEqual(['cy', 'Darllenwch yn Gymraeg', 'en-GB', 'Read in English']);
  });

  test('documents too', () => {
    const notice = parish.document.get(`${ID}/decision-notice`)!;
    const cy = parish.document.get(`${ID}/decision-notice-cy`)!;
    expect(otherLanguages(notice, parish.document, parish.documentTranslations)).toEqual([cy]);
    expect(otherLanguages(cy, parish.document, parish.documentTranslations)).toEqual([notice]);
  });
});
