/**
 * A meeting pack as content: the meeting and its agenda (from the front sheet), the minutes it carries (and the
 * meeting they record), one document per report and appendix (appendices under their report), their KPI series and
 * workshops, and the people named. Pure: the same pack gives the same entries.
 */
import type { Document, MeetingInput } from '../../../src/schema';
import { formatShortDate } from '../../../src/model/date';
import { parseAgenda, parseMeetingHeader, type ParsedItem } from '../extract/agenda';
import { parseMinutes } from '../extract/minutes';
import { londonDateTime, datesIn } from '../extract/when';
import type { Table } from '../layout/table';
import { findTables } from '../layout/tables';
import type { Problem } from '../problem';
import { renderMinutes } from '../render/minutes';
import type { Section } from '../segment/sections';
import { agendaEntry, agendaItemFor, membershipMentions, pageRangeFor } from './agenda';
import { bodyEntry } from './council';
import { composeDocument, kindFromTitle } from './document';
import { readableTitle, slug, type ComposedEntry } from './entry';
import { composeMinutes } from './minutes';
import type { Mention } from './people';
import { sectionLines, workshopEntries } from './plan';
import type { SourceContext, SourceParts } from './source-parts';

const bodyFromMeetingLine = (line: string | undefined) => (line ? readableTitle(line.replace(/\s+[–—-]\s+.*$/, '')) : undefined);

const frontTitle = (body: string | undefined, agenda: ParsedItem[]) => (agenda.length > 0 ? `Agenda${body ? ` – ${body}` : ''}` : 'Front sheet');

/** Whether a section has any words besides furniture. */
const hasText = (ctx: SourceContext, s: Section) => sectionLines(ctx.lines, s).some((l) => l.text.trim() !== '' && !ctx.furniture.has(l.n));

/** Composes a pack that `segment` divided into sections. */
export function composePack(ctx: SourceContext, sections: Section[], problems: Problem[]): SourceParts {
  const { lines, hints, council } = ctx;
  const front = sections[0]!;
  const frontLines = sectionLines(lines, front);
  const header = parseMeetingHeader(frontLines);
  const agenda = parseAgenda(frontLines);
  const entries: ComposedEntry[] = [];
  const mentions: Mention[] = [];
  const counts = { agendaItems: agenda.length, documents: 0, tables: 0, verbatim: 0, errata: 0 };

  const reportMeeting = sections.find((s) => s.meetingLine)?.meetingLine;
  const minutesHead = sections.find((s) => s.kind === 'minutes');
  const minutesBody = minutesHead ? /meeting of (?:the )?(.+?) held\b/i.exec(lines[minutesHead.start - 1]?.text ?? '')?.[1] : undefined;
  const bodyName = header.body ?? bodyFromMeetingLine(reportMeeting) ?? minutesBody;
  const date = header.date ?? (reportMeeting ? datesIn(reportMeeting)[0]?.iso : undefined);
  const body = bodyName ? bodyEntry(council, bodyName) : undefined;
  if (body) entries.push(body);
  const meetingId = body && date ? `${body.id}/${date}` : undefined;
  const docBase = meetingId ?? `${council}/${ctx.id}`;

  // Documents: the front sheet, then each report and appendix.
  const docIds = new Map<Section, string>();
  const usedIds = new Set<string>();
  const tablesBySection = new Map<Section, Table[]>();
  const titles = new Map<Section, string>();
  for (const section of sections) {
    if (section.kind === 'minutes' || (section.kind === 'front' && !hasText(ctx, section))) continue;
    const hint = hints?.documents[String(section.start)];
    const title = readableTitle(hint?.title ?? section.title ?? (section.kind === 'front' ? frontTitle(header.body, agenda) : 'Untitled section'));
    titles.set(section, title);
    // An appendix lives under its report: appendix letters restart per report, so "appendix-a" is only unique there.
    const parentId = section.parent !== undefined ? docIds.get(sections[section.parent]!) : undefined;
    const own = section.kind === 'front' ? 'agenda' : parentId && section.appendix ? `appendix-${slug(section.appendix)}` : slug(title);
    const base = parentId ?? docBase;
    let id = `${base}/${own}`;
    for (let k = 2; usedIds.has(id); k++) id = `${base}/${own}-${k}`;
    usedIds.add(id);
    docIds.set(section, id);
    tablesBySection.set(section, findTables(sectionLines(lines, section), { positioned: ctx.layout === 'positioned', skip: ctx.skip }));
  }

  const minutesIds: string[] = [];
  const minutes = { numbered: 0, sections: 0, decisions: [] as string[], votes: 0, actions: 0 };
  for (const section of sections.filter((s) => s.kind === 'minutes')) {
    const own = sectionLines(lines, section);
    const parsed = parseMinutes(own, { skip: ctx.skip });
    const heldOn = parsed.meeting.date?.value;
    if (!heldOn) {
      problems.push({ code: 'minutes-no-date', severity: 'review', file: ctx.file, line: section.start, message: 'minutes without a meeting date: kept in the pack\'s documents' });
      continue;
    }
    const item = agenda.find((a) => /minutes/i.test(a.title) && a.title.includes(String(Number(heldOn.slice(8)))));
    const rendered = renderMinutes(parsed, { furniture: ctx.furniture, headings: ctx.layout });
    const composed = composeMinutes(parsed, rendered, {
      council,
      councilName: ctx.councilName,
      source: ctx.id,
      lines: { from: section.start, to: section.end },
      pages: item?.pages,
      confirmedAt: meetingId,
      lang: ctx.lang,
      date: heldOn,
    });
    entries.push(...composed.entries);
    mentions.push(...composed.mentions);
    minutesIds.push(composed.minutesId);
    minutes.numbered += parsed.items.filter((i) => i.number).length;
    minutes.sections += parsed.items.filter((i) => !i.number).length;
    minutes.decisions.push(...parsed.decisions.map((d) => d.kind));
    minutes.votes += parsed.votes.length;
    minutes.actions += parsed.actions.length;
  }

  const actionsBySection = new Map<Section, ReturnType<typeof composeDocument>['actionRows']>();
  for (const [section, id] of docIds) {
    const hint = hints?.documents[String(section.start)];
    const title = titles.get(section)!;
    const kind: Document['kind'] =
      hint?.kind ??
      (section.kind === 'front'
        ? /supplement/i.test(lines.slice(0, 60).map((l) => l.text).join(' ')) ? 'supplement' : 'agenda'
        : section.kind === 'report' ? 'report' : (kindFromTitle(title) ?? 'appendix'));
    const parentSection = section.parent !== undefined ? sections[section.parent] : undefined;
    const item = meetingId ? agendaItemFor(section, parentSection, agenda) : undefined;
    const draft = /^draft\b/i.test(title) || sectionLines(lines, section).some((l) => ctx.furniture.get(l.n)?.kind === 'draft-stamp');
    const parentId = parentSection ? docIds.get(parentSection) : undefined;
    const doc = composeDocument(
      {
        id,
        title,
        kind,
        council,
        source: ctx.id,
        section,
        lines,
        furniture: ctx.furniture,
        tables: tablesBySection.get(section) ?? [],
        hints,
        placement: {
          ...(meetingId ? { meeting: meetingId } : {}),
          ...(item ? { item: item.number } : {}),
          ...(section.author ? { author: readableTitle(section.author) } : {}),
          ...(parentId ? { parent: parentId, ...(section.appendix ? { appendix: section.appendix } : {}) } : {}),
          pages: pageRangeFor(section, item, parentSection),
          itemPages: item?.pages,
        },
        fallbackEdition: date?.slice(0, 4) ?? ctx.id,
        lang: ctx.lang,
        layout: ctx.layout,
        draft,
      },
      problems,
    );
    entries.push(...doc.kpis, doc.document);
    actionsBySection.set(section, doc.actionRows);
    counts.documents++;
    counts.tables += doc.tables;
    counts.verbatim += doc.verbatim;
    counts.errata += doc.errata;
  }

  entries.push(...workshopEntries(hints, sections, lines, docIds, actionsBySection, ctx.furniture, ctx.id, problems));

  if (meetingId && body && date && header.date) {
    const membership = membershipMentions(header.membership);
    const papers = [...docIds].map(([section, id]) => ({ section, id }));
    const meeting: MeetingInput = {
      council,
      body: body.id,
      start: header.time ? londonDateTime(date, header.time) : date,
      status: 'scheduled',
      ...(header.venue ? { venue: header.venue } : {}),
      ...(header.contact ? { contact: header.contact } : {}),
      ...(header.webcast ? { webcast: header.webcast } : {}),
      membership: membership.map((m) => m.mention),
      agenda: agenda.map((item) => agendaEntry(item, hints, papers, minutesIds)),
      source: { pack: ctx.id },
      errata: [],
    };
    for (const m of membership) mentions.push({ mention: m.parsed, attach: (id) => (m.mention.person = id) });
    entries.push({ collection: 'meetings', id: meetingId, data: meeting });
  }
  const title = header.date
    ? bodyName && date ? `${bodyName} meeting pack, ${formatShortDate(date)}` : `Publication ${ctx.id}`
    : `${readableTitle(sections.find((s) => s.kind === 'report')?.title ?? ctx.id)}, published on its own`;
  return {
    entries,
    mentions,
    title,
    ...(date ? { date } : {}),
    ...(meetingId && header.date ? { meeting: meetingId } : {}),
    counts: { ...counts, minutes: minutes.numbered, sections: minutes.sections, decisions: minutes.decisions, votes: minutes.votes, actions: minutes.actions },
  };
}
