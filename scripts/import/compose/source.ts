/**
 * One source as content: decides its council, its kind and its language, then composes what that kind holds (a pack's
 * meeting, agenda, minutes and papers; minutes and the meeting they record; an agenda and its meeting; or a document)
 * and the source entry that records what was received and what the importer made of it.
 */
import { createHash } from 'node:crypto';
import type { Document, MeetingInput, SourceInput as SourceData } from '../../../src/schema';
import type { Hints } from '../hints';
import { detectLanguage } from '../extract/language';
import { fullCouncilName, readMeeting, type MeetingFacts } from '../extract/meeting';
import { parseMinutes } from '../extract/minutes';
import { findMinuteHeadings } from '../extract/numbering';
import { londonDateTime } from '../extract/when';
import { findFurniture } from '../layout/furniture';
import { findTables } from '../layout/tables';
import type { Problem } from '../problem';
import type { Line, SourceText } from '../read/line';
import { printed } from '../read/markup';
import { renderMinutes } from '../render/minutes';
import { classify, type Classification } from '../segment/classify';
import { segment, type Section } from '../segment/sections';
import { bodyEntry, chooseCouncil, type CouncilChoice } from './council';
import { composeDocument, kindFromTitle } from './document';
import { readableTitle, slug, type ComposedEntry, type Existing } from './entry';
import { composeMinutes } from './minutes';
import { composePack } from './pack';
import type { Mention } from './people';
import type { SourceContext, SourceParts } from './source-parts';

/** A source to compose: its id (the file name without extension), the file as named, its lines, and its hints. */
export interface SourceInput {
  id: string;
  file: string;
  source: SourceText;
  hints?: Hints | undefined;
  /** File name of the original kept beside the extracted text (a PDF, Word or HTML source). */
  original?: string | undefined;
}

/** What the import found in one source, for its report. */
export interface SourceSummary extends Classification {
  source: string;
  file: string;
  format: SourceText['format'];
  lang: 'en' | 'cy';
  council: CouncilChoice;
  /** The council entry this import creates, when the content has none. */
  newCouncil: boolean;
  /** Lines that are page furniture (page numbers, running heads): out of the reading text and of the word check. */
  furniture: ReadonlySet<number>;
  meeting?: string;
  date?: { value: string; from: string };
  time?: string;
  numbering?: string;
  counts: SourceParts['counts'];
  lines: number;
  pages: number;
}

export interface Composed {
  council: string;
  entries: ComposedEntry[];
  mentions: Mention[];
  summary: SourceSummary;
  problems: Problem[];
}

const noCounts = (): SourceParts['counts'] => ({ agendaItems: 0, documents: 0, tables: 0, verbatim: 0, errata: 0, minutes: 0, sections: 0, decisions: [], votes: 0, actions: 0 });

/** Whether a line holds a date, a council's name or nothing but a kind of paper: never a document's title. */
const notATitle = (text: string, facts: MeetingFacts) =>
  /^\W*$/.test(text) || (facts.council && text.toLowerCase() === facts.council.value.toLowerCase()) || /^(?:committee report|report|agenda|minutes)$/i.test(text);

/**
 * A document's title: a labelled field ("TITLE:", "Subject:", "REPORT | ... / TITLE: | ..." in a cover table), else
 * its first heading (bold or marked), else its first line.
 */
export function documentTitle(lines: readonly Line[], skip: ReadonlySet<number>, facts: MeetingFacts): string | undefined {
  const head = lines.filter((l) => l.text.trim() !== '' && !skip.has(l.n)).slice(0, 25);
  for (let i = 0; i < head.length; i++) {
    const cells = head[i]!.text.split('\t').map((c) => printed(c));
    const label = /^(?:report\s+)?(?:title|subject)\s*:\s*(?<value>.*)$/i.exec(cells[0]!);
    if (label) return [label.groups!['value'], ...cells.slice(1)].filter(Boolean).join(' ') || undefined;
    // A label printed over two lines of a cover table: "REPORT | MAYORAL ..." then "TITLE: | OUTTURN 2025/26".
    const next = head[i + 1]?.text.split('\t').map((c) => printed(c));
    if (cells.length > 1 && next && next.length > 1 && /^(?:title|subject)\s*:?$/i.test(next[0]!) && !/:$/.test(cells[0]!)) {
      return `${cells.slice(1).join(' ')} ${next.slice(1).join(' ')}`.trim();
    }
  }
  const heading = head.find((l) => (l.bold || l.heading) && !notATitle(printed(l.text), facts) && printed(l.text).split(/\s+/).length <= 15);
  const first = heading ?? head.find((l) => !notATitle(printed(l.text), facts) && printed(l.text).split(/\s+/).length <= 15);
  return first ? printed(first.text.replace(/\t/g, ' ')) : undefined;
}

/** The kind of document entry for a source kind. */
const documentKind = (kind: Classification['kind'], title: string): Document['kind'] =>
  kind === 'report' ? 'report'
  : kind === 'decision-notice' ? 'decision-notice'
  : kind === 'forward-plan' ? 'forward-plan'
  : kind === 'agenda' ? 'agenda'
  : kind === 'minutes' ? 'minutes'
  : kind === 'plan' ? (kindFromTitle(title) ?? 'plan')
  : 'other';

/** A source that is one document (not a pack): minutes and their meeting, an agenda and its meeting, or a document. */
function composeSingle(ctx: SourceContext, classification: Classification, facts: MeetingFacts, title: string | undefined, problems: Problem[]): SourceParts {
  const { lines, hints, council } = ctx;
  const whole: Section = { kind: 'report', start: 1, end: lines.length, reason: classification.reason };
  const date = hints?.date ?? facts.date?.value;
  const time = hints?.time ?? facts.time?.value;
  const bodyName = hints?.body ?? facts.body?.value ?? fullCouncilName(ctx.councilName);
  const body = bodyEntry(council, bodyName);
  const meetingId = date ? `${body.id}/${date}` : undefined;
  const tables = findTables(lines, { positioned: ctx.layout === 'positioned', skip: ctx.skip });
  const counts = noCounts();

  if (classification.kind === 'minutes' && date) {
    const parsed = parseMinutes(lines, { skip: ctx.skip, overrides: hints?.structure });
    const rendered = renderMinutes(parsed, { furniture: ctx.furniture, headings: ctx.layout });
    const composed = composeMinutes(parsed, rendered, {
      council,
      councilName: ctx.councilName,
      source: ctx.id,
      lines: { from: 1, to: lines.length },
      lang: ctx.lang,
      date,
      // The time the summary reports: the hints file's, or the one the file prints outside the minutes' own head.
      ...(time ? { time } : {}),
      ...(hints?.body ? { bodyName: hints.body } : {}),
    });
    counts.minutes = parsed.items.filter((i) => i.number).length;
    counts.sections = parsed.items.filter((i) => !i.number).length;
    counts.decisions = parsed.decisions.map((d) => d.kind);
    counts.votes = parsed.votes.length;
    counts.actions = parsed.actions.length;
    counts.tables = tables.length;
    return { entries: composed.entries, mentions: composed.mentions, title: `Minutes of the ${bodyName}, ${date}`, date, meeting: composed.meetingId, counts, numbering: parsed.numbering };
  }
  if (classification.kind === 'minutes') {
    problems.push({
      code: 'no-date',
      severity: 'review',
      file: ctx.file,
      message: `these minutes print no meeting date, and the file name holds none: they are kept as a document. Add "date: YYYY-MM-DD" to content/import-hints/${ctx.id}.yaml and import again to make them a meeting's minutes`,
    });
  }

  const entries: ComposedEntry[] = [];
  const docTitle = readableTitle(hints?.documents['1']?.title ?? title ?? documentKind(classification.kind, '').replace('-', ' '));
  const kind = hints?.documents['1']?.kind ?? documentKind(classification.kind, docTitle);
  let numbering: string | undefined;
  if (classification.kind === 'agenda' && meetingId) {
    const items = findMinuteHeadings(lines, ctx.skip);
    numbering = items.style;
    const meeting: MeetingInput = {
      council,
      body: body.id,
      start: time ? londonDateTime(date!, time) : date!,
      status: 'scheduled',
      ...(facts.venue ? { venue: facts.venue.value } : {}),
      agenda: items.headings.filter((h) => h.number).map((h) => ({ number: h.number!, title: h.title, toFollow: false, documents: [] })),
      source: { pack: ctx.id },
      errata: [],
    };
    entries.push(body, { collection: 'meetings', id: meetingId, data: meeting });
    counts.agendaItems = meeting.agenda!.length;
  }
  const id = `${meetingId ?? `${council}/${ctx.id}`}/${kind === 'agenda' && meetingId ? 'agenda' : slug(docTitle) || ctx.id}`;
  const doc = composeDocument(
    {
      id,
      title: docTitle,
      kind,
      council,
      source: ctx.id,
      section: whole,
      lines,
      furniture: ctx.furniture,
      tables,
      hints,
      placement: meetingId ? { meeting: meetingId } : {},
      fallbackEdition: date?.slice(0, 4) ?? ctx.id,
      lang: ctx.lang,
      layout: ctx.layout,
      draft: /\bdraft\b/i.test(lines.slice(0, 8).map((l) => l.text).join(' ')),
    },
    problems,
  );
  entries.push(...doc.kpis, doc.document);
  counts.documents = 1;
  counts.tables = doc.tables;
  counts.verbatim = doc.verbatim;
  counts.errata = doc.errata;
  return { entries, mentions: [], title: docTitle, ...(date ? { date } : {}), ...(meetingId && classification.kind === 'agenda' ? { meeting: meetingId } : {}), counts, ...(numbering ? { numbering } : {}) };
}

/** Composes one source into content entries. Problems are collected, not thrown; a source no council can be found for is refused. */
export function composeSource(input: SourceInput, existing: Existing, options: { councilFlag?: string | undefined } = {}): Composed {
  const problems: Problem[] = [];
  const { source, hints } = input;
  const lines = source.lines;
  const furnitureList = findFurniture(lines, source);
  const furniture = new Map(furnitureList.map((f) => [f.line, f]));
  const skip = new Set(furniture.keys());
  const sections = segment(lines, furnitureList, hints?.splits ?? []);
  const classification: Classification = hints?.kind ? { kind: hints.kind, reason: `${hints.kind}: given in the hints file` } : classify(lines, furnitureList, sections, source.title);
  const facts = readMeeting(lines, { skip, ...(source.title ? { title: source.title } : {}), fileName: input.file });
  const head = lines.filter((l) => !skip.has(l.n) || furniture.get(l.n)?.kind === 'running-head').slice(0, 40).map((l) => l.text).join('\n');
  const council = chooseCouncil({ remembered: hints?.council, flag: options.councilFlag, head: `${source.title ?? ''}\n${head}`, printedName: facts.council?.value, known: existing.councils, file: input.file });
  const lang = detectLanguage(lines.filter((l) => !skip.has(l.n)).map((l) => l.text).join('\n')).lang;
  const councilName = existing.councils.get(council.id)?.name ?? council.name;
  const layout = source.format === 'pdf' ? 'positioned' : source.format === 'txt' ? 'plain' : 'marked';
  const ctx: SourceContext = { id: input.id, file: input.file, lines, furniture, skip, hints, council: council.id, councilName, lang, layout };
  const parts = classification.kind === 'pack' ? composePack(ctx, sections, problems) : composeSingle(ctx, classification, facts, documentTitle(lines, skip, facts), problems);

  // A council new to the content is written once for all its sources, when they are merged.
  const newCouncil = !existing.councils.has(council.id);
  const entries: ComposedEntry[] = [...parts.entries];
  const data: SourceData = {
    title: parts.title,
    council: council.id,
    ...(parts.date ? { date: parts.date } : {}),
    file: `${input.id}.txt`,
    ...(source.format !== 'txt' ? { format: source.format } : {}),
    ...(input.original ? { original: input.original } : {}),
    ...(classification.kind !== 'pack' ? { kind: classification.reason } : {}),
    ...(lang !== 'en' ? { lang } : {}),
    sha256: createHash('sha256').update(source.text).digest('hex'),
    ...(source.pageStarts.length > 1 ? { pageStarts: source.pageStarts } : {}),
  };
  entries.push({ collection: 'sources', id: input.id, data });
  const date = hints?.date ? { value: hints.date, from: 'the hints file' } : facts.date ? { value: facts.date.value, from: facts.date.from } : undefined;
  const time = hints?.time ?? facts.time?.value;
  const numbering = parts.numbering;
  return {
    council: council.id,
    entries,
    mentions: parts.mentions,
    problems,
    summary: {
      ...classification,
      source: input.id,
      file: input.file,
      format: source.format,
      lang,
      council,
      newCouncil,
      furniture: skip,
      ...(parts.meeting ? { meeting: parts.meeting } : {}),
      ...(date && classification.kind !== 'pack' ? { date } : parts.date ? { date: { value: parts.date, from: 'the front sheet' } } : {}),
      ...(time && classification.kind !== 'pack' ? { time } : {}),
      ...(numbering ? { numbering } : {}),
      counts: parts.counts,
      lines: lines.length,
      pages: source.pageStarts.length,
    },
  };
}

