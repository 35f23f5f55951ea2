/**
 * An action plan's rows as printed: numbered actions under their priorities or building blocks, with due dates,
 * status, owners and progress notes, and errata where the numbering repeats or skips. Pure; every result names the
 * source lines it used.
 */
import type { Action } from '../../../src/schema';
import type { Table } from '../layout/table';
import { cellText, isGroupHeading, lineList, numberWord, roleOf, rowsOf, unique, type LocatedErratum, type Row } from './plan-table';

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
  [/^(?:ongoing|on-going|on track|in process|in progress)$/i, 'in-progress'],
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
