/**
 * Strategies, plans and their KPIs: the priorities, actions and risks a document prints, KPI series from its KPI
 * tables and from figures a person read from its prose (checked against the line that prints them), and the
 * workshops a report and its appendices describe.
 */
import type { Hints } from '../hints';
import { kpiFromTable, kpiTableKind, toKpiEdition } from '../extract/kpi';
import { kpiValue } from '../extract/kpi-row';
import { checkCounts } from '../extract/count';
import { actionsFromTables, isActionTable, type ActionRow } from '../extract/plan-action';
import { findPriorities } from '../extract/priority';
import { findRisks } from '../extract/risk';
import { findWorkshops } from '../extract/workshop';
import type { Furniture } from '../layout/furniture';
import type { Table } from '../layout/table';
import type { Problem } from '../problem';
import type { Line, SourceLine } from '../read/line';
import { renderBody } from '../render/body';
import type { Section } from '../segment/sections';
import { readableTitle, slug, type EntryOf } from './entry';

/** The lines of a section. */
export const sectionLines = <L extends SourceLine>(lines: readonly L[], s: { start: number; end: number }): L[] => lines.slice(s.start - 1, s.end);

/** KPI series from a document's KPI tables: one entry per indicator, holding this document's edition. */
export function kpisFromTables(
  council: string,
  document: string,
  edition: string,
  tables: Table[],
  context: { pack: string; pages?: { from: number; to: number } },
  hints: Hints | undefined,
): Array<EntryOf<'kpis'>> {
  return tables.flatMap((table) => {
    if (!kpiTableKind(table)) return [];
    const self = council.replace(/(^|-)([a-z])/g, (_, s: string, c: string) => `${s ? ' ' : ''}${c.toUpperCase()}`);
    return kpiFromTable(table, { ...context, period: edition, self }).flatMap((row) => {
      const kpi = toKpiEdition(row, document, edition);
      if (!kpi) return [];
      kpi.source = { ...kpi.source, lines: { from: row.line, to: row.line } };
      const series = hints?.kpiSeries[row.name] ?? slug(row.name);
      return [{ collection: 'kpis' as const, id: `${council}/${series}`, data: { council, name: row.name, direction: row.direction, editions: [kpi], errata: [] } }];
    });
  });
}

/**
 * KPI figures a person read from a plan's prose (hints file). Each figure must be printed on the line it names,
 * so the site never shows a number the council did not print.
 */
export function kpisFromHints(council: string, document: string, section: Section, lines: readonly SourceLine[], pack: string, hints: Hints | undefined, problems: Problem[]): Array<EntryOf<'kpis'>> {
  return (hints?.kpis ?? [])
    .filter((k) => Number(k.document) === section.start)
    .map((k) => {
      const point = (f: { period: string; printed: string; line: number }) => {
        if (!(lines[f.line - 1]?.text ?? '').includes(f.printed)) {
          problems.push({ code: 'hint-kpi-not-printed', severity: 'error', file: pack, line: f.line, message: `hints: KPI "${k.series}" says line ${f.line} prints "${f.printed}", but it does not` });
        }
        return { period: f.period, value: kpiValue(f.printed), printed: f.printed };
      };
      const lineNumbers = [...k.values, ...k.targets, ...k.comparators.flatMap((c) => c.values)].map((f) => f.line);
      const entry: EntryOf<'kpis'> = {
        collection: 'kpis',
        id: `${council}/${k.series}`,
        data: {
          council,
          name: k.name,
          direction: k.direction,
          editions: [
            {
              document,
              edition: k.edition,
              name: k.name,
              definition: k.definition,
              unit: k.unit,
              values: k.values.map(point),
              targets: k.targets.map(point),
              comparators: k.comparators.map((c) => ({ name: c.name, values: c.values.map(point) })),
              source: { pack, lines: { from: Math.min(...lineNumbers), to: Math.max(...lineNumbers) } },
            },
          ],
          errata: [],
        },
      };
      return entry;
    });
}

/** Priorities, actions and risks a document prints, and the contradictions found in its counts and numbering. */
export function planData(lines: readonly SourceLine[], tables: Table[]) {
  const actions = tables.some(isActionTable) ? actionsFromTables(tables.filter(isActionTable)) : undefined;
  const risks = findRisks(tables);
  const { priorities, errata: priorityErrata } = findPriorities(lines);
  const errata = [...(actions?.errata ?? []), ...risks.errata, ...priorityErrata, ...checkCounts(lines)].map((e) => e.erratum);
  const actionRows = actions?.actions ?? [];
  // An action plan that prints no "Priority 1:" lines still heads its rows with sections ("P.1 Unlock community
  // capacity", "BB.2 ..."): those are its priorities, and each action serves the section it sits under.
  const sectionNumber = (section: { ref: string; kind: string }) =>
    section.kind === 'priority' ? section.ref.replace(/^\D*\.?/, '').replace(/\.$/, '') : section.ref;
  const sections = priorities.length === 0 ? (actions?.sections ?? []) : [];
  for (const row of actionRows) if (sections.length > 0 && row.section && !row.action.priority) row.action.priority = sectionNumber(row.section);
  return {
    actionRows,
    priorities: [...priorities.map((p) => p.priority), ...sections.map((sec) => ({ number: sectionNumber(sec), title: sec.title }))],
    risks: risks.risks.map((r) => r.risk),
    errata: errata.filter((e, i) => errata.findIndex((x) => x.subject === e.subject && x.printed === e.printed) === i),
    hasPlan: actionRows.length > 0 || risks.risks.length > 0,
  };
}

/**
 * Workshops of a report and its appendices: the report lists them ("W1: ..."), an appendix reports what each said.
 * Only a report whose appendices carry the workshop sections makes workshop entries, so a copy of the cover report
 * published on its own does not make them twice.
 */
export function workshopEntries(
  hints: Hints | undefined,
  sections: Section[],
  lines: readonly Line[],
  docIds: Map<Section, string>,
  actionsBySection: Map<Section, ActionRow[]>,
  furniture: ReadonlyMap<number, Furniture>,
  pack: string,
  problems: Problem[],
): Array<EntryOf<'workshops'>> {
  const entries: Array<EntryOf<'workshops'>> = [];
  sections.forEach((report, index) => {
    if (report.kind !== 'report') return;
    const family = [report, ...sections.filter((s) => s.parent === index)];
    const familyLines = family.flatMap((s) => sectionLines(lines, s));
    const actions = family.flatMap((s) => actionsBySection.get(s) ?? []);
    const found = findWorkshops(familyLines, { actions });
    if (!found.workshops.some((w) => w.section)) return;
    const plan = family.find((s) => (actionsBySection.get(s) ?? []).length > 0) ?? report;
    const strategy = docIds.get(plan)!;
    for (const w of found.workshops) {
      const linked = hints?.workshopActions[w.number] ?? w.workshop.actions;
      for (const ref of linked) {
        if (!actions.some((a) => a.action.ref === ref)) {
          problems.push({ code: 'hint-workshop-action', severity: 'error', file: pack, line: w.line, message: `hints: workshop ${w.number} links to action "${ref}", which the action plan does not print` });
        }
      }
      const body = w.section
        ? renderBody(lines.slice(w.section.start - 1, w.section.end), { furniture, tables: [] }).mdx
        : 'This workshop is listed in the report, but the summary of results has no section for it.';
      entries.push({
        collection: 'workshops',
        id: `${strategy}/workshop-${slug(w.number)}`,
        data: {
          strategy,
          title: w.workshop.title,
          ...(w.workshop.theme ? { theme: readableTitle(w.workshop.theme) } : {}),
          actions: linked,
          source: { pack, lines: { from: w.section?.start ?? w.line, to: w.section?.end ?? w.line } },
        },
        body,
      });
    }
  });
  return entries;
}

