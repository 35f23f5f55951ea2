/**
 * What kind of document a source is, and why: a meeting pack (an agenda with its reports, or reports and minutes
 * together), minutes, an agenda, a decision notice, a forward plan, a report, a plan or strategy, or something else.
 * The signs are general (words a council's heading uses, numbered items, attendance lists), never one council's
 * wording; "other" is a kind like any other, and becomes a readable document page.
 */
import { MINUTES_TITLE } from '../house-style';
import type { Furniture } from '../layout/furniture';
import type { Line } from '../read/line';
import { printed } from '../read/markup';
import { attendanceLabel } from '../extract/attendance';
import type { Section } from './sections';

export const sourceKinds = ['pack', 'minutes', 'agenda', 'decision-notice', 'forward-plan', 'report', 'plan', 'other'] as const;
export type SourceKind = (typeof sourceKinds)[number];

export interface Classification {
  kind: SourceKind;
  /** Why, in words, for the import report. */
  reason: string;
}

/** Headings that name each kind, tried in this order against a document's head. */
const HEADINGS: ReadonlyArray<{ kind: Exclude<SourceKind, 'pack' | 'other'>; re: RegExp; says: string }> = [
  { kind: 'decision-notice', re: /\bdecision (?:recording form|notice|record|sheet)\b|\brecord of (?:the )?(?:executive |officer |key |delegated )?decisions?\b|\bdecisions? (?:determined|taken|made) (?:at|by)\b/i, says: 'a decision notice' },
  { kind: 'forward-plan', re: /\bforward plan\b|\bnotice of (?:key |proposed )?decisions\b|\bplan of (?:key )?decisions\b|\bwork programme\b/i, says: 'a forward plan' },
  { kind: 'minutes', re: MINUTES_TITLE, says: 'minutes' },
  { kind: 'agenda', re: /\bagenda\b|\bhereby summon(?:s|ed)\b|\bsummons\b|\bnotice (?:is hereby given )?of (?:a |the )?meeting\b|\bto be held (?:at|on)\b/i, says: 'an agenda' },
  { kind: 'report', re: /\breport (?:to|of|by|title)\b|\bcommittee report\b|\bpurpose of (?:the )?report\b|^report\b|\bofficer'?s? report\b/i, says: 'a report' },
  { kind: 'plan', re: /\b(?:strategy|strategic plan|action plan|delivery plan|business plan|corporate plan|improvement plan|(?:annual|council) plan)\b/i, says: 'a plan or strategy' },
];

/** The head of a document: its first non-blank lines that are not furniture, as one text. */
function headOf(lines: readonly Line[], furniture: ReadonlySet<number>, count = 12): { text: string; lines: Line[] } {
  const head = lines.filter((l) => l.text.trim() !== '' && !furniture.has(l.n)).slice(0, count);
  return { text: head.map((l) => printed(l.text)).join(' \n'), lines: head };
}

/**
 * Classifies a source from its head and shape. `sections` are the pack sections the segmenter found: a report cover,
 * or minutes together with an agenda, make a pack.
 */
export function classify(lines: readonly Line[], furniture: readonly Furniture[], sections: readonly Section[], title?: string): Classification {
  const skip = new Set(furniture.map((f) => f.line));
  const reports = sections.filter((s) => s.kind === 'report').length;
  const minutes = sections.filter((s) => s.kind === 'minutes').length;
  const head = headOf(lines, skip);
  const agendaLine = lines.slice(0, 200).some((l) => /^\**\s*(?:A G E N D A|AGENDA)\b/.test(l.text.trim()));
  if (reports > 0 || (minutes > 0 && agendaLine)) {
    const parts = [agendaLine ? 'an agenda' : '', minutes ? `${minutes} set${minutes > 1 ? 's' : ''} of minutes` : '', reports ? `${reports} report${reports > 1 ? 's' : ''} with their own cover` : ''].filter(Boolean);
    return { kind: 'pack', reason: `a meeting pack: ${parts.join(', ')}` };
  }
  const text = `${title ?? ''} \n${head.text}`;
  for (const { kind, re, says } of HEADINGS) {
    const m = re.exec(text);
    if (m) return { kind, reason: `${says}: its heading says "${m[0].replace(/\s+/g, ' ').trim()}"` };
  }
  // Minutes that print no title (a council's site shows the title, the text starts at "Present:").
  const attendance = head.lines.slice(0, 6).find((l) => attendanceLabel(l.text)?.list === 'present');
  const numbered = lines.filter((l) => /^\s*\d{1,5}(?:\.\d{1,3})*[a-z]?[.)]?\s+\p{Lu}/u.test(l.text)).length;
  if (attendance && numbered >= 2) return { kind: 'minutes', reason: `minutes: a "${printed(attendance.text).split(/[:\s]/)[0]}" list then ${numbered} numbered items` };
  return { kind: 'other', reason: 'no heading says what it is: kept as a document, every word as printed' };
}
