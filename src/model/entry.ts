import type { Body, Council, Document, Kpi, Meeting, Minutes, Person, Source, Workshop } from '../schema';

/** The shape every collection entry has once loaded: Astro's entries satisfy it, and so do test fixtures. */
export interface Entry<T> {
  id: string;
  data: T;
  body?: string | undefined;
  filePath?: string | undefined;
}

/** All content, collection by collection: what the graph is built from, and what parts are divided from. */
export interface GraphInput {
  councils: Entry<Council>[];
  bodies: Entry<Body>[];
  people: Entry<Person>[];
  sources: Entry<Source>[];
  meetings: Entry<Meeting>[];
  minutes: Entry<Minutes>[];
  documents: Entry<Document>[];
  kpis: Entry<Kpi>[];
  workshops: Entry<Workshop>[];
}
