/**
 * Stage 3 of the importer, workshops: the consultation workshops of a strategy, read from the cover report's list
 * ("W1: ...") and the appendix that summarises them ("... (WORKSHOP 1)", "Activity One: ..."). Pure; every result
 * names the lines it used, and the ranges it returns let the caller render each section verbatim.
 */
import type { Workshop } from '../../../src/schema';
import type { ActionRow } from './plan-action';
import { numberValue, type LocatedErratum } from './plan-table';
import type { SourceLine } from '../read/line';

/** One idea as printed; "Other ideas" lines keep the category printed before their dash. */
export interface Idea {
  text: string;
  line: number;
  /** "Social activities" in "Social activities - 'Street Meet' – meet the neighbours, ...". */
  category?: string;
}

/** An appendix section about one workshop, headed "POSSIBILITY THINKING – ... (WORKSHOP 1)". */
export interface WorkshopSection {
  /** The heading line exactly as printed. */
  heading: string;
  line: number;
  /** The number in the heading's "(WORKSHOP n)", as printed. */
  printedNumber: string;
  /** The heading without its "POSSIBILITY THINKING –" lead and "(WORKSHOP n)" marker. */
  theme: string;
  /** First and last line of the section, heading included, trailing blank lines left out. */
  start: number;
  end: number;
  /** The "The Top Ten" / "Top Ten Ideas" sub-heading and the ideas under it. */
  topHeading?: { text: string; line: number };
  topIdeas: Idea[];
  otherHeading?: { text: string; line: number };
  otherIdeas: Idea[];
  /** Lines in the section with text that are none of the above (an empty "-" bullet). */
  unused: number[];
}

/** One workshop of the cover report's list, with its appendix section when one matches it. */
export interface WorkshopFound {
  /** Number as printed in the list: "1" from "W1". */
  number: string;
  /** Label as printed: "W1". */
  label: string;
  /** Line of the list item. */
  line: number;
  /** The fields of a workshop entry this pack can fill: title (the list's question), theme (the appendix heading). */
  workshop: Pick<Workshop, 'title' | 'theme' | 'actions'>;
  section?: WorkshopSection;
  /** Other lines that name it by number ("Workshop 3 was postponed ...", "Workshops 5 and 6"). */
  mentions: Array<{ line: number; text: string }>;
}

/** A cross-workshop activity ("Activity Three: HOW can we 'Unlock Community Capacity' - ALL?") and its lists. */
export interface ActivityFound {
  /** "One", "Two", "Three" as printed. */
  label: string;
  value: number;
  title: string;
  line: number;
  start: number;
  end: number;
  /** Bullet lists, each under the plain line before it ("Willingness to do things") when there is one. */
  groups: Array<{ heading?: string; line?: number; items: Idea[] }>;
  /** Lines with text that are not headings or bullets: the tab table of Activity One stays for the table reader. */
  unused: number[];
}

/** What `findWorkshops` found in one pack. */
export interface WorkshopsFound {
  workshops: WorkshopFound[];
  activities: ActivityFound[];
  /** The appendix title line ("Communities Strategy Delivery Planning Workshops Overview – January to March 2015"). */
  overview?: { title: string; line: number };
  /** Workshop sections that match no item of the list. */
  unmatched: WorkshopSection[];
  errata: LocatedErratum[];
  /** Why `workshop.actions` is empty, or which rule linked it. */
  actionLinks: string;
  /** Every line turned into data. */
  lines: number[];
}

const LIST_ITEM = /^\s*(?<label>(?:W|Workshop\s+)(?<number>\d{1,2}))\s*:\s*(?<title>\S.*)$/;
const SECTION_MARK = /\s*\((?:WORKSHOP|W)\s*(?<number>\d{1,2})\)\s*/i;
const ACTIVITY = /^\s*Activity\s+(?<label>\w+)\s*:\s*(?<title>\S.*)$/i;
const OVERVIEW = /^[^.:]*\bWorkshops?\b[^.:]*\bOverview\b[^.:]*$/i;
const TOP_HEADING = /^\s*(?:the\s+)?top\s+\w+(?:\s+ideas)?\s*$/i;
const OTHER_HEADING = /^\s*other\s+ideas\s*$/i;
const BULLET = /^\s*[-*•]\s*(?<text>.*)$/;
const CATEGORY = /^(?<category>.+?)\s+[–-]\s+(?<rest>\S.*)$/;
const MENTION = /\bWorkshops?\s+(?<first>\d{1,2})(?:\s*(?:and|&|,)\s*(?<second>\d{1,2}))?/g;

/** The end of the appendix: a blank-page line or a new report's capitals heading ("SCRUTINY COMMISSION - 22 APRIL 2015"). */
const isDocumentBreak = (text: string): boolean =>
  /intentionally left blank/i.test(text) || (!/[a-z]/.test(text) && /[A-Z]{3,}/.test(text) && text.trim().split(/\s+/).length >= 3);

/** Words that say nothing about a workshop's theme. */
const STOP_WORDS = new Set(['how', 'can', 'i', 'my', 'in', 'to', 'the', 'and', 'be', 'more', 'of', 'for', 'their', 'we', 'our', 'that', 'they', 'order']);

/** Theme words of a title, lower case, with plural and "-y"/"-ies" endings cut so "community" meets "communities". */
const themeWords = (text: string): Set<string> =>
  new Set(
    text
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((word) => word && !STOP_WORDS.has(word))
      .map((word) => word.replace(/(?:ies|y|s)$/, '')),
  );

/** Share of theme words two titles have in common (0 to 1). */
function overlap(a: string, b: string): number {
  const [x, y] = [themeWords(a), themeWords(b)];
  const shared = [...x].filter((word) => y.has(word)).length;
  return shared / (new Set([...x, ...y]).size || 1);
}

/** Drops trailing blank lines from a range. */
function trimEnd(lines: readonly SourceLine[], start: number, end: number): number {
  let last = end;
  while (last > start && (lines.find((line) => line.n === last)?.text.trim() ?? '') === '') last -= 1;
  return last;
}

interface Heading {
  line: number;
  kind: 'section' | 'activity';
}

/** Where each heading's text stops: before the next heading, or at the appendix's end. */
function rangeEnd(lines: readonly SourceLine[], headings: readonly Heading[], index: number): number {
  const heading = headings[index] as Heading;
  const next = headings[index + 1]?.line ?? Infinity;
  const stop = lines.find((line) => line.n > heading.line && line.n < next && isDocumentBreak(line.text));
  const last = Math.min(next - 1, (stop?.n ?? Infinity) - 1, lines[lines.length - 1]?.n ?? heading.line);
  return trimEnd(lines, heading.line, last);
}

const inRange = (lines: readonly SourceLine[], start: number, end: number): SourceLine[] =>
  lines.filter((line) => line.n > start && line.n <= end);

/** An "Other ideas" line as printed, with its category when a short one (six words at most) leads it. */
function otherIdea(line: SourceLine): Idea {
  const text = line.text.trim();
  const category = CATEGORY.exec(text)?.groups?.['category'];
  return category && category.split(/\s+/).length <= 6 ? { text, line: line.n, category } : { text, line: line.n };
}

/** Reads one "(WORKSHOP n)" section: its top ideas and other ideas, as printed. */
function readSection(lines: readonly SourceLine[], line: SourceLine, end: number): WorkshopSection {
  const printedNumber = SECTION_MARK.exec(line.text)?.groups?.['number'] ?? '';
  const theme = line.text
    .replace(SECTION_MARK, ' ')
    .replace(/^.*?\s[–-]\s/, '')
    .replace(/[\s?]+$/, '')
    .trim();
  const section: WorkshopSection = { heading: line.text, line: line.n, printedNumber, theme, start: line.n, end, topIdeas: [], otherIdeas: [], unused: [] };
  let mode: 'none' | 'top' | 'other' = 'none';
  for (const next of inRange(lines, line.n, end)) {
    const text = next.text.trim();
    if (text === '') continue;
    if (TOP_HEADING.test(text)) [mode, section.topHeading] = ['top', { text, line: next.n }];
    else if (OTHER_HEADING.test(text)) [mode, section.otherHeading] = ['other', { text, line: next.n }];
    else if (mode === 'top' && BULLET.exec(text)?.groups?.['text']) section.topIdeas.push({ text: BULLET.exec(text)?.groups?.['text']?.trim() ?? '', line: next.n });
    else if (mode === 'other') section.otherIdeas.push(otherIdea(next));
    else section.unused.push(next.n);
  }
  return section;
}

/** The next line with text after line `n`. */
const nextText = (lines: readonly SourceLine[], n: number): string => lines.find((line) => line.n > n && line.text.trim() !== '')?.text ?? '';

/** Reads one "Activity ..." section: its bullet lists under their plain-line headings; tab lines stay unused. */
function readActivity(lines: readonly SourceLine[], line: SourceLine, end: number): ActivityFound | undefined {
  const groups = ACTIVITY.exec(line.text)?.groups;
  const label = groups?.['label'] ?? '';
  const value = numberValue(label);
  if (value === undefined) return undefined;
  const activity: ActivityFound = { label, value, title: groups?.['title']?.trim() ?? '', line: line.n, start: line.n, end, groups: [], unused: [] };
  let group: ActivityFound['groups'][number] | undefined;
  for (const next of inRange(lines, line.n, end)) {
    const text = next.text.trim();
    if (text === '') continue;
    const bullet = BULLET.exec(text)?.groups?.['text']?.trim();
    if (bullet) {
      if (!group) {
        group = { items: [] };
        activity.groups.push(group);
      }
      group.items.push({ text: bullet, line: next.n });
    } else if (!next.text.includes('\t') && BULLET.test(nextText(lines, next.n))) {
      group = { heading: text, line: next.n, items: [] };
      activity.groups.push(group);
    } else activity.unused.push(next.n);
  }
  return activity;
}

/** Pairs sections with list items by theme words, best pairs first, one item per section; the printed number breaks ties. */
function matchSections(sections: readonly WorkshopSection[], items: readonly WorkshopFound[]): Map<WorkshopSection, WorkshopFound> {
  const pairs = sections
    .flatMap((section) =>
      items.map((item) => ({
        section,
        item,
        score: overlap(section.theme, item.workshop.title) + (item.number === section.printedNumber ? 0.01 : 0),
      })),
    )
    .filter(({ score }) => score >= 0.25)
    .sort((a, b) => b.score - a.score);
  const matched = new Map<WorkshopSection, WorkshopFound>();
  for (const { section, item } of pairs) {
    if (!matched.has(section) && ![...matched.values()].includes(item)) matched.set(section, item);
  }
  return matched;
}

/** A section whose printed number is not the number of the list item its theme matches. */
function numberingErratum(section: WorkshopSection, item: WorkshopFound, items: readonly WorkshopFound[]): LocatedErratum {
  const namesake = items.find((other) => other.number === section.printedNumber);
  return {
    erratum: {
      subject: `Workshop number in the heading at line ${section.line}`,
      printed: `WORKSHOP ${section.printedNumber}`,
      expected: item.label,
      note:
        `This heading numbers the workshop ${section.printedNumber}, but its theme is ${item.label} in the list at line ${item.line} ("${item.workshop.title}").` +
        (namesake ? ` ${namesake.label} in that list is "${namesake.workshop.title}".` : ''),
    },
    lines: [section.line, item.line],
  };
}

/** Lines outside the list and the section headings that name a workshop by number. */
function addMentions(lines: readonly SourceLine[], items: readonly WorkshopFound[], skip: ReadonlySet<number>): void {
  for (const line of lines) {
    if (skip.has(line.n)) continue;
    for (const match of line.text.matchAll(MENTION)) {
      for (const number of [match.groups?.['first'], match.groups?.['second']]) {
        items.find((item) => item.number === number)?.mentions.push({ line: line.n, text: line.text });
      }
    }
  }
}

/** Links actions whose text names a workshop ("W3", "Workshop 3") or quotes its title; returns how it went. */
function linkActions(items: readonly WorkshopFound[], actions: readonly ActionRow[] | undefined): string {
  if (!actions) return 'No action plan was given, so no workshop is linked to actions.';
  let linked = 0;
  for (const item of items) {
    const names = new RegExp(String.raw`\b(?:W${item.number}|Workshop ${item.number})\b`);
    const title = item.workshop.title.toLowerCase();
    item.workshop.actions = actions
      .filter(({ action }) => names.test(action.text) || action.text.toLowerCase().includes(title))
      .map(({ action }) => action.ref);
    linked += item.workshop.actions.length;
  }
  return linked > 0
    ? 'Actions are linked where their text names the workshop (W1, Workshop 1) or quotes its title.'
    : 'No action in the plan names a workshop or quotes its title, so no workshop is linked to actions; the ideas are kept as printed.';
}

/**
 * The workshops of a strategy: the cover report's "W1: ..." list, each with its appendix section ("(WORKSHOP n)")
 * matched by theme rather than by the printed number, the cross-workshop activities, and errata where they disagree.
 */
export function findWorkshops(lines: readonly SourceLine[], options: { actions?: readonly ActionRow[] } = {}): WorkshopsFound {
  const items: WorkshopFound[] = lines.flatMap((line) => {
    const groups = LIST_ITEM.exec(line.text)?.groups;
    if (!groups?.['number'] || !groups['title'] || !groups['label']) return [];
    return [{ number: groups['number'], label: groups['label'], line: line.n, workshop: { title: groups['title'].trim(), actions: [] }, mentions: [] }];
  });
  const headings: Heading[] = lines.flatMap((line): Heading[] =>
    SECTION_MARK.test(line.text) && !LIST_ITEM.test(line.text) ? [{ line: line.n, kind: 'section' }] : ACTIVITY.test(line.text) ? [{ line: line.n, kind: 'activity' }] : [],
  );
  const ranges = headings.map((heading, i) => ({ heading, end: rangeEnd(lines, headings, i) }));
  const lineAt = (n: number) => lines.find((line) => line.n === n) as SourceLine;
  const sections = ranges.filter(({ heading }) => heading.kind === 'section').map(({ heading, end }) => readSection(lines, lineAt(heading.line), end));
  const activities = ranges
    .filter(({ heading }) => heading.kind === 'activity')
    .flatMap(({ heading, end }) => readActivity(lines, lineAt(heading.line), end) ?? []);
  const errata: LocatedErratum[] = [];
  const unmatched: WorkshopSection[] = [];
  const matched = matchSections(sections, items);
  for (const section of sections) {
    const item = matched.get(section);
    if (!item) {
      unmatched.push(section);
      continue;
    }
    item.section = section;
    item.workshop.theme = section.theme;
    if (item.number !== section.printedNumber) errata.push(numberingErratum(section, item, items));
  }
  addMentions(lines, items, new Set([...items.map((item) => item.line), ...sections.map((s) => s.line)]));
  const actionLinks = linkActions(items, options.actions);
  const overviewLine = lines.find((line) => OVERVIEW.test(line.text) && line.n < (headings[0]?.line ?? 0));
  return {
    workshops: items,
    activities,
    ...(overviewLine ? { overview: { title: overviewLine.text.trim(), line: overviewLine.n } } : {}),
    unmatched,
    errata,
    actionLinks,
    lines: usedLines(items, sections, activities, overviewLine),
  };
}

/** Every line the result turned into data, sorted. */
function usedLines(items: readonly WorkshopFound[], sections: readonly WorkshopSection[], activities: readonly ActivityFound[], overview: SourceLine | undefined): number[] {
  const used = [
    ...items.map((item) => item.line),
    ...sections.flatMap((s) => [s.line, s.topHeading?.line ?? s.line, s.otherHeading?.line ?? s.line, ...s.topIdeas.map((i) => i.line), ...s.otherIdeas.map((i) => i.line)]),
    ...activities.flatMap((a) => [a.line, ...a.groups.flatMap((g) => [...(g.line ? [g.line] : []), ...g.items.map((i) => i.line)])]),
    ...(overview ? [overview.n] : []),
  ];
  return [...new Set(used)].sort((a, b) => a - b);
}
