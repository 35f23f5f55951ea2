/**
 * What each searchable page tells the index about itself, worked out in one place: the page passes it to Base,
 * which writes it as Pagefind filters, and the search page lists every filter value from the same functions, at
 * build time, so a reader's browser need not download the whole filter index to draw the checkboxes.
 */
import { localDate } from './date';
import type { Entry } from './entry';
import type { Graph } from './graph';
import { entryKey } from './partition';
import { filterKeys, filterType, type FilterKey, type SearchFacets } from './search';
import type { Document, Kpi, Meeting, Minutes, Workshop } from '../schema';

export function meetingFacets(graph: Graph, meeting: Entry<Meeting>): SearchFacets {
  const m = meeting.data;
  return { type: 'meeting', council: graph.council.get(m.council)?.data.name, body: graph.body.get(m.body)?.data.name, date: localDate(m.start), part: graph.partition.partOf.get(entryKey('meetings', meeting.id)) };
}

export function minutesFacets(graph: Graph, minutes: Entry<Minutes>): SearchFacets {
  const meeting = graph.meeting.get(minutes.data.meeting);
  return { ...(meeting ? meetingFacets(graph, meeting) : {}), type: 'minutes', part: graph.partition.partOf.get(entryKey('minutes', minutes.id)) };
}

/**
 * A document, dated by the meeting it went to, else by `undated` (its source pack's date on its own page, its own
 * date on a strategy page).
 */
function documentFacets(graph: Graph, doc: Entry<Document>, undated: string | undefined): SearchFacets {
  const d = doc.data;
  const meeting = d.meeting ? graph.meeting.get(d.meeting) : undefined;
  return {
    type: d.kind,
    council: graph.council.get(d.council)?.data.name,
    body: meeting ? graph.body.get(meeting.data.body)?.data.name : undefined,
    date: meeting ? localDate(meeting.data.start) : undated,
    part: graph.partition.partOf.get(entryKey('documents', doc.id)),
  };
}

export const reportFacets = (graph: Graph, doc: Entry<Document>): SearchFacets =>
  documentFacets(graph, doc, graph.source.get(doc.data.source.pack)?.data.date);

/** A KPI, dated by the latest edition that reports it. */
export function kpiFacets(graph: Graph, kpi: Entry<Kpi>): SearchFacets {
  const k = kpi.data;
  const latest = graph.document.get(k.editions[k.editions.length - 1]?.document ?? '');
  const meeting = latest?.data.meeting ? graph.meeting.get(latest.data.meeting) : undefined;
  return { type: 'KPI', council: graph.council.get(k.council)?.data.name, date: meeting ? localDate(meeting.data.start) : latest?.data.date, part: graph.partition.partOf.get(entryKey('kpis', kpi.id)) };
}

export function workshopFacets(graph: Graph, workshop: Entry<Workshop>): SearchFacets {
  const strategy = graph.document.get(workshop.data.strategy);
  return { type: 'workshop', council: strategy ? graph.council.get(strategy.data.council)?.data.name : undefined, date: workshop.data.date, part: graph.partition.partOf.get(entryKey('workshops', workshop.id)) };
}

/** The filter values of one page, as Base writes them for Pagefind. */
export function filterValues(facets: SearchFacets): Record<FilterKey, string | undefined> {
  return { council: facets.council, body: facets.body, type: filterType(facets.type), year: facets.date?.slice(0, 4) };
}

/** The facets of every searchable page of the site, each page once. */
export function searchablePages(graph: Graph): SearchFacets[] {
  return [
    ...graph.meetings.map((e) => meetingFacets(graph, e)),
    ...graph.minutes.map((e) => minutesFacets(graph, e)),
    ...graph.documents.map((e) => reportFacets(graph, e)),
    ...graph.kpis.map((e) => kpiFacets(graph, e)),
    ...graph.workshops.map((e) => workshopFacets(graph, e)),
  ];
}

/** Every value of every filter across the searchable pages of the site: what the search page offers to tick. */
export function siteFilterValues(graph: Graph): Record<FilterKey, string[]> {
  const pages = searchablePages(graph);
  const values = Object.fromEntries(filterKeys.map((key) => [key, new Set<string>()])) as Record<FilterKey, Set<string>>;
  for (const facets of pages) {
    const page = filterValues(facets);
    for (const key of filterKeys) {
      const value = page[key];
      if (value) values[key].add(value);
    }
  }
  return Object.fromEntries(filterKeys.map((key) => [key, [...values[key]]])) as Record<FilterKey, string[]>;
}
