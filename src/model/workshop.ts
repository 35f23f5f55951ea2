/** Consultation workshops joined to the action plan they fed: the actions each gave rise to, and back. Pure. */
import type { Action, Document, Erratum, Workshop } from '../schema';
import type { Entry } from './entry';
import type { Graph } from './graph';
import { anchorOfRef } from './plan';

/** An action a workshop gave rise to: the reference as the workshop names it, and the action when the plan has it. */
export interface ActionArising {
  ref: string;
  action?: Action | undefined;
  /** Anchor of the action on the strategy page. */
  anchor?: string | undefined;
}

/** The actions a workshop gave rise to, looked up in its strategy's action plan. */
export function actionsArising(workshop: Workshop, strategy: Document | undefined): ActionArising[] {
  const actions = strategy?.plan?.actions ?? [];
  return workshop.actions.map((ref) => ({
    ref,
    action: actions.find((a) => a.ref === ref),
    anchor: anchorOfRef(actions, ref),
  }));
}

/** For each action reference, the workshops that gave rise to it. */
export function workshopsByRef(workshops: readonly Entry<Workshop>[]): Map<string, Entry<Workshop>[]> {
  const byRef = new Map<string, Entry<Workshop>[]>();
  for (const w of workshops) for (const ref of new Set(w.data.actions)) byRef.set(ref, [...(byRef.get(ref) ?? []), w]);
  return byRef;
}

/**
 * Errata about the workshops, from the strategy and the report it came with: where the source miscounts them ("six"
 * workshops when it lists seven) or numbers them twice, so the summary shows them beside its own count.
 */
export function workshopErrata(graph: Graph, strategyId: string): Erratum[] {
  const strategy = graph.document.get(strategyId);
  const report = strategy?.data.parent ? graph.document.get(strategy.data.parent) : undefined;
  return [strategy, report]
    .flatMap((d) => d?.data.errata ?? [])
    .filter((e) => /workshop/i.test(`${e.subject} ${e.note}`));
}

/** The documents workshops were held for, each with its workshops in printed order ("workshop-2" before "-10"). */
export function workshopGroups(graph: Graph): Array<{ strategy: Entry<Document>; workshops: Entry<Workshop>[] }> {
  const ids = [...new Set(graph.workshops.map((w) => w.data.strategy))].sort();
  return ids.flatMap((id) => {
    const strategy = graph.document.get(id);
    return strategy ? [{ strategy, workshops: workshopsOf(graph, id) }] : [];
  });
}

/** Workshops held for a strategy, in their printed order. */
export const workshopsOf = (graph: Graph, strategyId: string): Entry<Workshop>[] =>
  graph.workshops
    .filter((w) => w.data.strategy === strategyId)
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));

/** Errata that say the same thing about different places, shown as one note naming every place. */
export interface MergedErratum {
  subjects: string[];
  printed: string[];
  expected?: string | undefined;
  note: string;
}

/** Merges errata whose note and expected figure are the same (the same miscount printed five times). */
export function mergeErrata(errata: readonly Erratum[]): MergedErratum[] {
  const merged: MergedErratum[] = [];
  for (const e of errata) {
    const same = merged.find((m) => m.note === e.note && m.expected === e.expected);
    if (same) {
      same.subjects.push(e.subject);
      if (!same.printed.includes(e.printed)) same.printed.push(e.printed);
    } else merged.push({ subjects: [e.subject], printed: [e.printed], expected: e.expected, note: e.note });
  }
  return merged;
}
