import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readContentTree } from '../../scripts/content-tree';
import { partDigests, partFollow, planEntry, summarize } from '../../scripts/build/summary';
import { follow, followFrom } from '../../src/model/follow';
import type { Entry } from '../../src/model/entry';
import type { GraphInput } from '../../src/model/graph';
import { entryKey, partition, SITE_PART } from '../../src/model/partition';
import { graphFromSummary, parseSummary, readSummary, summaryJson } from '../../src/model/summary';
import { collectionNames } from '../../src/schema';
import { checkContentTree, type ParsedEntry } from '../../src/schema/validate';
import { contentGraph } from '../helpers/graph';

const CONTENT = join(import.meta.dirname, '..', '..', 'content');
const tree = readContentTree(CONTENT);
const checked = checkContentTree(tree);
/** The seed content checked again with one file's text changed, as the next build reads it. */
const recheckedWith = (file: string, change: (text: string) => string): ParsedEntry[] =>
  checkContentTree(
    Object.fromEntries(Object.entries(tree).map(([name, list]) => [name, list!.map((f) => (f.file.path === file ? { ...f, file: { ...f.file, text: change(f.file.text) } } : f))])),
  ).entries;
const seed = contentGraph();
/** The collections whose entries have pages of their own, built in their part. */
const PART_COLLECTIONS = ['meetings', 'minutes', 'documents', 'kpis', 'workshops', 'sources'];

describe('the seed site divided into parts', () => {
  const { parts, partOf } = seed.partition;

  test('every entry with pages of its own is in one part; councils, bodies and people are the site part’s', () => {
    for (const name of collectionNames) {
      for (const entry of seed[name] as Entry<unknown>[]) {
        const part = partOf.get(entryKey(name, entry.id));
        if (PART_COLLECTIONS.includes(name)) expect(parts.map((p) => p.name), `${name}/${entry.id}`).toContain(part);
        else expect(part, `${name}/${entry.id}`).toBeUndefined();
      }
    }
    expect(parts.map((p) => p.name)).not.toContain(SITE_PART);
  });

  test('parts are the councils’ years, newest first, the newest year of each council alone and older small years together', () => {
    expect(parts.map((p) => [p.name, p.label])).toEqual([
      ['leicestershire-2023', 'Leicestershire County Council, 2023'],
      ['leicestershire-2014-2015', 'Leicestershire County Council, 2014–2015'],
      ['leicester-2009', 'Leicester City Council, 2009'],
    ]);
  });

  test('minutes go with their meeting, and appendices, versions and translations with the paper they belong to', () => {
    const where = (collection: 'meetings' | 'minutes' | 'documents', id: string) => partOf.get(entryKey(collection, id));
    for (const m of seed.minutes) expect(where('minutes', m.id)).toBe(where('meetings', m.data.meeting));
    const related = seed.documents.filter((d) => d.data.parent || d.data.versionOf || d.data.translationOf);
    expect(related.length).toBeGreaterThan(0);
    for (const d of related) expect(where('documents', d.id)).toBe(where('documents', (d.data.parent ?? d.data.versionOf ?? d.data.translationOf)!));
    for (const w of seed.workshops) expect(partOf.get(entryKey('workshops', w.id))).toBe(where('documents', w.data.strategy));
  });
});

/** A made-up council's meetings, one per date, each with one paper, for the rules that the seeds are too small to show. */
function meetings(dates: string[], council = 'ayton'): GraphInput {
  const input = Object.fromEntries(collectionNames.map((n) => [n, []])) as unknown as Record<string, unknown[]>;
  input['councils'] = [{ id: council, data: { name: 'Ayton Council' } }];
  input['bodies'] = [{ id: `${council}/full`, data: { name: 'Full Council' } }];
  dates.forEach((date, i) => {
    input['meetings']!.push({ id: `${council}/full/${date}-${i}`, data: { council, body: `${council}/full`, start: date } });
    input['documents']!.push({ id: `${council}/full/${date}-${i}/report`, data: { council, meeting: `${council}/full/${date}-${i}`, source: { pack: 'p' } } });
  });
  return input as unknown as GraphInput;
}

describe('how years are put together', () => {
  const years = (input: GraphInput, size: number) => partition(input, ['council', 'year'], size).parts.map((p) => p.name);
  const dates = (year: number, n: number) => Array.from({ length: n }, () => `${year}-06-01`);

  test('the newest year is alone; older years share a part while they hold at most the part size', () => {
    const input = meetings([...dates(2020, 5), ...dates(2019, 3), ...dates(2018, 3), ...dates(2017, 3), ...dates(2016, 9)]);
    expect(years(input, 6)).toEqual(['ayton-2020', 'ayton-2018-2019', 'ayton-2017', 'ayton-2016']);
    expect(years(input, 100)).toEqual(['ayton-2020', 'ayton-2016-2019']);
    expect(years(input, 1)).toEqual(['ayton-2020', 'ayton-2019', 'ayton-2018', 'ayton-2017', 'ayton-2016']);
  });

  test('other keys: one part for everything, or one per council', () => {
    const input = meetings([...dates(2020, 2), ...dates(2010, 2)]);
    expect(partition(input, [], 10).parts.map((p) => [p.name, p.label])).toEqual([['all', 'All papers']]);
    expect(partition(input, ['council'], 10).parts.map((p) => [p.name, p.label])).toEqual([['ayton', 'Ayton Council']]);
    expect(partition(input, ['council', 'body', 'year'], 1).parts.map((p) => p.name)).toEqual(['ayton-full-2020', 'ayton-full-2010']);
  });
});

describe('the summary', () => {
  const summary = parseSummary(summaryJson(summarize(checked.entries, ['council', 'year'], 1500)));

  test('holds every entry once, with its part, and is all a part needs to link and list the whole site as one build does', () => {
    const graph = graphFromSummary(summary);
    for (const name of collectionNames) expect(graph[name].map((e) => e.id)).toEqual(seed[name].map((e) => e.id));
    expect(graph.register.map((d) => `${d.minutes.id}#${d.decision.id}`)).toEqual(seed.register.map((d) => `${d.minutes.id}#${d.decision.id}`));
    expect(graph.tables).toEqual(seed.tables);
    expect(graph.tables.tables).toBeGreaterThan(0);
    expect(graph.partition.partOf.size).toBe(seed.partition.partOf.size);
    for (const [key, part] of seed.partition.partOf) expect(graph.partition.partOf.get(key), key).toBe(part);
  });

  test('holds each entry’s data as its schema gives it, so a part renders an unquoted date and time as a whole build does', () => {
    const fixture = checkContentTree(readContentTree(join(import.meta.dirname, '..', 'fixtures', 'site')));
    const meeting = parseSummary(summaryJson(summarize(fixture.entries, ['council', 'year'], 1500))).entries.meetings[0]!;
    // Written unquoted (2015-04-22T14:00:00+01:00), so Astro's loader reads a Date, which the schema gives in UTC.
    expect((meeting.data as { start: unknown }).start).toBe('2015-04-22T13:00:00.000Z');
    expect(graphFromSummary(parseSummary(summaryJson(summarize(fixture.entries, [], 1500)))).meetings[0]!.data.start).toBe('2015-04-22T13:00:00.000Z');
  });

  test('is read once per process while its file is unchanged, and read again once the next build rewrites it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chamber-summary-'));
    try {
      const file = join(dir, 'summary.json');
      writeFileSync(file, summaryJson(summary));
      const first = readSummary(file);
      expect(readSummary(file)).toBe(first);
      const fewer = { ...summary, entries: { ...summary.entries, meetings: summary.entries.meetings.slice(1) } };
      writeFileSync(file, summaryJson(fewer));
      const second = readSummary(file);
      expect(second).not.toBe(first);
      expect(second.entries.meetings.map((e) => e.id)).toEqual(summary.entries.meetings.slice(1).map((e) => e.id));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('keeps no MDX body: a part reads its follow links, found across parts, from a file of its own', () => {
    expect(collectionNames.every((name) => summary.entries[name].every((e) => !('body' in e)))).toBe(true);
  });
});

describe('the follow links of each part', () => {
  const summary = summarize(checked.entries, ['council', 'year'], 1500);
  const links = partFollow(checked.entries.map(planEntry), summary);
  const whole = follow(seed);

  test("each part has the links its papers, minutes and agendas show, as the whole site's graph finds them, and no others", () => {
    const ids = { document: 'documents', minute: 'minutes', agenda: 'meetings' } as const;
    let shown = 0;
    for (const part of summary.parts) {
      const mine = followFrom(links.get(part.name)!, seed.meeting);
      for (const kind of ['document', 'minute', 'agenda'] as const) {
        const ours = ([key]: [string, unknown]) => seed.partition.partOf.get(entryKey(ids[kind], key.split('#')[0]!)) === part.name;
        // Only the earlier meetings: pages name no later one, so a new meeting leaves this part as it was.
        const expected = [...whole.returning[kind]].filter(ours).map(([key, list]) => [key, list.filter((e) => e.when === 'earlier')] as const);
        expect(mine.returning[kind], `${part.name} ${kind}`).toEqual(new Map(expected));
        expect(mine.histories.of[kind], `${part.name} ${kind}`).toEqual(new Map([...whole.histories.of[kind]].filter(ours)));
        shown += expected.length;
      }
      expect(mine.followUps.size + mine.histories.all.size).toBe(0);
    }
    expect(shown).toBe(whole.returning.document.size + whole.returning.minute.size + whole.returning.agenda.size);
    expect(shown).toBeGreaterThan(0);
  });

  test('the site part has every history, for the pages of items, and every decision’s later sources, for its registers', () => {
    const site = followFrom(links.get(SITE_PART)!, seed.meeting);
    expect(site.followUps).toEqual(whole.followUps);
    expect(site.histories.all).toEqual(whole.histories.all);
    expect(site.histories.all.size).toBeGreaterThan(0);
    expect([site.returning.document.size, site.returning.minute.size, site.returning.agenda.size, site.histories.of.document.size]).toEqual([0, 0, 0, 0]);
  });
});

describe('what each part is built from', () => {
  const digestsOf = (entries: ParsedEntry[]) => {
    const summary = summarize(entries, ['council', 'year'], 1500);
    return partDigests(entries, summary, partFollow(entries, summary));
  };
  const before = digestsOf(checked.entries);
  const changed = (entries: ParsedEntry[]) => {
    const after = digestsOf(entries);
    return [...before.keys()].filter((part) => before.get(part) !== after.get(part)).sort();
  };
  const edit = (pick: (e: ParsedEntry) => boolean, change: (e: ParsedEntry) => ParsedEntry) => checked.entries.map((e) => (pick(e) ? change(e) : e));
  const partOfDocument = (id: string) => seed.partition.partOf.get(entryKey('documents', id));

  test('a change to a paper’s text changes its part alone: the site part lists papers, it does not show their text', () => {
    const doc = seed.documents.find((d) => partOfDocument(d.id) === 'leicester-2009')!;
    const file = checked.entries.find((e) => e.collection === 'documents' && e.id === doc.id)!.file;
    expect(changed(recheckedWith(file, (text) => `${text}\nOne more sentence.\n`))).toEqual(['leicester-2009']);
  });

  test('the plan is the same from entries without the bodies it does not keep, as the content check hands it over', () => {
    const light = checked.entries.map(planEntry);
    expect(light.filter((e) => e.collection === 'documents').every((e) => e.body === undefined && e.bodyDigest)).toBe(true);
    const full = summarize(checked.entries, ['council', 'year'], 1500);
    const summary = summarize(light, ['council', 'year'], 1500, full.tables);
    expect(summary).toEqual(full);
    expect(partFollow(light, summary)).toEqual(partFollow(checked.entries, summary));
    expect(partDigests(light, summary, partFollow(light, summary))).toEqual(partDigests(checked.entries, summary, partFollow(checked.entries, summary)));
  });

  test('a renamed person changes every part whose pages name them', () => {
    const person = seed.people.find((p) => (seed.appearances.get(p.id) ?? []).length > 0)!;
    const named = new Set((seed.appearances.get(person.id) ?? []).map((a) => seed.partition.partOf.get(entryKey('meetings', a.meeting.id))!));
    const after = changed(edit((e) => e.collection === 'people' && e.id === person.id, (e) => ({ ...e, raw: { ...(e.raw as object), name: 'A. N. Other' } })));
    expect(after).toEqual([...named, SITE_PART].sort());
  });
});
