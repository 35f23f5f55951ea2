/**
 * Actions: who was asked to do what. Councils print them as "ACTION:" lines, as a right-hand "Action" column of
 * initials beside the text, as a table of Who and What, or in sentences ("Clerk to write to ..."). The first three
 * are the council's own list: when a document has any of them, sentences are not read, and a table that repeats the
 * "ACTION:" lines is not counted twice.
 */
import { ACTION_HEADER, ACTION_MARKER, ACTION_OWNER, MARKED_TASK, TASK_SENTENCE } from '../house-style';
import type { Line } from '../read/line';
import { printed } from '../read/markup';
import { paragraphsOf, sentencesOf } from './paragraphs';

export type ActionSource = 'marker' | 'column' | 'table' | 'sentence';

export interface FoundAction {
  /** The task as printed. */
  text: string;
  /** Who is to do it, as printed ("Craig Ritchie", "Clerk", "KC/GD/IK"). */
  owner?: string;
  /** Index of the line it is printed on. */
  index: number;
  source: ActionSource;
}

/** Who a task names at its start ("Craig Ritchie to draft ..."), and the task. */
export function ownerOf(task: string, marked = false): { owner?: string; task: string } {
  const g = (marked ? MARKED_TASK.exec(task.trim()) ?? TASK_SENTENCE.exec(task.trim()) : TASK_SENTENCE.exec(task.trim()))?.groups;
  return g ? { owner: g['owner']!.replace(/^the\s+/i, ''), task: task.trim() } : { task: task.trim() };
}

/** "ACTION: Clerk to ..." lines: the text after the marker, to the end of its paragraph. */
function markerActions(lines: readonly Line[], skip: ReadonlySet<number>): FoundAction[] {
  const out: FoundAction[] = [];
  for (const p of paragraphsOf(lines, 0, lines.length, skip)) {
    const text = printed(p.text);
    const re = new RegExp(ACTION_MARKER.source, 'g');
    const marks = [...text.matchAll(re)];
    marks.forEach((m, k) => {
      const after = text.slice(m.index + m[0].length, marks[k + 1]?.index ?? text.length).replace(/\)\s*$/, '').trim();
      if (!after) return;
      // "The verge needs cutting. ACTION: Clerk": a marker followed only by an owner gives the words before it as the task.
      const before = k === 0 ? text.slice(0, m.index).trim() : '';
      if (before && ACTION_OWNER.test(after)) {
        out.push({ text: before.replace(/^[•·*-]\s+/, ''), owner: after, index: p.first, source: 'marker' });
        return;
      }
      const { owner, task } = ownerOf(after, true);
      out.push({ text: task, ...(owner ? { owner } : {}), index: p.first, source: 'marker' });
    });
  }
  return out;
}

/**
 * A right-hand action column, when a header line names it ("Items ... Action"): a line that ends in a cell of initials
 * or a role, or in initials after a sentence ("... also. GD/HL"), ends an action of theirs. The lines are read with
 * the cells taken off, so the task is the whole paragraph the cell stands beside, not only its last line.
 */
function columnActions(lines: readonly Line[], skip: ReadonlySet<number>): FoundAction[] {
  const header = lines.findIndex((l) => l.text.includes('\t') && ACTION_HEADER.test(printed(l.text.split('\t').pop()!)));
  if (header === -1) return [];
  const owners = new Map<number, string>();
  const text = lines.map((line, i) => {
    if (i <= header || skip.has(line.n)) return line;
    const tab = line.text.includes('\t');
    const cell = tab ? printed(line.text.split('\t').pop()!) : /(?<=[.!?)]\s+)([A-Z]{2,3}(?:\/[A-Z]{2,3})+)$/.exec(line.text)?.[1];
    if (!cell || !ACTION_OWNER.test(cell)) return line;
    owners.set(i, cell);
    return { ...line, text: (tab ? line.text.slice(0, line.text.lastIndexOf('\t')) : line.text.slice(0, line.text.length - cell.length)).trimEnd() };
  });
  const out: FoundAction[] = [];
  for (const p of paragraphsOf(text, header + 1, text.length, skip)) {
    let from = 0;
    for (const piece of p.pieces) {
      const owner = owners.get(piece.index);
      if (!owner) continue;
      const to = piece.at + (piece.to - piece.from);
      const task = printed(p.text.slice(from, to)).replace(/^[•·*-]\s+/, '');
      from = to;
      if (task) out.push({ text: task, owner, index: piece.index, source: 'column' });
    }
  }
  return out;
}

/** A table whose header row names who and what ("Agenda item | Who | What"): one action a row; cells that wrap join. */
function tableActions(lines: readonly Line[], skip: ReadonlySet<number>): FoundAction[] {
  const out: FoundAction[] = [];
  const header = lines.findIndex((l) => {
    const cells = l.text.split('\t').map((c) => printed(c).toLowerCase());
    return cells.length >= 2 && cells.some((c) => /^(?:who|by whom|owner|responsible|lead)$/.test(c)) && cells.some((c) => /^(?:what|action|task)s?$/.test(c));
  });
  if (header === -1) return [];
  const head = lines[header]!;
  const names = head.text.split('\t').map((c) => printed(c).toLowerCase());
  const who = names.findIndex((c) => /^(?:who|by whom|owner|responsible|lead)$/.test(c));
  const what = names.findIndex((c) => /^(?:what|action|task)s?$/.test(c));
  const x = head.cells;
  for (let i = header + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (skip.has(line.n) || line.text.trim() === '') continue;
    const cells = line.text.split('\t');
    // Cells by position where the reader kept them: a row that continues the one above has its first column empty.
    const column = (k: number) => {
      if (!x || !line.cells) return cells[k];
      const at = line.cells.findIndex((cx) => Math.abs(cx - x[k]!) < 12);
      return at === -1 ? undefined : cells[at];
    };
    const owner = column(who)?.trim();
    const task = column(what)?.trim();
    if (owner && task) out.push({ text: printed(task), owner: printed(owner), index: i, source: 'table' });
    else if (task && out.length > 0) out[out.length - 1]!.text += ` ${printed(task)}`;
    else if (!owner && !task && !line.text.includes('\t') && out.length > 0 && (line.x ?? 0) > (x?.[Math.max(0, what - 1)] ?? 0)) out[out.length - 1]!.text += ` ${printed(line.text)}`;
    else if (!line.text.includes('\t')) break;
  }
  return out;
}

/** "Clerk to inform Mrs Dodds.", "HL to chase this up": tasks given in sentences. */
function sentenceActions(lines: readonly Line[], skip: ReadonlySet<number>): FoundAction[] {
  return paragraphsOf(lines, 0, lines.length, skip).flatMap((p) =>
    sentencesOf(p).flatMap((s) => {
      const text = printed(s.text).replace(/^[•·*-]\s+/, '');
      const { owner, task } = ownerOf(text);
      return owner ? [{ text: task, owner, index: p.first, source: 'sentence' as const }] : [];
    }),
  );
}

const words = (text: string) => new Set(text.toLowerCase().match(/[a-z]{4,}/g) ?? []);
const overlap = (a: string, b: string) => {
  const wa = words(a);
  const wb = words(b);
  return wa.size === 0 ? 0 : [...wa].filter((w) => wb.has(w)).length / wa.size;
};

/** The actions in a document's lines. */
export function findActions(lines: readonly Line[], skip: ReadonlySet<number> = new Set()): FoundAction[] {
  const markers = markerActions(lines, skip);
  const column = columnActions(lines, skip);
  // A table of actions that repeats the "ACTION:" lines (most of its rows match one) is a summary of them.
  const rows = tableActions(lines, skip);
  const repeats = rows.filter((t) => markers.some((m) => overlap(t.text, m.text) >= 0.5)).length;
  const table = repeats * 2 >= rows.length && markers.length > 0 ? [] : rows;
  const listed = [...markers, ...column, ...table];
  return (listed.length > 0 ? listed : sentenceActions(lines, skip)).sort((a, b) => a.index - b.index);
}
