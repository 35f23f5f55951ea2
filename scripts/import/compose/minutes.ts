/**
 * A set of minutes as content: the meeting they record (who was there, when, where) and the minutes entry (numbered
 * minutes, decisions with proposer and seconder, votes, actions, declarations), with every person named linked to
 * one person entry. Initials used in the minutes ("Proposed by RW") are read through the attendance list that gives
 * them ("Rob Weatherston  RW").
 */
import type { MeetingInput, MinutesInput, PersonMention } from '../../../src/schema';
import type { Attendee } from '../extract/attendance';
import { fullCouncilName } from '../extract/meeting';
import type { ParsedMinutes } from '../extract/minutes';
import { nameParts } from '../extract/people';
import { londonDateTime } from '../extract/when';
import type { ReviewFlag } from '../render/body';
import { bodyEntry } from './council';
import type { ComposedEntry } from './entry';
import type { Mention } from './people';


export interface MinutesContext {
  council: string;
  /** The council's name, for naming its full meeting when the minutes name no body. */
  councilName?: string | undefined;
  /** Source id. */
  source: string;
  /** First and last source line of the minutes. */
  lines: { from: number; to: number };
  pages?: { from: number; to: number } | undefined;
  /** Meeting that confirmed these minutes, when the source is that meeting's pack. */
  confirmedAt?: string | undefined;
  lang: 'en' | 'cy';
  /** The body from the hints file, where the minutes print none or misprint it. */
  bodyName?: string | undefined;
  /** The start time from the hints file, or read from the file before the minutes' own head; else the minutes' own. */
  time?: string | undefined;
}

export interface ComposedMinutes {
  entries: ComposedEntry[];
  mentions: Mention[];
  meetingId: string;
  minutesId: string;
}

/** A person's mention, with the parsed name when the printed words are a name. */
function mentionOf(printed: string, role: string | undefined, sharedTitle: string | undefined, mentions: Mention[]): PersonMention {
  const mention: PersonMention = { printed, ...(role ? { role } : {}) };
  const parts = nameParts(printed, sharedTitle);
  if (parts) mentions.push({ mention: { printed, parts }, attach: (id) => (mention.person = id) });
  return mention;
}

/**
 * Resolves a name printed in the minutes: initials ("RW") or a single name ("Craig") through the attendance list,
 * else the name itself. A single word that names nobody present ("Officers", "Highways") stays as printed, with no
 * person: it may be a group, a role or a first name, and the importer does not guess which.
 */
function personNamed(printed: string, byInitials: ReadonlyMap<string, Attendee>, byName: ReadonlyMap<string, Attendee | null>, mentions: Mention[]): PersonMention {
  const word = printed.trim();
  const attendee = byInitials.get(word) ?? byName.get(word) ?? undefined;
  if (!attendee && !/\s/.test(word)) return { printed };
  if (attendee) {
    const mention: PersonMention = { printed };
    const parts = nameParts(attendee.printed, attendee.sharedTitle);
    if (parts) mentions.push({ mention: { printed: attendee.printed, parts }, attach: (id) => (mention.person = id) });
    return mention;
  }
  return mentionOf(printed, undefined, undefined, mentions);
}

/**
 * The meeting and minutes entries for one set of minutes. Needs the meeting's date: minutes that print none are a
 * document, not a meeting (see compose/source).
 */
export function composeMinutes(parsed: ParsedMinutes, body: { mdx: string; review: ReviewFlag[] }, ctx: MinutesContext & { date: string }): ComposedMinutes {
  const mentions: Mention[] = [];
  const facts = parsed.meeting;
  const bodyName = ctx.bodyName ?? facts.body?.value ?? fullCouncilName(ctx.councilName);
  const bodyData = bodyEntry(ctx.council, bodyName);
  const meetingId = `${bodyData.id}/${ctx.date}`;
  const minutesId = ctx.lang === 'en' ? meetingId : `${meetingId}-${ctx.lang}`;
  const all = [...parsed.attendance.present, ...parsed.attendance.inAttendance, ...parsed.attendance.apologies, ...parsed.attendance.public];
  const byInitials = new Map(all.flatMap((a) => (a.initials ? [[a.initials, a] as const] : [])));
  // Minutes that call people by initials they never print ("approved by MC") mean the one attendee with them.
  const derived = new Map<string, Attendee | null>();
  for (const a of all) {
    const parts = a.initials ? undefined : nameParts(a.printed, a.sharedTitle);
    const initials = parts && parts.initials.length > 0 ? `${parts.initials.join('')}${parts.surname.charAt(0)}` : undefined;
    if (initials) derived.set(initials, derived.has(initials) && derived.get(initials)?.printed !== a.printed ? null : a);
  }
  for (const [initials, a] of derived) if (a && !byInitials.has(initials)) byInitials.set(initials, a);
  const attendees = (list: Attendee[]) => list.map((a) => mentionOf(a.printed, a.role, a.sharedTitle, mentions));
  // Each given name and surname of the attendance list, where only one person has it.
  const byName = new Map<string, Attendee | null>();
  for (const a of all) {
    const parts = nameParts(a.printed, a.sharedTitle);
    for (const name of parts ? [...new Set([parts.surname, ...parts.given.slice(0, 1)])] : []) byName.set(name, byName.has(name) ? null : a);
  }
  const named = (printed: string | undefined) => (printed ? personNamed(printed, byInitials, byName, mentions) : undefined);
  const time = ctx.time ?? facts.time?.value ?? parsed.closing?.startsAt;
  const closed = facts.closedAt?.value ?? parsed.closing?.endsAt;

  const meeting: MeetingInput = {
    council: ctx.council,
    body: bodyData.id,
    start: time ? londonDateTime(ctx.date, time) : ctx.date,
    status: 'held',
    ...(closed ? { closed } : {}),
    ...(facts.venue ? { venue: facts.venue.value } : {}),
    present: attendees(parsed.attendance.present),
    inAttendance: attendees(parsed.attendance.inAttendance),
    apologies: attendees(parsed.attendance.apologies),
    public: attendees(parsed.attendance.public),
    agenda: [],
    source: { pack: ctx.source },
    errata: [],
  };
  const decisionIds = new Set(parsed.decisions.map((d) => d.id));
  const voteIds = new Map<string, number>();
  const minutes: MinutesInput = {
    meeting: meetingId,
    ...(ctx.confirmedAt ? { confirmedAt: ctx.confirmedAt } : {}),
    ...(facts.signedOn ? { signedOn: facts.signedOn.value } : {}),
    ...(ctx.lang !== 'en' ? { lang: ctx.lang } : {}),
    ...(minutesId !== meetingId ? { translationOf: meetingId } : {}),
    items: parsed.items.map((i) => ({
      ...(i.number ? { number: i.number } : {}),
      ...(i.label && i.label !== i.number ? { label: i.label } : {}),
      title: i.title || i.label || i.key,
      considers: [],
    })),
    decisions: parsed.decisions.map((d) => {
      const movedBy = named(d.movedBy);
      const secondedBy = named(d.secondedBy);
      return { id: d.id, minute: d.minute, printedAs: d.printedAs, text: d.text, kind: d.kind, ...(movedBy ? { movedBy } : {}), ...(secondedBy ? { secondedBy } : {}), followUps: [] };
    }),
    votes: parsed.votes.map((v) => {
      const base = `vote-${v.minute}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+$/, '');
      const k = (voteIds.get(base) ?? 0) + 1;
      voteIds.set(base, k);
      const movedBy = named(v.movedBy);
      const secondedBy = named(v.secondedBy);
      const side = (list: Attendee[]) => list.map((a) => mentionOf(a.printed, a.role, a.sharedTitle, mentions));
      return {
        id: k === 1 ? base : `${base}-${k}`,
        minute: v.minute,
        decisions: v.decided.map((d) => d.id).filter((id) => decisionIds.has(id)),
        ...(v.result ? { result: v.result } : {}),
        ...(v.for !== undefined ? { for: v.for } : {}),
        ...(v.against !== undefined ? { against: v.against } : {}),
        ...(v.abstain !== undefined ? { abstain: v.abstain } : {}),
        unanimous: v.unanimous,
        printed: v.printed,
        ...(movedBy ? { movedBy } : {}),
        ...(secondedBy ? { secondedBy } : {}),
        ...(v.named ? { named: { for: side(v.named.names.for), against: side(v.named.names.against), abstain: side(v.named.names.abstain) } } : {}),
      };
    }),
    actions: parsed.actions.map((a) => {
      const owner = a.owner ? named(a.owner) : undefined;
      return { text: a.text, ...(owner ? { owner } : {}), ...(a.minute ? { minute: a.minute } : {}), source: a.source, line: parsed.lines[a.index]!.n };
    }),
    declarations: parsed.declarations.map((d) => {
      const declaration: NonNullable<MinutesInput['declarations']>[number] = { printed: d.printed, interest: d.interest, minute: d.minute };
      const parts = nameParts(d.printed);
      if (parts) mentions.push({ mention: { printed: d.printed, parts }, attach: (id) => (declaration.person = id) });
      return declaration;
    }),
    source: { pack: ctx.source, ...(ctx.pages ? { pages: ctx.pages } : {}), lines: ctx.lines },
    review: [...parsed.review, ...body.review],
    errata: [],
  };
  return {
    entries: [bodyData, { collection: 'meetings', id: meetingId, data: meeting }, { collection: 'minutes', id: minutesId, data: minutes, body: body.mdx }],
    mentions,
    meetingId,
    minutesId,
  };
}
