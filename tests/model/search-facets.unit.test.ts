import { describe, expect, test } from 'vitest';
import { filterValues, meetingFacets, minutesFacets, reportFacets, searchablePages, siteFilterValues } from '../../src/model/search-facets';
import { contentGraph } from '../helpers/graph';

const graph = contentGraph();

describe('search facets of the seed content', () => {
  test('a meeting and its minutes share council, committee and date; only the type differs', () => {
    const minutes = graph.minutes[0]!;
    const meeting = graph.meeting.get(minutes.data.meeting)!;
    const [m, n] = [meetingFacets(graph, meeting), minutesFacets(graph, minutes)];
    expect(m.type).toBe('meeting');
    expect(n).toEqual({ ...m, type: 'minutes' });
    expect(m.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(m.council).toBe(graph.council.get(meeting.data.council)!.data.name);
    expect(m.body).toBe(graph.body.get(meeting.data.body)!.data.name);
  });

  test('a document taken to a meeting is dated by that meeting', () => {
    const strategy = graph.strategies.find((d) => d.data.meeting)!;
    const meeting = graph.meeting.get(strategy.data.meeting!)!;
    expect(reportFacets(graph, strategy).date).toBe(meetingFacets(graph, meeting).date);
  });

  test('each page searched once: a strategy by its document page, not again by its overview', () => {
    const pages = searchablePages(graph);
    expect(pages).toHaveLength(graph.meetings.length + graph.minutes.length + graph.documents.length + graph.kpis.length + graph.workshops.length);
    expect(pages.filter((p) => p.type === 'strategy').length).toBe(graph.documents.filter((d) => d.data.kind === 'strategy').length);
  });

  test('filter values file a kind under its broader type and a date under its year', () => {
    expect(filterValues({ type: 'action-plan', council: 'A', date: '2015-04-22' })).toEqual({ council: 'A', body: undefined, type: 'plan', year: '2015' });
  });

  test('the site offers every council, every year of a meeting and each broader type, once', () => {
    const values = siteFilterValues(graph);
    expect(new Set(values.council)).toEqual(new Set(graph.councils.map((c) => c.data.name)));
    const meetingYears = new Set(graph.meetings.map((m) => meetingFacets(graph, m).date!.slice(0, 4)));
    for (const year of meetingYears) expect(values.year).toContain(year);
    expect(values.type).toEqual(expect.arrayContaining(['meeting', 'minutes', 'report', 'strategy', 'plan']));
    expect(values.type).not.toContain('action-plan');
    for (const key of ['council', 'body', 'type', 'year'] as const) expect(new Set(values[key]).size).toBe(values[key].length);
  });
});
