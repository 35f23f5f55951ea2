import { datesIn } from '../extract/when';
import { plain } from '../read/markup';
import type { Furniture } from '../layout/furniture';
import type { SourceLine } from '../read/line';

export type SectionKind = 'front' | 'minutes' | 'report' | 'appendix';

/** A part of a pack that becomes one document (or the minutes, or the meeting's front sheet). */
export interface Section {
  kind: SectionKind;
  /** First and last source line (inclusive). */
  start: number;
  end: number;
  /** Title as printed, when the section prints one. */
  title?: string;
  /** Author line as printed ("Report of the Chief Executive"). */
  author?: string;
  /** For a report: the heading line naming the meeting ("SCRUTINY COMMISSION – 22 APRIL 2015"). */
  meetingLine?: string;
  /** For a report: the last line of its cover (the author line), which reads as a title block, not headings. */
  coverEnd?: number;
  /** For an appendix: index of its report in the section list, and its label ("A", "1"). */
  parent?: number;
  appendix?: string;
  /** Why the importer started a section here, for the review list. */
  reason: string;
}

/** A split the council's web team asks for where the pack gives no sign (hints file). */
export interface SplitHint {
  line: number;
  kind: SectionKind;
  title?: string | undefined;
  appendix?: string | undefined;
}

const MINUTES = /^\**\s*minutes of (?:a|the) (?:meeting|special meeting) of\b/i;
const REPORT_OF = /^\**\s*(?:joint )?report of\b/i;
/** "SCRUTINY COMMISSION – 22 APRIL 2015", "CABINET – 6 MAY 2014": the first line of a committee report. */
const MEETING_LINE = /^\**\s*[A-Z][A-Z &,'()-]{2,}\s+[–—-]\s+\d{1,2}(?:ST|ND|RD|TH)?(?: OF)? [A-Z]+ \d{4}\s*\**$/;
const WARDS = /^\**\s*wards affected\b/i;
/** "Appendix A – Draft Communities Strategy Action Plan" in a report's list of appendices. */
const APPENDIX_ENTRY = /^\**\s*appendix\s+(?<label>[A-Z0-9]{1,3})\b\s*[:–—-]?\s*(?<title>.*?)\**$/i;

const text = (lines: SourceLine[], n: number) => lines[n - 1]?.text.trim() ?? '';

/** Line numbers of the next `count` non-blank lines after `n`. */
function nextLines(lines: SourceLine[], n: number, count: number): number[] {
  const out: number[] = [];
  for (let i = n; i < lines.length && out.length < count; i++) if (lines[i]!.text.trim()) out.push(i + 1);
  return out;
}

/** Report cover: the meeting line, the title lines, then "REPORT OF ...". Returns where the author line is. */
function reportCover(lines: SourceLine[], n: number): { title: string; author: string; end: number } | undefined {
  const following = nextLines(lines, n, 6);
  const authorAt = following.findIndex((k) => REPORT_OF.test(text(lines, k)));
  if (authorAt < 1) return undefined;
  const titleLines = following.slice(0, authorAt).map((k) => plain(text(lines, k)));
  let authorEnd = following[authorAt]!;
  let author = plain(text(lines, authorEnd));
  // "**REPORT OF THE DIRECTOR OF CHILDREN AND FAMILIES" + "SERVICES**": one author over two lines.
  if (/^\*\*/.test(text(lines, authorEnd)) && !/\*\*$/.test(text(lines, authorEnd))) {
    const next = nextLines(lines, authorEnd, 1)[0];
    if (next) {
      author = plain(`${author} ${text(lines, next)}`);
      authorEnd = next;
    }
  }
  return { title: titleLines.join(' '), author, end: authorEnd };
}

/** Leicester-style cover: "WARDS AFFECTED" ... a title in capitals ... "Report of the ...". */
function wardsCover(lines: SourceLine[], n: number): { title: string; author: string } | undefined {
  const following = nextLines(lines, n, 14);
  const authorAt = following.findIndex((k) => REPORT_OF.test(text(lines, k)));
  if (authorAt < 1) return undefined;
  const title = plain(text(lines, following[authorAt - 1]!));
  return { title, author: plain(text(lines, following[authorAt]!)) };
}

/**
 * Where a Leicester-style cover starts: the council's name block (and an agenda "Appendix X" label) above "WARDS
 * AFFECTED". The name may be printed over two lines, the place ("Leicester") above its kind ("City Council").
 */
function coverStart(lines: SourceLine[], wardsLine: number): number {
  let start = wardsLine;
  let below = '';
  for (let k = wardsLine - 1; k >= Math.max(1, wardsLine - 10); k--) {
    const t = plain(text(lines, k));
    if (t === '') continue;
    const place = /^[\p{Lu}][\p{L}'’-]*(?:\s+[\p{Lu}][\p{L}'’-]*){0,2}$/u.test(t) && /^[a-z ]*council$/i.test(below);
    if (place || /^([a-z ]+ council|appendix [a-z0-9]+)$/i.test(t)) start = k;
    else break;
    below = t;
  }
  return start;
}

/** A report's own list of appendices, in printed order, so unlabelled sections after it get the right letters. */
export function appendixList(lines: SourceLine[], start: number, end: number): Array<{ label: string; title: string }> {
  const found: Array<{ label: string; title: string }> = [];
  for (let n = start; n <= end; n++) {
    const m = APPENDIX_ENTRY.exec(text(lines, n));
    if (m && m.groups!['title'] && !found.some((f) => f.label === m.groups!['label'])) {
      found.push({ label: m.groups!['label']!.toUpperCase(), title: plain(m.groups!['title']!) });
    }
  }
  return found;
}

/**
 * Splits a pack into sections at the signs packs print: minutes headings, report covers (both councils' styles),
 * and blank pages, after which an unlabelled section is the next appendix of the report before it. `hints` add
 * splits where a pack gives no sign. Sections cover every line from 1 to the end, so no text falls between them.
 */
export function segment(lines: SourceLine[], furniture: Furniture[], hints: SplitHint[] = []): Section[] {
  const starts: Array<Omit<Section, 'end'>> = [{ kind: 'front', start: 1, reason: 'start of the pack' }];
  const blankPages = new Set(furniture.filter((f) => f.kind === 'blank-page').map((f) => f.line));
  const hinted = new Map(hints.map((h) => [h.line, h]));
  let afterBlank = false;
  for (let n = 1; n <= lines.length; n++) {
    const t = text(lines, n);
    if (t === '') continue;
    if (blankPages.has(n)) {
      afterBlank = true;
      continue;
    }
    const hint = hinted.get(n);
    const current = starts[starts.length - 1]!;
    if (hint) {
      starts.push({ kind: hint.kind, start: n, reason: 'split given in the hints file', ...pick(hint) });
    } else if (MINUTES.test(t)) {
      starts.push({ kind: 'minutes', start: n, title: plain(t), reason: 'a "Minutes of a meeting" heading' });
    } else if (MEETING_LINE.test(t) && datesIn(t).length > 0) {
      const cover = reportCover(lines, n);
      if (cover) {
        starts.push({ kind: 'report', start: n, title: cover.title, author: cover.author, meetingLine: plain(t), coverEnd: cover.end, reason: 'a report cover' });
        n = cover.end;
      }
    } else if (WARDS.test(t)) {
      const cover = wardsCover(lines, n);
      if (cover && current.kind !== 'report' || (cover && n - current.start > 20)) {
        starts.push({ kind: 'report', start: coverStart(lines, n), title: cover!.title, author: cover!.author, reason: 'a "Wards affected" report cover' });
      }
    } else if (afterBlank && current.kind !== 'front') {
      starts.push({ kind: 'appendix', start: n, reason: 'a new page after a blank page' });
    }
    afterBlank = false;
  }
  const sections = starts
    .sort((a, b) => a.start - b.start)
    .map((s, i, all): Section => ({ ...s, end: (all[i + 1]?.start ?? lines.length + 1) - 1 }));
  return labelAppendices(lines, sections);
}

const pick = (hint: SplitHint) => ({
  ...(hint.title ? { title: hint.title } : {}),
  ...(hint.appendix ? { appendix: hint.appendix } : {}),
});

/** Gives each appendix its parent report and, from that report's list, its label and title. */
function labelAppendices(lines: SourceLine[], sections: Section[]): Section[] {
  let report: number | undefined;
  let list: Array<{ label: string; title: string }> = [];
  let used = 0;
  return sections.map((section, i) => {
    if (section.kind === 'report') {
      report = i;
      list = appendixList(lines, section.start, section.end);
      used = 0;
      return section;
    }
    if (section.kind !== 'appendix') {
      report = undefined;
      return section;
    }
    if (report === undefined) return { ...section, kind: 'report', reason: `${section.reason}; no report before it` };
    const entry = section.appendix ? list.find((e) => e.label === section.appendix) : list[used];
    if (!section.appendix) used++;
    const title = section.title ?? entry?.title ?? firstHeading(lines, section);
    return {
      ...section,
      parent: report,
      ...(entry || section.appendix ? { appendix: section.appendix ?? entry!.label } : {}),
      ...(title ? { title } : {}),
    };
  });
}

/** The first short line of a section, used as a title when nothing better is printed. */
function firstHeading(lines: SourceLine[], section: Section): string | undefined {
  for (let n = section.start; n <= section.end; n++) {
    const t = plain(text(lines, n));
    if (t && !t.includes('\t') && t.length <= 120) return t;
    if (t) return undefined;
  }
  return undefined;
}

