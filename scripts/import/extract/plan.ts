/**
 * Stage 3 of the importer, plans: actions, priorities, risk registers and stated counts, read from numbered lines
 * and from tables as printed. Pure; every result names the source lines it used, so the caller can keep the rest.
 */
import type { Action, Erratum, Plan, Risk } from '../../../src/schema';
import type { SourceLine } from '../read/line';
import type { Table } from '../layout/tables';

// ---------------------------------------------------------------------------------------------------------------
// Shared shapes and helpers

/** An erratum with the source lines it is about, so the caller can place it beside the printed text. */
export interface LocatedErratum {
  erratum: Erratum;
  lines: number[];
}

/** One row of a table with the source line it was printed on. */
interface Row {
  cells: readonly string[];
  line: number;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20,
};

/** Number words longest first, for use inside a regex alternation. */
const NUMBER_WORD = Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** The value of a printed number, in digits or as a word from one to twenty ("Six", "7"); undefined otherwise. */
export function numberValue(printed: string): number | undefined {
  const word = printed.trim().toLowerCase();
  return /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word];
}

/** The word for a number from one to twenty, or its digits beyond that. */
export function numberWord(value: number): string {
  return Object.keys(NUMBER_WORDS).find((word) => NUMBER_WORDS[word] === value) ?? String(value);
}

/** A cell's words without HTML tags (`<ul style=...>`, `<p>`) or doubled spaces; bullets are kept as printed. */
export function cellText(cell: string | undefined): string {
  return (cell ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Header rows then body rows, each with its line; header rows are taken to sit on consecutive lines from `start`. */
function rowsOf(table: Table): Row[] {
  const head = table.head.map((cells, i) => ({ cells, line: table.start + i }));
  const body = table.body.map((cells, i) => ({ cells, line: table.rowLines[i] ?? table.end }));
  return [...head, ...body];
}

const unique = (numbers: Iterable<number>): number[] => [...new Set(numbers)].sort((a, b) => a - b);

const lineList = (lines: readonly number[]): string =>
  lines.length === 2 ? `lines ${lines[0]} and ${lines[1]}` : lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`;

/** Which role a header cell plays, from an ordered lookup table of header patterns (first match wins). */
function roleOf<R extends string>(columns: ReadonlyArray<readonly [R, RegExp]>, header: string): R | undefined {
  return columns.find(([, pattern]) => pattern.test(header))?.[0];
}

// ---------------------------------------------------------------------------------------------------------------
// Actions

/** The section (priority or building block) heading that actions sit under, as printed. */
export interface ActionSection {
  /** Reference as printed: "P.1", "BB.2", "1.". */
  ref: string;
  title: string;
  kind: 'priority' | 'building-block' | 'section';
  line: number;
}

/** One action as read from an action-plan table, with everything the Action shape has no place for. */
export interface ActionRow {
  action: Action;
  /** The line its ref is printed on. */
  line: number;
  /** Every source line the action was read from: its row, continuation rows, progress rows. */
  lines: number[];
  /** For linking only: the printed ref without stray dots, prefixed with its section's letters when it has none. */
  key: string;
  section?: ActionSection;
  /** Cells of columns the Action shape has no field for, by printed header ("Success Criteria, Further comments"). */
  other: Record<string, string>;
  /** Progress reported against it (recommendation trackers), as printed. */
  progress: Array<{ text: string; line: number }>;
  /** Set when the action was printed in another column than the one its header names. */
  printedIn?: string;
}

/** What `actionsFromTables` found: actions, the section headings between them, errata and the lines it used. */
export interface ActionsFound {
  actions: ActionRow[];
  sections: ActionSection[];
  errata: LocatedErratum[];
  /** Lines this function turned into data. */
  lines: number[];
  /** Lines of the tables with text that it did not use: the caller keeps them verbatim. */
  unused: number[];
}

type ActionRole = 'ref' | 'text' | 'due' | 'status' | 'owner' | 'progress';

/** Header patterns of action-plan columns; "Deadline/ Status" is a `due` column whose cells may hold a status. */
const ACTION_COLUMNS: ReadonlyArray<readonly [ActionRole, RegExp]> = [
  ['ref', /^ref(?:erence)?\b|^no\.?$/i],
  ['progress', /progress/i],
  ['due', /deadline|when will|by when|timescale|^due\b|target date/i],
  ['status', /^(?:rag\s+)?status$/i],
  ['owner', /^lead\b|lead officer|officer responsible|responsible officer|^owner/i],
  ['text', /workstream|task|output\s*\/\s*area|what will we do|^recommendations?$|^actions?$/i],
];

/** Status words as printed, mapped onto the fixed vocabulary; the first one in a cell decides. */
const STATUS_WORDS: ReadonlyArray<readonly [RegExp, Action['status']]> = [
  [/^complete(?:d)?$/i, 'complete'],
  [/^(?:ongoing|on-going|on track|in process|in progress)$/i, 'on-track'],
  [/^(?:delayed|postponed|slipped|overdue)$/i, 'delayed'],
  [/^(?:pending|not started|not yet started)$/i, 'not-started'],
];
const STATUS_WORD =
  /\b(?<word>complete(?:d)?|ongoing|on-going|on track|in process|in progress|delayed|postponed|slipped|overdue|pending|not(?: yet)? started)\b/gi;

/** A printed action reference: "P1.1", "BB.1.1", "BB2.1", "1.6.1", "BB3.1.1.", "4.10". */
const ACTION_REF = /^(?<ref>(?:[A-Z]{1,3}\.?)?\d+(?:\.\d+)+\.?)(?:\s+(?<rest>\S.*))?$/;
/** A printed section reference: "P.1", "BB.3", "1." (2009 delivery plan). */
const SECTION_REF = /^(?<ref>(?<prefix>[A-Z]{1,3})\.\d+|\d+\.)(?:\s+(?<rest>\S.*))?$/;
/** A lettered recommendation at the start of a cell: "(a) That ...", "(I) That ...". */
const LETTER_REF = /^\((?<ref>[a-z]{1,2})\)\s+(?<rest>\S.*)$/i;
/** A progress entry that names its recommendation: "a) All programme ...", "di) Several news ...". */
const PROGRESS_LABEL = /^(?<label>[a-z]{1,3})\)\s/i;

const SECTION_KINDS: Readonly<Record<string, ActionSection['kind']>> = { P: 'priority', BB: 'building-block', '': 'priority' };

/** Splits a "Deadline/ Status" cell ("01/03/2016 and Ongoing", "Jun-15", "Complete / Ongoing") into due and status. */
export function splitDueStatus(cell: string): Pick<Action, 'due' | 'status' | 'statusPrinted'> {
  const text = cellText(cell);
  const words = [...text.matchAll(STATUS_WORD)];
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last || first.index === undefined || last.index === undefined) {
    return text ? { due: text, status: 'unknown' } : { status: 'unknown' };
  }
  const statusPrinted = text.slice(first.index, last.index + last[0].length);
  const rest = `${text.slice(0, first.index)} ${text.slice(last.index + last[0].length)}`
    .replace(/^[\s/,&(]+|[\s/,&()]+$/g, '')
    .replace(/\s+(?:and|or)$/i, '')
    .replace(/^\(|\)$/g, '')
    .trim();
  const status = STATUS_WORDS.find(([pattern]) => pattern.test(first[0]))?.[1] ?? 'unknown';
  return rest ? { due: rest, status, statusPrinted } : { status, statusPrinted };
}

interface Columns {
  roles: Array<ActionRole | undefined>;
  headers: string[];
  ref: number | undefined;
}

/** The column map of a header row, or undefined when the row is not an action-plan header. */
function actionColumns(cells: readonly string[]): Columns | undefined {
  const headers = cells.map(cellText);
  const roles = headers.map((header) => (header ? roleOf(ACTION_COLUMNS, header) : undefined));
  if (!roles.includes('text') || roles.filter(Boolean).length < 2) return undefined;
  const named = roles.indexOf('ref');
  const first = headers[0] ?? '';
  const ref = named >= 0 ? named : roles[0] === undefined && (first === '' || ACTION_REF.test(first)) ? 0 : undefined;
  return { roles, headers, ref };
}

/** Whether a table holds an action plan: some row of it is an action-plan header. */
export function isActionTable(table: Table): boolean {
  return rowsOf(table).some((row) => actionColumns(row.cells) !== undefined);
}

const cellsOf = (row: Row, columns: Columns, role: ActionRole): Array<{ text: string; column: number }> =>
  columns.roles.flatMap((r, column) => {
    const text = cellText(row.cells[column]);
    return r === role && text ? [{ text, column }] : [];
  });

interface Draft {
  row: ActionRow;
  texts: string[];
}

interface ActionState {
  columns?: Columns;
  section?: ActionSection;
  /** The action that continuation rows and unlabelled progress belong to; cleared by a group heading. */
  open?: Draft;
  /** True while lettered items are sub-points of the open action ("... to access:" then "(i) ...;"). */
  inSubList: boolean;
  drafts: Draft[];
  sections: ActionSection[];
  used: number[];
  unused: number[];
  labelled: Array<{ label: string; text: string; line: number }>;
  /** Header rows that carry an action ref, with how many actions came before them. */
  headerRefs: HeaderRef[];
}

/** A section heading row: "P.1 | Unlock community capacity..." with nothing else on the row. */
function sectionOf(row: Row, refColumn: number): ActionSection | undefined {
  const texts = row.cells.map(cellText);
  const match = SECTION_REF.exec(texts[refColumn] ?? '');
  if (!match?.groups) return undefined;
  const others = texts.filter((text, i) => i !== refColumn && text !== '');
  const title = match.groups['rest'] ?? others[0];
  if (!title || others.length > (match.groups['rest'] ? 0 : 1)) return undefined;
  const ref = match.groups['ref'] ?? '';
  return { ref, title, kind: SECTION_KINDS[match.groups['prefix'] ?? ''] ?? 'section', line: row.line };
}

interface FoundRef {
  ref: string;
  /** Text after the ref, when the ref was fused to it. */
  rest?: string;
  /** The whole cell, label included, for lettered sub-points. */
  full?: string;
  /** Column the lettered ref was found in. */
  column?: number;
}

/** The ref and text of an action row: from the ref column, or a "(a)" at the start of the text (or a shifted) cell. */
function refOf(row: Row, columns: Columns): FoundRef | undefined {
  const refCell = columns.ref === undefined ? '' : cellText(row.cells[columns.ref]);
  const numbered = ACTION_REF.exec(refCell)?.groups;
  if (numbered?.['ref']) return numbered['rest'] ? { ref: numbered['ref'], rest: numbered['rest'] } : { ref: numbered['ref'] };
  const candidates = [...cellsOf(row, columns, 'text'), ...cellsOf(row, columns, 'progress')];
  for (const { text, column } of candidates) {
    const lettered = LETTER_REF.exec(text)?.groups;
    if (lettered?.['ref'] && lettered['rest']) return { ref: `(${lettered['ref']})`, rest: lettered['rest'], full: text, column };
  }
  return undefined;
}

/** The printed ref made comparable: no dot after the letters or at the end; the section's letters when it has none. */
function keyOf(ref: string, section: ActionSection | undefined): string {
  const bare = ref.replace(/^([A-Z]+)\./, '$1').replace(/\.$/, '');
  const prefix = /^([A-Z]+)\./.exec(section?.ref ?? '')?.[1];
  return /^\d/.test(bare) && prefix ? `${prefix}${bare}` : bare;
}

/** A row that only names a group ("Confidentiality", "<p>Team cohesion and support</p>"): it ends the open action. */
function isGroupHeading(row: Row): boolean {
  const texts = row.cells.map(cellText);
  const first = texts[0] ?? '';
  return (
    first !== '' &&
    texts.slice(1).every((text) => text === '') &&
    !/^[-*•·]|[.:;?]$/.test(first) &&
    first.split(' ').length <= 8
  );
}

/** Starts an action from its row: text, due and status, owner, the section's priority, other columns by header. */
function startAction(state: ActionState, row: Row, found: FoundRef): Draft {
  const columns = state.columns as Columns;
  const text = cellsOf(row, columns, 'text')[0]?.text ?? found.rest ?? '';
  const dueCell = cellsOf(row, columns, 'due')[0]?.text ?? '';
  const statusCell = cellsOf(row, columns, 'status')[0]?.text;
  const split = splitDueStatus(dueCell);
  const status = statusCell ? splitDueStatus(statusCell) : undefined;
  const owner = cellsOf(row, columns, 'owner')[0]?.text;
  const priority = state.section?.kind === 'priority' ? /\d+/.exec(state.section.ref)?.[0] : undefined;
  const statusPrinted = status?.statusPrinted ?? split.statusPrinted;
  const action: Action = {
    ref: found.ref,
    text: found.column !== undefined ? found.rest ?? text : text,
    status: status?.status ?? split.status,
    ...(priority ? { priority } : {}),
    ...(owner ? { owner } : {}),
    ...(split.due ? { due: split.due } : {}),
    ...(statusPrinted ? { statusPrinted } : {}),
  };
  const other: Record<string, string> = {};
  columns.roles.forEach((role, i) => {
    const cell = cellText(row.cells[i]);
    if (role === undefined && i !== columns.ref && cell) other[columns.headers[i] || `column ${i + 1}`] = cell;
  });
  const shifted = found.column !== undefined && columns.roles[found.column] !== 'text' ? columns.headers[found.column] : undefined;
  const draft: Draft = {
    row: {
      action,
      line: row.line,
      lines: [row.line],
      key: keyOf(found.ref, state.section),
      ...(state.section ? { section: state.section } : {}),
      other,
      progress: [],
      ...(shifted ? { printedIn: shifted } : {}),
    },
    texts: [action.text],
  };
  state.drafts.push(draft);
  return draft;
}

/** Appends a continuation or a lettered sub-point ("(i) ongoing support ...;") to the open action. */
function appendText(draft: Draft, text: string, line: number): void {
  draft.texts.push(text);
  draft.row.action.text = draft.texts.join(' ');
  draft.row.lines.push(line);
}

/** Progress cells of a row: labelled ones wait for their action; others go to the row's action or the open one. */
function readProgress(state: ActionState, row: Row, rowAction: Draft | undefined): boolean {
  const columns = state.columns as Columns;
  let used = false;
  for (const { text } of cellsOf(row, columns, 'progress')) {
    if (rowAction?.row.printedIn && LETTER_REF.test(text)) continue;
    const label = PROGRESS_LABEL.exec(text)?.groups?.['label'];
    const target = rowAction ?? state.open;
    if (label) state.labelled.push({ label, text, line: row.line });
    else if (target) {
      target.row.progress.push({ text, line: row.line });
      target.row.lines.push(row.line);
      used = true;
    }
  }
  return used;
}

/** Reads one row after the header: a header again, a section, an action, a sub-point, a continuation or a group. */
function readActionRow(state: ActionState, row: Row): void {
  const header = actionColumns(row.cells);
  if (header) return readHeader(state, row, header);
  const columns = state.columns;
  if (!columns) {
    const section = sectionOf(row, 0);
    if (section) return addSection(state, section);
    return void state.unused.push(row.line);
  }
  const section = sectionOf(row, columns.ref ?? 0);
  if (section) return addSection(state, section);
  const found = refOf(row, columns);
  const open = state.open;
  let rowAction: Draft | undefined;
  if (found && open && found.ref.startsWith('(') && (state.inSubList || /:$/.test(open.texts.at(-1) ?? ''))) {
    appendText(open, found.full ?? found.rest ?? '', row.line);
    state.inSubList = /[;,:]$|\b(?:and|or)$/.test(found.rest ?? '');
    rowAction = open;
  } else if (found) {
    rowAction = startAction(state, row, found);
    state.open = rowAction;
    state.inSubList = false;
  } else if (isGroupHeading(row)) {
    delete state.open;
    return void state.unused.push(row.line);
  } else {
    const text = cellsOf(row, columns, 'text')[0]?.text;
    if (text && open) {
      appendText(open, text, row.line);
      rowAction = open;
    }
  }
  const progressed = readProgress(state, row, rowAction);
  if (rowAction || progressed) state.used.push(row.line);
  else if (row.cells.some((cell) => cellText(cell))) state.unused.push(row.line);
}

/** A section heading row: later actions sit under it, and it closes the open action. */
function addSection(state: ActionState, section: ActionSection): void {
  state.section = section;
  state.sections.push(section);
  state.used.push(section.line);
  delete state.open;
}

/** A header row; one that carries an action reference ("1.1 | Baseline position | ...") is noted for the errata. */
function readHeader(state: ActionState, row: Row, columns: Columns): void {
  state.columns = columns;
  state.used.push(row.line);
  delete state.open;
  const printed = columns.ref === undefined ? '' : cellText(row.cells[columns.ref]);
  if (ACTION_REF.test(printed)) state.headerRefs.push({ printed, line: row.line, after: state.drafts.length });
}

/** Adds one to the last number of a ref: "P2.1" to "P2.2". */
const nextRef = (ref: string): string => ref.replace(/(\d+)(\.?)$/, (_, n: string, dot: string) => `${Number(n) + 1}${dot}`);

/** Refs printed more than once; where one copy sits in a gap of the sequence, the gap's ref is the expected one. */
function duplicateErrata(rows: readonly ActionRow[]): LocatedErratum[] {
  const refs = rows.map((row) => row.action.ref);
  const printed = new Set(refs);
  return [...printed]
    .filter((ref) => refs.filter((r) => r === ref).length > 1)
    .map((ref) => {
      const at = refs.flatMap((r, i) => (r === ref ? [i] : []));
      const lines = at.map((i) => rows[i]?.line ?? 0);
      const gap = at
        .flatMap((i) => (refs[i - 1] === undefined ? [] : [{ i, candidate: nextRef(refs[i - 1] as string) }]))
        .find(({ i, candidate }) => !printed.has(candidate) && (refs[i + 1] === undefined || nextRef(candidate) === refs[i + 1]));
      const gapLine = gap ? rows[gap.i]?.line : undefined;
      const note =
        `The reference ${ref} is used ${lines.length === 2 ? 'twice' : `${numberWord(lines.length)} times`} (${lineList(lines)}).` +
        (gap ? ` The one at line ${gapLine} sits where ${gap.candidate} would be, and ${gap.candidate} is not used.` : '');
      return {
        erratum: { subject: `Action reference ${ref}`, printed: ref, ...(gap ? { expected: gap.candidate } : {}), note },
        lines,
      };
    });
}

/** A lettered ref out of its run: "(k), (I), (m)" prints a capital I where (l) belongs. */
function letterErrata(rows: readonly ActionRow[]): LocatedErratum[] {
  const lettered = rows.filter((row) => /^\([a-z]\)$/i.test(row.action.ref));
  const code = (row: ActionRow | undefined) => row?.action.ref.toLowerCase().charCodeAt(1);
  return lettered.flatMap((row, i) => {
    const before = code(lettered[i - 1]);
    const after = code(lettered[i + 1]);
    if (before === undefined || after === undefined || after - before !== 2) return [];
    const expected = `(${String.fromCharCode(before + 1)})`;
    if (row.action.ref === expected) return [];
    const neighbours = `${lettered[i - 1]?.action.ref}, ${row.action.ref}, ${lettered[i + 1]?.action.ref}`;
    return [
      {
        erratum: {
          subject: `Recommendation ${row.action.ref}`,
          printed: row.action.ref,
          expected,
          note: `The recommendations run ${neighbours}: ${row.action.ref} stands where ${expected} belongs.`,
        },
        lines: [row.line],
      },
    ];
  });
}

/** Header rows that carry a ref when the first action below them is numbered one on from it. */
function headerRefErrata(state: ActionState): LocatedErratum[] {
  return state.headerRefs.flatMap(({ printed, line, after }) => {
    const first = state.drafts[after]?.row;
    if (!first || first.action.ref !== nextRef(printed)) return [];
    return [
      {
        erratum: {
          subject: `Header row of the action table at line ${line}`,
          printed,
          note: `The reference ${printed} is printed on the table's header row, not on an action, so the actions below it are numbered from ${first.action.ref}.`,
        },
        lines: [line, first.line],
      },
    ];
  });
}

interface HeaderRef {
  printed: string;
  line: number;
  after: number;
}

/** Attaches progress entries that name their recommendation ("di)" belongs to (d)); the rest stay unused. */
function attachLabelled(state: ActionState): void {
  for (const entry of state.labelled) {
    const byRef = (ref: string) => state.drafts.find((draft) => draft.row.action.ref === ref);
    const target = byRef(`(${entry.label})`) ?? byRef(`(${entry.label.charAt(0)})`);
    if (target) {
      target.row.progress.push({ text: entry.text, line: entry.line });
      target.row.lines.push(entry.line);
      state.used.push(entry.line);
    } else state.unused.push(entry.line);
  }
}

/** Actions of action-plan tables (2015 Communities action plan, 2009 homelessness delivery plan, 2023 tracker). */
export function actionsFromTables(tables: readonly Table[]): ActionsFound {
  const state: ActionState = {
    inSubList: false,
    drafts: [],
    sections: [],
    used: [],
    unused: [],
    labelled: [],
    headerRefs: [],
  };
  for (const table of tables.filter(isActionTable)) {
    delete state.columns;
    delete state.open;
    for (const row of rowsOf(table)) readActionRow(state, row);
  }
  attachLabelled(state);
  const actions = state.drafts.map((draft) => ({
    ...draft.row,
    lines: unique(draft.row.lines),
    progress: [...draft.row.progress].sort((a, b) => a.line - b.line),
  }));
  const used = unique(state.used);
  return {
    actions,
    sections: state.sections,
    errata: [...duplicateErrata(actions), ...letterErrata(actions), ...headerRefErrata(state)],
    lines: used,
    unused: unique(state.unused).filter((line) => !used.includes(line)),
  };
}

/** Actions of one action-plan table; see `actionsFromTables` to read a plan printed as several tables. */
export function actionsFromTable(table: Table): ActionsFound {
  return actionsFromTables([table]);
}

// ---------------------------------------------------------------------------------------------------------------
// Priorities

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

// ---------------------------------------------------------------------------------------------------------------
// Risk registers

/** One risk with the printed scores and every column the Risk shape has no field for. */
export interface RiskRow {
  risk: Risk;
  /** The line the risk's row starts on. */
  line: number;
  lines: number[];
  /** The heading of the group of rows it sits under ("Confidentiality"), when the register has groups. */
  group?: string;
  /** Scores exactly as printed ("2", "L"); `risk.impact` and `risk.likelihood` are set only for numbers. */
  printed: { impact?: string; likelihood?: string };
  /** Other columns by printed header: causes, consequences, score, further actions, residual scores, recommendations. */
  other: Record<string, string>;
}

/** What `findRisks` found. */
export interface RisksFound {
  risks: RiskRow[];
  errata: LocatedErratum[];
  lines: number[];
  unused: number[];
}

type RiskRole = 'risk' | 'owner' | 'impact' | 'likelihood' | 'mitigation';
const RISK_COLUMNS: ReadonlyArray<readonly [RiskRole | 'other', RegExp]> = [
  ['owner', /owner/i],
  ['other', /^residual|score/i],
  ['impact', /impact/i],
  ['likelihood', /likelihood/i],
  ['mitigation', /current controls|control actions|assurance provided|mitigation/i],
  ['risk', /^risks?$|challenges?\s*\/\s*risks?/i],
];

interface RiskColumns {
  roles: Array<RiskRole | 'other' | undefined>;
  headers: string[];
}

function riskColumns(cells: readonly string[]): RiskColumns | undefined {
  const headers = cells.map(cellText);
  const roles = headers.map((header) => (header ? roleOf(RISK_COLUMNS, header) : undefined));
  const describes = roles.filter((role) => role && role !== 'risk' && role !== 'other').length;
  return roles.includes('risk') && describes >= 1 ? { roles, headers } : undefined;
}

/** Risk text without the list furniture in front of it ("<ul ...> · ", "1. " is kept as printed). */
const riskText = (cell: string): string => cellText(cell).replace(/^[•·*]\s*/, '');

/** A cell that only fills space: "--". */
const isFiller = (cells: readonly string[]): boolean => cells.every((cell) => /^[-–—\s]*$/.test(cellText(cell)));

const scoreOf = (printed: string | undefined): number | undefined =>
  printed !== undefined && /^\d+(?:\.\d+)?$/.test(printed) ? Number(printed) : undefined;

function newRisk(row: Row, columns: RiskColumns, group: string | undefined): RiskRow {
  const risk: Risk = { risk: '' };
  const printed: RiskRow['printed'] = {};
  const other: Record<string, string> = {};
  columns.roles.forEach((role, i) => {
    const text = role === 'risk' ? riskText(row.cells[i] ?? '') : cellText(row.cells[i]);
    if (!text) return;
    if (role === 'risk') risk.risk = text;
    else if (role === 'owner') risk.owner = text;
    else if (role === 'mitigation') risk.mitigation = text;
    else if (role === 'impact' || role === 'likelihood') {
      printed[role] = text;
      const score = scoreOf(text);
      if (score !== undefined) risk[role] = score;
    } else other[columns.headers[i] || `column ${i + 1}`] = text;
  });
  return { risk, line: row.line, lines: [row.line], ...(group ? { group } : {}), printed, other };
}

/** Adds a row with an empty risk cell to the risk above it, column by column. */
function continueRisk(target: RiskRow, row: Row, columns: RiskColumns): void {
  const add = (before: string | undefined, text: string) => (before ? `${before} ${text}` : text);
  columns.roles.forEach((role, i) => {
    const text = cellText(row.cells[i]);
    if (!text) return;
    if (role === 'risk') target.risk.risk = add(target.risk.risk, riskText(row.cells[i] ?? ''));
    else if (role === 'mitigation') target.risk.mitigation = add(target.risk.mitigation, text);
    else if (role === 'owner') target.risk.owner = add(target.risk.owner, text);
    else {
      const header = columns.headers[i] || `column ${i + 1}`;
      target.other[header] = add(target.other[header], text);
    }
  });
  target.lines.push(row.line);
}

type Printed = readonly [header: string, printed: string | undefined] | undefined;

/** The impact, likelihood and score cells of a row: the main ones, then the residual ones. */
function scoreSets(row: RiskRow): Array<{ impact: Printed; likelihood: Printed; score: Printed }> {
  const find = (pattern: RegExp): Printed => Object.entries(row.other).find(([header]) => pattern.test(header));
  return [
    { impact: ['impact', row.printed.impact], likelihood: ['likelihood', row.printed.likelihood], score: find(/^(?:risk )?score$/i) },
    { impact: find(/^residual impact/i), likelihood: find(/^residual likelihood/i), score: find(/^residual.*score$/i) },
  ];
}

/** Score cells that do not equal impact times likelihood, for the main and the residual scores. */
function scoreErrata(rows: readonly RiskRow[]): LocatedErratum[] {
  return rows.flatMap((row) =>
    scoreSets(row).flatMap(({ impact, likelihood, score }) => {
      const [i, l, s] = [impact?.[1], likelihood?.[1], score?.[1]].map(scoreOf);
      if (!impact || !likelihood || !score || i === undefined || l === undefined || s === undefined || i * l === s) return [];
      return [
        {
          erratum: {
            subject: `${score[0]} of the risk "${row.risk.risk}"`,
            printed: score[1] ?? '',
            expected: String(i * l),
            note: `The ${score[0].toLowerCase()} is printed as ${s}, but ${impact[0].toLowerCase()} ${i} times ${likelihood[0].toLowerCase()} ${l} is ${i * l}.`,
          },
          lines: [row.line],
        },
      ];
    }),
  );
}

/** A row with an empty risk cell, or only a lowercase run-on of the risk above ("authorities to review ..."). */
const continuesRisk = (texts: readonly string[], riskAt: number, last: RiskRow | undefined): boolean => {
  const risk = texts[riskAt] ?? '';
  return risk === '' || (last !== undefined && /^[a-z]/.test(risk) && texts.filter(Boolean).length === 1);
};

/**
 * Risks of risk-register tables (2015 Youth Justice plan, 2009 risk matrix, 2023 "Challenges / Risks" tracker).
 * Scores are read as printed and never inverted: the 2015 key scores 1 to 3 with 1 the higher risk.
 */
export function findRisks(tables: readonly Table[]): RisksFound {
  const risks: RiskRow[] = [];
  const used: number[] = [];
  const unused: number[] = [];
  for (const table of tables) {
    const rows = rowsOf(table);
    if (!rows.some((row) => riskColumns(row.cells))) continue;
    let columns: RiskColumns | undefined;
    let group: string | undefined;
    let last: RiskRow | undefined;
    for (const row of rows) {
      const header = riskColumns(row.cells);
      const texts = row.cells.map(cellText);
      const riskAt = columns?.roles.indexOf('risk') ?? -1;
      if (header) {
        columns = header;
        last = undefined;
        used.push(row.line);
      } else if (!columns || isFiller(row.cells)) {
        if (texts.some(Boolean)) unused.push(row.line);
      } else if (isGroupHeading(row) && texts.filter(Boolean).length === 1 && riskAt === 0) {
        group = texts[0];
        last = undefined;
        used.push(row.line);
      } else if (continuesRisk(texts, riskAt, last)) {
        if (last && texts.some(Boolean)) {
          continueRisk(last, row, columns);
          used.push(row.line);
        } else if (texts.some(Boolean)) unused.push(row.line);
      } else {
        last = newRisk(row, columns, group);
        risks.push(last);
        used.push(row.line);
      }
    }
  }
  return {
    risks,
    errata: scoreErrata(risks),
    lines: unique(used),
    unused: unique(unused),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Stated counts against enumerated lists

/** A count erratum with the line of the claim and the lines of the list it disagrees with. */
export interface CountFound extends LocatedErratum {
  /** Line of the claim ("six theme based ... workshops"). */
  line: number;
  /** First and last line of the list it was checked against. */
  list: { start: number; end: number };
}

/** How list items are labelled; each style gives the item's position (W1 is 1, (b) is 2, iii. is 3). */
const LABEL_STYLES: ReadonlyArray<{ pattern: RegExp; position: (label: string) => number | undefined }> = [
  { pattern: /^\s*(?:[-*•]\s*)?(?<prefix>[A-Z]{1,2})(?<label>\d{1,2})\s*[:.)]\s+\S/, position: (l) => Number(l) },
  { pattern: /^\s*(?:[-*•]\s*)?(?<label>\d{1,2})[.)]\s+\S/, position: (l) => Number(l) },
  { pattern: /^\s*(?:[-*•]\s*)?\((?<label>[a-z])\)\s+\S/, position: (l) => l.charCodeAt(0) - 96 },
  { pattern: /^\s*(?:[-*•]\s*)?\(?(?<label>[ivx]{1,5})[.)]\s+\S/, position: (l) => romanValue(l) },
];

const ROMAN: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10 };
function romanValue(numeral: string): number | undefined {
  const values = [...numeral].map((c) => ROMAN[c] ?? 0);
  return values.reduce((sum, v, i) => sum + (v < (values[i + 1] ?? 0) ? -v : v), 0) || undefined;
}

interface ListFound {
  style: number;
  items: number[];
  labels: string[];
  leadIn: SourceLine | undefined;
}

/** Every label style a line could be an item of, with its position ("(i)" is both the letter i and roman 1). */
function itemsOf(text: string): Array<{ style: number; position: number; label: string }> {
  return LABEL_STYLES.flatMap(({ pattern, position }, style) => {
    const groups = pattern.exec(text)?.groups;
    const label = groups?.['label'];
    const at = label === undefined ? undefined : position(label);
    return label !== undefined && at !== undefined ? [{ style, position: at, label: `${groups?.['prefix'] ?? ''}${label}` }] : [];
  });
}

/** Runs of labelled items numbered from 1, with only blank lines between them, and the line that leads into each. */
function findLists(lines: readonly SourceLine[]): ListFound[] {
  const lists: ListFound[] = [];
  let current: ListFound | undefined;
  let lastText: SourceLine | undefined;
  for (const line of lines) {
    if (line.text.trim() === '') continue;
    const items = itemsOf(line.text);
    const next = current && items.find((item) => item.style === current?.style && item.position === current.items.length + 1);
    const item = items.find((candidate) => candidate.position === 1);
    if (current && next) {
      current.items.push(line.n);
      current.labels.push(next.label);
    } else if (item) {
      current = { style: item.style, items: [line.n], labels: [item.label], leadIn: lastText };
      lists.push(current);
    } else current = undefined;
    lastText = line;
  }
  return lists.filter((list) => list.items.length >= 2);
}

/** Ways a lead-in names what its list counts: "The workshops were as follows:", "the following questions:", "four specific areas:". */
const LEAD_INS: readonly RegExp[] = [
  /\b(?<noun>[a-z]+s)\s+(?:were|are|was|is|will be)\s+(?:as\s+follows|listed\s+below|the\s+following)\b/i,
  /\bthe\s+following\s+(?:[a-z'-]+\s+){0,2}?(?<noun>[a-z]+s)\b/i,
  /\b(?<noun>[a-z]+s)\s*:\s*$/i,
];

const nounOf = (leadIn: SourceLine | undefined): string | undefined =>
  LEAD_INS.map((pattern) => pattern.exec(leadIn?.text ?? '')?.groups?.['noun']).find(Boolean)?.toLowerCase();

/** Words that end a noun phrase: a count followed by one of these is not counting the noun after it. */
const STOP_WORDS = new Set(['of', 'the', 'for', 'to', 'in', 'on', 'at', 'by', 'was', 'were', 'is', 'are', 'and', 'or', 'with', 'from', 'that', 'which', 'who', 'up']);

/** Claims "<number> <up to six words> <noun>" in a line, where the words between are a plain noun phrase. */
function claimsIn(line: SourceLine, noun: string): Array<{ printed: string; value: number }> {
  const pattern = new RegExp(String.raw`\b(?<count>${NUMBER_WORD}|\d{1,2})\s+(?<between>(?:[A-Za-z'’-]+\s+){0,6}?)${noun}\b`, 'gi');
  return [...line.text.matchAll(pattern)].flatMap((match) => {
    const printed = match.groups?.['count'] ?? '';
    const between = (match.groups?.['between'] ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean);
    const value = numberValue(printed);
    return value === undefined || between.some((word) => STOP_WORDS.has(word)) ? [] : [{ printed, value }];
  });
}

/** "Workshop 3 was postponed": a line that may explain why fewer took place than are listed. */
function explanations(lines: readonly SourceLine[], noun: string): SourceLine[] {
  const singular = noun.replace(/s$/, '');
  const pattern = new RegExp(String.raw`\b${singular}\s+\w+\s+(?:was|has been|had been)\s+(?:postponed|cancelled|canceled|withdrawn|deferred)`, 'i');
  return lines.filter((line) => pattern.test(line.text));
}

/** A short heading that counts: "The Top Ten", "Top Ten Ideas", "Three key risks". */
const COUNT_HEADING = new RegExp(String.raw`^(?:[A-Za-z]+\s+){0,2}?(?:top\s+(?<top>${NUMBER_WORD})(?:\s+[A-Za-z]+)?|(?<count>${NUMBER_WORD})(?:\s+[A-Za-z]+)?\s+[A-Za-z]+s)$`, 'i');
const BULLET = /^\s*[-*•](?<rest>.*)$/;

/** The bullet lines right under a heading (blank lines before the first allowed), and those with words. */
function bulletsAfter(lines: readonly SourceLine[], index: number): { items: number[]; all: number[] } {
  const items: number[] = [];
  const all: number[] = [];
  for (const next of lines.slice(index + 1)) {
    if (next.text.trim() === '') {
      if (all.length > 0) break;
      continue;
    }
    const bullet = BULLET.exec(next.text);
    if (!bullet) break;
    all.push(next.n);
    if ((bullet.groups?.['rest'] ?? '').trim()) items.push(next.n);
  }
  return { items, all };
}

/** Headings that count the bullet list under them, with the list's filled items and all its lines. */
function headedLists(lines: readonly SourceLine[]): Array<{ heading: SourceLine; printed: string; value: number; items: number[]; all: number[] }> {
  return lines.flatMap((line, index) => {
    const groups = COUNT_HEADING.exec(line.text.trim())?.groups;
    const printed = groups?.['top'] ?? groups?.['count'];
    const value = printed === undefined ? undefined : numberValue(printed);
    if (printed === undefined || value === undefined) return [];
    const { items, all } = bulletsAfter(lines, index);
    return all.length > 0 ? [{ heading: line, printed, value, items, all }] : [];
  });
}

/**
 * Counts stated in prose that disagree with the list they describe: "six ... workshops" where W1 to W7 are listed,
 * or a "Top Ten" heading over eleven ideas. The printed word is kept; claims within `window` lines of a list count.
 */
export function checkCounts(lines: readonly SourceLine[], window = 120): CountFound[] {
  const fromLists = findLists(lines).flatMap((list) => {
    const noun = nounOf(list.leadIn);
    const first = list.items[0] ?? 0;
    const last = list.items[list.items.length - 1] ?? 0;
    if (!noun) return [];
    const near = lines.filter((line) => line.n >= first - window && line.n <= last + window);
    const why = explanations(near, noun);
    return near.flatMap((line) =>
      claimsIn(line, noun)
        .filter((claim) => claim.value !== list.items.length)
        .map((claim) => countErratum(line, claim, noun, list, why)),
    );
  });
  const fromHeadings = headedLists(lines)
    .filter((h) => h.items.length !== h.value)
    .map((h) => {
      const first = h.items[0] ?? h.heading.n;
      const last = h.items[h.items.length - 1] ?? h.heading.n;
      return {
        erratum: {
          subject: `List under "${h.heading.text.trim()}" (line ${h.heading.n})`,
          printed: h.printed,
          expected: String(h.items.length),
          note: `The heading says "${h.printed}", but ${numberWord(h.items.length)} items are listed under it (lines ${first}–${last}).`,
        },
        lines: [h.heading.n, ...h.all],
        line: h.heading.n,
        list: { start: h.all[0] ?? first, end: h.all[h.all.length - 1] ?? last },
      };
    });
  return [...fromLists, ...fromHeadings];
}

function countErratum(
  line: SourceLine,
  claim: { printed: string; value: number },
  noun: string,
  list: ListFound,
  why: readonly SourceLine[],
): CountFound {
  const start = list.items[0] ?? line.n;
  const end = list.items[list.items.length - 1] ?? line.n;
  const labels = `${list.labels[0]}–${list.labels[list.labels.length - 1]}`;
  const because = why.map((w) => ` Line ${w.n} says: "${/[^.]*\b(?:postponed|cancelled|canceled|withdrawn|deferred)[^.]*\./i.exec(w.text)?.[0].trim() ?? ''}"`).join('');
  return {
    erratum: {
      subject: `Number of ${noun} (line ${line.n})`,
      printed: claim.printed,
      expected: String(list.items.length),
      note: `The text says "${claim.printed}" ${noun}, but the list at lines ${start}–${end} names ${numberWord(list.items.length)} (${labels}).${because}`,
    },
    lines: [line.n, ...list.items],
    line: line.n,
    list: { start, end },
  };
}
