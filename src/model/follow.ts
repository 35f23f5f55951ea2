import type { Document, Meeting } from '../schema';
import { formatShortDate, instantOf } from './date';
import type { RegisterEntry } from './decision';
import type { Entry } from './entry';
import type { Graph } from './graph';
import { itemAnchor, minuteAnchor, minuteKey } from './meeting';
import { paths } from './url';

/**
 * Following an item across meetings. Two kinds of link, both found only in what the sources print:
 * the same report or topic at several meetings (returning items), and later minutes or tracker rows that report on
 * a decision. Matching is deliberately strict: a missed link leaves a reader where they were, an invented one misleads.
 */

/** Why two appearances are taken to be the same item, in words a page can print after "Based on". */
export type Basis = 'series' | 'printing' | 'title';

export const basisLabel: Record<Basis, string> = {
  series: 'documents in the same series or one replacing the other',
  printing: 'the same document printed again',
  title: 'the same title, leaving out dates, editions and words such as "draft" and "update"',
};

/** Where an item appears: a paper, a minute or an agenda item, with the site path (and anchor) that shows it. */
export interface Appearance {
  meeting: Entry<Meeting>;
  title: string;
  kind: 'document' | 'minute' | 'agenda';
  /** Site path, with the anchor of the minute or agenda item when there is one. */
  path: string;
}

/** How an item's history was matched, after "Every meeting that considered it", when a page links to several. */
export const historyLabel: Record<Basis, string> = {
  series: 'in the same series',
  printing: 'as the same document',
  title: 'under the same title',
};

/** The same item at another meeting, and what the link is based on. */
export interface Elsewhere {
  appearance: Appearance;
  basis: Basis[];
  /**
   * Whether the other meeting came before this one or after. Pages list only the earlier ones, which a new meeting
   * never changes, and link to the item's history for the rest (see `ItemHistory`).
   */
  when: 'earlier' | 'later';
}

/** Each appearance's other meetings, by document id, by `<minutes id>#<minute key>` and by `<meeting id>#<item number>`. */
export interface Returning {
  document: Map<string, Elsewhere[]>;
  minute: Map<string, Elsewhere[]>;
  agenda: Map<string, Elsewhere[]>;
}

const STOP = new Set(['the', 'of', 'and', 'for', 'a', 'an', 'to', 'on', 'in', 'at', 'with', 'by']);
/** Words that mark an edition or a stage rather than the subject: left out so "Draft X 2015/16" and "X 2023-2026" meet. */
const EDITION_WORDS = /\b(draft|final|revised|update|updated|report|refresh|refreshed|annual|interim|version|v\d+|proposed|consultation|quarter|q[1-4]|period|no)\b/g;
/** Years, year ranges ("2015/16", "2023 - 2026") and other numbers, which change from one edition to the next. */
const NUMBERS = /\b\d+(?:\s*[-–—/]\s*\d+)?\b/g;

/**
 * Items most councils take at every meeting (apologies, declarations, minutes, questions, petitions, urgent
 * business, the next meeting, announcements, finance and planning lists): the same title at each meeting is not the
 * same item coming back, so they are never matched on their title.
 */
const STANDING =
  /^(present|apologies|declarations?|minutes|matters arising|question time|questions|public (questions|participation|forum|speaking)|urgent|to advise of any other|any other|date (and time )?of (the )?next|next meeting|presentation of petitions|petitions|chair(man|person)?s? (announcements|business|report)|leaders? announcements|announcements|exclusion of|private session|matters referred|in attendance|welcome|correspondence|finance|accounts|payments|planning applications|clerks? report|items? for (the )?next)/;

/** A title reduced to its subject: lower case, no punctuation, dates, editions or small words. */
export function titleKey(title: string): string | undefined {
  const plain = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/&/g, ' and ');
  const words = plain
    .replace(NUMBERS, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(EDITION_WORDS, ' ')
    .split(' ')
    .filter((w) => w && !STOP.has(w));
  const standing = plain.replace(/[^a-z0-9]+/g, ' ').trim();
  // One word ("Finance", "Highways") is a heading most meetings share, not an item.
  if (words.length < 2 || STANDING.test(standing)) return undefined;
  return words.join(' ');
}

interface Node {
  appearance: Appearance;
  keys: Array<{ key: string; basis: Basis }>;
}

const SKIP_KINDS = new Set<Document['kind']>(['agenda', 'minutes', 'supplement']);

/** The keys a document answers to: its series, the document it reprints or replaces, and its title. */
function documentKeys(d: Entry<Document>): Node['keys'] {
  const council = d.data.council;
  const keys: Node['keys'] = [{ key: `paper:${d.data.versionOf ?? d.id}`, basis: 'printing' }];
  if (d.data.series) keys.push({ key: `series:${council}:${d.data.series}`, basis: 'series' });
  if (d.data.supersedes) keys.push({ key: `series:replaces:${d.data.supersedes}`, basis: 'series' }, { key: `series:replaces:${d.id}`, basis: 'series' });
  const title = titleKey(d.data.title);
  if (title) keys.push({ key: `title:${council}:${title}`, basis: 'title' });
  return keys;
}

/** The first printing of a paper (not an appendix, a translation or a second printing) that a meeting considered. */
const isPaper = (d: Entry<Document>): boolean => !d.data.parent && !d.data.translationOf && !d.data.versionOf && !SKIP_KINDS.has(d.data.kind);

/**
 * Every meeting one item came to under one of its keys (its series, the paper it reprints or replaces, or its title),
 * for its council's page of items (`paths.items`). A page of an earlier meeting links here rather than to each later
 * meeting, so a new meeting changes only the pages of items it brings back for the first time.
 */
export interface ItemHistory {
  /** The anchor on the council's page of items, made from the key alone: a page's link to it never changes. */
  id: string;
  council: string;
  basis: Basis;
  /** One appearance per meeting (a paper, else the minute, else the agenda item), oldest first. */
  appearances: Appearance[];
}

/** A link to an item's history, as a page of one of its meetings shows it. */
export type HistoryLink = Pick<ItemHistory, 'id' | 'council' | 'basis'>;

/** Items considered at more than one meeting: each history by `<council>#<id>`, and the histories of each appearance. */
export interface Histories {
  all: Map<string, ItemHistory>;
  /** By the keys of `Returning`. */
  of: Record<keyof Returning, Map<string, HistoryLink[]>>;
}

/** The site path of an item's history. */
export const historyPath = (h: HistoryLink): string => `${paths.items(h.council)}#${h.id}`;

/** A key as an anchor: its kind and its words, without the council (the page is the council's). */
const historyId = (key: string, council: string): string =>
  key
    .replace(`:${council}:`, ':')
    .replace(/^series:replaces:/, 'replaces:')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

// A paper is the best place to send a reader, then the minute that records what happened, then the agenda.
const RANK = { document: 0, minute: 1, agenda: 2 } as const;

/** Papers, agenda items and minutes that are the same item at different meetings, linked both ways, and their histories. */
export function returningItems(graph: Pick<Graph, 'documents' | 'meeting' | 'minutesOf'>): Returning & { histories: Histories } {
  const docKeys = new Map<string, Node['keys']>();
  const nodes: Array<Node & { slot: [keyof Returning, string] }> = [];
  for (const d of graph.documents) {
    const meeting = d.data.meeting ? graph.meeting.get(d.data.meeting) : undefined;
    if (!meeting || !isPaper(d)) continue;
    const keys = documentKeys(d);
    docKeys.set(d.id, keys);
    nodes.push({ appearance: { meeting, title: d.data.title, kind: 'document', path: paths.document(d.id) }, keys, slot: ['document', d.id] });
  }
  const withDocs = (own: Node['keys'], ids: string[]) => [...own, ...ids.flatMap((id) => docKeys.get(id) ?? [])];
  const titled = (council: string, title: string): Node['keys'] => {
    const key = titleKey(title);
    return key ? [{ key: `title:${council}:${key}`, basis: 'title' }] : [];
  };
  for (const meeting of graph.meeting.values()) {
    const council = meeting.data.council;
    for (const item of meeting.data.agenda) {
      const keys = withDocs(titled(council, item.title), item.documents);
      const path = `${paths.meeting(meeting.id)}#${itemAnchor(item.number)}`;
      if (keys.length > 0) nodes.push({ appearance: { meeting, title: item.title, kind: 'agenda', path }, keys, slot: ['agenda', `${meeting.id}#${item.number}`] });
    }
    const minutes = graph.minutesOf.get(meeting.id);
    for (const item of minutes?.data.items ?? []) {
      const keys = withDocs(titled(council, item.title), item.considers);
      const path = `${paths.minutes(minutes!.id)}#${minuteAnchor(minuteKey(item))}`;
      if (keys.length > 0) nodes.push({ appearance: { meeting, title: item.title, kind: 'minute', path }, keys, slot: ['minute', `${minutes!.id}#${minuteKey(item)}`] });
    }
  }
  const byKey = new Map<string, typeof nodes>();
  for (const node of nodes) {
    for (const { key } of node.keys) {
      const list = byKey.get(key);
      if (list) list.push(node);
      else byKey.set(key, [node]);
    }
  }
  const byStart = (a: Appearance, b: Appearance) => instantOf(a.meeting.data.start) - instantOf(b.meeting.data.start);
  const histories: Histories = { all: new Map(), of: { document: new Map(), minute: new Map(), agenda: new Map() } };
  for (const [key, list] of byKey) {
    const atMeeting = new Map<string, Appearance>();
    for (const { appearance } of list) {
      const found = atMeeting.get(appearance.meeting.id);
      if (!found || RANK[appearance.kind] < RANK[found.kind]) atMeeting.set(appearance.meeting.id, appearance);
    }
    if (atMeeting.size < 2) continue;
    const council = list[0]!.appearance.meeting.data.council;
    const history: ItemHistory = { id: historyId(key, council), council, basis: list[0]!.keys.find((k) => k.key === key)!.basis, appearances: [...atMeeting.values()].sort(byStart) };
    histories.all.set(`${council}#${history.id}`, history);
    for (const node of new Set(list)) {
      const link = { id: history.id, council, basis: history.basis };
      const of = histories.of[node.slot[0]];
      of.set(node.slot[1], [...(of.get(node.slot[1]) ?? []), link]);
    }
  }
  // In the order of their ids, not of the keys first met: other meetings' items must not reorder an earlier page's links.
  for (const of of Object.values(histories.of)) for (const list of of.values()) list.sort((a, b) => (a.id < b.id ? -1 : 1));

  const result: Returning = { document: new Map(), minute: new Map(), agenda: new Map() };
  for (const node of nodes) {
    const atMeeting = new Map<string, Elsewhere>();
    const start = instantOf(node.appearance.meeting.data.start);
    for (const { key, basis } of node.keys) {
      for (const other of byKey.get(key) ?? []) {
        if (other.appearance.meeting.id === node.appearance.meeting.id) continue;
        const found = atMeeting.get(other.appearance.meeting.id);
        if (!found) atMeeting.set(other.appearance.meeting.id, { appearance: other.appearance, basis: [basis], when: instantOf(other.appearance.meeting.data.start) < start ? 'earlier' : 'later' });
        else {
          if (!found.basis.includes(basis)) found.basis.push(basis);
          if (RANK[other.appearance.kind] < RANK[found.appearance.kind]) found.appearance = other.appearance;
        }
      }
    }
    if (atMeeting.size === 0) continue;
    result[node.slot[0]].set(node.slot[1], [...atMeeting.values()].sort((a, b) => byStart(a.appearance, b.appearance)));
  }
  return { ...result, histories };
}

/** A later source that reports on a decision, and what the link is based on, in words. */
export interface FollowUpLink {
  kind: 'minute' | 'tracker' | 'returning';
  meeting: Entry<Meeting>;
  /** The minute, tracker or item, as a page names it. */
  title: string;
  path: string;
  basis: string;
  /** A tracker row's status, as printed or in the plan's words. */
  status?: string | undefined;
  /** For the same item come back: the history that lists every meeting it came to. */
  history?: HistoryLink | undefined;
}

/** The words of a decision or tracker row, compared without case, punctuation or a leading "That". */
const words = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9£%]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .filter((w, i) => i > 0 || w !== 'that');

/** How many words the shorter text must have before containment counts: "That the report be noted" matches too much. */
const MIN_WORDS = 8;
const SHINGLE = 6;

/** A prop as content writes it: a JSON string in braces, as the importer writes every prop, or a quoted string. */
const PROP = String.raw`([A-Za-z]+)=(?:"([^"]*)"|\{("(?:[^"\\]|\\.)*")\})`;
const MINUTE_BLOCK = new RegExp(String.raw`<Minute((?:\s+${PROP})*)\s*>([\s\S]*?)<\/Minute>`, 'g');

/** The minutes split into their `<Minute>` blocks: each minute's key (its number, else its title) and its text. */
export function minuteTexts(body: string): Array<{ key: string; text: string }> {
  const blocks: Array<{ key: string; text: string }> = [];
  for (const m of body.matchAll(MINUTE_BLOCK)) {
    const props = new Map<string, string>();
    for (const p of (m[1] ?? '').matchAll(new RegExp(PROP, 'g'))) props.set(p[1]!, p[3] === undefined ? p[2]! : (JSON.parse(p[3]) as string));
    blocks.push({ key: props.get('number') ?? props.get('title') ?? '', text: m.at(-1) ?? '' });
  }
  return blocks;
}

/** "Minute 164", "minute no. 18.11.7", "Minutes 5(a)": the minute numbers a passage cites. */
export function citedMinutes(text: string): string[] {
  return [...text.matchAll(/\bminutes?\s+(?:no\.?\s*|number\s+)?(\d+(?:\.\d+)*[a-z]?)\b/gi)].map((m) => m[1]!.toLowerCase());
}

/** Whether a passage prints a meeting's date: "6 November 2018", "6th November 2018" or "06/11/2018". */
export function printsDate(text: string, iso: string): boolean {
  const flat = text.replace(/(\d)(st|nd|rd|th)\b/gi, '$1').replace(/\s+/g, ' ').toLowerCase();
  const [y, m, d] = iso.slice(0, 10).split('-');
  return flat.includes(formatShortDate(iso.slice(0, 10)).toLowerCase()) || flat.includes(`${d}/${m}/${y}`) || flat.includes(`${Number(d)}/${Number(m)}/${y}`);
}

/**
 * For each decision in the register (by `<minutes id>#<decision id>`), the later sources published here that report
 * on it:
 * - a later minute that cites its minute number, when that minute also prints the date of the meeting (or is in the
 *   minutes of the meeting that confirmed it), so a number reused in another year is not taken for it;
 * - a tracker row (an action in a later document's plan) that repeats the decision's words, or cites its minute number
 *   and the date of its meeting;
 * - the same item considered again at a later meeting (see `returningItems`).
 */
export function decisionFollowUps(
  graph: Pick<Graph, 'register' | 'minutes' | 'meeting' | 'documents'>,
  returning: Returning & { histories: Histories },
): Map<string, FollowUpLink[]> {
  const result = new Map<string, FollowUpLink[]>();
  const add = (e: RegisterEntry, link: FollowUpLink) => {
    const key = `${e.minutes.id}#${e.decision.id}`;
    const list = result.get(key) ?? [];
    if (!list.some((l) => l.path === link.path)) list.push(link);
    result.set(key, list);
  };
  const after = (later: Entry<Meeting>, e: RegisterEntry) => instantOf(later.data.start) > instantOf(e.meeting.data.start);

  /** Decisions by where they were made (body or council) and minute number, as later sources cite them. */
  const byMinuteIn = (where: (m: Meeting) => string) => {
    const map = new Map<string, RegisterEntry[]>();
    for (const e of graph.register) {
      const k = `${where(e.meeting.data)}#${e.decision.minute.toLowerCase()}`;
      const list = map.get(k);
      if (list) list.push(e);
      else map.set(k, [e]);
    }
    return map;
  };

  // Later minutes citing a minute number of the same body.
  const byMinute = byMinuteIn((m) => m.body);
  for (const later of graph.minutes) {
    if (later.data.translationOf) continue;
    const meeting = graph.meeting.get(later.data.meeting);
    if (!meeting || !later.body) continue;
    for (const block of minuteTexts(later.body)) {
      // Confirming the minutes corrects the record; it does not report on what was decided.
      if (/^minutes\b/i.test(block.key) || /^minutes\b/i.test(later.data.items.find((i) => minuteKey(i) === block.key)?.title ?? '')) continue;
      for (const number of new Set(citedMinutes(block.text))) {
        for (const e of byMinute.get(`${meeting.data.body}#${number}`) ?? []) {
          if (!after(meeting, e)) continue;
          const dated = printsDate(block.text, e.meeting.data.start);
          if (!dated && e.minutes.data.confirmedAt !== meeting.id) continue;
          const item = later.data.items.find((i) => minuteKey(i) === block.key);
          add(e, {
            kind: 'minute',
            meeting,
            title: item?.number ? `Minute ${item.number}: ${item.title}` : (item?.title ?? block.key),
            path: `${paths.minutes(later.id)}#${minuteAnchor(block.key)}`,
            basis: `cites minute ${e.decision.minute}${dated ? ` of the meeting of ${formatShortDate(e.meeting.data.start)}` : ' of the minutes it confirms'}`,
          });
        }
      }
    }
  }

  // Tracker rows repeating a decision's words. Decisions are indexed by their runs of six words, so a row is compared
  // only with decisions that share its first run or contain its start, not with every decision.
  const byStart = new Map<string, Array<{ e: RegisterEntry; text: string }>>();
  const byRun = new Map<string, Array<{ e: RegisterEntry; text: string }>>();
  const push = (map: typeof byRun, key: string, value: { e: RegisterEntry; text: string }) => {
    const list = map.get(key);
    if (!list) map.set(key, [value]);
    else if (list.at(-1) !== value) list.push(value);
  };
  for (const e of graph.register) {
    const w = words(e.decision.text);
    if (w.length < MIN_WORDS) continue;
    const value = { e, text: w.join(' ') };
    push(byStart, w.slice(0, SHINGLE).join(' '), value);
    for (let i = 0; i + SHINGLE <= w.length; i++) push(byRun, w.slice(i, i + SHINGLE).join(' '), value);
  }
  // A tracker may report to another committee of the council, so its citations are looked up council-wide.
  const byCouncilMinute = byMinuteIn((m) => m.council);
  for (const d of graph.documents) {
    const meeting = d.data.meeting ? graph.meeting.get(d.data.meeting) : undefined;
    if (!meeting || !d.data.plan || d.data.translationOf || d.data.versionOf) continue;
    for (const action of d.data.plan.actions) {
      const row = { kind: 'tracker' as const, meeting, title: `${d.data.title}, row ${action.ref}`, path: paths.document(d.id), status: action.statusPrinted ?? (action.status === 'unknown' ? undefined : action.status.replace('-', ' ')) };
      // A row that cites a minute by number and date: the date tells one year's minute 15 from another's.
      for (const number of new Set(citedMinutes(action.text))) {
        for (const e of byCouncilMinute.get(`${d.data.council}#${number}`) ?? []) {
          if (after(meeting, e) && printsDate(action.text, e.meeting.data.start)) add(e, { ...row, basis: `the row cites minute ${e.decision.minute} of the meeting of ${formatShortDate(e.meeting.data.start)}` });
        }
      }
      const w = words(action.text);
      if (w.length < MIN_WORDS) continue;
      const text = w.join(' ');
      // A row that quotes a whole decision holds the decision's first run; a row quoting part of one starts inside it.
      const candidates = new Set(byRun.get(w.slice(0, SHINGLE).join(' ')) ?? []);
      for (let i = 0; i + SHINGLE <= w.length; i++) for (const c of byStart.get(w.slice(i, i + SHINGLE).join(' ')) ?? []) candidates.add(c);
      for (const { e, text: decided } of candidates) {
        if (!after(meeting, e) || e.meeting.data.council !== d.data.council) continue;
        if (!` ${text} `.includes(` ${decided} `) && !` ${decided} `.includes(` ${text} `)) continue;
        add(e, { ...row, basis: 'the row repeats the words of the decision' });
      }
    }
  }

  // The decision's item considered again later.
  const { histories } = returning;
  for (const e of graph.register) {
    const slot = `${e.minutes.id}#${e.decision.minute}`;
    for (const { appearance, basis } of returning.minute.get(slot) ?? []) {
      if (!after(appearance.meeting, e)) continue;
      const history = histories.of.minute
        .get(slot)
        ?.find((h) => histories.all.get(`${h.council}#${h.id}`)!.appearances.some((a) => a.meeting === appearance.meeting));
      add(e, { kind: 'returning', meeting: appearance.meeting, title: appearance.title, path: appearance.path, basis: `the same item came back (${basis.map((b) => basisLabel[b]).join('; ')})`, history });
    }
  }
  for (const list of result.values()) list.sort((a, b) => instantOf(a.meeting.data.start) - instantOf(b.meeting.data.start));
  return result;
}

/**
 * What the register shows of a decision's follow-up links: every report on it (a later minute, a tracker row) and
 * the first later meeting its item came back to. `moreMeetings` counts the later meetings after that one, which the
 * item's `history` lists: an item that comes back every quarter for a decade would give a row forty links, and a
 * year of the register megabytes.
 */
export function registerFollowUps(links: readonly FollowUpLink[]): { shown: FollowUpLink[]; moreMeetings: number; history: HistoryLink | undefined } {
  const again = links.filter((l) => l.kind === 'returning');
  return { shown: links.filter((l) => l.kind !== 'returning' || l === again[0]), moreMeetings: Math.max(0, again.length - 1), history: again[0]?.history };
}

/** The anchor, on a minutes page, of a minute's list of the other meetings that considered its item. */
export const elsewhereAnchor = (minute: string): string => `elsewhere-${minuteAnchor(minute)}`;

/** Everything a page needs to follow items, computed once per graph. */
export interface Follow {
  returning: Returning;
  histories: Histories;
  followUps: Map<string, FollowUpLink[]>;
}

const cache = new WeakMap<object, Follow>();

/** The follow links of a graph, computed on first use and shared by every page of the build. */
export function follow(graph: Graph): Follow {
  let found = cache.get(graph);
  if (!found) {
    const { histories, ...returning } = returningItems(graph);
    found = { returning, histories, followUps: decisionFollowUps(graph, { ...returning, histories }) };
    cache.set(graph, found);
  }
  return found;
}

/** What the register says when no later source published here reports on a decision. */
export const NOT_REPORTED = 'Not reported in later minutes published here';

/** A link with its meeting named by id, as a plan file keeps it (see `storedFollow`). */
type Stored<T extends { meeting: Entry<Meeting> }> = Omit<T, 'meeting'> & { meeting: string };
type StoredElsewhere = Omit<Elsewhere, 'appearance'> & { appearance: Stored<Appearance> };
type StoredHistory = Omit<ItemHistory, 'appearances'> & { appearances: Array<Stored<Appearance>> };
type Kinds<T> = Record<keyof Returning, Array<[string, T]>>;

/** The follow links one part's pages show, as JSON: worked out once by the content check, not again by each part. */
export interface StoredFollow {
  returning: Kinds<StoredElsewhere[]>;
  /** The histories each appearance is in (a part), or every history (the site part, for the pages of items). */
  histories: { all: StoredHistory[]; of: Kinds<HistoryLink[]> };
  followUps: Array<[string, Array<Stored<FollowUpLink>>]>;
}

const KINDS = ['document', 'minute', 'agenda'] as const satisfies ReadonlyArray<keyof Returning>;
const byKind = <T, U>(make: (kind: keyof Returning) => Array<[string, T]>, map: (value: T) => U): Kinds<U> =>
  Object.fromEntries(KINDS.map((kind) => [kind, make(kind).map(([key, value]): [string, U] => [key, map(value)])])) as Kinds<U>;
const appearanceById = (a: Appearance): Stored<Appearance> => ({ ...a, meeting: a.meeting.id });

/**
 * What pages look up, as JSON. For a part's papers, minutes and agendas (the ids `show.returning` keeps, by kind: a
 * document's, a minutes' or a meeting's id): the same item at earlier meetings, and the histories it is in, neither
 * of which a later meeting changes. For the site part (`'site'`): every history, for the pages of items, and every
 * decision's later sources, for the registers.
 */
export function storedFollow(links: Follow, show: { returning: (kind: keyof Returning, id: string) => boolean } | 'site'): StoredFollow {
  // Sorted by key, so that what a part keeps does not depend on where other parts' entries came in the graph.
  const shown = <T>(kind: keyof Returning, map: Map<string, T>): Array<[string, T]> =>
    show === 'site' ? [] : [...map].filter(([key]) => show.returning(kind, key.split('#')[0]!)).sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    returning: byKind(
      (kind) => shown(kind, links.returning[kind]),
      (list) => list.filter((e) => e.when === 'earlier').map((e) => ({ ...e, appearance: appearanceById(e.appearance) })),
    ),
    histories: {
      all: show === 'site' ? [...links.histories.all.values()].map((h) => ({ ...h, appearances: h.appearances.map(appearanceById) })) : [],
      of: byKind((kind) => shown(kind, links.histories.of[kind]), (list) => list),
    },
    followUps: show === 'site' ? [...links.followUps].map(([key, list]) => [key, list.map((l) => ({ ...l, meeting: l.meeting.id }))]) : [],
  };
}

/** Follow links from their stored form, each meeting taken from the graph. */
export function followFrom(stored: StoredFollow, meeting: ReadonlyMap<string, Entry<Meeting>>): Follow {
  const at = <T extends { meeting: string }>(a: T) => ({ ...a, meeting: meeting.get(a.meeting)! });
  const kinds = <T, U>(list: Kinds<T>, map: (value: T) => U): Record<keyof Returning, Map<string, U>> =>
    Object.fromEntries(KINDS.map((kind) => [kind, new Map(list[kind].map(([key, value]) => [key, map(value)]))])) as Record<keyof Returning, Map<string, U>>;
  return {
    returning: kinds(stored.returning, (list) => list.map((e) => ({ ...e, appearance: at(e.appearance) }))),
    histories: {
      all: new Map(stored.histories.all.map((h) => [`${h.council}#${h.id}`, { ...h, appearances: h.appearances.map(at) }])),
      of: kinds(stored.histories.of, (list) => list),
    },
    followUps: new Map(stored.followUps.map(([key, links]) => [key, links.map(at)])),
  };
}
