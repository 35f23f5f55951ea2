import { describe, expect, test } from 'vitest';
import { documentPageTitle } from '../../src/model/document';
import { contentGraph } from '../helpers/graph';

describe("a document's page title", () => {
  test('a title without a year of its own gets the date of the meeting it went to', () => {
    expect(documentPageTitle('Agenda – Scrutiny Commission', '2015-04-22T14:00:00+01:00')).toBe('Agenda – Scrutiny Commission, 22 April 2015');
    expect(documentPageTitle('Draft Youth Justice Strategic Plan 2015/16', '2015-04-22T14:00:00+01:00')).toBe('Draft Youth Justice Strategic Plan 2015/16');
    expect(documentPageTitle('Homelessness Strategy', undefined)).toBe('Homelessness Strategy');
  });

  test("the seed site's agendas have a page title each", () => {
    const graph = contentGraph();
    const agendas = graph.documents.filter((d) => d.data.kind === 'agenda');
    const titles = agendas.map((d) => documentPageTitle(d.data.title, graph.meeting.get(d.data.meeting ?? '')?.data.start));
    expect(agendas.length).toBeGreaterThan(2);
    expect(new Set(titles).size).toBe(agendas.length);
  });
});
