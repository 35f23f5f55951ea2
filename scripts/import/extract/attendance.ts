/**
 * Who was at a meeting: the lists under "Present", "In attendance", "Apologies" and "Public" however a council sets
 * them out: one name a line, a sentence of names ("Cllrs Hayward, Hoskins and the Clerk"), a bulleted list with
 * roles ("Sarah Woodbury — Chair"), or a table of names and roles or initials ("Graham Dolan  GD  Isabel Kellie  IK").
 */
import { ATTENDANCE_LABELS, CHAIR_ROLE, INLINE_ATTENDANCE_LABEL, NAME_LIST_WORDS, NOBODY, PERSON_TITLES, PLURAL_PERSON_TITLES, ROLES, VICE_ROLE } from '../house-style';
import type { Line } from '../read/line';
import { plain, printed, unescapeMarkdown } from '../read/markup';

export type AttendanceList = (typeof ATTENDANCE_LABELS)[number]['list'];

/** A person in an attendance list, as printed. */
export interface Attendee {
  /** The name as printed, without a role or note ("Cllr Mrs Shewell", "Graham Dolan"); a role alone for "the Clerk". */
  printed: string;
  /** The role printed beside the name ("Chair", "Convenor", "Clerk"). */
  role?: string;
  /** Initials the minutes use for the person ("GD"), from an initials table or "(PP)". */
  initials?: string;
  /** A title shared by a list ("Cllrs Hayward, Hoskins"): the person's title though not printed beside the name. */
  sharedTitle?: string;
  /** A bracketed note ("in the Chair", "for Minute 180"). */
  note?: string;
  /** Marked as chairing the meeting. */
  chair: boolean;
  /** Source line. */
  line: number;
  /** The whole printed line, trimmed. */
  text: string;
}

export type Attendance = Record<AttendanceList, Attendee[]>;

/** The lists, in the order a meeting's page shows them. */
export const ATTENDANCE_LISTS: readonly AttendanceList[] = ['present', 'inAttendance', 'apologies', 'public'];

const TITLE = new RegExp(String.raw`^(?:${PERSON_TITLES.join('|')})\.?(?=\s)`, 'i');
const PLURAL_TITLE = new RegExp(String.raw`^(?:${PLURAL_PERSON_TITLES.join('|')})\.?\s*:?\s+`, 'i');
const INITIALS = /^[A-Z]{2,3}$/;
/** Whether a role or note says the person chaired the meeting. */
const chairs = (text: string) => CHAIR_ROLE.test(text) && !VICE_ROLE.test(text);
const ROLE_ONLY = /^(?:the\s+)?(?:parish |town |deputy |assistant )?(?:clerk|proper officer|rfo|minute taker|secretary|treasurer|chair(?:man|woman|person)?|vice[- ]chair(?:man|woman)?|convenor|mayor)$/i;

/** A line's words with its markup removed but its TABs kept (a table row's cells). */
const cellsText = (text: string) => text.split('\t').map((c) => plain(unescapeMarkdown(c)).replace(/^#+\s*/, '')).join('\t');

/** The label that opens an attendance list at the start of a line, and the text after it. */
export function attendanceLabel(text: string): { list: AttendanceList; rest: string } | undefined {
  const t = cellsText(text).replace(/^[*•·-]\s+/, '');
  for (const { list, re, bare } of ATTENDANCE_LABELS) {
    const m = re.exec(t);
    if (!m) continue;
    const rest = t.slice(m[0].length).replace(/^[\s:;–—-]+/, '');
    const separated = /^\s*[:;–—-]/.test(t.slice(m[0].length)) || t.slice(m[0].length).startsWith('\t');
    // "Present" alone or with ":" (and names after it), or "Clerk J Connelly"; not a sentence that starts with the word.
    const names = bare && /^(?:\p{Lu}|the clerk)/u.test(rest) && !isProse(rest);
    if (rest === '' || separated || names || /^(?:members|councillors|cllrs?)\b/i.test(rest)) return { list, rest };
  }
  return undefined;
}

/** Whether a text reads as a sentence rather than a list of names: lower-case words outside brackets. */
export function isProse(text: string): boolean {
  const outside = text.replace(/\([^)]*\)/g, ' ');
  const lower = outside.split(/[\s,]+/).filter((w) => /^\p{Ll}/u.test(w) && !NAME_LIST_WORDS.has(w.toLowerCase()));
  return lower.length >= 2;
}

/** Splits on commas and "and"/"&" outside brackets, and after a closing bracket that is followed by a new name. */
function splitList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const token of text.split(/(\(|\)|,|\s+and\s+|\s+&\s+|;|^and\s+)/)) {
    if (token === '(') depth++;
    if (token === ')') {
      depth = Math.max(0, depth - 1);
      current += token;
      continue;
    }
    if (depth === 0 && (token === ',' || token === ';' || /^\s*(?:and|&)\s+$/.test(token))) {
      out.push(current);
      current = '';
    } else if (depth === 0 && /\)$/.test(current) && /^\s+\p{Lu}\p{Ll}*\s+\p{Lu}/u.test(token) && !ROLES.test(token.trim().split(/\s+/)[0]!)) {
      out.push(current);
      current = token;
    } else current += token;
  }
  out.push(current);
  return out.map((s) => s.trim().replace(/\.$/, '')).filter(Boolean);
}

/** One printed entry ("Chairman Cllr Mrs Shewell", "Ed Plowden (Chair)", "the Clerk", "Sarah Woodbury — Chair"). */
function attendeeOf(entry: string, line: Line, sharedTitle: string | undefined): Attendee | undefined {
  let text = entry.replace(/^[*•·-]\s+/, '').trim();
  let role: string | undefined;
  const notes: string[] = [];
  let initials: string | undefined;
  const dash = /\s+[—–]\s+(?<role>.+)$|\s+-\s+(?<role2>[^-]+)$/.exec(text);
  const dashRole = dash?.groups?.['role'] ?? dash?.groups?.['role2'];
  if (dash && dashRole && ROLES.test(dashRole)) {
    role = dashRole.trim();
    text = text.slice(0, dash.index);
  }
  text = text.replace(/\s*\((?<note>[^()]*)\)/g, (_, note: string) => {
    const n = note.trim();
    if (INITIALS.test(n)) initials ??= n;
    else if (ROLES.test(n) && !role && n.split(/\s+/).length <= 4) role = n;
    else notes.push(n);
    return ' ';
  }).replace(/\s+/g, ' ').trim();
  // "Lorraine Hunt Chair": a role printed after the name.
  const after = /\s+(?<role>Chair(?:man|woman|person)?|Vice[- ]Chair(?:man|woman)?|Clerk|Treasurer|Secretary)$/.exec(text);
  if (after && !role && text.split(/\s+/).length > 2) {
    role = after.groups!['role']!;
    text = text.slice(0, after.index);
  }
  const lead = /^(?<role>(?:the\s+)?(?:Chair(?:man|woman|person)?|Vice[- ]Chair(?:man|woman)?|Mayor|Deputy Mayor|Convenor))\s+(?=\S)/i.exec(text);
  if (lead && TITLE.test(text.slice(lead[0].length))) {
    role = lead.groups!['role']!;
    text = text.slice(lead[0].length);
  }
  if (!text || NOBODY.test(text) || !/\p{Lu}/u.test(text) || NOT_A_NAME.test(text)) {
    return ROLE_ONLY.test(text) ? roleOnly(text, line) : undefined;
  }
  if (ROLE_ONLY.test(text)) return roleOnly(text, line);
  const attendee: Attendee = { printed: text, chair: false, line: line.n, text: printed(line.text) };
  if (initials) attendee.initials = initials;
  if (notes.length) attendee.note = notes.join('; ');
  if (role) attendee.role = role;
  if (sharedTitle && !TITLE.test(text)) attendee.sharedTitle = sharedTitle;
  attendee.chair = chairs(`${role ?? ''} ${notes.join(' ')}`);
  return attendee;
}

/** A count or a number at the start of an entry ("2 members of the public", "Several residents"). */
const NOT_A_NAME = /^\d|^(?:one|two|three|four|five|six|seven|eight|nine|ten|several|some)\b/i;

const roleOnly = (text: string, line: Line): Attendee => ({ printed: text, role: text.replace(/^the\s+/i, ''), chair: false, line: line.n, text: printed(line.text) });

/**
 * A table row of names with roles or initials: "Watson Robinson | Convenor", "Graham Dolan | GD | Isabel Kellie | IK".
 * Cells come in pairs, a name and what is printed beside it; a row that does not pair up is a row of names.
 */
function tableRow(cells: string[], line: Line): Attendee[] {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  const paired = filled.length % 2 === 0 && filled.every((c, i) => i % 2 === 0 || INITIALS.test(c) || !TITLE.test(c));
  if (!paired) return filled.flatMap((c) => attendeeOf(c, line, undefined) ?? []);
  const out: Attendee[] = [];
  for (let i = 0; i < filled.length; i += 2) {
    const a = attendeeOf(filled[i]!, line, undefined);
    if (!a) continue;
    const beside = filled[i + 1]!;
    if (INITIALS.test(beside)) a.initials = beside;
    else if (!NOBODY.test(beside)) {
      a.role = beside;
      a.chair = chairs(beside);
    }
    out.push(a);
  }
  return out;
}

const SINGLE_TITLE = String.raw`(?:${PERSON_TITLES.filter((t) => !PLURAL_PERSON_TITLES.includes(t)).join('|')})\.?\s`;
/** Before a title, or after a bracketed note: "Mrs J Bloggs (Clerk) and 2 members of the public". */
const TITLED_SPLIT = new RegExp(String.raw`(?:,\s*|\s+and\s+|\s*&\s*)(?=${SINGLE_TITLE})|(?<=\))(?:,\s*|\s+and\s+|\s*&\s*)`);
const TITLED_ENTRY = /^(?<name>[^,(]+?)\s*(?:,\s*(?<role>[^()]+?))?\s*(?:\((?<note>[^()]*)\))?\.?$/;

/**
 * Names that each carry their own title, with a role after a comma: "Mr. P. C. Osborne CC, Cabinet Lead Member for
 * Highways and Transport and Mr. B. L. Pain CC, ... (for Minute 180)". Split only before a title, so a role's own
 * "and" and commas stay in the role; a note in brackets at the end is every name's.
 */
function titledAttendees(text: string, line: Line): Attendee[] {
  const segments = text.split(TITLED_SPLIT);
  const lineNote = TITLED_ENTRY.exec(segments[segments.length - 1] ?? '')?.groups?.['note'];
  return segments.flatMap((segment) => {
    const g = TITLED_ENTRY.exec(segment.trim())?.groups;
    // A count ("2 members of the public") is not a name.
    if (!g?.['name'] || !/^\p{Lu}/u.test(g['name']) || NOT_A_NAME.test(g['name'])) return [];
    // A role in the name's own brackets ("Cllr Smith (Chair)") is that person's role, not a note for every name.
    const own = g['note']?.trim();
    const ownRole = own && !g['role'] && ROLES.test(own) && !/^in the chair$/i.test(own) && own.split(/\s+/).length <= 4 ? own : undefined;
    const note = ownRole ? undefined : (own ?? lineNote);
    const chair = /^in the chair$/i.test(note ?? '') || (ownRole !== undefined && chairs(ownRole));
    const attendee: Attendee = { printed: g['name'].trim(), chair, line: line.n, text: printed(line.text) };
    const role = g['role'] ?? ownRole ?? (chair ? note : undefined);
    if (role) attendee.role = role.trim();
    if (note) attendee.note = note;
    return [attendee];
  });
}

/** Reads the names in one list's text, carrying a shared title ("Cllrs") from one name to the next. */
export function attendeesIn(text: string, line: Line, shared?: { title?: string }): Attendee[] {
  if (text.includes('\t')) return tableRow(text.split('\t'), line);
  if (new RegExp(`^${SINGLE_TITLE}`).test(text.trim()) && !/\b(?:Cllrs|Councillors)\b/.test(text)) return titledAttendees(text.trim(), line);
  const state = shared ?? {};
  let body = text.replace(/^[*•·-]\s+/, '');
  const plural = PLURAL_TITLE.exec(body);
  if (plural) {
    state.title = /^councillors/i.test(plural[0]) ? 'Councillor' : 'Cllr';
    body = body.slice(plural[0].length);
  }
  const out: Attendee[] = [];
  for (const piece of splitList(body)) {
    const inner = PLURAL_TITLE.exec(piece);
    if (inner) state.title = /^councillors/i.test(inner[0]) ? 'Councillor' : 'Cllr';
    const name = inner ? piece.slice(inner[0].length) : piece;
    const previous = out[out.length - 1];
    // "Peter King, Parish Clerk", "Mr Roger Hoggins, MCC": what follows a name after a comma may be its role.
    if (previous && !previous.role && ((ROLE_ONLY.test(name) && !/^the\s/i.test(name)) || (/^[A-Z]{2,5}$/.test(name) && !previous.initials))) {
      previous.role = name.replace(/^the\s+/i, '');
      continue;
    }
    if (/^\p{Ll}/u.test(name) && !ROLE_ONLY.test(name)) continue; // "on-line"
    const a = attendeeOf(name, line, ROLE_ONLY.test(name) ? undefined : state.title);
    if (a) out.push(a);
  }
  return out;
}

/** Whether a chunk's lines run on: its last line fills its measure (positioned sources) or ends without a stop. */
const isWrapped = (chunk: ReadonlyArray<{ line: Line; text: string }>) => {
  const last = chunk[chunk.length - 1]!;
  return last.line.end === undefined || chunk.length > 1 || last.text.length > 60;
};

/** One list: its label line and the lines after it, up to a blank line, another list, a heading or a sentence. */
interface ListBlock {
  list: AttendanceList;
  /** The label's role when it names one ("Clerk J Connelly"). */
  role?: string;
  lines: Array<{ line: Line; text: string }>;
}

/**
 * Reads the attendance lists in lines (a document's head, or a minute on apologies). `skip` holds furniture lines.
 * Returns the lists, and the lines they were read from.
 */
export function readAttendance(lines: readonly Line[], skip: ReadonlySet<number> = new Set()): { attendance: Attendance; lines: Set<number> } {
  const blocks: ListBlock[] = [];
  let open: ListBlock | undefined;
  for (const line of lines) {
    if (skip.has(line.n)) continue;
    const text = cellsText(line.text).trim();
    const label = attendanceLabel(line.text);
    if (label) {
      const role = /^clerk\b/i.test(cellsText(line.text).trim()) ? 'Clerk' : undefined;
      open = { list: label.list, lines: label.rest ? [{ line, text: label.rest }] : [], ...(role ? { role } : {}) };
      blocks.push(open);
      continue;
    }
    if (!open) continue;
    // A list may be printed in groups with blank lines between; a sentence, a heading or a numbered item ends it.
    if (text === '') continue;
    const capitals = text === text.toUpperCase() && text.split(/\s+/).filter((w) => /\p{Lu}{2,}/u.test(w)).length >= 3;
    if (line.heading || capitals || (isProse(text) && !text.includes('\t')) || /^\d+[.)]?\s/.test(text)) {
      open = undefined;
      continue;
    }
    open.lines.push({ line, text });
  }
  const attendance: Attendance = { present: [], inAttendance: [], apologies: [], public: [] };
  const used = new Set<number>();
  for (const block of blocks) {
    const shared: { title?: string } = {};
    for (const l of block.lines) used.add(l.line.n);
    // Table rows one by one; the other lines run together, as a list of names wraps from line to line.
    const rows = block.lines.filter((l) => l.text.includes('\t'));
    for (const row of rows) attendance[block.list].push(...attendeesIn(row.text, row.line));
    // A list of names wraps from line to line ("..., Evans," / "Cobb, Ashman"); one name a line is one name a line.
    const chunks: Array<typeof block.lines> = [];
    for (const l of block.lines.filter((x) => !x.text.includes('\t'))) {
      const last = chunks[chunks.length - 1];
      const previous = last?.[last.length - 1]?.text ?? '';
      const continues = /(?:,|\band|&|-)$/.test(previous.trim()) || /^(?:and\b|&|\p{Ll})/u.test(l.text.trim()) || (previous !== '' && !/[).]$/.test(previous.trim()) && !/^[*•·-]\s/.test(l.line.text.trim()) && !new RegExp(`^${SINGLE_TITLE}`).test(l.text.trim()) && isWrapped(last!));
      if (last && continues) last.push(l);
      else chunks.push([l]);
    }
    for (const chunk of chunks) {
      const first = chunk[0]!.line;
      readSentences(chunk.map((l) => l.text).join(' '), first, block.list, attendance, shared);
    }
    if (block.role) for (const a of attendance[block.list].filter((x) => !x.role && block.lines.some((l) => l.line.n === x.line))) a.role = block.role;
  }
  // "Jim Edgar (Member of the public)" in the list of those present is one of the public.
  const publicRole = /^members? of the public$/i;
  for (const a of attendance.present.filter((x) => x.role !== undefined && publicRole.test(x.role))) {
    attendance.present.splice(attendance.present.indexOf(a), 1);
    delete a.role;
    attendance.public.push(a);
  }
  return { attendance, lines: used };
}

const INITIAL_OR_TITLE = new RegExp(String.raw`^(?:[A-Z]|St|${PERSON_TITLES.join('|')})$`);

/** Sentences of a list's text: a full stop after an initial or a title ("S. J.", "Mr.", "Cyng.") does not end one. */
function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(/\.\s+(?=\p{Lu})/gu)) {
    const word = /\S+$/.exec(text.slice(start, m.index))?.[0] ?? '';
    if (INITIAL_OR_TITLE.test(word)) continue;
    out.push(text.slice(start, m.index + 1));
    start = m.index + m[0].length;
  }
  out.push(text.slice(start));
  return out.filter((s) => s.trim());
}

/** A list's text may go on to another list in the same paragraph: "... and the Clerk. Members of the public - Mr Hoggins." */
function readSentences(text: string, line: Line, list: AttendanceList, attendance: Attendance, shared: { title?: string }): void {
  let current = list;
  for (const part of text.split(INLINE_ATTENDANCE_LABEL).flatMap(splitSentences)) {
    const label = attendanceLabel(part);
    if (label && label.list !== current) {
      current = label.list;
      attendance[current].push(...attendeesIn(label.rest, line, {}));
    } else attendance[current].push(...attendeesIn(label ? label.rest : part, line, shared));
  }
}
