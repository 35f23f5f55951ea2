/**
 * Content entries as the importer composes them: each typed by its collection's Zod input type (`z.input`), so a
 * misspelt or missing field fails to compile rather than to validate; and the files they are written as.
 */
import slugify from '@sindresorhus/slugify';
import { stringify } from 'yaml';
import type { z } from 'zod';
import { collections, type CollectionName, type Council, type Document, type Person } from '../../../src/schema';
import { SMALL_WORDS } from '../house-style';
import { plain } from '../read/markup';

/** What an entry of one collection holds, as written in its file. */
export type EntryData<N extends CollectionName> = z.input<(typeof collections)[N]['schema']>;

/** One content file the import produces: its collection, id, data (frontmatter) and, for MDX, its body. */
export type ComposedEntry = { [N in CollectionName]: { collection: N; id: string; data: EntryData<N>; body?: string } }[CollectionName];

/** An entry of one collection. */
export type EntryOf<N extends CollectionName> = Extract<ComposedEntry, { collection: N }>;

/** Narrows an entry to a collection. */
export const isEntryOf = <N extends CollectionName>(entry: ComposedEntry, collection: N): entry is EntryOf<N> => entry.collection === collection;

/** Content already in the tree that an import links to or merges into. */
export interface Existing {
  councils: Map<string, Council>;
  people: Map<string, Person>;
  documents: Map<string, Document>;
  /** Meetings already in the content, by id, as their files are written (an earlier import, or a web team's edits). */
  meetings: Map<string, EntryData<'meetings'>>;
  /** Ids of bodies already in the content: a web team's own file is never rewritten. */
  bodies: Set<string>;
  /** Ids of minutes already in the content, with their language. */
  minutes: Map<string, { meeting: string; lang: string }>;
}

/** YAML in a stable form: no line folding, so a re-import is byte-identical and diffs stay readable; YAML 1.1 quoting,
 * so readers that turn an unquoted 2015-04-22T14:00:00+01:00 into a Date (and lose its offset) read a string. */
const yaml = (data: unknown) => stringify(data, { lineWidth: 0, minContentWidth: 0, version: '1.1' });

/** Where an entry is stored, relative to the content folder. */
export function entryPath(entry: Pick<ComposedEntry, 'collection' | 'id'>): string {
  const spec = collections[entry.collection];
  return `${spec.dir}/${entry.id}${spec.format === 'mdx' ? '.mdx' : '.yaml'}`;
}

/** An entry as file text: YAML, or MDX with YAML frontmatter. */
export function serialise(entry: ComposedEntry): string {
  if (collections[entry.collection].format === 'yaml') return yaml(entry.data);
  return `---\n${yaml(entry.data)}---\n\n${(entry.body ?? '').trim()}\n`;
}

/** A slug for an id, at most `max` characters, cut at a word. */
export function slug(text: string, max = 60): string {
  const s = slugify(plain(text), { decamelize: false });
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : max);
}

/** Title case for titles printed in capitals; titles in mixed case are kept as printed. */
export function readableTitle(title: string): string {
  const t = plain(title);
  if (t !== t.toUpperCase()) return t;
  return t
    .toLowerCase()
    .split(/(\s+)/)
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : w.replace(/^([("'‘]?)([a-z])/, (_, p: string, c: string) => p + c.toUpperCase())))
    .join('')
    .replace(/\b(Emss|Eia|Ehria|Yos|Vcs|Lcc|Ict|Mtfs|Send|Od|Uk|Mca|Obc|Wpl)\b/g, (m) => m.toUpperCase());
}

/**
 * The period a document's title names, as its edition: "2015/16" -> 2015-2016, "2023 – 2026" -> 2023-2026, "2014-18" ->
 * 2014-2018; undefined when the title names none.
 */
export function titlePeriod(title: string): { period: string; years: { from: number; to: number } } | undefined {
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
