/**
 * Tables as the importer printed them into a document's MDX (`<DataTable head={...} rows={...} lines={...} />`),
 * read back so a strategy page can show the budget and sign-off tables beside the structured plan. Pure.
 */

/** The props of one `<DataTable>`: every cell as printed. */
export interface PrintedTable {
  caption?: string;
  head: string[][];
  rows: string[][];
  lines: [number, number];
}

/**
 * Where the `{` at `open` closes, skipping braces inside JSON strings; undefined when it never does. The importer
 * writes every prop that is not plain text as `{...JSON...}`, and its verifier reads them back with this too.
 */
export function closingBrace(text: string, open: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return undefined;
}

/**
 * Reads one JSX attribute value starting at `at` (`{...JSON...}` or `"text"`); returns the value and where it ends,
 * or undefined when it is not one the importer writes (a hand-written JavaScript expression).
 */
function readValue(text: string, at: number): { value: unknown; end: number } | undefined {
  if (text[at] === '"') {
    const end = text.indexOf('"', at + 1);
    return end < 0 ? undefined : { value: text.slice(at + 1, end), end: end + 1 };
  }
  const close = text[at] === '{' ? closingBrace(text, at) : undefined;
  if (close === undefined) return undefined;
  try {
    return { value: JSON.parse(text.slice(at + 1, close)), end: close + 1 };
  } catch {
    return undefined;
  }
}

const isCells = (v: unknown): v is string[][] =>
  Array.isArray(v) && v.every((row) => Array.isArray(row) && row.every((c) => typeof c === 'string'));

/** An attribute name and its `=`, read exactly where the last value ended. */
const ATTRIBUTE = /\s*([A-Za-z]+)=/y;

/** Every `<DataTable>` of an MDX body whose props can be read, in printed order. */
export function tablesIn(mdx: string): PrintedTable[] {
  const tables: PrintedTable[] = [];
  for (const match of mdx.matchAll(/<DataTable\s/g)) {
    const props: Record<string, unknown> = {};
    let at = match.index + match[0].length;
    for (;;) {
      ATTRIBUTE.lastIndex = at;
      const name = ATTRIBUTE.exec(mdx);
      if (!name) break;
      const read = readValue(mdx, ATTRIBUTE.lastIndex);
      if (!read) break;
      props[name[1]!] = read.value;
      at = read.end;
    }
    const { caption, head, rows, lines } = props;
    if (isCells(head) && isCells(rows) && Array.isArray(lines) && lines.length === 2) {
      tables.push({
        ...(typeof caption === 'string' ? { caption } : {}),
        head,
        rows,
        lines: [Number(lines[0]), Number(lines[1])],
      });
    }
  }
  return tables;
}

const MONEY_WORDS = /£|\bcosts?\b|budget|fund(?:s|ing)?\b|\bgrants?\b|spend|income|expenditure|savings?|\b000s\b/i;
const MONEY_CELL = /^[-(]?£\s?\d/;
const SIGNATURE = /^signature$|\bsigned\b|sign-?off/i;

/** True for a table of signatures (a sign-off by partner chief officers). */
export const isSignOffTable = (t: PrintedTable): boolean =>
  [...t.head, ...t.rows].some((row) => row.some((cell) => SIGNATURE.test(cell.trim())));

/**
 * True for a table of money: a heading (or, in a table printed without one, its first row) that speaks of money, or
 * mostly figures in pounds. An action plan with a "£" in a few of its cells is not a budget.
 */
export function isBudgetTable(t: PrintedTable): boolean {
  if (isSignOffTable(t)) return false;
  const headings = [...t.head.flat(), ...(t.head.length === 0 ? (t.rows[0] ?? []) : []), t.caption ?? ''];
  if (headings.some((h) => MONEY_WORDS.test(h))) return true;
  const cells = t.rows.flat().filter((c) => c.trim() !== '');
  const pounds = cells.filter((c) => MONEY_CELL.test(c.trim())).length;
  return pounds >= 2 && pounds * 4 >= cells.length;
}
