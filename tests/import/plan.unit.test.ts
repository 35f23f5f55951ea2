import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { actionSchema, erratum as erratumSchema, riskSchema } from '../../src/schema';
import { checkCounts } from '../../scripts/import/extract/count';
import { actionsFromTable, actionsFromTables, isActionTable, splitDueStatus, type ActionsFound } from '../../scripts/import/extract/plan-action';
import { findPriorities, priorityRowsFromTable } from '../../scripts/import/extract/priority';
import { findRisks } from '../../scripts/import/extract/risk';
import { toLines, type SourceLine } from '../../scripts/import/read/line';
import { appendixA, SOURCES as seeds, tableOf } from '../helpers/seeds';

const pack = (name: string): SourceLine[] => toLines(readFileSync(resolve(seeds, name), 'utf8'));

const pack2015 = pack('leicestershire-scrutiny-commission-2015-04-22.txt');
const copy2015 = pack('leicestershire-communities-strategy-action-plan-2015.txt');
const pack2009 = pack('leicester-city-cabinet-2009-07-13.txt');
const pack2023 = pack('leicestershire-scrutiny-commission-2023-04-12.txt');
const pack2014 = pack('leicestershire-scrutiny-commission-2014-04-30-supplement.txt');


const linesFrom = (text: string): SourceLine[] => toLines(text);
const nonBlank = (lines: readonly SourceLine[], start: number, end: number) =>
  lines.filter((line) => line.n >= start && line.n <= end && line.text.trim() !== '').map((line) => line.n);

const communities = actionsFromTables(appendixA.map(([start, end]) => tableOf(pack2015, start, end)));
const delivery2009 = actionsFromTables(
  [
    [812, 822],
    [824, 835],
    [837, 847],
    [849, 862],
  ].map(([start, end]) => tableOf(pack2009, start as number, end as number)),
);
const tracker = actionsFromTable(tableOf(pack2023, 1510, 1592));
const at = (found: ActionsFound, line: number) => found.actions.find((row) => row.line === line);

describe('splitDueStatus', () => {
  test.each([
    ['Ongoing', { status: 'in-progress', statusPrinted: 'Ongoing' }],
    ['Complete', { status: 'complete', statusPrinted: 'Complete' }],
    ['Complete / Ongoing', { status: 'complete', statusPrinted: 'Complete / Ongoing' }],
    ['Jun-15', { due: 'Jun-15', status: 'unknown' }],
    ['Mar-Jun 15', { due: 'Mar-Jun 15', status: 'unknown' }],
    ['Pending', { status: 'not-started', statusPrinted: 'Pending' }],
    ['In process', { status: 'in-progress', statusPrinted: 'In process' }],
    ['TBC', { due: 'TBC', status: 'unknown' }],
    ['01/03/2016 and Ongoing', { due: '01/03/2016', status: 'in-progress', statusPrinted: 'Ongoing' }],
    ['Ongoing/ June 2015', { due: 'June 2015', status: 'in-progress', statusPrinted: 'Ongoing' }],
    ['Ongoing (2013-16)', { due: '2013-16', status: 'in-progress', statusPrinted: 'Ongoing' }],
    ['Dec 2009', { due: 'Dec 2009', status: 'unknown' }],
    ['', { status: 'unknown' }],
  ])('%j', (cell, expected) => {
    expect(splitDueStatus(cell)).toEqual(expected);
  });
});

describe('actionsFromTables: 2015 Communities Strategy Action Plan (Appendix A)', () => {
  test('reads 71 actions and every row of the seven tables', () => {
    expect(communities.actions).toHaveLength(71);
    expect(communities.unused).toEqual([]);
    const rows = appendixA.flatMap(([start, end]) => nonBlank(pack2015, start, end));
    expect(communities.lines).toEqual(rows);
  });

  test.each([
    // line, ref as printed, key, owner, status, statusPrinted, due, priority
    [835, 'P1.1', 'P1.1', 'Chief Execs/ Districts/ VCS organisations', 'in-progress', 'Ongoing', undefined, '1'],
    [838, 'P1.4', 'P1.4', 'Public Health', 'unknown', undefined, 'Mar-Jun 15', '1'],
    [841, '1.6.1', 'P1.6.1', 'Chief Execs', 'complete', 'Complete', undefined, '1'],
    [844, 'P1.9', 'P1.9', 'Chief Execs/ All LCC', 'unknown', undefined, undefined, '1'],
    [849, 'P2.5', 'P2.5', 'All LCC', 'in-progress', 'Ongoing', undefined, '2'],
    [853, '2.4.2', 'P2.4.2', 'Adults and Communities/ Chief Execs', 'in-progress', 'Ongoing', 'through 2015', '2'],
    [859, 'P3.1', 'P3.1', 'Chief Execs', 'in-progress', 'Ongoing', '01/03/2016', '3'],
    [864, 'BB.1.1', 'BB1.1', 'Chief Execs', 'unknown', undefined, 'Jun-15', undefined],
    [870, 'BB2.1', 'BB2.1', 'Chief Execs/ Public Health', 'complete', 'Complete', undefined, undefined],
    [879, 'BB3.1.1.', 'BB3.1.1', 'Chief Execs/ Age UK', 'in-progress', 'Ongoing', undefined, undefined],
    [889, 'BB.4.1', 'BB4.1', 'Chief Execs/ LRALC/ All LCC', 'complete', 'Complete / Ongoing', undefined, undefined],
    [904, 'BB.6.2', 'BB6.2', 'Chief Execs/ VAL', 'not-started', 'Pending', undefined, undefined],
    [905, '6.2.1', 'BB6.2.1', 'Adults and Communities', 'in-progress', 'Ongoing', undefined, undefined],
    [909, 'BB.6.6', 'BB6.6', 'Chief Execs', 'in-progress', 'In process', undefined, undefined],
    [915, 'BB7.3', 'BB7.3', 'Corporate Resources', 'unknown', undefined, 'TBC', undefined],
  ])('line %i: %s', (line, ref, key, owner, status, statusPrinted, due, priority) => {
    const row = at(communities, line);
    expect(row?.action.ref).toBe(ref);
    expect(row?.key).toBe(key);
    expect(row?.action.owner).toBe(owner);
    expect(row?.action.status).toBe(status);
    expect(row?.action.statusPrinted).toBe(statusPrinted);
    expect(row?.action.due).toBe(due);
    expect(row?.action.priority).toBe(priority);
  });

  test('the text is the Output/Area cell; success criteria are kept by their header', () => {
    const row = at(communities, 841);
    expect(row?.action.text).toBe('Vulnerability Workshops');
    expect(row?.other['Success Criteria, Further comments']).toBe(
      'A network of community champions to help with ongoing service design; a refined understanding of need.',
    );
  });

  test('priority and building-block rows are headings, not actions (even when the ref is fused to the title)', () => {
    expect(communities.sections.map((s) => [s.ref, s.kind, s.line])).toEqual([
      ['P.1', 'priority', 834],
      ['P.2', 'priority', 847],
      ['P.3', 'priority', 858],
      ['BB.1', 'building-block', 863],
      ['BB.2', 'building-block', 869],
      ['BB.3', 'building-block', 877],
      ['BB.4', 'building-block', 888],
      ['BB.5', 'building-block', 895],
      ['BB.6', 'building-block', 902],
      ['BB.7', 'building-block', 912],
      ['BB.8', 'building-block', 919],
    ]);
    expect(communities.sections[1]?.title).toBe('Communities design and deliver services');
    expect(communities.sections[4]?.title).toBe('Communities take responsibility for meeting their own needs');
    const refs = communities.actions.map((row) => row.action.ref);
    expect(refs).not.toContain('P.2');
    expect(refs).not.toContain('BB.2');
  });

  test('P2.5 printed twice is one erratum; the copy where P2.2 belongs is named', () => {
    expect(communities.errata).toEqual([
      {
        erratum: {
          subject: 'Action reference P2.5',
          printed: 'P2.5',
          expected: 'P2.2',
          note: 'The reference P2.5 is used twice (lines 849 and 856). The one at line 849 sits where P2.2 would be, and P2.2 is not used.',
        },
        lines: [849, 856],
      },
    ]);
  });

  test('every action and erratum fits the schema', () => {
    for (const row of communities.actions) expect(actionSchema.parse(row.action)).toEqual(row.action);
    for (const { erratum } of communities.errata) expect(erratumSchema.parse(erratum)).toEqual(erratum);
  });
});

describe('actionsFromTables: 2009 Homelessness Strategy delivery plan', () => {
  test('reads 40 actions under four priority sections', () => {
    expect(delivery2009.actions).toHaveLength(40);
    expect(delivery2009.sections.map((s) => s.ref)).toEqual(['1.', '2.', '3.', '4.']);
    expect(delivery2009.unused).toEqual([]);
  });

  test.each([
    [814, '1.2', '1', 'Vijay Desor', 'Dec 2009', 'unknown'],
    [834, '2.10', '2', 'Vijay Desor Shelia Jenkins', undefined, 'complete'],
    [845, '3.8', '3', 'Nigel Hewett', undefined, 'complete'],
    [862, '4.12', '4', 'Vijay Desor', 'April 2010', 'unknown'],
  ])('line %i: %s', (line, ref, priority, owner, due, status) => {
    const row = at(delivery2009, line);
    expect(row?.action).toMatchObject({ ref, priority, owner, status });
    expect(row?.action.due).toBe(due);
  });

  test('baseline, deliverer, resources and outcome are kept by header', () => {
    expect(Object.keys(at(delivery2009, 814)?.other ?? {})).toEqual([
      'Baseline position',
      'Who will deliver?',
      'Resources',
      'What is the proposed outcome?',
    ]);
  });

  test('a ref printed on a header row is an erratum where actions then start one on (1.1, 2.1, 3.1; not 4)', () => {
    expect(delivery2009.errata.map((e) => [e.erratum.printed, e.lines])).toEqual([
      ['1.1', [813, 814]],
      ['2.1', [825, 826]],
      ['3.1', [838, 839]],
    ]);
  });
});

describe('actionsFromTable: 2023 Ways of Working recommendations tracker', () => {
  test('reads recommendations (a) to (q); (r) is printed after the table', () => {
    expect(tracker.actions.map((row) => row.action.ref)).toEqual(
      ['(a)', '(b)', '(c)', '(d)', '(e)', '(f)', '(g)', '(h)', '(i)', '(j)', '(k)', '(I)', '(m)', '(n)', '(o)', '(p)', '(q)'],
    );
  });

  test('"(i)" and "(j)" after "(d) ... to access:" are sub-points of (d), not repeats of (i) and (j)', () => {
    const d = at(tracker, 1520);
    expect(d?.lines).toEqual([1520, 1521, 1523, 1524]);
    expect(d?.action.text).toMatch(/to access: \(i\) ongoing support .*; \(j\) training on how to best utilise/);
    expect(d?.progress.map((p) => p.line)).toEqual([1520, 1521, 1523]);
    expect(tracker.errata.map((e) => e.erratum.printed)).toEqual(['(I)']);
  });

  test.each([
    [1512, '(a)', [1512], undefined],
    [1557, '(j)', [1556], undefined],
    [1565, '(I)', [1565], undefined],
    [1571, '(m)', [1571], undefined],
    [1581, '(o)', [], 'Progress against recommendations'],
    [1583, '(p)', [1583], undefined],
  ])('line %i: %s with progress lines %j', (line, ref, progress, printedIn) => {
    const row = at(tracker, line);
    expect(row?.action.ref).toBe(ref);
    expect(row?.action.status).toBe('unknown');
    expect(row?.progress.map((p) => p.line)).toEqual(progress);
    expect(row?.printedIn).toBe(printedIn);
  });

  test('a continuation line joins the recommendation above it', () => {
    expect(at(tracker, 1583)?.action.text).toMatch(/working from home and whether the Council's insurance might be affected\.$/);
  });

  test('(I) between (k) and (m) is an erratum, printed as is', () => {
    expect(tracker.errata[0]).toEqual({
      erratum: {
        subject: 'Recommendation (I)',
        printed: '(I)',
        expected: '(l)',
        note: 'The recommendations run (k), (I), (m): (I) stands where (l) belongs.',
      },
      lines: [1565],
    });
  });

  test('progress that names no recommendation and follows a group heading is left for review', () => {
    expect(tracker.unused).toContain(1591);
    expect(tracker.lines).not.toContain(1591);
  });
});

describe('actionsFromTable: tables that are not action plans', () => {
  test.each([
    ['the 2015 risk register', tableOf(pack2015, 612, 613)],
    ['the 2009 homelessness targets', tableOf(pack2009, 752, 766)],
    ['the 2014 priority table', tableOf(pack2014, 279, 291)],
  ])('%s', (_name, table) => {
    expect(isActionTable(table)).toBe(false);
    expect(actionsFromTable(table)).toEqual({ actions: [], sections: [], errata: [], lines: [], unused: [] });
  });
});

describe('findPriorities', () => {
  const yj = findPriorities(pack2015);

  test.each([
    [513, '1', 1, 'Review arrangements linked to introducing the live reoffending toolkit'],
    [527, '3', 1, 'The YOS to progress towards obtaining the Restorative Justice Quality Mark'],
    [577, '8', 1, 'To conduct research to evaluate needs in relation to parenting support'],
    [587, '8', 1, 'During 2015/16 the LYOS and SLF/Changing lives programme'],
    [595, '9', 1, 'To ensure that the LYOS is linked into'],
    [651, '1', 2, 'Building the resilience and capacity of communities'],
    [717, 'One', 3, "A longer term 'demand management' role"],
    [750, 'Three', 3, 'Developing voluntary and community sector organisations'],
  ])('line %i: Priority %s (run %i)', (line, number, group, title) => {
    const found = yj.priorities.find((p) => p.lines[0] === line);
    expect(found?.priority.number).toBe(number);
    expect(found?.group).toBe(group);
    expect(found?.priority.title.startsWith(title)).toBe(true);
  });

  test('the 2015 pack has ten YJ priorities numbered to 9, three in bold, three in words', () => {
    expect(yj.priorities.map((p) => p.priority.number)).toEqual(
      ['1', '2', '3', '4', '5', '6', '7', '8', '8', '9', '1', '2', '3', 'One', 'Two', 'Three'],
    );
  });

  test('"Priority 8" printed twice is kept twice, with one erratum', () => {
    expect(yj.errata).toEqual([
      {
        erratum: {
          subject: 'Priority 8',
          printed: 'Priority 8',
          note: 'The number 8 is given to two different priorities (lines 577 and 587). Each is kept as printed: the plan lists ten priorities numbered 1 to 9.',
        },
        lines: [577, 587],
      },
    ]);
  });

  test('a title cut by a footnote is joined across it', () => {
    const two = yj.priorities.find((p) => p.priority.number === 'Two');
    expect(two?.lines).toEqual([733, 737]);
    expect(two?.priority.title).toBe(
      'Supporting community groups to take over relevant services, including those currently delivered by the County Council, and to work more closely alongside us to design and deliver services',
    );
  });

  test('markdown bold is not part of the title', () => {
    expect(yj.priorities.find((p) => p.lines[0] === 651)?.priority.title).toMatch(/^Building the resilience/);
  });

  test.each([
    ['the separate 2015 copy', copy2015, 6, []],
    ['the 2009 pack (homelessness 1-4, One Leicester one-eleven)', pack2009, 15, []],
    ['the 2023 pack', pack2023, 0, []],
  ])('%s', (_name, lines, count, errata) => {
    const found = findPriorities(lines);
    expect(found.priorities).toHaveLength(count);
    expect(found.errata).toEqual(errata);
  });

  test('2009 word numbers have values', () => {
    const eleven = findPriorities(pack2009).priorities.at(-1);
    expect(eleven).toMatchObject({ priority: { number: 'eleven' }, value: 11, lines: [2158] });
  });
});

describe('priorityRowsFromTable: 2014 Strategic Plan', () => {
  test('joins wrapped lines into rows', () => {
    const rows = priorityRowsFromTable(tableOf(pack2014, 279, 291));
    expect(rows.map((row) => [row.priority.title, row.lines])).toEqual([
      ['Transformation of Services/Council', [280, 281]],
      ['Improve Customer Service and Satisfaction', [282, 283, 284, 285]],
      ['Strong Staff Performance and Wellbeing', [286, 287, 288]],
      ['Equalities and Diversity', [289, 290, 291]],
    ]);
    expect(rows[0]?.plans).toBe('Implement Transformation Programme, projects and structure.');
    expect(rows[0]?.measures).toBe('Delivery of project milestones, outcomes and £40m efficiency savings.');
  });

  test('reads one-line rows as they are', () => {
    const rows = priorityRowsFromTable(tableOf(pack2014, 655, 659));
    expect(rows.map((row) => row.priority.title)).toEqual([
      'Reduce youth reoffending',
      'Reduce first time entrants to the youth justice system',
      'Minimise use of custodial sentences for young people',
    ]);
  });
});

describe('findRisks', () => {
  const yj = findRisks([tableOf(pack2015, 612, 613), tableOf(pack2015, 615, 616), tableOf(pack2015, 618, 619), tableOf(pack2015, 621, 622)]);

  test.each([
    [613, 'The numbers of First Time Entrants (FTEs) each year will level off or increase.', 2, 2, '4', '2', '1'],
    [616, 'Loss of funding leading to reduction of resources to support young people *Interventions not targeted effectively', 2, 2, '4', '1', '2'],
    [619, 'Low level use of remand and custody not maintained', 2, 2, '4', '2', '1'],
    [622, 'Risk of Harm posed by or to young people not effectively identified or managed', 3, 1, '3', '2', '1'],
  ])('2015 YJ risk at line %i: scores as printed, not inverted', (line, text, impact, likelihood, score, residualImpact, residualLikelihood) => {
    const row = yj.risks.find((r) => r.line === line);
    expect(row?.risk).toMatchObject({ risk: text, impact, likelihood, owner: 'Head of Service' });
    expect(row?.other['Risk Score']).toBe(score);
    expect(row?.other['Residual Impact']).toBe(residualImpact);
    expect(row?.other['Residual Likelihood']).toBe(residualLikelihood);
    expect(row?.risk.mitigation).not.toContain('<ul');
    expect(riskSchema.parse(row?.risk)).toEqual(row?.risk);
  });

  test('2015 YJ register: four risks, every line used, scores agree', () => {
    expect(yj.risks).toHaveLength(4);
    expect(yj.lines).toEqual([612, 613, 615, 616, 618, 619, 621, 622]);
    expect(yj.errata).toEqual([]);
  });

  test('2009 risk matrix: L/M/H kept as printed, wrapped risk joined, filler row left', () => {
    const matrix = findRisks([tableOf(pack2009, 448, 452)]);
    expect(matrix.risks).toHaveLength(1);
    expect(matrix.risks[0]).toMatchObject({
      risk: {
        risk: '1. Obligation (set out in the Homelessness Act 2002) for housing authorities to review their homelessness service and produce a strategy based on this review not met',
        mitigation: 'Homelessness Strategy to be signed off by Cabinet',
      },
      printed: { impact: 'L', likelihood: 'L' },
      lines: [449, 451],
    });
    expect(matrix.risks[0]?.risk.impact).toBeUndefined();
    expect(matrix.unused).toEqual([452]);
  });

  test('2023 tracker: challenges as risks, assurance as mitigation, under their group headings', () => {
    const found = findRisks([tableOf(pack2023, 1510, 1592)]);
    expect(found.risks).toHaveLength(35);
    const confidentiality = found.risks.find((r) => r.line === 1579);
    expect(confidentiality?.group).toBe('Confidentiality');
    expect(confidentiality?.lines).toEqual([1579, 1580, 1581]);
    expect(confidentiality?.risk.mitigation).toMatch(/^Guidance around how to maintain confidentiality .* a library or coffee shop\.$/);
    expect(found.risks.find((r) => r.line === 1542)?.risk.risk).toBe(
      'Staff health and wellbeing issues could be more difficult to spot when connecting remotely by both managers and peers and so risk going unnoticed.',
    );
  });

  test('a score that is not impact times likelihood is an erratum (synthetic)', () => {
    const table = tableOf(
      linesFrom('Risk\tImpact\tLikelihood\tRisk Score\tResidual Impact\tResidual Likelihood\tResidual Score\nFunding cut\t2\t3\t5\t1\t2\t2'),
      1,
      2,
    );
    expect(findRisks([table]).errata).toEqual([
      {
        erratum: {
          subject: 'Risk Score of the risk "Funding cut"',
          printed: '5',
          expected: '6',
          note: 'The risk score is printed as 5, but impact 2 times likelihood 3 is 6.',
        },
        lines: [2],
      },
    ]);
  });
});

describe('checkCounts', () => {
  test('2015 pack: every "six workshops" against W1-W7, and a Top Ten of eleven', () => {
    const found = checkCounts(pack2015);
    expect(found.map((c) => [c.line, c.erratum.printed, c.erratum.expected, c.list])).toEqual([
      [649, 'six', '7', { start: 678, end: 690 }],
      [676, 'Six', '7', { start: 678, end: 690 }],
      [724, 'Six', '7', { start: 678, end: 690 }],
      [769, 'Six', '7', { start: 678, end: 690 }],
      [785, 'six', '7', { start: 678, end: 690 }],
      [1009, 'Ten', '11', { start: 1011, end: 1023 }],
    ]);
    expect(found[0]?.erratum.note).toBe(
      'The text says "six" workshops, but the list at lines 678–690 names seven (W1–W7). Line 700 says: "Workshop 3 was postponed due to travel difficulties caused by snow but only seven people signed up for the rescheduled workshop on March 13 and therefore this was postponed again."',
    );
    expect(found[5]?.erratum.note).toBe('The heading says "Ten", but eleven items are listed under it (lines 1012–1022).');
  });

  test('the separate 2015 copy carries the same six-against-seven claims', () => {
    expect(checkCounts(copy2015).map((c) => c.line)).toEqual([11, 38, 86, 131, 147]);
  });

  test.each([
    ['2009', pack2009],
    ['2014', pack2014],
    ['2023', pack2023],
  ])('the %s pack has no count errata', (_name, lines) => {
    expect(checkCounts(lines)).toEqual([]);
  });

  test.each([
    ['a count that matches', 'Three workshops were held. The workshops were as follows:\n\nW1: a\n\nW2: b\n\nW3: c'],
    ['a partitive ("five of the")', 'Five of the workshops focussed on the following questions:\n- 1) WHO\n- 2) WHAT\n- 3) HOW'],
    ['a count in the lead-in that matches', 'We looked across four specific areas:\n\n- i. A\n- ii. B\n- iii. C\n- iv. D'],
    ['a different noun', 'Only seven people signed up. The workshops were as follows:\nW1: a\nW2: b'],
    ['a singular noun', 'Seven people signed up for the rescheduled workshop. The workshops were as follows:\nW1: a\nW2: b'],
    ['numbered paragraphs with no lead-in', 'Purpose\n\n1. Six workshops were held.\n2. They went well.\n3. More are planned.'],
    ['a list whose lead-in names nothing', 'Six workshops were held, and RESOLVED:\n(a) That one\n(b) That two'],
    ['a Top Ten of ten', 'Top Ten Ideas\n\n' + Array.from({ length: 10 }, (_, i) => `- idea ${i + 1}`).join('\n')],
    ['a heading that does not count', 'Priority one\n\n- a\n- b'],
  ])('does not flag %s', (_name, text) => {
    expect(checkCounts(linesFrom(text))).toEqual([]);
  });

  test.each([
    ['(a)/(b) items', 'The council made two recommendations. The recommendations were as follows:\n(a) x\n(b) y\n(c) z', 'two', '3'],
    ['1./2. items', 'There are four priorities. The priorities are as follows:\n1. A\n2. B\n3. C', 'four', '3'],
    ['digits and letter-number labels', 'The 5 risks matter. The risks are as follows:\nR1: a\nR2: b', '5', '2'],
    ['a counting heading', 'Top Five\n\n- a\n- b\n- c', 'Five', '3'],
  ])('flags %s', (_name, text, printed, expected) => {
    const found = checkCounts(linesFrom(text));
    expect(found.map((c) => [c.erratum.printed, c.erratum.expected])).toEqual([[printed, expected]]);
    expect(erratumSchema.parse(found[0]?.erratum)).toEqual(found[0]?.erratum);
  });
});
