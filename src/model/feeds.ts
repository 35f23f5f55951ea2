import { Feed } from 'feed';
import ical from 'ical-generator';
import type { Body, Council, Document, Meeting } from '../schema';
import { formatDate, instantOf, isDateOnly, localDate, zonedDateTime } from './date';
import { decisionKindLabel, motionRoleLabel, type RegisterEntry } from './decision';
import { documentKindLabel } from './document';
import type { Entry } from './entry';
import { documentPage, type Graph } from './graph';
import { minuteKey, minuteRef } from './meeting';
import { capacityLabel } from './person';
import { paths } from './url';
import { voteCounts, voteResultLabel, voteSideLabel } from './vote';

/**
 * What one calendar or meetings feed covers: one committee, or every meeting when `body` is undefined. A type, not an
 * interface, because Astro's route props must fit an index signature.
 */
export type FeedScope = { body: Entry<Body> | undefined };

/** Calendars and meetings feeds come one for everything ("all") and one per committee: their routes' static paths. */
export const feedPaths = (graph: Graph): Array<{ params: { id: string }; props: FeedScope }> => [
  { params: { id: 'all' }, props: { body: undefined } },
  ...graph.bodies.map((body) => ({ params: { id: body.id }, props: { body } })),
];

/** Packs print a start time only, unless the minutes say when the meeting closed; two hours is the usual length. */
const USUAL_LENGTH = 2 * 60 * 60 * 1000;

/**
 * When a meeting is in a calendar: all day on its date when no time was printed; else from its start to its closing
 * time, or for the usual length when none was printed (or the one printed is not after the start).
 */
export function calendarTimes(meeting: Pick<Meeting, 'start' | 'closed'>): { allDay: true; start: Date } | { allDay: false; start: Date; end: Date } {
  // A bare date as midday UTC: an all-day event is written as its UTC date, which is then the meeting's date.
  if (isDateOnly(meeting.start)) return { allDay: true, start: new Date(instantOf(meeting.start)) };
  const start = new Date(meeting.start);
  const closed = meeting.closed ? Date.parse(zonedDateTime(localDate(meeting.start), meeting.closed)) : NaN;
  return { allDay: false, start, end: new Date(closed > start.getTime() ? closed : start.getTime() + USUAL_LENGTH) };
}

/**
 * Meetings as an iCalendar file, for a body or for all meetings. Times are written in UTC, which every calendar shows
 * at the right local time: a calendar-wide time zone made ical-generator write the build machine's local clock time
 * without a zone, an hour out in British Summer Time.
 */
export function meetingsCalendar(
  name: string,
  meetings: Entry<Meeting>[],
  bodies: ReadonlyMap<string, Entry<Body>>,
  url: (meetingId: string) => string,
): string {
  const calendar = ical({ name, prodId: { company: 'Chamber', product: 'Council meetings', language: 'EN' } });
  for (const m of meetings) {
    const times = calendarTimes(m.data);
    calendar.createEvent({
      id: `${m.id}@chamber`,
      ...(times.allDay ? { start: times.start, allDay: true } : { start: times.start, end: times.end }),
      summary: bodies.get(m.data.body)?.data.name ?? 'Meeting',
      ...(m.data.venue ? { location: m.data.venue } : {}),
      description: `Agenda and papers: ${url(m.id)}`,
      url: url(m.id),
      // A fixed stamp keeps the file byte-identical between builds of the same content.
      stamp: times.start,
    });
  }
  return calendar.toString();
}

/** One entry of an Atom feed; `id` and `link` are absolute addresses. */
interface FeedItem {
  title: string;
  id: string;
  link: string;
  date: Date;
  description?: string;
}

/** A feed's own name and addresses (absolute): its id (its own address), `home` the page it follows. */
export interface FeedHead {
  id: string;
  title: string;
  home: string;
  self: string;
}

/**
 * How many entries a feed holds, newest first. A feed reader asks for the feed again and again to learn what is new:
 * with every entry of a decade, the decisions feed of a county would be megabytes each time. What is older is on the
 * site's pages and in the open data.
 */
export const FEED_ENTRIES = 100;

/**
 * A feed as Atom text: its newest entries (`FEED_ENTRIES`), newest first (ties in id order), `updated` the newest
 * entry's date, never the build's clock, so the same content always gives the same bytes.
 */
function atom(head: FeedHead, items: FeedItem[]): string {
  const sorted = [...items].sort((a, b) => b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id));
  const feed = new Feed({
    title: head.title,
    id: head.id,
    link: head.home,
    language: 'en-GB',
    copyright: 'Published by the councils named in each entry',
    // Atom asks for an author: the site that gathered the entries, as the copyright line credits the councils.
    author: { name: 'Chamber' },
    updated: sorted[0]?.date ?? new Date(0),
    feedLinks: { atom: head.self },
  });
  for (const item of sorted.slice(0, FEED_ENTRIES)) feed.addItem(item);
  return feed.atom1();
}

/** A decision as a feed entry, dated by its meeting: "Scrutiny Commission, Minute 180: Enabling Growth Plan.". */
function decisionItem(d: RegisterEntry, bodies: ReadonlyMap<string, Entry<Body>>, link: string): FeedItem {
  return {
    title: `${bodies.get(d.meeting.data.body)?.data.name}, ${d.minute.citation}`,
    id: link,
    link,
    date: new Date(instantOf(d.meeting.data.start)),
    description: d.decision.text,
  };
}

/** Site path of a decision: its place in its minutes. */
const decisionPath = (d: RegisterEntry) => `${paths.minutes(d.minutes.id)}#${d.decision.id}`;

/** New meetings and decisions of a body (or of all bodies) as an Atom feed. */
export function meetingsFeed(options: {
  id: string;
  title: string;
  home: string;
  self: string;
  meetings: Entry<Meeting>[];
  decisions: RegisterEntry[];
  bodies: ReadonlyMap<string, Entry<Body>>;
  councils: ReadonlyMap<string, Entry<Council>>;
  meetingUrl: (id: string) => string;
  decisionUrl: (entry: RegisterEntry) => string;
}): string {
  return atom({ id: options.id, title: options.title, home: options.home, self: options.self }, [
    ...options.meetings.map((m) => ({
      title: `${options.bodies.get(m.data.body)?.data.name}: meeting on ${formatDate(m.data.start)}`,
      id: options.meetingUrl(m.id),
      link: options.meetingUrl(m.id),
      date: new Date(instantOf(m.data.start)),
      description: `${m.data.agenda.length} agenda items${m.data.venue ? `, at ${m.data.venue}` : ''}.`,
    })),
    ...options.decisions.map((d) => decisionItem(d, options.bodies, options.decisionUrl(d))),
  ]);
}

/** Turns a site path (`/people/x/`, `/minutes/y/#decision-1`) into an absolute address, with the deploy base. */
export type AbsoluteUrl = (sitePath: string) => string;

/** A person's name as their page heads it. */
const personName = (graph: Graph, id: string) => {
  const p = graph.person.get(id)?.data;
  return p ? [p.honorific, p.name].filter(Boolean).join(' ') : id;
};

/** The names feeds are announced by, in page heads and feed readers alike. */
export const feedTitle = {
  all: 'Council meetings and decisions',
  body: (name: string) => `${name}: meetings and decisions`,
  person: (name: string) => `${name}: meetings, votes, motions and declarations`,
  decisions: 'Every decision in the published minutes',
  topic: (t: Pick<DocumentTopic, 'kind' | 'title'>) => `${t.title}: ${t.kind === 'series' ? 'new editions' : 'new versions'} and decisions`,
};

/**
 * Everything the minutes say a person did, as an Atom feed: each meeting they are named at (attended, sent
 * apologies, listed as a member), each declaration of interest, each recorded vote they are named in, and each
 * decision they moved or seconded. Entry ids are the person's page plus what the entry is, so they stay the same
 * from build to build and differ from the ids of the same meeting or decision in other feeds.
 */
export function personFeed(graph: Graph, personId: string, url: AbsoluteUrl): string {
  const home = url(paths.person(personId));
  const bodyName = (m: Entry<Meeting>) => graph.body.get(m.data.body)?.data.name ?? 'Meeting';
  const when = (m: Entry<Meeting>) => new Date(instantOf(m.data.start));
  // Slashes stay readable in the fragment; anything else unusual in a minute's name is escaped.
  const key = (...parts: string[]) => `${home}#${parts.map((p) => encodeURIComponent(p).replace(/%2F/g, '/')).join(':')}`;
  const items: FeedItem[] = [];

  // One entry per meeting, however many lists name them in it ("Member (agenda)" and "Present").
  const meetings = new Map<string, { meeting: Entry<Meeting>; labels: string[]; roles: string[] }>();
  for (const a of graph.appearances.get(personId) ?? []) {
    const seen = meetings.get(a.meeting.id) ?? { meeting: a.meeting, labels: [], roles: [] };
    seen.labels.push(capacityLabel[a.capacity]);
    if (a.role && !seen.roles.includes(a.role)) seen.roles.push(a.role);
    meetings.set(a.meeting.id, seen);
  }
  for (const { meeting, labels, roles } of meetings.values()) {
    items.push({
      title: `${bodyName(meeting)}, ${formatDate(meeting.data.start)}: ${labels.join(', ')}`,
      id: key('meeting', meeting.id),
      link: url(paths.meeting(meeting.id)),
      date: when(meeting),
      ...(roles.length > 0 ? { description: `Role printed: ${roles.join(', ')}.` } : {}),
    });
  }

  // Numbered within their minute, where one person may declare two interests: a number that only counts the minute's
  // own declarations stays the same when other minutes are added.
  const declared = new Map<string, number>();
  for (const { declaration, minutes } of graph.declarations.get(personId) ?? []) {
    const meeting = graph.meeting.get(minutes.data.meeting);
    if (!meeting) continue;
    const at = minuteRef(minutes.data.items, declaration.minute);
    const n = (declared.get(`${minutes.id}:${declaration.minute}`) ?? 0) + 1;
    declared.set(`${minutes.id}:${declaration.minute}`, n);
    items.push({
      title: `Declared an interest: ${bodyName(meeting)}, ${formatDate(meeting.data.start)}, ${at.name}`,
      id: key('declaration', minutes.id, declaration.minute, String(n)),
      link: url(`${paths.minutes(minutes.id)}${at.anchor ? `#${at.anchor}` : ''}`),
      date: when(meeting),
      description: declaration.interest,
    });
  }

  for (const r of graph.votes.get(personId) ?? []) {
    const counts = voteCounts(r.vote);
    items.push({
      title: `${r.side === 'abstain' ? voteSideLabel.abstain : `Voted ${r.side}`}: ${bodyName(r.meeting)}, ${r.minute.citation}`,
      id: key('vote', r.minutes.id, r.vote.id),
      link: url(`${paths.minutes(r.minutes.id)}#${r.vote.id}`),
      date: when(r.meeting),
      description: `${voteResultLabel(r.vote)}${counts ? ` (${counts})` : ''}.`,
    });
  }

  for (const { entry: e, role } of graph.motions.get(personId) ?? []) {
    items.push({
      title: `${motionRoleLabel[role]} a decision: ${bodyName(e.meeting)}, ${e.minute.citation}`,
      id: key(role, e.minutes.id, e.decision.id),
      link: url(decisionPath(e)),
      date: when(e.meeting),
      description: `${decisionKindLabel[e.decision.kind]}: ${e.decision.text}`,
    });
  }

  const self = url(paths.personFeed(personId));
  return atom({ id: self, title: feedTitle.person(personName(graph, personId)), home, self }, items);
}

/** The decisions in the register, newest first, as an Atom feed. */
export function decisionsFeed(graph: Graph, url: AbsoluteUrl): string {
  const self = url(paths.decisionsFeed());
  return atom(
    { id: self, title: feedTitle.decisions, home: url(paths.decisions()), self },
    graph.register.map((d) => decisionItem(d, graph.body, url(decisionPath(d)))),
  );
}

/**
 * Something in print a reader can follow: every edition of a document series (`<council>/<series>`, the Youth
 * Justice plan of each year), or one strategy or plan outside any series. Its documents include every printing of
 * each (`versionOf`), but not translations, which are the same edition in another language.
 */
export interface DocumentTopic {
  kind: 'series' | 'strategy';
  /** `<council>/<series>` for a series, the strategy's document id for a strategy. */
  id: string;
  /** Name for the feed: the newest edition's title. */
  title: string;
  /** Site path of the page that stands for it: the newest edition's strategy page (else its document page). */
  page: string;
  /** Site path of its feed. */
  feed: string;
  /** Its editions and their versions, newest first. */
  documents: Entry<Document>[];
}

/** When a document came out: its printed date, else the date of the meeting that considered it. */
function documentDate(graph: Graph, doc: Entry<Document>): string | undefined {
  return doc.data.date ?? (doc.data.meeting ? graph.meeting.get(doc.data.meeting)?.data.start : undefined);
}

const topicsCache = new WeakMap<Graph, DocumentTopic[]>();

/** Static paths of the feeds of every series, or of every strategy outside a series, each with its topic. */
export const topicPaths = (graph: Graph, kind: DocumentTopic['kind']) =>
  documentTopics(graph)
    .filter((t) => t.kind === kind)
    .map((topic) => ({ params: { id: topic.id }, props: { topic } }));

/** Every series, and every strategy outside a series, with the documents in it. Computed once per graph. */
export function documentTopics(graph: Graph): DocumentTopic[] {
  const cached = topicsCache.get(graph);
  if (cached) return cached;
  const printingsOf = (docs: Entry<Document>[]) => [
    ...new Set(docs.flatMap((d) => graph.printings.get(d.data.versionOf ?? d.id) ?? [d])),
  ];
  const newestFirst = (docs: Entry<Document>[]) =>
    docs
      .map((d) => ({ d, at: instantOf(documentDate(graph, d) ?? '0000-01-01') }))
      .sort((a, b) => b.at - a.at || a.d.id.localeCompare(b.d.id))
      .map(({ d }) => d);
  const topic = (kind: DocumentTopic['kind'], id: string, docs: Entry<Document>[]): DocumentTopic => {
    const documents = newestFirst(printingsOf(docs));
    // The newest first printing stands for the topic: a later version is the same edition.
    const lead = documents.find((d) => !d.data.versionOf) ?? documents[0]!;
    return {
      kind,
      id,
      title: lead.data.title,
      page: documentPage(graph, lead.id),
      feed: kind === 'series' ? paths.seriesFeed(id) : paths.strategyFeed(id),
      documents,
    };
  };
  const series = new Map<string, Entry<Document>[]>();
  for (const d of graph.documents) {
    if (!d.data.series || d.data.translationOf) continue;
    const id = `${d.data.council}/${d.data.series}`;
    const list = series.get(id);
    if (list) list.push(d);
    else series.set(id, [d]);
  }
  const topics = [
    ...[...series].map(([id, docs]) => topic('series', id, docs)),
    ...graph.strategies.filter((s) => !s.data.series).map((s) => topic('strategy', s.id, [s])),
  ];
  topicsCache.set(graph, topics);
  return topics;
}

/** The series or strategy a document belongs to, whose feed its page offers. */
export function topicOf(graph: Graph, doc: Entry<Document>): DocumentTopic | undefined {
  return documentTopics(graph).find((t) => t.documents.includes(doc));
}

const consideredCache = new WeakMap<RegisterEntry[], Map<string, RegisterEntry[]>>();

/** Decisions by the ids of the documents the minute they were made under considered (`considers`). */
function decisionsConsidering(register: RegisterEntry[]): Map<string, RegisterEntry[]> {
  const cached = consideredCache.get(register);
  if (cached) return cached;
  const byDocument = new Map<string, RegisterEntry[]>();
  for (const e of register) {
    const item = e.minutes.data.items.find((i) => minuteKey(i) === e.decision.minute);
    for (const id of item?.considers ?? []) {
      const list = byDocument.get(id);
      if (list) list.push(e);
      else byDocument.set(id, [e]);
    }
  }
  consideredCache.set(register, byDocument);
  return byDocument;
}

/**
 * Decisions about a series or strategy: those made under a minute that lists, among the documents it considered,
 * one of its documents or the report one of them is an appendix of (a plan printed as an appendix is considered
 * through its report). The join is on what the minutes record, not on titles, so a decision is never guessed in.
 */
export function topicDecisions(graph: Graph, topic: DocumentTopic): RegisterEntry[] {
  const ids = new Set(topic.documents.flatMap((d) => [d.id, ...(d.data.parent ? [d.data.parent] : [])]));
  const byDocument = decisionsConsidering(graph.register);
  const found = new Set([...ids].flatMap((id) => byDocument.get(id) ?? []));
  return graph.register.filter((e) => found.has(e));
}

/** A series or strategy as an Atom feed: each edition and version as it came out, and each decision about it. */
export function topicFeed(graph: Graph, topic: DocumentTopic, url: AbsoluteUrl): string {
  const editions = topic.documents.flatMap((doc): FeedItem[] => {
    // An entry needs a date; a document with neither a printed date nor a meeting has none to give.
    const date = documentDate(graph, doc);
    if (!date) return [];
    const d = doc.data;
    const meeting = d.meeting ? graph.meeting.get(d.meeting) : undefined;
    const body = meeting ? graph.body.get(meeting.data.body)?.data.name : undefined;
    const link = url(documentPage(graph, doc.id));
    return [
      {
        title: [d.title, d.edition && `${d.edition} edition`, d.versionLabel].filter(Boolean).join(', '),
        id: link,
        link,
        date: new Date(instantOf(date)),
        description:
          d.summary ?? `${documentKindLabel[d.kind]}${body && meeting ? `, considered by the ${body} on ${formatDate(meeting.data.start)}` : ''}.`,
      },
    ];
  });
  const decisions = topicDecisions(graph, topic).map((e) => decisionItem(e, graph.body, url(decisionPath(e))));
  const self = url(topic.feed);
  return atom({ id: self, title: feedTitle.topic(topic), home: url(topic.page), self }, [...editions, ...decisions]);
}
