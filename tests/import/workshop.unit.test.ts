import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { erratum as erratumSchema, workshopSchema } from '../../src/schema';
import { checkCounts } from '../../scripts/import/extract/count';
import { actionsFromTables, type ActionRow } from '../../scripts/import/extract/plan-action';
import { toLines, type SourceLine } from '../../scripts/import/read/line';
import { findWorkshops } from '../../scripts/import/extract/workshop';
import { appendixA, SOURCES as seeds, tableOf } from '../helpers/seeds';

const pack = (name: string): SourceLine[] => toLines(readFileSync(resolve(seeds, name), 'utf8'));

const pack2015 = pack('leicestershire-scrutiny-commission-2015-04-22.txt');
const copy2015 = pack('leicestershire-communities-strategy-action-plan-2015.txt');


const actionPlan = actionsFromTables(appendixA.map(([start, end]) => tableOf(pack2015, start, end)));
const found = findWorkshops(pack2015, { actions: actionPlan.actions });
const workshop = (label: string) => found.workshops.find((w) => w.label === label);

describe('findWorkshops: 2015 pack', () => {
  test('lists seven workshops, W1 to W7, from the cover report', () => {
    expect(found.workshops.map((w) => [w.label, w.number, w.line])).toEqual([
      ['W1', '1', 678],
      ['W2', '2', 680],
      ['W3', '3', 682],
      ['W4', '4', 684],
      ['W5', '5', 686],
      ['W6', '6', 688],
      ['W7', '7', 690],
    ]);
    expect(workshop('W7')?.workshop.title).toBe('How can communities generate income for community projects?');
  });

  test.each([
    // label, printed number in Appendix B, section range, theme, top ideas, other ideas
    ['W1', '1', 974, 1005, 'HOW CAN COMMUNITIES HELP PEOPLE TO BE MORE PHYSICALLY HEALTHY AND MENTALLY ACTIVE', 10, 8],
    ['W2', '2', 1007, 1043, 'HOW CAN COMMUNITIES HELP AND SUPPORT OLDER PEOPLE', 11, 9],
    ['W4', '4', 1082, 1111, 'HOW CAN I HELP AND SUPPORT YOUNG PEOPLE IN MY COMMUNITY', 10, 7],
    ['W5', '3', 1045, 1080, 'HOW CAN COMMUNITIES IMPROVE THEIR ENVIRONMENT', 10, 10],
    ['W6', '6', 1113, 1143, 'HOW CAN I HELP PEOPLE IN MY COMMUNITY TO GET FROM A TO B', 10, 7],
  ])('%s has the Appendix B section headed WORKSHOP %s', (label, printedNumber, start, end, theme, top, other) => {
    const w = workshop(label);
    expect(w?.section).toMatchObject({ printedNumber, start, end, theme });
    expect(w?.workshop.theme).toBe(theme);
    expect(w?.section?.topIdeas).toHaveLength(top);
    expect(w?.section?.otherIdeas).toHaveLength(other);
  });

  test.each([
    ['W3', [700]],
    ['W7', []],
  ])('%s has no section in Appendix B; other lines that name it: %j', (label, mentions) => {
    expect(workshop(label)?.section).toBeUndefined();
    expect(workshop(label)?.workshop.theme).toBeUndefined();
    expect(workshop(label)?.mentions.map((m) => m.line)).toEqual(mentions);
  });

  test('Appendix B numbers the environment workshop 3 where the cover list has it as W5: an erratum', () => {
    expect(found.errata).toEqual([
      {
        erratum: {
          subject: 'Workshop number in the heading at line 1045',
          printed: 'WORKSHOP 3',
          expected: 'W5',
          note: 'This heading numbers the workshop 3, but its theme is W5 in the list at line 686 ("How can communities improve their environment (including housing, community buildings and green spaces)?"). W3 in that list is "How can I help and support families with young children in my community?".',
        },
        lines: [1045, 686],
      },
    ]);
    expect(erratumSchema.parse(found.errata[0]?.erratum)).toEqual(found.errata[0]?.erratum);
  });

  test('ideas are kept as printed, with their lines', () => {
    const w1 = workshop('W1')?.section;
    expect(w1?.topHeading).toEqual({ text: 'The Top Ten', line: 976 });
    expect(w1?.topIdeas[0]).toEqual({ text: 'Festivals, Fetes and Community events', line: 978 });
    expect(w1?.topIdeas[9]).toEqual({ text: "Better links between schools/colleges and older people's groups", line: 987 });
    expect(w1?.otherHeading).toEqual({ text: 'Other ideas', line: 989 });
    expect(w1?.otherIdeas[1]).toMatchObject({ line: 993, category: 'Social activities' });
    expect(w1?.otherIdeas[1]?.text).toMatch(/^Social activities - 'Street Meet' – meet the neighbours/);
    expect(workshop('W2')?.section?.otherIdeas[0]?.category).toBeUndefined();
  });

  test('the empty bullets around the W2 Top Ten are left unused, and the list of eleven is a checkCounts erratum', () => {
    const w2 = workshop('W2')?.section;
    expect(w2?.unused).toEqual([1011, 1023]);
    expect(w2?.topIdeas.map((i) => i.line)).toEqual([1012, 1013, 1014, 1015, 1016, 1017, 1018, 1019, 1020, 1021, 1022]);
    const counted = checkCounts(pack2015).filter((c) => c.line >= (w2?.start ?? 0) && c.line <= (w2?.end ?? 0));
    expect(counted.map((c) => [c.erratum.printed, c.erratum.expected])).toEqual([['Ten', '11']]);
  });

  test('Six workshops in the text against seven listed is a checkCounts erratum at every claim', () => {
    const six = checkCounts(pack2015).filter((c) => c.list.start === workshop('W1')?.line);
    expect(six.map((c) => c.line)).toEqual([649, 676, 724, 769, 785]);
  });

  test('the appendix title and the cross-workshop activities', () => {
    expect(found.overview).toEqual({ title: 'Communities Strategy Delivery Planning Workshops Overview – January to March 2015', line: 931 });
    expect(found.activities.map((a) => [a.label, a.value, a.start, a.end])).toEqual([
      ['One', 1, 933, 970],
      ['Two', 2, 972, 972],
      ['Three', 3, 1145, 1215],
    ]);
    const [one, , three] = found.activities;
    expect(one?.groups).toEqual([{ items: expect.arrayContaining([{ text: 'Everyone is vulnerable...in some shape or form...at some point in their life', line: 935 }]) }]);
    expect(one?.unused[0]).toBe(940);
    expect(one?.unused).toContain(969);
    expect(three?.groups.map((g) => [g.heading, g.line, g.items.length])).toEqual([
      ['Willingness to do things', 1149, 14],
      ['Understanding what works', 1166, 15],
      ['Support to get started', 1184, 14],
      ['Support to keep going', 1201, 13],
    ]);
  });

  test('no action in Appendix A names a workshop, so none is linked, and the result says why', () => {
    expect(found.workshops.every((w) => w.workshop.actions.length === 0)).toBe(true);
    expect(found.actionLinks).toMatch(/^No action in the plan names a workshop/);
    expect(findWorkshops(pack2015).actionLinks).toMatch(/^No action plan was given/);
  });

  test('an action that names a workshop is linked to it (synthetic)', () => {
    const row = actionPlan.actions[0] as ActionRow;
    const naming: ActionRow = { ...row, action: { ...row.action, ref: 'X1', text: 'Follow up the ideas from Workshop 2' } };
    const linked = findWorkshops(pack2015, { actions: [naming] });
    expect(linked.workshops.find((w) => w.label === 'W2')?.workshop.actions).toEqual(['X1']);
    expect(linked.workshops.filter((w) => w.workshop.actions.length > 0)).toHaveLength(1);
  });

  test('no text is lost: every line with text in a section is data or listed as unused', () => {
    const used = new Set(found.lines);
    for (const w of found.workshops) {
      const section = w.section;
      if (!section) continue;
      const withText = pack2015.filter((l) => l.n >= section.start && l.n <= section.end && l.text.trim() !== '').map((l) => l.n);
      expect(withText.filter((n) => !used.has(n) && !section.unused.includes(n))).toEqual([]);
    }
    for (const a of found.activities) {
      const withText = pack2015.filter((l) => l.n >= a.start && l.n <= a.end && l.text.trim() !== '').map((l) => l.n);
      expect(withText.filter((n) => !used.has(n) && !a.unused.includes(n))).toEqual([]);
    }
  });

  test('the fields it fills fit a workshop entry', () => {
    for (const w of found.workshops) {
      const entry = { strategy: 'leicestershire/communities-strategy-action-plan', source: { pack: 'leicestershire-2015-04-22' }, ...w.workshop };
      expect(workshopSchema.parse(entry)).toMatchObject(w.workshop);
    }
  });
});

describe('findWorkshops: the separately published 2015 cover report', () => {
  const copy = findWorkshops(copy2015);

  test('holds the same seven workshops and no appendix', () => {
    expect(copy.workshops.map((w) => [w.label, w.line])).toEqual([
      ['W1', 40],
      ['W2', 42],
      ['W3', 44],
      ['W4', 46],
      ['W5', 48],
      ['W6', 50],
      ['W7', 52],
    ]);
    expect(copy.workshops.map((w) => w.workshop.title)).toEqual(found.workshops.map((w) => w.workshop.title));
    expect(copy.workshops.every((w) => w.section === undefined)).toBe(true);
    expect(copy.activities).toEqual([]);
    expect(copy.errata).toEqual([]);
    expect(copy.overview).toBeUndefined();
  });

  test('and the same mentions: Workshop 3 postponed, Workshops 5 and 6', () => {
    expect(copy.workshops.filter((w) => w.mentions.length > 0).map((w) => [w.label, w.mentions.map((m) => m.line)])).toEqual([
      ['W3', [62]],
      ['W5', [66]],
      ['W6', [66]],
    ]);
  });
});

describe('findWorkshops: packs without workshops', () => {
  test.each(['leicester-city-cabinet-2009-07-13.txt', 'leicestershire-scrutiny-commission-2023-04-12.txt', 'leicestershire-scrutiny-commission-2014-04-30-supplement.txt'])(
    '%s',
    (name) => {
      const none = findWorkshops(pack(name));
      expect(none.workshops).toEqual([]);
      expect(none.activities).toEqual([]);
      expect(none.errata).toEqual([]);
    },
  );
});
