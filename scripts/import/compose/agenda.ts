/**
 * A meeting's agenda as content: its items with the papers considered under each (matched by their titles' words),
 * page ranges, private items with their legal reason, and the minutes an item confirms.
 */
import type { AgendaItem, PersonMention } from '../../../src/schema';
import type { Hints } from '../hints';
import type { ParsedItem } from '../extract/agenda';
import { joinNameLists, parsePersonLine, type ParsedPerson } from '../extract/people';
import { datesIn } from '../extract/when';
import type { SourceLine } from '../read/line';
import { plain } from '../read/markup';
import type { Section } from '../segment/sections';

const words = (text: string) => new Set(plain(text).toLowerCase().match(/[a-z0-9]{3,}/g) ?? []);

/** How much of `a`'s vocabulary `b` shares, 0..1: enough to match an agenda title to a report's cover title. */
export function overlap(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0) return 0;
  return [...wa].filter((w) => wb.has(w)).length / wa.size;
}

/** The agenda item a report or appendix belongs to: an item whose title shares most of the report's words. */
export function agendaItemFor(section: Section, parent: Section | undefined, agenda: ParsedItem[]): ParsedItem | undefined {
  const title = (parent ?? section).title;
  if (!title || section.kind === 'front') return undefined;
  const scored = agenda.map((item) => ({ item, score: Math.max(overlap(item.title, title), overlap(title, item.title)) }));
  const best = scored.sort((a, b) => b.score - a.score)[0];
  return best && best.score >= 0.6 ? best.item : undefined;
}

/** Pages of the pack: the agenda item's range for a report (an appendix shares its report's item). */
export function pageRangeFor(section: Section, item: ParsedItem | undefined, parent: Section | undefined): { from: number; to: number } | undefined {
  if (!item?.pages || parent) return undefined;
  return section.kind === 'report' ? item.pages : undefined;
}

/** The membership printed on a front sheet, each a mention with its parsed name. */
export function membershipMentions(lines: SourceLine[]): Array<{ parsed: ParsedPerson; mention: PersonMention }> {
  return joinNameLists(lines).flatMap((line) =>
    parsePersonLine(line.text).people.map((parsed) => ({ parsed, mention: { printed: parsed.printed, ...(parsed.role ? { role: parsed.role } : {}) } })),
  );
}

const EXEMPT = 'Exempt information under Part 1 of Schedule 12A to the Local Government Act 1972; the press and public are excluded.';

/** One agenda item as content: corrected by the hints file, linked to its papers and to the minutes it confirms. */
export function agendaEntry(item: ParsedItem, hints: Hints | undefined, papers: Array<{ section: Section; id: string }>, minutesIds: string[]): AgendaItem {
  const fix = hints?.agenda[item.number];
  // Reports only: appendices are listed under their report.
  const documents = papers.filter(({ section }) => section.kind !== 'front' && section.parent === undefined && agendaItemFor(section, undefined, [item]) === item).map(({ id }) => id);
  const minutesOf = /minutes of (?:the )?(?:previous )?meeting(?: held on (.+))?/i.exec(item.title);
  const heldOn = minutesOf?.[1] ? datesIn(minutesOf[1])[0]?.iso : undefined;
  const minutes = minutesOf ? minutesIds.find((id) => !heldOn || id.endsWith(`/${heldOn}`)) : undefined;
  const title = fix?.title ?? item.title;
  const reportBy = fix?.reportBy ?? item.reportBy;
  return {
    number: item.number,
    title,
    ...(reportBy ? { reportBy } : {}),
    ...(item.pages ? { pages: item.pages } : {}),
    ...(item.private ? { exempt: { reason: EXEMPT } } : {}),
    toFollow: item.toFollow,
    documents,
    ...(minutes ? { minutes } : {}),
    ...(item.note ? { note: item.note } : {}),
  };
}
