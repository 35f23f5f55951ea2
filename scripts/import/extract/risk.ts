/**
 * Risk registers: each risk with its owner, impact, likelihood and mitigation as printed, and an erratum where a
 * printed score is not impact times likelihood.
 */
import type { Risk } from '../../../src/schema';
import type { Table } from '../layout/table';
import { cellText, isGroupHeading, roleOf, rowsOf, unique, type LocatedErratum, type Row } from './plan-table';

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
