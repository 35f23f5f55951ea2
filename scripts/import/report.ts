/**
 * The corpus report: every document of a corpus folder imported as a new council's web team would import it, and
 * what the importer found set beside what a person counted by reading it (`expected.json`): the kind, the meeting's
 * date and start time as written to its entry, the minute numbers, the decisions, votes and actions, and how many words were kept.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Problem } from './problem';
import { composeAll, prepareSources, readContentTree } from './pipeline';

/** What a person counted in one minutes document (tests/corpus/expected.json). */
export interface Expected {
  council: string;
  body: string;
  date: string;
  start: string | null;
  minutes: string[];
  sections?: number;
  decisions: number;
  notings?: number;
  rejected?: number;
  votes?: number;
  actions?: number;
}

/** One document's line of the report. */
export interface ReportRow {
  file: string;
  /** The import failed: why. */
  error?: string;
  kind?: string;
  reason?: string;
  date?: string;
  time?: string;
  minutes: string[];
  sections: number;
  decisions: number;
  notings: number;
  rejected: number;
  votes: number;
  actions: number;
  words: { total: number; kept: number };
  review: number;
  expected?: Expected;
}

/** The council id a corpus file's name gives: its words up to "council", "authority" or "mca". */
export const councilOfFile = (file: string): string => /^(.*?-(?:council|authority|mca))-/.exec(basename(file))?.[1] ?? basename(file).split('-')[0]!;

/** Imports each document of a corpus folder on its own, into an empty content folder, and reports what was found. */
export async function corpusReport(dir: string): Promise<ReportRow[]> {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { documents: Record<string, Expected> };
  const files = readdirSync(dir).filter((f) => /\.(pdf|docx|html?|md|txt)$/i.test(f) && f !== 'README.md').sort();
  const rows: ReportRow[] = [];
  for (const file of files) {
    const problems: Problem[] = [];
    const empty = join(dir, '.no-content');
    const prepared = await prepareSources([join(dir, file)], empty, problems);
    const imported = prepared.length ? composeAll(prepared, readContentTree(empty), empty, { councilFlag: councilOfFile(file) }) : undefined;
    const errors = [...problems, ...(imported?.problems ?? [])].filter((p) => p.severity === 'error');
    const summary = imported?.summaries[0];
    const words = imported?.words.get(prepared[0]?.input.id ?? '') ?? { total: 0, kept: 0 };
    const minutes = [...(imported?.entries.values() ?? [])].flatMap((e) => (e.collection === 'minutes' ? e.data.items ?? [] : []));
    const kinds = summary?.counts.decisions ?? [];
    // The date and time the site will show: the written meeting's start, not what the import's summary said.
    const start = [...(imported?.entries.values() ?? [])].flatMap((e) => (e.collection === 'meetings' ? [String(e.data.start)] : []))[0];
    const date = start?.slice(0, 10) ?? summary?.date?.value;
    const time = start ? start.slice(11, 16) || undefined : summary?.time;
    rows.push({
      file,
      ...(errors.length ? { error: errors.map((p) => p.message.split('\n')[0]).join('; ') } : {}),
      ...(summary ? { kind: summary.kind, reason: summary.reason } : {}),
      ...(date ? { date } : {}),
      ...(time ? { time } : {}),
      minutes: minutes.flatMap((i) => (i.number ? [i.number] : [])),
      sections: minutes.filter((i) => !i.number).length,
      decisions: kinds.filter((k) => k === 'resolution').length,
      notings: kinds.filter((k) => k === 'noting').length,
      rejected: kinds.filter((k) => k === 'rejected').length,
      votes: summary?.counts.votes ?? 0,
      actions: summary?.counts.actions ?? 0,
      words: { total: words.total, kept: words.kept },
      review: (imported?.problems ?? []).filter((p) => p.severity === 'review').length + [...(imported?.entries.values() ?? [])].reduce((n, e) => n + ('review' in e.data && Array.isArray(e.data.review) ? e.data.review.length : 0), 0),
      ...(expected.documents[file] ? { expected: expected.documents[file] } : {}),
    });
  }
  return rows;
}

/** Whether a row's minute numbers are exactly those a person counted. */
export const minutesExact = (r: ReportRow): boolean => !!r.expected && JSON.stringify(r.minutes) === JSON.stringify(r.expected.minutes);

/** Totals over the documents a person counted. */
export function totals(rows: readonly ReportRow[]) {
  const counted = rows.filter((r) => r.expected);
  const sum = (f: (r: ReportRow) => number) => counted.reduce((n, r) => n + f(r), 0);
  const found = sum((r) => r.expected!.minutes.filter((m) => r.minutes.includes(m)).length);
  return {
    imported: rows.filter((r) => !r.error).length,
    documents: rows.length,
    minutesDocuments: counted.length,
    datesRight: counted.filter((r) => r.date === r.expected!.date).length,
    timesRight: counted.filter((r) => (r.time ?? null) === r.expected!.start).length,
    minutesExact: counted.filter(minutesExact).length,
    minutesFound: found,
    minutesExpected: sum((r) => r.expected!.minutes.length),
    decisionsFound: sum((r) => Math.min(r.decisions, r.expected!.decisions)),
    decisionsExpected: sum((r) => r.expected!.decisions),
    wordsKept: rows.every((r) => r.words.total > 0 && r.words.kept === r.words.total),
  };
}

const pad = (text: string, width: number) => (text.length >= width ? text : text + ' '.repeat(width - text.length));
const against = (found: number, expected: number | undefined) => (expected === undefined ? String(found) : `${found}/${expected}`);

/** The report as a table, with totals and what the targets ask of them. */
export function formatReport(rows: readonly ReportRow[]): string {
  const head = ['document', 'kind', 'date', 'start', 'minutes', 'decisions', 'notings', 'rejected', 'votes', 'actions', 'words kept', 'review'];
  const body = rows.map((r) => {
    const e = r.expected;
    if (r.error) return [r.file, 'FAILED', r.error.slice(0, 60), '', '', '', '', '', '', '', '', ''];
    const date = e ? `${r.date ?? 'none'} ${r.date === e.date ? '✓' : `✗ (${e.date})`}` : (r.date ?? 'none');
    const start = e ? `${r.time ?? 'none'} ${(r.time ?? null) === e.start ? '✓' : `✗ (${e.start ?? 'none'})`}` : (r.time ?? 'none');
    const minutes = e ? `${r.minutes.length}/${e.minutes.length}${minutesExact(r) ? ' ✓' : ' ✗'}${r.sections ? ` +${r.sections} sections` : ''}` : `${r.minutes.length}${r.sections ? ` +${r.sections} sections` : ''}`;
    const percent = r.words.total ? `${((100 * r.words.kept) / r.words.total).toFixed(1)}% of ${r.words.total.toLocaleString('en-GB')}` : '–';
    return [r.file.replace(/\.[a-z]+$/, ''), r.kind ?? '', date, start, minutes, against(r.decisions, e?.decisions), against(r.notings, e?.notings), against(r.rejected, e?.rejected), against(r.votes, e?.votes), against(r.actions, e?.actions), percent, String(r.review)];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => pad(c, widths[i]!)).join(' | ')} |`;
  const t = totals(rows);
  return [
    line(head),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...body.map(line),
    '',
    `Imported: ${t.imported} of ${t.documents} documents (target: all).`,
    `Meeting date right: ${t.datesRight} of ${t.minutesDocuments} minutes documents (target: all); start time right: ${t.timesRight} of ${t.minutesDocuments}.`,
    `Minute numbers exactly as printed: ${t.minutesExact} of ${t.minutesDocuments} (target: at least 8); expected minutes found: ${t.minutesFound} of ${t.minutesExpected} (${((100 * t.minutesFound) / t.minutesExpected).toFixed(1)}%; target: 95%).`,
    `Decisions found: ${t.decisionsFound} of ${t.decisionsExpected} (${((100 * t.decisionsFound) / t.decisionsExpected).toFixed(1)}%; target: 90%, and no document above 1.5 times its count).`,
    `Words kept: ${t.wordsKept ? '100% of every document' : 'NOT every word of every document'} (target: 100%).`,
  ].join('\n');
}
