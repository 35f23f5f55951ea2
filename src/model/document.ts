import { diffWords } from 'diff';
import type { Document } from '../schema';
import { formatShortDate } from './date';
import type { Entry } from './entry';

/** Plain-language label for each kind of document, used in lists, headings and search. */
export const documentKindLabel: Record<Document['kind'], string> = {
  agenda: 'Agenda',
  report: 'Report',
  minutes: 'Minutes',
  appendix: 'Appendix',
  strategy: 'Strategy',
  plan: 'Plan',
  'action-plan': 'Action plan',
  'workshop-summary': 'Workshop summary',
  assessment: 'Assessment',
  supplement: 'Agenda supplement',
  guidance: 'Guidance',
  'decision-notice': 'Decision notice',
  'forward-plan': 'Forward plan',
  other: 'Document',
};

/** Plain-language label for each status; shown in words, never by colour alone. */
/**
 * A document's page title: its own, with the date of the meeting it went to when the title has no year of its own
 * ("Agenda – Scrutiny Commission, 22 April 2015"), so a council's agendas and minutes differ in tabs and bookmarks.
 */
export function documentPageTitle(title: string, meetingStart: string | undefined): string {
  return meetingStart && !/\b(?:19|20)\d{2}\b/.test(title) ? `${title}, ${formatShortDate(meetingStart)}` : title;
}

export const documentStatusLabel: Record<Document['status'], string> = {
  draft: 'Draft',
  final: 'Final',
  'to-follow': 'To follow',
  exempt: 'Exempt (not published)',
  withdrawn: 'Withdrawn',
};

/** All printings of a document: the first printing, then every version of it, in pack date order. */
export function versionsOf(doc: Entry<Document>, documents: Entry<Document>[]): Entry<Document>[] {
  const root = doc.data.versionOf ?? doc.id;
  return documents
    .filter((d) => d.id === root || d.data.versionOf === root)
    .sort((a, b) => Number(Boolean(a.data.versionOf)) - Number(Boolean(b.data.versionOf)) || a.id.localeCompare(b.id));
}

/** A change between two printings: words removed and added, with a little unchanged text around each. */
export interface Change {
  before: string;
  removed: string;
  added: string;
  after: string;
}

/** Words of an MDX body as a reader sees them: components, escapes and Markdown marks removed. */
export function readableText(mdx: string): string {
  return mdx
    .replace(/<[A-Z]\w*[^>]*\/>/g, ' ')
    .replace(/<\/?[A-Z]\w*[^>]*>/g, ' ')
    .replace(/\\(.)/g, '$1')
    .replace(/[*#]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What changed between two printings, word by word, as a list a reader can scan. */
export function changesBetween(a: string, b: string, context = 8): Change[] {
  const parts = diffWords(readableText(a), readableText(b));
  const changes: Change[] = [];
  const tail = (text: string) => text.split(/\s+/).slice(-context).join(' ');
  const head = (text: string) => text.split(/\s+/).slice(0, context).join(' ');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.added && !part.removed) continue;
    const removed = part.removed ? part.value : '';
    const added = part.added ? part.value : parts[i + 1]?.added ? parts[i + 1]!.value : '';
    if (part.removed && parts[i + 1]?.added) i++;
    const before = tail(parts.slice(0, i).filter((p) => !p.added && !p.removed).map((p) => p.value).join(''));
    const after = head(parts.slice(i + 1).find((p) => !p.added && !p.removed)?.value ?? '');
    changes.push({ before, removed: removed.trim(), added: added.trim(), after });
  }
  return changes;
}
