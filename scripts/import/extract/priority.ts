/**
 * A plan's priorities: numbered priority lines in the text, and priority tables (PRIORITY | PLANS/ACTIONS |
 * MEASUREMENT/TARGETS) whose rows wrap over lines; a priority number printed twice is an erratum.
 */
import type { Plan } from '../../../src/schema';
import type { SourceLine } from '../read/line';
import type { Table } from '../layout/table';
import { cellText, lineList, NUMBER_WORD, numberValue, numberWord, roleOf, rowsOf, type LocatedErratum } from './plan-table';

/** A priority as printed, with its numeric value and the lines its title was read from. */
export interface PriorityFound {
  priority: Plan['priorities'][number];
  /** The number's value ("One" is 1), for ordering; the printed form stays in `priority.number`. */
  value: number;
  /** Which run of priorities it belongs to: a new run starts at 1 or when the printing style changes. */
  group: number;
  lines: number[];
}

/** "Priority 1:", "Priority 3 :", "**Priority 1:**", "Priority One:", optionally as a list item. */
const PRIORITY_LINE = new RegExp(
  String.raw`^\s*(?:[-*•]\s+)?(?<bold>\*\*)?Priority\s+(?<number>\d{1,2}|${NUMBER_WORD})\s*:\s*(?:\*\*)?\s*(?<title>\S.*?)\s*$`,
  'i',
);
/** A title that runs on to a later line: it ends with a comma or a joining word. */
const RUNS_ON = /(?:[,;–-]|\b(?:and|or|of|to|the|including|for))$/i;
/** Footnote lines a run-on title may jump over: "¹ LAC is ...". */
const FOOTNOTE = /^\s*[¹²³⁴⁵⁶⁷⁸⁹⁰*]/;

/** The lowercase line that finishes a run-on title, skipping blank and footnote lines (at most four lines on). */
function titleRest(lines: readonly SourceLine[], index: number): SourceLine | undefined {
  for (const line of lines.slice(index + 1, index + 6)) {
    if (line.text.trim() === '' || FOOTNOTE.test(line.text)) continue;
    return /^\s*[a-z]/.test(line.text) ? line : undefined;
  }
  return undefined;
}

/** Priorities as printed ("Priority 8" twice stays twice), with line numbers and an erratum for each repeat. */
export function findPriorities(lines: readonly SourceLine[]): { priorities: PriorityFound[]; errata: LocatedErratum[] } {
  const priorities: PriorityFound[] = [];
  let group = 0;
  let style = '';
  lines.forEach((line, index) => {
    const groups = PRIORITY_LINE.exec(line.text)?.groups;
    const number = groups?.['number'];
    const value = number === undefined ? undefined : numberValue(number);
    if (!groups || number === undefined || value === undefined) return;
    const title = (groups['title'] ?? '').replace(/\*\*$/, '').trim();
    const rest = RUNS_ON.test(title) ? titleRest(lines, index) : undefined;
    const lineStyle = `${groups['bold'] ? 'bold' : 'plain'}-${/\d/.test(number) ? 'digits' : 'words'}`;
    if (lineStyle !== style || value === 1) group += 1;
    style = lineStyle;
    priorities.push({
      priority: { number, title: rest ? `${title} ${rest.text.trim()}` : title },
      value,
      group,
      lines: rest ? [line.n, rest.n] : [line.n],
    });
  });
  return { priorities, errata: repeatedPriorities(priorities) };
}

/** One erratum per priority number printed more than once in the same run. */
function repeatedPriorities(priorities: readonly PriorityFound[]): LocatedErratum[] {
  const seen = new Map<string, PriorityFound[]>();
  for (const p of priorities) {
    const key = `${p.group}:${p.value}`;
    seen.set(key, [...(seen.get(key) ?? []), p]);
  }
  return [...seen.values()]
    .filter((same) => same.length > 1)
    .map((same) => {
      const first = same[0] as PriorityFound;
      const run = priorities.filter((p) => p.group === first.group);
      const highest = Math.max(...run.map((p) => p.value));
      const lines = same.map((p) => p.lines[0] ?? 0);
      return {
        erratum: {
          subject: `Priority ${first.priority.number}`,
          printed: `Priority ${first.priority.number}`,
          note:
            `The number ${first.priority.number} is given to ${numberWord(same.length)} different priorities (${lineList(lines)}). ` +
            `Each is kept as printed: the plan lists ${numberWord(run.length)} priorities numbered 1 to ${highest}.`,
        },
        lines,
      };
    });
}

// ---------------------------------------------------------------------------------------------------------------
// Strategic plan priority tables (2014): PRIORITY | PLANS/ACTIONS | MEASUREMENT/TARGETS, rows wrapped over lines

/** A row of a priority table: the priority as printed with its plans and targets, joined from wrapped lines. */
export interface PriorityRow {
  priority: Plan['priorities'][number];
  plans: string;
  measures: string;
  lines: number[];
}

type PriorityRole = 'priority' | 'plans' | 'measures';
const PRIORITY_COLUMNS: ReadonlyArray<readonly [PriorityRole, RegExp]> = [
  ['priority', /^priorit/i],
  ['plans', /plans?\s*\/\s*actions?/i],
  ['measures', /measure|targets?/i],
];
/** The end of a cell that must go on: a comma, slash or hyphen, or a joining word. */
const CELL_RUNS_ON = /(?:[,/–-]|\b(?:and|or|of|to|the|for|in|from|with|by|on|at|a|an))$/i;

/** Whether a line continues the row above: empty or lowercase first cell, a lowercase cell, or a cell left hanging. */
function continuesRow(cells: readonly string[], previous: readonly string[] | undefined): boolean {
  if (!previous) return false;
  const [first = ''] = cells;
  if (first === '' || /^[a-z(]/.test(first)) return true;
  return cells.some((cell, i) => cell !== '' && (/^[a-z]/.test(cell) || CELL_RUNS_ON.test(previous[i] ?? '')));
}

/**
 * Rows of a priority table as printed in the 2014 Strategic Plan; wrapped lines are joined by a layout guess
 * (see `continuesRow`), so a wrapped title that starts a line with a capital can still split a row in two.
 */
export function priorityRowsFromTable(table: Table): PriorityRow[] {
  const rows = rowsOf(table);
  const headerAt = rows.findIndex((row) => row.cells.map(cellText).some((c) => roleOf(PRIORITY_COLUMNS, c) === 'priority'));
  const header = rows[headerAt];
  if (!header) return [];
  const roles = header.cells.map((cell) => roleOf(PRIORITY_COLUMNS, cellText(cell)));
  const column = (role: PriorityRole) => roles.indexOf(role);
  const merged: Array<{ cells: string[][]; lines: number[] }> = [];
  let previous: string[] | undefined;
  for (const row of rows.slice(headerAt + 1)) {
    const cells = row.cells.map(cellText);
    if (cells.every((cell) => cell === '')) continue;
    const last = merged.at(-1);
    if (last && continuesRow(cells, previous)) {
      cells.forEach((cell, i) => (last.cells[i] ??= []).push(cell));
      last.lines.push(row.line);
    } else merged.push({ cells: cells.map((cell) => [cell]), lines: [row.line] });
    previous = cells;
  }
  const joined = (parts: string[][], i: number) => (parts[i] ?? []).filter(Boolean).join(' ').replace(/- (?=[a-z])/g, '-');
  return merged.map(({ cells, lines }) => ({
    priority: { title: joined(cells, column('priority')) },
    plans: joined(cells, column('plans')),
    measures: joined(cells, column('measures')),
    lines,
  }));
}
