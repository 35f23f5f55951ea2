import type { z } from 'zod';
import type { reviewFlag } from '../../../src/schema';
import { markdownHeading, plain, unescapeMarkdown } from '../read/markup';
import type { Furniture } from '../layout/furniture';
import { component, escapeLine, hasUnknownHtml } from './mdx';
import { toBlocks, type Line } from '../read/line';
import type { Table } from '../layout/table';

export type ReviewFlag = z.infer<typeof reviewFlag>;

/** What the body renderer needs besides the lines: what other stages recognised in them. */
export interface BodyContext {
  furniture: ReadonlyMap<number, Furniture>;
  /** Tables in these lines; their lines render as one `<DataTable>`. */
  tables: readonly Table[];
  /** Captions by table start line, when the document prints one above the table. */
  captions?: ReadonlyMap<number, string>;
  /** Lines already rendered by the caller (a minute's heading line), skipped here. */
  skip?: ReadonlySet<number>;
  /** Last line of a cover block (meeting, title, author): its lines are plain paragraphs, not headings. */
  coverEnd?: number | undefined;
  /**
   * What the source says about its layout: `positioned` (a PDF: a short bold line starting a block is a heading, a
   * line that ends short keeps its line break), `marked` (Markdown, HTML, Word: headings are marked), or `plain`
   * (text: headings are guessed from their shape).
   */
  headings?: 'positioned' | 'marked' | 'plain' | undefined;
}

/** The rendered body and what a person should look at. */
export interface RenderedBody {
  mdx: string;
  review: ReviewFlag[];
}

const NAME_LIKE = /\b(CC|JP|Councillors?|Tel|Email)\b|@|\d{4} \d{3} \d{4}/;

/** A short standalone line that reads as a heading: few words, no closing punctuation, not a name or a number. */
export function isHeading(text: string): boolean {
  const t = plain(text);
  if (!t || t.includes('\t') || NAME_LIKE.test(t) || /^[-•·*]\s/.test(text.trim())) return false;
  const words = t.split(/\s+/);
  if (words.length > 12 || !/^[A-Z0-9]/.test(t) || !/[A-Za-z]{3}/.test(t)) return false;
  const numbered = /^\d+(\.\d+)*\.?\s+[A-Z]/.test(t);
  if (numbered) return words.length <= 8 && !/[.;,?]$/.test(t);
  return !/[.:;,?]$/.test(t) && !/^\d/.test(t);
}

const headingLevel = (text: string) => (/^\d+\.\d+/.test(plain(text)) ? '###' : '##');

/** Leading indentation is layout, not words; two spaces keep a nested bullet a bullet. */
const normaliseLine = (text: string) =>
  /^\s*[-*•]\s/.test(text) ? text.replace(/^\s{3,}/, '  ').replace(/\t/g, ' ') : text.trim().replace(/\t+/g, ' ');

/**
 * A table whose cells cut words in two ("E" | "xecutive summary") is text the PDF extraction broke, not data: in at
 * least two rows in five, a cell ends in a letter and the next begins in lower case.
 */
export function isBrokenTable(table: Table): boolean {
  const rows = [...table.head, ...table.body].filter((r) => r.length > 1);
  const broken = rows.filter((r) => r.some((cell, i) => /[A-Za-z]$/.test(cell) && /^[a-z]/.test(r[i + 1] ?? ''))).length;
  return rows.length > 0 && broken / rows.length >= 0.4;
}

/** A word mixing alphabets ("Тransformation" with a Cyrillic T): an extraction fault a person should see. */
export const hasMixedScript = (text: string): boolean =>
  /[\p{Script=Latin}][\p{Script=Cyrillic}\p{Script=Greek}]|[\p{Script=Cyrillic}\p{Script=Greek}]\s*[\p{Script=Latin}]/u.test(text);

/** A `<DataTable>` for a recognised table: every cell as printed, plus its caption and source lines. */
function renderTable(table: Table, caption: string | undefined): string {
  return component('DataTable', {
    caption,
    head: table.head,
    rows: table.body,
    lines: [table.start, table.end],
  });
}

/**
 * Renders lines of a document as MDX: headings, paragraphs, bullets and tables; page furniture becomes
 * `<PageBreak>`; lines with markup the importer does not understand stay verbatim in `<Verbatim>` and are listed
 * for review. Every non-furniture word of the input is in the output.
 */
export function renderBody(lines: Line[], ctx: BodyContext): RenderedBody {
  const out: string[] = [];
  const review: ReviewFlag[] = [];
  // Only tables that start in these lines: the lines of one that started before are text here, never dropped.
  const here = new Set(lines.map((l) => l.n));
  const tables = ctx.tables.filter((t) => here.has(t.start));
  const tableAt = new Map(tables.map((t) => [t.start, t]));
  const inTable = new Set(tables.flatMap((t) => range(t.start, t.end)));
  let page = lines.find((l) => l.text.trim() !== '')?.page;
  for (const block of toBlocks(lines)) {
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length) out.push(paragraph.join('\n'));
      paragraph = [];
    };
    for (const line of block.lines) {
      if (ctx.skip?.has(line.n)) continue;
      const furniture = ctx.furniture.get(line.n);
      // A new printed page: marked where the page has no furniture of its own to mark it.
      if (line.page !== undefined && page !== undefined && line.page !== page) {
        if (!furniture) {
          flush();
          out.push(component('PageBreak', { kind: 'page', printed: '', page: line.page, line: line.n }));
        }
        page = line.page;
      }
      const table = tableAt.get(line.n);
      if (table && isBrokenTable(table)) {
        flush();
        const raw = lines.filter((l) => l.n >= table.start && l.n <= table.end).map((l) => l.text).join('\n');
        review.push({ line: table.start, reason: 'a table whose columns cut words in two (the PDF extraction broke it); kept verbatim' });
        out.push(component('Verbatim', { text: raw, line: table.start, reason: 'columns cut words in two' }));
        continue;
      }
      if (table) {
        flush();
        out.push(renderTable(table, ctx.captions?.get(table.start)));
        continue;
      }
      if (inTable.has(line.n)) continue;
      if (furniture) {
        flush();
        // A file's metadata (front matter) is not part of the document, not even as a page mark.
        if (furniture.kind !== 'metadata') out.push(component('PageBreak', { kind: furniture.kind, printed: furniture.printed, page: furniture.page, line: line.n }));
        continue;
      }
      if (hasMixedScript(line.text)) {
        flush();
        review.push({ line: line.n, reason: 'letters from another alphabet inside words (an extraction fault); kept verbatim' });
        out.push(component('Verbatim', { text: line.text, line: line.n, reason: 'letters from another alphabet' }));
        continue;
      }
      if (hasUnknownHtml(line.text)) {
        flush();
        review.push({ line: line.n, reason: 'HTML the importer could not read; kept verbatim' });
        out.push(component('Verbatim', { text: line.text, line: line.n, reason: 'markup not understood' }));
        continue;
      }
      const layout = ctx.headings ?? 'plain';
      if (line.heading) {
        flush();
        const heading = markdownHeading(line.text)?.text ?? line.text;
        out.push(`${'#'.repeat(Math.min(Math.max(line.heading, 2), 4))} ${escapeLine(plain(unescapeMarkdown(heading)))}`);
        continue;
      }
      if (layout === 'positioned' && line.bold && block.lines[0] === line && isHeading(line.text)) {
        flush();
        out.push(`## ${escapeLine(plain(line.text.replace(/\t+/g, ' ')))}`);
        continue;
      }
      if (layout === 'plain' && block.lines.length === 1 && line.n > (ctx.coverEnd ?? 0) && isHeading(line.text)) {
        flush();
        out.push(`${headingLevel(line.text)} ${escapeLine(plain(line.text))}`);
        continue;
      }
      const previous = paragraph.length > 0 ? block.lines[block.lines.indexOf(line) - 1] : undefined;
      if (previous && startsParagraph(previous.text, line.text)) flush();
      // A printed line that stopped short (a list of names, an address) keeps its line break.
      else if (previous && layout === 'positioned' && endsShort(previous, block.lines)) paragraph[paragraph.length - 1] += '\\';
      paragraph.push(
        escapeLine(normaliseLine(line.text), (label) =>
          review.push({ line: line.n, reason: `dead link "${label}": the source links to nothing; the text is kept` }),
        ),
      );
    }
    flush();
  }
  return { mdx: out.join('\n\n'), review };
}

const BULLET = /^\s*[-*•·]\s/;

/** Whether a line of a positioned source ends well before the block's right edge, without ending a sentence. */
function endsShort(line: Line, block: readonly Line[]): boolean {
  const right = Math.max(...block.map((l) => l.end ?? 0));
  return line.end !== undefined && right > 0 && line.end < right * 0.75 && !/[.!?,;:]$/.test(line.text.trim());
}

/**
 * Whether a line starts a new paragraph. PDF text puts most paragraphs on one line each ("1. The purpose ...",
 * "2. The draft ..."), but some packs wrap lines: a line that starts in lower case, or follows a line that stopped
 * short of the end of a sentence, carries on the paragraph above. Consecutive bullets stay one list.
 */
export function startsParagraph(previous: string, line: string): boolean {
  const bullet = BULLET.test(line);
  if (bullet) return !BULLET.test(previous);
  if (/^\s*[a-z]/.test(line)) return false;
  return /[.:;!?)"'’”]\**$/.test(previous.trim()) || BULLET.test(previous);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

