/**
 * Open data for what meeting, minutes, decision, person and body pages show: meetings with their agendas, minutes,
 * decisions, votes, people and memberships, in the shapes of Open Civic Data (Event, VoteEvent) and Popolo (Person,
 * Membership) where they fit, so tools that read those formats read these. Field descriptions are `.describe()` text,
 * so the JSON Schemas carry them. Pure.
 */
import { z } from 'zod';
import { bodyKinds, contentId, decisionKinds, followUpStatuses, languages, meetingStatuses, voteResults, type Meeting, type Minutes, type PersonMention } from '../schema';
import { formatDate, isDateOnly, localDate, zonedDateTime } from './date';
import type { Entry } from './entry';
import type { Graph } from './graph';
import { itemAnchor, minuteAnchor, minuteKey, minuteRef } from './meeting';
import { capacityLabel, LISTS, type Capacity } from './person';
import { paths, type Linker } from './url';
import { namedSides, voteSides, type VoteSide } from './vote';

const link = z.url();
const date = z.iso.date();
const dateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** A person as the minutes name them. */
const named = z.object({
  name: z.string().min(1).describe('The name exactly as printed.'),
  person_id: contentId.optional().describe('Id of the person in people.json, when the name is matched to one.'),
});

/** Where a decision or vote sits: its meeting, body and minute. */
const context = {
  meeting_id: contentId.describe('Id of the meeting, as in meetings.json.'),
  minutes_id: contentId.describe('Id of the minutes it is recorded in, as in minutes.json.'),
  council_id: contentId.describe('Id of the council.'),
  organization_id: contentId.describe('Id of the committee, cabinet or council that met (Popolo organization).'),
  organization_name: z.string().describe('Name of that body as the council prints it.'),
  minute: z.string().describe('Number of the minute, as printed; the title for a section the minutes do not number.'),
  minute_title: z.string().describe('Title of the minute, as printed.'),
  minute_url: link.optional().describe('The minute on its minutes page, when the minutes have a minute with that number.'),
};

/** A meeting, as an Open Civic Data Event: when, where, which body, its agenda and who was there. */
export const meetingRecord = z.object({
  id: contentId.describe('Meeting id.'),
  name: z.string().describe('The body and the date, e.g. "Scrutiny Commission, Wednesday 4 March 2015" (Open Civic Data Event name).'),
  classification: z.enum(bodyKinds).describe('What sort of body met: committee, commission, cabinet, council, panel or board.'),
  status: z.enum(meetingStatuses).describe('Whether the meeting is scheduled, was held, or was cancelled, as recorded.'),
  start_date: dateOrDateTime.describe('Start, with its UTC offset; only the date when no start time was printed.'),
  end_date: z.iso.datetime({ offset: true }).optional().describe('When the meeting closed, when the minutes print it.'),
  location: z.object({ name: z.string().describe('Room and building, as printed.') }).optional().describe('Where it was held.'),
  council_id: contentId.describe('Id of the council.'),
  organization_id: contentId.describe('Id of the body that met (Popolo organization).'),
  organization_name: z.string().describe('Name of the body as the council prints it.'),
  url: link.describe('The meeting page.'),
  minutes_url: link.optional().describe('The minutes page, when minutes are published here.'),
  agenda: z
    .array(
      z.object({
        order: z.number().int().positive().describe('Position on the agenda, from 1.'),
        number: z.string().describe('Item number as printed ("6", "11A").'),
        title: z.string().describe('Title as printed (Open Civic Data calls this the description).'),
        report_by: z.string().optional().describe('Who the report is by, as printed.'),
        exempt_reason: z.string().optional().describe('Why the item is taken in private, as printed; absent for a public item.'),
        to_follow: z.boolean().describe('Papers were not ready when the agenda went out.'),
        note: z.string().optional().describe('Notes printed under the item.'),
        url: link.describe('The item on the meeting page.'),
        documents: z
          .array(z.object({ id: contentId.describe('Document id.'), title: z.string().describe('Title as printed.'), url: link.describe('The document page.') }))
          .describe('Reports and papers considered under the item.'),
        minutes_id: contentId.optional().describe('When the item is the minutes of an earlier meeting: their id in minutes.json.'),
      }),
    )
    .describe('The agenda, in printed order.'),
  participants: z
    .array(
      named.extend({
        note: z.enum(Object.keys(capacityLabel) as [Capacity, ...Capacity[]]).describe('How they are listed: on the agenda as a member, present, in attendance, sending apologies, or as a member of the public.'),
        role: z.string().optional().describe('Role printed beside the name, e.g. "in the Chair".'),
      }),
    )
    .describe('People named on the agenda or in the minutes, list by list.'),
  sources: z.array(z.object({ url: link.describe('The source page.'), note: z.string().describe('What the source is.') })).describe('Where the agenda was read from.'),
});

/** A set of minutes: its numbered minutes, each with its address, and the ids of its decisions and votes. */
export const minutesRecord = z.object({
  id: contentId.describe('Minutes id.'),
  meeting_id: contentId.describe('Id of the meeting they record, as in meetings.json.'),
  url: link.describe('The minutes page.'),
  meeting_url: link.describe('The meeting page.'),
  lang: z.enum(languages).describe('Language they are written in: en (English) or cy (Welsh).'),
  translation_of: contentId.optional().describe('For minutes in a second language: the id of the minutes they translate.'),
  confirmed_at: contentId.optional().describe('Id of the meeting at which they were confirmed, when known.'),
  signed_on: date.optional().describe('Date on the chair’s "Signed ... Dated" line, when printed.'),
  items: z
    .array(
      z.object({
        number: z.string().optional().describe('Minute number as printed, without punctuation; absent for a section the minutes do not number.'),
        title: z.string().describe('Title as printed.'),
        url: link.describe('The minute on the minutes page.'),
        documents: z.array(contentId).describe('Ids of the documents the minute considered.'),
      }),
    )
    .describe('The numbered minutes, in order.'),
  decisions: z.array(z.string()).describe('Ids of the decisions recorded, as in decisions.json (empty for a translation).'),
  votes: z.array(z.string()).describe('Ids of the votes recorded, as in votes.json (empty for a translation).'),
  source_url: link.describe('The source the minutes were read from.'),
});

/** A decision, as the decisions register shows it. */
export const decisionRecord = z.object({
  id: z.string().describe('Decision id: the minutes id, a slash, and the decision’s anchor on the minutes page.'),
  url: link.describe('The decision on its minutes page.'),
  date: date.describe('Date of the meeting that made it.'),
  ...context,
  kind: z.enum(decisionKinds).describe('resolution (decided), recommendation (to another body), noting, or rejected (a motion that fell).'),
  printed_as: z.string().describe('The words that make it a decision, exactly as printed ("RESOLVED", "It was agreed").'),
  text: z.string().describe('What was decided, as printed.'),
  moved_by: named.optional().describe('Who proposed it, when printed.'),
  seconded_by: named.optional().describe('Who seconded it, when printed.'),
  follow_ups: z
    .array(z.object({ text: z.string().describe('The action asked for.'), status: z.enum(followUpStatuses).describe('open, done, or unknown (not reported).') }))
    .describe('Actions the decision asked for, and whether a later source shows them done.'),
  votes: z.array(z.string()).describe('Ids of the votes that decided it, as in votes.json.'),
});

/** Open Civic Data's vote options, from the minutes' sides. */
const OPTION: Record<VoteSide, 'yes' | 'no' | 'abstain'> = { for: 'yes', against: 'no', abstain: 'abstain' };
const option = z.enum(['yes', 'no', 'abstain']);

/** A vote, as an Open Civic Data VoteEvent. */
export const voteRecord = z.object({
  id: z.string().describe('Vote id: the minutes id, a slash, and the vote’s anchor on the minutes page.'),
  url: link.describe('The vote on its minutes page.'),
  start_date: date.describe('Date of the meeting.'),
  ...context,
  motion_text: z.string().describe('The words that report the vote, as printed.'),
  result: z.enum(voteResults).optional().describe('carried or lost, as printed; absent when the minutes do not say.'),
  unanimous: z.boolean().describe('Printed as unanimous ("CARRIED unanimously", "nem. con.").'),
  counts: z
    .array(z.object({ option: option.describe('yes (for), no (against) or abstain.'), value: z.number().int().nonnegative().describe('Number of votes, as printed.') }))
    .describe('The counts the minutes print; a count they do not print is left out.'),
  votes: z
    .array(z.object({ option: option.describe('yes (for), no (against) or abstain.'), voter_name: z.string().describe('The name exactly as printed.'), voter_id: contentId.optional().describe('Id of the person in people.json, when matched.') }))
    .describe('Who voted which way, for a recorded (named) vote; empty otherwise.'),
  moved_by: named.optional().describe('Who moved the motion, when printed.'),
  seconded_by: named.optional().describe('Who seconded it, when printed.'),
  decisions: z.array(z.string()).describe('Ids of the decisions it decided, as in decisions.json.'),
});

/** A councillor or officer, as a Popolo Person. */
export const personRecord = z.object({
  id: contentId.describe('Person id.'),
  name: z.string().describe('Name in a normal form, e.g. "S. J. Galton".'),
  honorific_prefix: z.string().optional().describe('Honorific as printed most often ("Mr.", "Dr.").'),
  other_names: z.array(z.object({ name: z.string().describe('The name exactly as printed.') })).describe('Every way the name is printed in the sources (Popolo other_names).'),
  councils: z.array(contentId).describe('Ids of the councils the person serves or served.'),
  url: link.describe('The person’s page: meetings, votes, motions and declarations of interest.'),
});

/** A seat on a body, as a Popolo Membership. */
export const membershipRecord = z.object({
  person_id: contentId.describe('Id of the person, as in people.json.'),
  person_name: z.string().describe('The person’s name in a normal form.'),
  organization_id: contentId.describe('Id of the committee, cabinet or council.'),
  organization_name: z.string().describe('Name of the body as the council prints it.'),
  council_id: contentId.describe('Id of the council.'),
  role: z.string().describe('Role on the body, e.g. "member", "Chairman".'),
  label: z.string().optional().describe('The term the membership is recorded for, e.g. "2013-2017".'),
  start_date: date.optional().describe('First day of the term, when recorded.'),
  end_date: date.optional().describe('Last day of the term, when recorded.'),
  first_seen: date.optional().describe('For a membership read from meetings: date of the first meeting that lists the person as a member or present.'),
  last_seen: date.optional().describe('For a membership read from meetings: date of the last such meeting.'),
  meetings: z.array(contentId).describe('For a membership read from meetings: ids of the meetings that list the person as a member or present, oldest first.'),
  url: link.describe('The body’s page.'),
});

const mention = (p: PersonMention | undefined) => (p ? { name: p.printed, person_id: p.person } : undefined);

/** Minutes in the order open data lists them: meetings newest first, each meeting's own minutes then translations. */
function minutesInOrder(graph: Graph): Entry<Minutes>[] {
  return graph.meetingsByDate.flatMap((m) => {
    const own = graph.minutesOf.get(m.id);
    return own ? [own, ...(graph.minutesTranslations.get(own.id) ?? [])] : [];
  });
}

/** A decision's or vote's id and link, and the meeting, body and minute it sits in. */
function placeInMinutes(graph: Graph, minutes: Entry<Minutes>, meeting: Entry<Meeting>, item: { id: string; minute: string }, to: Linker) {
  const ref = minuteRef(minutes.data.items, item.minute);
  return {
    id: `${minutes.id}/${item.id}`,
    url: `${to(paths.minutes(minutes.id))}#${item.id}`,
    meeting_id: meeting.id,
    minutes_id: minutes.id,
    council_id: meeting.data.council,
    organization_id: meeting.data.body,
    organization_name: graph.body.get(meeting.data.body)?.data.name ?? meeting.data.body,
    minute: item.minute,
    minute_title: ref.title,
    minute_url: ref.anchor ? `${to(paths.minutes(minutes.id))}#${ref.anchor}` : undefined,
  };
}

/** Every meeting, newest first. */
export function meetings(graph: Graph, to: Linker): z.input<typeof meetingRecord>[] {
  return graph.meetingsByDate.map(({ id, data: m }) => {
    const body = graph.body.get(m.body);
    const minutes = graph.minutesOf.get(id);
    const day = isDateOnly(m.start) ? m.start : localDate(m.start);
    const source = m.source ? graph.source.get(m.source.pack) : undefined;
    return {
      id,
      name: `${body?.data.name ?? m.body}, ${formatDate(m.start)}`,
      classification: body?.data.kind ?? 'committee',
      status: m.status,
      start_date: m.start,
      end_date: m.closed ? zonedDateTime(day, m.closed) : undefined,
      location: m.venue ? { name: m.venue } : undefined,
      council_id: m.council,
      organization_id: m.body,
      organization_name: body?.data.name ?? m.body,
      url: to(paths.meeting(id)),
      minutes_url: minutes ? to(paths.minutes(minutes.id)) : undefined,
      agenda: m.agenda.map((item, i) => ({
        order: i + 1,
        number: item.number,
        title: item.title,
        report_by: item.reportBy,
        exempt_reason: item.exempt?.reason,
        to_follow: item.toFollow,
        note: item.note,
        url: `${to(paths.meeting(id))}#${itemAnchor(item.number)}`,
        documents: item.documents.map((d) => ({ id: d, title: graph.document.get(d)?.data.title ?? d, url: to(paths.document(d)) })),
        minutes_id: item.minutes,
      })),
      participants: LISTS.flatMap(([list, note]) => m[list].map((p) => ({ ...mention(p)!, note, role: p.role }))),
      sources: source ? [{ url: to(paths.source(source.id)), note: source.data.title }] : [],
    };
  });
}

/** Every set of minutes, in the order of their meetings (newest first), each followed by its translations. */
export function minutes(graph: Graph, to: Linker): z.input<typeof minutesRecord>[] {
  return minutesInOrder(graph).map(({ id, data: d }) => ({
    id,
    meeting_id: d.meeting,
    url: to(paths.minutes(id)),
    meeting_url: to(paths.meeting(d.meeting)),
    lang: d.lang,
    translation_of: d.translationOf,
    confirmed_at: d.confirmedAt,
    signed_on: d.signedOn,
    items: d.items.map((item) => ({
      number: item.number,
      title: item.title,
      url: `${to(paths.minutes(id))}#${minuteAnchor(minuteKey(item))}`,
      documents: item.considers,
    })),
    // A translation's decisions and votes are the original's: they are listed once, under the original.
    decisions: d.translationOf ? [] : d.decisions.map((x) => `${id}/${x.id}`),
    votes: d.translationOf ? [] : d.votes.map((v) => `${id}/${v.id}`),
    source_url: to(paths.source(d.source.pack)),
  }));
}

/** Every decision, in register order: newest meeting first, then as printed. */
export function decisions(graph: Graph, to: Linker): z.input<typeof decisionRecord>[] {
  return graph.register.map(({ decision: d, minutes, meeting }) => ({
    ...placeInMinutes(graph, minutes, meeting, d, to),
    date: localDate(meeting.data.start),
    kind: d.kind,
    printed_as: d.printedAs,
    text: d.text,
    moved_by: mention(d.movedBy),
    seconded_by: mention(d.secondedBy),
    follow_ups: d.followUps,
    votes: minutes.data.votes.filter((v) => v.decisions.includes(d.id)).map((v) => `${minutes.id}/${v.id}`),
  }));
}

/** Every vote, newest meeting first, then as printed; a translation's votes are the original's, so not repeated. */
export function votes(graph: Graph, to: Linker): z.input<typeof voteRecord>[] {
  return minutesInOrder(graph)
    .filter((m) => !m.data.translationOf)
    .flatMap((minutes) => {
      const meeting = graph.meeting.get(minutes.data.meeting)!;
      return minutes.data.votes.map((v) => ({
        ...placeInMinutes(graph, minutes, meeting, v, to),
        start_date: localDate(meeting.data.start),
        motion_text: v.printed,
        result: v.result,
        unanimous: v.unanimous,
        counts: voteSides.flatMap((side) => (v[side] === undefined ? [] : [{ option: OPTION[side], value: v[side] }])),
        votes: namedSides(v).flatMap(({ side, people }) => people.map((p) => ({ option: OPTION[side], voter_name: p.printed, voter_id: p.person }))),
        moved_by: mention(v.movedBy),
        seconded_by: mention(v.secondedBy),
        decisions: v.decisions.map((d) => `${minutes.id}/${d}`),
      }));
    });
}

/** Every person. */
export const people = (graph: Graph, to: Linker): z.input<typeof personRecord>[] =>
  graph.people.map(({ id, data: p }) => ({
    id,
    name: p.name,
    honorific_prefix: p.honorific,
    other_names: p.printedAs.map((name) => ({ name })),
    councils: p.councils,
    url: to(paths.person(id)),
  }));

/**
 * Memberships of each body: one per member of each recorded term; and, for a person no term of the body lists, one
 * read from the meetings whose agenda lists them as a member or whose minutes list them present, with the dates of
 * the first and last such meeting (the dates of the membership itself are not printed).
 */
export function memberships(graph: Graph, to: Linker): z.input<typeof membershipRecord>[] {
  const meetingsOf = new Map<string, Entry<Meeting>[]>();
  for (const m of [...graph.meetingsByDate].reverse()) {
    const list = meetingsOf.get(m.data.body);
    if (list) list.push(m);
    else meetingsOf.set(m.data.body, [m]);
  }
  return graph.bodies.flatMap(({ id, data: body }) => {
    const common = (person: string) => ({
      person_id: person,
      person_name: graph.person.get(person)?.data.name ?? person,
      organization_id: id,
      organization_name: body.name,
      council_id: body.council,
      url: to(paths.body(id)),
    });
    const byTerm = body.terms.flatMap((t) =>
      t.members.map((m) => ({ ...common(m.person), role: m.role, label: t.term, start_date: t.from, end_date: t.to, meetings: [] })),
    );
    const inTerms = new Set(body.terms.flatMap((t) => t.members.map((m) => m.person)));
    const seen = new Map<string, Entry<Meeting>[]>();
    for (const meeting of meetingsOf.get(id) ?? []) {
      const listed = new Set([...meeting.data.membership, ...meeting.data.present].flatMap((p) => (p.person ? [p.person] : [])));
      for (const person of listed) {
        if (inTerms.has(person)) continue;
        const list = seen.get(person);
        if (list) list.push(meeting);
        else seen.set(person, [meeting]);
      }
    }
    const byMeetings = [...seen].map(([person, list]) => ({
      ...common(person),
      role: 'member',
      first_seen: localDate(list[0]!.data.start),
      last_seen: localDate(list[list.length - 1]!.data.start),
      meetings: list.map((m) => m.id),
    }));
    return [...byTerm, ...byMeetings.sort((a, b) => a.person_id.localeCompare(b.person_id))];
  });
}

/** One column of a CSV file: its header, what it holds, and its value in a record. */
export interface CsvColumn<T> {
  name: string;
  description: string;
  value: (record: T) => string;
}

type DecisionRow = z.infer<typeof decisionRecord>;
type VoteRow = z.infer<typeof voteRecord>;
const opt = (s: string | undefined) => s ?? '';
const names = (people: Array<{ name: string }>) => people.map((p) => p.name).join('; ');
const ids = (people: Array<{ id?: string | undefined }>) => people.map((p) => p.id ?? '').join('; ');

/** Columns both CSV files share: where the decision or vote was made. */
const whereColumns = <T extends DecisionRow | VoteRow>(day: (r: T) => string): CsvColumn<T>[] => [
  { name: 'id', description: 'Id, as in the JSON file.', value: (r) => r.id },
  { name: 'date', description: 'Date of the meeting (YYYY-MM-DD).', value: day },
  { name: 'council_id', description: 'Id of the council.', value: (r) => r.council_id },
  { name: 'organization_id', description: 'Id of the body that met.', value: (r) => r.organization_id },
  { name: 'organization_name', description: 'Name of the body.', value: (r) => r.organization_name },
  { name: 'meeting_id', description: 'Id of the meeting.', value: (r) => r.meeting_id },
  { name: 'minute', description: 'Minute number as printed.', value: (r) => r.minute },
  { name: 'minute_title', description: 'Title of the minute as printed.', value: (r) => r.minute_title },
];

const motionColumns = <T extends DecisionRow | VoteRow>(): CsvColumn<T>[] => [
  { name: 'moved_by', description: 'Who proposed it, as printed.', value: (r) => opt(r.moved_by?.name) },
  { name: 'moved_by_id', description: 'Id of the proposer, when matched.', value: (r) => opt(r.moved_by?.person_id) },
  { name: 'seconded_by', description: 'Who seconded it, as printed.', value: (r) => opt(r.seconded_by?.name) },
  { name: 'seconded_by_id', description: 'Id of the seconder, when matched.', value: (r) => opt(r.seconded_by?.person_id) },
];

/** decisions.csv: one row per decision, in the order of decisions.json. */
export const decisionColumns: CsvColumn<DecisionRow>[] = [
  ...whereColumns<DecisionRow>((r) => r.date),
  { name: 'kind', description: 'resolution, recommendation, noting or rejected.', value: (r) => r.kind },
  { name: 'printed_as', description: 'The words that make it a decision, as printed.', value: (r) => r.printed_as },
  { name: 'text', description: 'What was decided, as printed.', value: (r) => r.text },
  ...motionColumns<DecisionRow>(),
  { name: 'follow_ups', description: 'Actions it asked for, one a line, each with its status in brackets.', value: (r) => r.follow_ups.map((f) => `${f.text} (${f.status})`).join('\n') },
  { name: 'url', description: 'The decision on its minutes page.', value: (r) => r.url },
];

const side = (option: VoteRow['votes'][number]['option']) => (r: VoteRow) => r.votes.filter((v) => v.option === option).map((v) => ({ name: v.voter_name, id: v.voter_id }));
const count = (option: VoteRow['counts'][number]['option']) => (r: VoteRow) => opt(r.counts.find((c) => c.option === option)?.value.toString());

/** votes.csv: one row per vote, with its printed counts and, for a recorded vote, the names on each side. */
export const voteColumns: CsvColumn<VoteRow>[] = [
  ...whereColumns<VoteRow>((r) => r.start_date),
  { name: 'result', description: 'carried or lost; empty when the minutes do not say.', value: (r) => opt(r.result) },
  { name: 'unanimous', description: 'yes when printed as unanimous, otherwise no.', value: (r) => (r.unanimous ? 'yes' : 'no') },
  { name: 'yes', description: 'Votes for, as printed; empty when not printed.', value: count('yes') },
  { name: 'no', description: 'Votes against, as printed; empty when not printed.', value: count('no') },
  { name: 'abstain', description: 'Abstentions, as printed; empty when not printed.', value: count('abstain') },
  { name: 'voted_yes', description: 'For a recorded vote: names of those voting for, as printed, separated by "; ".', value: (r) => names(side('yes')(r)) },
  { name: 'voted_yes_ids', description: 'Their person ids, in the same order (empty where a name is not matched).', value: (r) => ids(side('yes')(r)) },
  { name: 'voted_no', description: 'Names of those voting against, as printed.', value: (r) => names(side('no')(r)) },
  { name: 'voted_no_ids', description: 'Their person ids, in the same order.', value: (r) => ids(side('no')(r)) },
  { name: 'abstained', description: 'Names of those abstaining, as printed.', value: (r) => names(side('abstain')(r)) },
  { name: 'abstained_ids', description: 'Their person ids, in the same order.', value: (r) => ids(side('abstain')(r)) },
  ...motionColumns<VoteRow>(),
  { name: 'motion_text', description: 'The words that report the vote, as printed.', value: (r) => r.motion_text },
  { name: 'decisions', description: 'Ids of the decisions it decided, separated by "; ".', value: (r) => r.decisions.join('; ') },
  { name: 'url', description: 'The vote on its minutes page.', value: (r) => r.url },
];
