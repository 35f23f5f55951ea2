import { z } from 'zod';
import { contactPoint, erratum, isoDateOrDateTime, pageRange, personMention, sourceRef } from './common';
import { ref } from './references';

export const meetingStatuses = ['scheduled', 'held', 'cancelled'] as const;

/** One item on an agenda. */
export const agendaItemSchema = z.object({
  /** Item number as printed ("6", "11A"); kept as text because councils number "3a". */
  number: z.string().min(1),
  /** Title as printed. */
  title: z.string().min(1),
  /** Who the report is by, e.g. "Director of Children and Family Services". */
  reportBy: z.string().optional(),
  /** Pages of the pack this item's papers occupy. */
  pages: pageRange.optional(),
  /** Set when the item is taken in private; the reason is the legal one printed (e.g. Schedule 12A paragraph). */
  exempt: z.object({ reason: z.string().min(1) }).optional(),
  /** Papers were not ready when the agenda went out. */
  toFollow: z.boolean().default(false),
  /** Document ids considered under this item. */
  documents: z.array(ref('documents')).default([]),
  /** Minutes id, when the item is the minutes of an earlier meeting. */
  minutes: ref('minutes').optional(),
  /** Extra printed notes under the item. */
  note: z.string().optional(),
});

/**
 * Why a meeting's start is not on the date its file is named for (the date in its address), or undefined: the page
 * would say one day and its address another.
 */
export function startDateProblem(id: string, start: string): string | undefined {
  const named = /(?:^|\/)(\d{4}-\d{2}-\d{2})[^/]*$/.exec(id)?.[1];
  const on = start.slice(0, 10);
  return named && named !== on ? `the meeting starts on ${on}, but its file is named for ${named}: rename the file, or correct the date` : undefined;
}

/** A meeting of a body. File: `content/meetings/<council>/<body>/<YYYY-MM-DD>.yaml`. */
export const meetingSchema = z.object({
  /** Council id. */
  council: ref('councils'),
  /** Body id. */
  body: ref('bodies'),
  /** Start, with the UTC offset in force in Europe/London on the day; only the date when no time is printed. */
  start: isoDateOrDateTime,
  /** Time the meeting closed, as "HH:MM" local time, when printed. */
  closed: z.string().regex(/^\d{2}:\d{2}$/).optional(),
  /** Whether the meeting is still to come, took place, or was called off. */
  status: z.enum(meetingStatuses),
  /** Room and building, as printed. */
  venue: z.string().optional(),
  /** Democratic services contact for the meeting. */
  contact: contactPoint.pick({ name: true, phone: true, email: true }).optional(),
  /** Webcast notice as printed and its address, if any. */
  webcast: z.object({ note: z.string(), url: z.url().optional() }).optional(),
  /** Membership printed on the agenda. */
  membership: z.array(personMention).default([]),
  /** Members present, from the minutes. */
  present: z.array(personMention).default([]),
  /** Others in attendance (lead members, officers), from the minutes. */
  inAttendance: z.array(personMention).default([]),
  /** Apologies for absence, from the minutes. */
  apologies: z.array(personMention).default([]),
  /** Members of the public and guests named in the minutes. */
  public: z.array(personMention).default([]),
  /** The agenda, in printed order. */
  agenda: z.array(agendaItemSchema).default([]),
  /** The pack this meeting's agenda was read from. */
  source: sourceRef.optional(),
  /** Contradictions in the printed agenda. */
  errata: z.array(erratum).default([]),
});

export type AgendaItem = z.infer<typeof agendaItemSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
/** A meeting entry as written in its file: fields with defaults may be left out. */
export type MeetingInput = z.input<typeof meetingSchema>;
