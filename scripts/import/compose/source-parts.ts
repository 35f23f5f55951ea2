/**
 * What one source is composed from and what composing it gives: shared by `source.ts`, which composes minutes, agendas
 * and documents itself, and `pack.ts`, which composes a meeting pack for it.
 */
import type { Hints } from '../hints';
import type { Furniture } from '../layout/furniture';
import type { Line } from '../read/line';
import type { ComposedEntry } from './entry';
import type { Mention } from './people';

/** What every stage of one source's composition shares. */
export interface SourceContext {
  id: string;
  file: string;
  lines: Line[];
  furniture: ReadonlyMap<number, Furniture>;
  skip: ReadonlySet<number>;
  hints?: Hints | undefined;
  council: string;
  councilName?: string | undefined;
  lang: 'en' | 'cy';
  /** What the source's format says about its layout, for rendering headings and line breaks. */
  layout: 'positioned' | 'marked' | 'plain';
}

/** What composing the parts of a source gives. */
export interface SourceParts {
  entries: ComposedEntry[];
  mentions: Mention[];
  title: string;
  date?: string;
  /** The meeting the source is the papers or minutes of. */
  meeting?: string;
  /** How its minutes or agenda items are numbered, in words. */
  numbering?: string;
  counts: {
    agendaItems: number;
    documents: number;
    tables: number;
    verbatim: number;
    errata: number;
    /** Numbered minutes, and sections the minutes do not number. */
    minutes: number;
    sections: number;
    /** The kind of each decision found. */
    decisions: string[];
    votes: number;
    actions: number;
  };
}
