import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';
import type { AgendaItem, Body, Council, Document, Meeting, Minutes, Person, PersonMention, Source } from '../../../src/schema';
import { formatShortDate } from '../../../src/model/date';
import { londonDateTime, parseAgenda, parseMeetingHeader, type ParsedItem } from '../extract/agenda';
import { plain } from '../read/markup';
import { findFurniture, type Furniture } from '../layout/furniture';
import type { Hints } from '../hints';
import { parseMinutes, type ParsedMinutes } from '../extract/minutes';
import { component, wrap } from '../render/mdx';
import { joinNameLists, mergePeople, parsePersonLine, type ParsedPerson } from '../extract/people';
import { renderBody } from '../render/body';
import { segment, type Section } from '../segment/sections';
import { toLines, type SourceLine } from '../read/line';
import { ImportError } from '../problem';
import { checkTotals, findTables, type Table } from '../layout/tables';
import { actionsFromTables, checkCounts, findPriorities, findRisks, isActionTable, type ActionRow } from '../extract/plan';
import { findWorkshops } from '../extract/workshop';
import { kpiFromTable, kpiTableKind, kpiValue, toKpiEdition } from '../extract/kpi';

/** One content file the import produces: its collection, id, frontmatter/data and MDX body. */
export interface Entry {
  collection: 'councils' | 'bodies' | 'people' | 'sources' | 'meetings' | 'minutes' | 'documents' | 'kpis' | 'workshops';
  id: string;
  data: Record<string, unknown>;
  body?: string;
}

/** A pack to import: its id (file name without extension), its text, and any hints. */
export interface PackInput {
  id: string;
  text: string;
  hints?: Hints;
}

/** What the import found in one pack, for the command's report. */
export interface PackSummary {
  pack: string;
  meeting?: string;
  agendaItems: number;
  documents: number;
  minutes: number;
  decisions: number;
  tables: number;
  verbatim: number;
  errata: number;
}

/** Content already in the tree that an import links to or merges into. */
export interface Existing {
  councils: Map<string, Council>;
  people: Map<string, Person>;
  documents: Map<string, Document>;
  /** Ids of meetings already in the content. */
  meetings: Set<string>;
  /** Ids of bodies already in the content: a web team's own file is never rewritten. */
  bodies: Set<string>;
}

/** Councils the importer recognises by name when a pack does not say which it is. */
export const KNOWN_COUNCILS: Record<string, { name: string; website: string; email: string }> = {
  leicestershire: { name: 'Leicestershire County Council', website: 'https://www.leicestershire.gov.uk', email: 'democracy@leics.gov.uk' },
  leicester: { name: 'Leicester City Council', website: 'https://www.leicester.gov.uk', email: 'committees@leicester.gov.uk' },
};

const slug = (text: string, max = 60): string => {
  const s = slugify(plain(text), { decamelize: false });
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : max);
};

const words = (text: string) => new Set(plain(text).toLowerCase().match(/[a-z0-9]{3,}/g) ?? []);

/** How much of `a`'s vocabulary `b` shares, 0..1: enough to match an agenda title to a report's cover title. */
function overlap(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0) return 0;
  return [...wa].filter((w) => wb.has(w)).length / wa.size;
}

/**
 * Works out which council published a pack: the hint or flag, else the known council named first in the text (the
 * publisher's name is on the front sheet; other councils are only mentioned further in).
 */
export function detectCouncil(text: string, flag: string | undefined, known: ReadonlyMap<string, Council>, file = ''): string {
  if (flag) return flag;
  const flat = text.slice(0, 20000).replace(/\s+/g, ' ').toLowerCase();
  const domain = (url: string | undefined) => url?.replace(/^.*?(@|:\/\/(www\.)?)/, '').replace(/\/.*$/, '').toLowerCase();
  const signs = (id: string, c: { name: string; website: string; email?: string | undefined }) =>
    [c.name, domain(c.website), domain(c.email)].flatMap((s) => (s ? [[id, s] as const] : []));
  const names = [
    ...[...known].flatMap(([id, c]) => signs(id, { name: c.name, website: c.website, email: c.accessibilityContact.email })),
    ...Object.entries(KNOWN_COUNCILS).flatMap(([id, c]) => signs(id, c)),
  ];
  const first = names
    .map(([id, name]) => ({ id, at: flat.indexOf(name.toLowerCase()) }))
    .filter((hit) => hit.at !== -1)
    .sort((a, b) => a.at - b.at)[0];
  if (first) return first.id;
  throw new ImportError('cannot tell which council published this pack: pass --council <id>', file);
}

const BODY_KINDS: Array<[RegExp, Body['kind']]> = [
  [/cabinet|executive/i, 'cabinet'],
  [/commission/i, 'commission'],
  [/panel/i, 'panel'],
  [/board/i, 'board'],
  [/^(full |county |city )?council$/i, 'council'],
];
const bodyKind = (name: string): Body['kind'] => BODY_KINDS.find(([re]) => re.test(name))?.[1] ?? 'committee';

const DOC_KINDS: Array<[RegExp, Document['kind']]> = [
  [/action plan/i, 'action-plan'],
  [/workshop/i, 'workshop-summary'],
  [/impact assessment|\bEIA\b|\bEHRIA\b|screening/i, 'assessment'],
  [/strateg(y|ic plan)/i, 'strategy'],
  [/\bplan\b/i, 'plan'],
];

/** Title case for titles printed in capitals; titles in mixed case are kept as printed. */
export function readableTitle(title: string): string {
  const t = plain(title).replace(/^draft\s+/i, (m) => m);
  if (t !== t.toUpperCase()) return t;
  const small = new Set(['and', 'of', 'the', 'for', 'to', 'in', 'on', 'a', 'an', 'by', 'with']);
  return t
    .toLowerCase()
    .split(/(\s+)/)
    .map((w, i) => (i > 0 && small.has(w) ? w : w.replace(/^([("'‘]?)([a-z])/, (_, p: string, c: string) => p + c.toUpperCase())))
    .join('')
    .replace(/\b(Emss|Eia|Ehria|Yos|Vcs|Lcc|Ict|Mtfs|Send|Od|Uk)\b/g, (m) => m.toUpperCase());
}

/** "2015/16" -> 2015-2016, "2023 – 2026" -> 2023-2026, "2014-18" -> 2014-2018; undefined when no period is printed. */
export function periodOf(title: string): { period: string; years: { from: number; to: number } } | undefined {
  const m = /\b((?:19|20)\d\d)\s*(?:[-–/]|to)\s*((?:19|20)?\d\d)\b/.exec(title);
  if (m) {
    const from = Number(m[1]);
    const toRaw = m[2]!;
    const to = toRaw.length === 2 ? Math.floor(from / 100) * 100 + Number(toRaw) : Number(toRaw);
    return { period: m[0].replace(/\s+/g, ''), years: { from, to: to < from ? to + 100 : to } };
  }
  const single = /\b((?:19|20)\d\d)\b/.exec(title);
  return single ? { period: single[1]!, years: { from: Number(single[1]), to: Number(single[1]) } } : undefined;
}

/** Everything composed from one pack, before it is merged with other packs and existing content. */
interface Composed {
  entries: Entry[];
  mentions: Array<{ mention: ParsedPerson; attach: (id: string) => void }>;
  summary: PackSummary;
}

/** The lines of a section. */
const sectionLines = (lines: SourceLine[], s: { start: number; end: number }) => lines.slice(s.start - 1, s.end);

/**
 * Composes one pack into content entries: the meeting and its agenda, the minutes it carries (and the meeting they
 * record), one document per report and appendix, and the people named. Pure: the same pack gives the same entries.
 */
export function composePack(pack: PackInput, existing: Existing, councilFlag?: string): Composed {
  const lines = toLines(pack.text);
  const hints = pack.hints;
  const council = detectCouncil(pack.text, hints?.council ?? councilFlag, existing.councils, pack.id);
  const furniture = findFurniture(lines);
  const furnitureAt = new Map(furniture.map((f) => [f.line, f]));
  const sections = segment(lines, furniture, hints?.splits ?? []);
  const front = sections[0]!;
  const frontLines = sectionLines(lines, front);
  const header = parseMeetingHeader(frontLines);
  const agenda = parseAgenda(frontLines);
  const hasStructure = sections.some((s) => s.kind !== 'front') || agenda.length > 0 || header.date;
  if (!hasStructure) {
    throw new ImportError(
      'this does not look like a council pack: no meeting details, agenda, minutes or report cover were found',
      pack.id,
    );
  }
  const entries: Entry[] = [];
  const mentions: Composed['mentions'] = [];
  const summary: PackSummary = { pack: pack.id, agendaItems: agenda.length, documents: 0, minutes: 0, decisions: 0, tables: 0, verbatim: 0, errata: 0 };

  const reportMeeting = sections.find((s) => s.meetingLine)?.meetingLine;
  const bodyName = header.body ?? bodyFromMeetingLine(reportMeeting) ?? minutesBody(sections, lines);
  const date = header.date ?? (reportMeeting ? dateOf(reportMeeting) : undefined);
  const bodyId = bodyName ? `${council}/${slug(bodyName)}` : undefined;
  if (bodyId && bodyName) entries.push({ collection: 'bodies', id: bodyId, data: { council, name: bodyName, kind: bodyKind(bodyName), terms: [] } });
  const meetingId = bodyId && date ? `${bodyId}/${date}` : undefined;
  const docBase = meetingId ?? `${council}/${pack.id}`;

  entries.push({
    collection: 'sources',
    id: pack.id,
    data: {
      title: header.date
        ? packTitle(bodyName, date, pack.id)
        : `${readableTitle(sections.find((s) => s.kind === 'report')?.title ?? pack.id)}, published on its own`,
      council,
      date: date ?? '1970-01-01',
      file: `${pack.id}.txt`,
      sha256: createHash('sha256').update(pack.text).digest('hex'),
    },
  });

  // Documents: the front sheet, then each report and appendix.
  const docIds = new Map<Section, string>();
  const usedIds = new Set<string>();
  const tablesBySection = new Map<Section, Table[]>();
  const minutesSections: Array<{ section: Section; parsed: ParsedMinutes }> = [];
  for (const section of sections) {
    if (section.kind === 'minutes') {
      minutesSections.push({ section, parsed: parseMinutes(sectionLines(lines, section)) });
      continue;
    }
    if (section.kind === 'front' && !hasText(lines, section, furnitureAt)) continue;
    const hint = hints?.documents[String(section.start)];
    const title = readableTitle(hint?.title ?? section.title ?? (section.kind === 'front' ? frontTitle(header.body, agenda) : 'Untitled section'));
    // An appendix lives under its report: appendix letters restart per report, so "appendix-a" is only unique there.
    const parentId = section.parent !== undefined ? docIds.get(sections[section.parent]!) : undefined;
    const own = section.kind === 'front' ? 'agenda' : parentId && section.appendix ? `appendix-${slug(section.appendix)}` : slug(title);
    const base = parentId ?? docBase;
    let id = `${base}/${own}`;
    for (let k = 2; usedIds.has(id); k++) id = `${base}/${own}-${k}`;
    usedIds.add(id);
    docIds.set(section, id);
    tablesBySection.set(section, findTables(sectionLines(lines, section)));
  }

  const minutesIds: string[] = [];
  for (const { section, parsed } of minutesSections) {
    const composed = composeMinutes(council, section, parsed, lines, furnitureAt, pack.id, meetingId, agenda);
    if (!composed) continue;
    entries.push(...composed.entries);
    mentions.push(...composed.mentions);
    minutesIds.push(composed.minutesId);
    summary.minutes += parsed.items.length;
    summary.decisions += parsed.decisions.length;
  }

  const actionsBySection = new Map<Section, ActionRow[]>();
  for (const [section, id] of docIds) {
    const hint = hints?.documents[String(section.start)];
    const tables = tablesBySection.get(section) ?? [];
    const own = sectionLines(lines, section);
    const rendered = renderBody(own, { furniture: furnitureAt, tables, coverEnd: section.coverEnd });
    const found = planData(own, tables);
    actionsBySection.set(section, found.actionRows);
    const errata = [...tables.flatMap((t) => checkTotals(t)), ...found.errata, ...(hint?.errata ?? [])];
    const title = readableTitle(hint?.title ?? section.title ?? (section.kind === 'front' ? frontTitle(header.body, agenda) : 'Untitled section'));
    const kind: Document['kind'] =
      hint?.kind ?? (section.kind === 'front' ? (/supplement/i.test(pack.text.slice(0, 3000)) ? 'supplement' : 'agenda') : section.kind === 'report' ? 'report' : DOC_KINDS.find(([re]) => re.test(title))?.[1] ?? 'appendix');
    const parentSection = section.parent !== undefined ? sections[section.parent] : undefined;
    const item = meetingId ? agendaItemFor(section, parentSection, agenda) : undefined;
    const draft = /^draft\b/i.test(title) || sectionLines(lines, section).some((l) => furnitureAt.get(l.n)?.kind === 'draft-stamp');
    const period = periodOf(title);
    const edition = hint?.edition ?? period?.period ?? date?.slice(0, 4) ?? pack.id;
    const kpis = [
      ...kpisFromTables(council, id, edition, tables, { pack: pack.id, ...(item?.pages ? { pages: item.pages } : {}) }, hints),
      ...kpisFromHints(council, id, section, lines, pack.id, hints),
    ];
    entries.push(...kpis);
    const data: Record<string, unknown> = {
      title,
      kind,
      council,
      ...(meetingId ? { meeting: meetingId } : {}),
      ...(item ? { item: item.number } : {}),
      ...(section.author ? { author: readableTitle(section.author) } : {}),
      status: hint?.status ?? (draft ? 'draft' : 'final'),
      ...(parentSection && docIds.get(parentSection) ? { parent: docIds.get(parentSection), appendix: section.appendix } : {}),
      ...(hint?.series ? { series: hint.series } : {}),
      ...(hint?.edition ? { edition: hint.edition } : {}),
      ...(hint?.summary ? { summary: hint.summary } : {}),
      source: { pack: pack.id, ...(pageRangeFor(section, item, parentSection) ?? {}), lines: { from: section.start, to: section.end } },
      ...(['strategy', 'plan', 'action-plan'].includes(kind) || found.hasPlan || kpis.length > 0
        ? {
            plan: {
              ...(period ?? {}),
              ...(hint?.parentStrategy ? { parentStrategy: hint.parentStrategy } : {}),
              priorities: found.priorities,
              actions: found.actionRows.map((a) => a.action),
              risks: found.risks,
              kpis: [...new Set(kpis.map((k) => k.id))],
            },
          }
        : {}),
      review: rendered.review,
      errata,
    };
    const body = [rendered.mdx, ...errata.map((e) => component('Erratum', e))].join('\n\n');
    entries.push({ collection: 'documents', id, data, body });
    summary.documents++;
    summary.tables += tables.length;
    summary.verbatim += rendered.review.filter((r) => r.reason.includes('verbatim')).length;
    summary.errata += errata.length;
  }

  entries.push(...workshopEntries(hints, sections, lines, docIds, actionsBySection, furnitureAt, pack.id));

  if (meetingId && bodyId && date && header.date) {
    const membership = membershipMentions(header.membership);
    const meeting: Record<string, unknown> = {
      council,
      body: bodyId,
      start: londonDateTime(date, header.time),
      status: 'scheduled',
      ...(header.venue ? { venue: header.venue } : {}),
      ...(header.contact ? { contact: header.contact } : {}),
      ...(header.webcast ? { webcast: header.webcast } : {}),
      membership: membership.map((m) => m.mention),
      agenda: agenda.map((item) => agendaEntry(item, hints, docIds, minutesIds)),
      source: { pack: pack.id },
      errata: [],
    };
    for (const m of membership) mentions.push({ mention: m.parsed, attach: (id) => (m.mention.person = id) });
    entries.push({ collection: 'meetings', id: meetingId, data: meeting });
    summary.meeting = meetingId;
  }
  return { entries, mentions, summary };
}

function hasText(lines: SourceLine[], s: Section, furniture: ReadonlyMap<number, Furniture>): boolean {
  return sectionLines(lines, s).some((l) => l.text.trim() !== '' && !furniture.has(l.n));
}

const dateOf = (text: string) => {
  const m = /\b(\d{1,2})(?:ST|ND|RD|TH)?(?: OF)? ([A-Z]+) (\d{4})\b/i.exec(text);
  if (!m) return undefined;
  const month = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'].indexOf(m[2]!.toUpperCase()) + 1;
  return month ? `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : undefined;
};

const bodyFromMeetingLine = (line: string | undefined) => (line ? readableTitle(line.replace(/\s+[–—-]\s+.*$/, '')) : undefined);

function minutesBody(sections: Section[], lines: SourceLine[]): string | undefined {
  const s = sections.find((x) => x.kind === 'minutes');
  const m = s && /meeting of (?:the )?(.+?) held\b/i.exec(lines[s.start - 1]?.text ?? '');
  return m?.[1];
}

const packTitle = (body: string | undefined, date: string | undefined, id: string) =>
  body && date ? `${body} meeting pack, ${formatShortDate(date)}` : `Publication ${id}`;

const frontTitle = (body: string | undefined, agenda: ParsedItem[]) =>
  agenda.length > 0 ? `Agenda${body ? ` – ${body}` : ''}` : 'Front sheet';

/** The agenda item a report or appendix belongs to: an item whose title shares most of the report's words. */
function agendaItemFor(section: Section, parent: Section | undefined, agenda: ParsedItem[]): ParsedItem | undefined {
  const title = (parent ?? section).title;
  if (!title || section.kind === 'front') return undefined;
  const scored = agenda.map((item) => ({ item, score: Math.max(overlap(item.title, title), overlap(title, item.title)) }));
  const best = scored.sort((a, b) => b.score - a.score)[0];
  return best && best.score >= 0.6 ? best.item : undefined;
}

/** Pages of the pack: the agenda item's range for a report (an appendix shares its report's item). */
function pageRangeFor(section: Section, item: ParsedItem | undefined, parent: Section | undefined) {
  if (!item?.pages || parent) return undefined;
  return section.kind === 'report' ? { pages: item.pages } : undefined;
}

function membershipMentions(lines: SourceLine[]): Array<{ parsed: ParsedPerson; mention: PersonMention }> {
  return joinNameLists(lines).flatMap((line) =>
    parsePersonLine(line.text).people.map((parsed) => ({
      parsed,
      mention: { printed: parsed.printed, ...(parsed.role ? { role: parsed.role } : {}) } as PersonMention,
    })),
  );
}

function agendaEntry(
  item: ParsedItem,
  hints: Hints | undefined,
  docIds: Map<Section, string>,
  minutesIds: string[],
): AgendaItem {
  const fix = hints?.agenda[item.number];
  const documents = [...docIds]
    // Reports only: appendices are listed under their report.
    .filter(([section]) => section.kind !== 'front' && section.parent === undefined && agendaItemFor(section, undefined, [item]) === item)
    .map(([, id]) => id);
  const minutesDate = /minutes of (?:the )?(?:previous )?meeting(?: held on (.+))?/i.exec(item.title);
  const heldOn = minutesDate?.[1] ? dateOf(minutesDate[1]) : undefined;
  const minutes = minutesDate ? minutesIds.find((id) => !heldOn || id.endsWith(`/${heldOn}`)) : undefined;
  const title = fix?.title ?? item.title;
  const reportBy = fix?.reportBy ?? item.reportBy;
  return {
    number: item.number,
    title,
    ...(reportBy ? { reportBy } : {}),
    ...(item.pages ? { pages: item.pages } : {}),
    ...(item.private ? { exempt: { reason: 'Exempt information under Part 1 of Schedule 12A to the Local Government Act 1972; the press and public are excluded.' } } : {}),
    toFollow: item.toFollow,
    documents,
    ...(minutes ? { minutes } : {}),
    ...(item.note ? { note: item.note } : {}),
  };
}

/** The minutes entry, and the meeting they record (with who was there), from one minutes section. */
function composeMinutes(
  council: string,
  section: Section,
  parsed: ParsedMinutes,
  lines: SourceLine[],
  furniture: ReadonlyMap<number, Furniture>,
  pack: string,
  confirmedAt: string | undefined,
  agenda: ParsedItem[],
): { entries: Entry[]; mentions: Composed['mentions']; minutesId: string } | undefined {
  const heading = parsed.heading;
  if (!heading) return undefined;
  const bodyId = `${council}/${slug(heading.body)}`;
  const meetingId = `${bodyId}/${heading.date}`;
  const mentions: Composed['mentions'] = [];
  const attendees = (list: ParsedMinutes['present']) =>
    list.map((a) => {
      const mention: PersonMention = { printed: a.printed, ...(a.role ? { role: a.role } : {}) };
      const parsedPerson = parsePersonLine(a.printed).people[0];
      if (parsedPerson) mentions.push({ mention: parsedPerson, attach: (id) => (mention.person = id) });
      return mention;
    });
  const startTime = parsed.closing?.time?.startsAt;
  const meeting: Record<string, unknown> = {
    council,
    body: bodyId,
    start: londonDateTime(heading.date, startTime),
    status: 'held',
    venue: heading.venue,
    present: attendees(parsed.present),
    inAttendance: attendees(parsed.inAttendance),
    apologies: attendees(parsed.apologies),
    agenda: [],
    source: { pack },
    errata: [],
  };
  const declarations = parsed.declarations.map((d) => {
    const declaration: Record<string, unknown> = { ...d.declaration };
    const p = parsePersonLine(d.declaration.printed).people[0];
    if (p) mentions.push({ mention: p, attach: (id) => (declaration['person'] = id) });
    return declaration;
  });
  const item = agenda.find((a) => /minutes/i.test(a.title) && a.title.includes(String(Number(heading.date.slice(8)))));
  const body = renderMinutes(parsed, lines, section, furniture);
  const minutes: Record<string, unknown> = {
    meeting: meetingId,
    ...(confirmedAt ? { confirmedAt } : {}),
    items: parsed.items.map((i) => ({ number: i.number, title: i.title, considers: [] })),
    decisions: parsed.decisions.map((d) => d.decision),
    declarations,
    source: { pack, ...(item?.pages ? { pages: item.pages } : {}), lines: { from: section.start, to: section.end } },
    review: [...parsed.review, ...body.review],
    errata: [],
  };
  const bodyName = heading.body;
  return {
    entries: [
      { collection: 'bodies', id: bodyId, data: { council, name: bodyName, kind: bodyKind(bodyName), terms: [] } },
      { collection: 'meetings', id: meetingId, data: meeting },
      { collection: 'minutes', id: meetingId, data: minutes, body: body.mdx },
    ],
    mentions,
    minutesId: meetingId,
  };
}

/** Minutes as MDX: the preamble as text, each numbered minute in a `<Minute>`, each decision in a `<Resolved>`. */
function renderMinutes(parsed: ParsedMinutes, lines: SourceLine[], section: Section, furniture: ReadonlyMap<number, Furniture>) {
  const review: Array<{ line: number; reason: string }> = [];
  const out: string[] = [];
  const render = (from: number, to: number, skip?: Set<number>) => {
    const r = renderBody(lines.slice(from - 1, to), { furniture, tables: [], ...(skip ? { skip } : {}) });
    review.push(...r.review);
    return r.mdx;
  };
  let cursor = section.start;
  for (const item of parsed.items) {
    if (item.start > cursor) out.push(render(cursor, item.start - 1));
    const parts: string[] = [];
    let at = item.start + 1;
    for (const d of parsed.decisions.filter((x) => x.start >= item.start && x.end <= item.end)) {
      if (d.start > at) parts.push(render(at, d.start - 1));
      parts.push(wrap('Resolved', { id: d.decision.id, printedAs: d.decision.printedAs, kind: d.decision.kind }, render(d.start, d.end)));
      at = d.end + 1;
    }
    if (at <= item.end) parts.push(render(at, item.end));
    out.push(wrap('Minute', { number: item.number, title: item.title }, parts.filter(Boolean).join('\n\n')));
    cursor = item.end + 1;
  }
  if (cursor <= section.end) out.push(render(cursor, section.end));
  return { mdx: out.filter(Boolean).join('\n\n'), review };
}

/** KPI series from a document's KPI tables: one entry per indicator, holding this document's edition. */
function kpisFromTables(
  council: string,
  document: string,
  edition: string,
  tables: Table[],
  context: { pack: string; pages?: { from: number; to: number } },
  hints: Hints | undefined,
): Entry[] {
  return tables.flatMap((table) => {
    if (!kpiTableKind(table)) return [];
    const self = council.replace(/(^|-)([a-z])/g, (_, s: string, c: string) => `${s ? ' ' : ''}${c.toUpperCase()}`);
    return kpiFromTable(table, { ...context, period: edition, self }).flatMap((row) => {
      const kpi = toKpiEdition(row, document, edition);
      if (!kpi) return [];
      kpi.source = { ...kpi.source, lines: { from: row.line, to: row.line } };
      const series = hints?.kpiSeries[row.name] ?? slug(row.name);
      return [{ collection: 'kpis' as const, id: `${council}/${series}`, data: { council, name: row.name, direction: row.direction, editions: [kpi], errata: [] } }];
    });
  });
}

/**
 * KPI figures a person read from a plan's prose (hints file). Each figure must be printed on the line it names,
 * so the site never shows a number the council did not print.
 */
function kpisFromHints(council: string, document: string, section: Section, lines: SourceLine[], pack: string, hints: Hints | undefined): Entry[] {
  return (hints?.kpis ?? [])
    .filter((k) => Number(k.document) === section.start)
    .map((k) => {
      const point = (f: { period: string; printed: string; line: number }) => {
        if (!(lines[f.line - 1]?.text ?? '').includes(f.printed)) {
          throw new ImportError(`hints: KPI "${k.series}" says line ${f.line} prints "${f.printed}", but it does not`, pack, f.line);
        }
        return { period: f.period, value: kpiValue(f.printed), printed: f.printed };
      };
      const lineNumbers = [...k.values, ...k.targets, ...k.comparators.flatMap((c) => c.values)].map((f) => f.line);
      return {
        collection: 'kpis' as const,
        id: `${council}/${k.series}`,
        data: {
          council,
          name: k.name,
          direction: k.direction,
          editions: [
            {
              document,
              edition: k.edition,
              name: k.name,
              definition: k.definition,
              unit: k.unit,
              values: k.values.map(point),
              targets: k.targets.map(point),
              comparators: k.comparators.map((c) => ({ name: c.name, values: c.values.map(point) })),
              source: { pack, lines: { from: Math.min(...lineNumbers), to: Math.max(...lineNumbers) } },
            },
          ],
          errata: [],
        },
      };
    });
}

/** Priorities, actions and risks a document prints, and the contradictions found in its counts and numbering. */
function planData(lines: SourceLine[], tables: Table[]) {
  const actions = tables.some(isActionTable) ? actionsFromTables(tables.filter(isActionTable)) : undefined;
  const risks = findRisks(tables);
  const { priorities, errata: priorityErrata } = findPriorities(lines);
  const errata = [...(actions?.errata ?? []), ...risks.errata, ...priorityErrata, ...checkCounts(lines)].map((e) => e.erratum);
  const actionRows = actions?.actions ?? [];
  // An action plan that prints no "Priority 1:" lines still heads its rows with sections ("P.1 Unlock community
  // capacity", "BB.2 ..."): those are its priorities, and each action serves the section it sits under.
  const sectionNumber = (section: { ref: string; kind: string }) =>
    section.kind === 'priority' ? section.ref.replace(/^\D*\.?/, '').replace(/\.$/, '') : section.ref;
  const sections = priorities.length === 0 ? (actions?.sections ?? []) : [];
  for (const row of actionRows) if (sections.length > 0 && row.section && !row.action.priority) row.action.priority = sectionNumber(row.section);
  return {
    actionRows,
    priorities: [...priorities.map((p) => p.priority), ...sections.map((sec) => ({ number: sectionNumber(sec), title: sec.title }))],
    risks: risks.risks.map((r) => r.risk),
    errata: errata.filter((e, i) => errata.findIndex((x) => x.subject === e.subject && x.printed === e.printed) === i),
    hasPlan: actionRows.length > 0 || risks.risks.length > 0,
  };
}

/**
 * Workshops of a report and its appendices: the report lists them ("W1: ..."), an appendix reports what each said.
 * Only a report whose appendices carry the workshop sections makes workshop entries, so a copy of the cover report
 * published on its own does not make them twice.
 */
function workshopEntries(
  hints: Hints | undefined,
  sections: Section[],
  lines: SourceLine[],
  docIds: Map<Section, string>,
  actionsBySection: Map<Section, ActionRow[]>,
  furniture: ReadonlyMap<number, Furniture>,
  pack: string,
): Entry[] {
  const entries: Entry[] = [];
  sections.forEach((report, index) => {
    if (report.kind !== 'report') return;
    const family = [report, ...sections.filter((s) => s.parent === index)];
    const familyLines = family.flatMap((s) => sectionLines(lines, s));
    const actions = family.flatMap((s) => actionsBySection.get(s) ?? []);
    const found = findWorkshops(familyLines, { actions });
    if (!found.workshops.some((w) => w.section)) return;
    const plan = family.find((s) => (actionsBySection.get(s) ?? []).length > 0) ?? report;
    const strategy = docIds.get(plan)!;
    for (const w of found.workshops) {
      const linked = hints?.workshopActions[w.number] ?? w.workshop.actions;
      for (const ref of linked) {
        if (!actions.some((a) => a.action.ref === ref)) {
          throw new ImportError(`hints: workshop ${w.number} links to action "${ref}", which the action plan does not print`, pack, w.line);
        }
      }
      const body = w.section
        ? renderBody(lines.slice(w.section.start - 1, w.section.end), { furniture, tables: [] }).mdx
        : 'This workshop is listed in the report, but the summary of results has no section for it.';
      entries.push({
        collection: 'workshops',
        id: `${strategy}/workshop-${slug(w.number)}`,
        data: {
          strategy,
          title: w.workshop.title,
          ...(w.workshop.theme ? { theme: readableTitle(w.workshop.theme) } : {}),
          actions: linked,
          source: { pack, lines: { from: w.section?.start ?? w.line, to: w.section?.end ?? w.line } },
        },
        body,
      });
    }
  });
  return entries;
}

/** People from every pack of one council, merged once so each councillor gets one id across years. */
export function resolvePeople(council: string, composed: Composed[], existing: Existing): Entry[] {
  const all = composed.flatMap((c) => c.mentions);
  const known = [...existing.people]
    .filter(([id]) => id.startsWith(`${council}/`))
    .flatMap(([, p]) => p.printedAs.flatMap((printed) => parsePersonLine(printed).people));
  const { people, mentions } = mergePeople(council, [...all.map((m) => m.mention), ...known]);
  all.forEach((m, i) => m.attach(mentions[i]!.person!));
  return people.map((p) => {
    const before = existing.people.get(p.id);
    return {
      collection: 'people',
      id: p.id,
      data: {
        name: p.name,
        ...(p.honorific ? { honorific: p.honorific } : {}),
        printedAs: [...new Set([...(before?.printedAs ?? []), ...p.printedAs])].sort(),
        councils: [council],
        roles: before?.roles ?? [],
      },
    };
  });
}

export type { Composed, Meeting, Minutes, Source };
