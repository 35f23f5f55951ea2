/** Plans as residents read them: how many actions are done, actions under their priorities, risks on a grid. Pure. */
import { actionStatuses, type Action, type Plan, type Risk } from '../schema';

/** Each status in words: the page shows these, with colour only as an extra. */
export const actionStatusLabel: Record<Action['status'], string> = {
  complete: 'Complete',
  'in-progress': 'In progress',
  delayed: 'Delayed',
  'not-started': 'Not started',
  unknown: 'No status given',
};

export interface StatusCount {
  status: Action['status'];
  label: string;
  count: number;
}

/** How many actions have each status, in a fixed order (complete first), including statuses no action has. */
export function statusCounts(actions: readonly Action[]): StatusCount[] {
  return actionStatuses.map((status) => ({
    status,
    label: actionStatusLabel[status],
    count: actions.filter((a) => a.status === status).length,
  }));
}

/** "6 actions: 1 complete, 1 on track, 1 delayed, 1 not started and 2 with no status given." */
export function statusSummary(actions: readonly Action[]): string {
  const parts = statusCounts(actions)
    .filter((c) => c.count > 0)
    .map((c) => `${c.count} ${c.status === 'unknown' ? 'with no status given' : c.label.toLowerCase()}`);
  const total = `${actions.length} action${actions.length === 1 ? '' : 's'}`;
  if (parts.length === 0) return `${total}.`;
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
  return `${total}: ${list}.`;
}

/** Slug of a printed reference for use in an anchor: "P1.1" is "p1-1". */
const refSlug = (ref: string) => ref.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'action';

/**
 * An anchor per action, in order, so a workshop can link to the action it gave rise to. References are kept as
 * printed even when two actions share one (the source's own numbering slip), so the second gets a suffix.
 */
export function actionAnchors(actions: readonly Action[]): string[] {
  const seen = new Map<string, number>();
  return actions.map((a) => {
    const base = `action-${refSlug(a.ref)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

/** The anchor of the first action printed with a reference, or undefined when the plan has none. */
export function anchorOfRef(actions: readonly Action[], ref: string): string | undefined {
  const i = actions.findIndex((a) => a.ref === ref);
  return i < 0 ? undefined : actionAnchors(actions)[i];
}

/** Actions under a priority number; `priorities` has two entries when the source gives one number to two. */
export interface ActionGroup {
  number?: string | undefined;
  priorities: Plan['priorities'];
  actions: Array<{ action: Action; anchor: string }>;
}

/**
 * Actions under their priorities, in printed order. Priorities that share a printed number are shown together under
 * it, since the source does not say which of them an action serves. An action naming a priority the plan does not
 * title gets a group of that number with no title; actions with no priority come last.
 */
export function groupActions(plan: Plan): ActionGroup[] {
  const anchors = actionAnchors(plan.actions);
  const groups: ActionGroup[] = [];
  for (const priority of plan.priorities) {
    const same = priority.number === undefined ? undefined : groups.find((g) => g.number === priority.number);
    if (same) same.priorities.push(priority);
    else groups.push({ number: priority.number, priorities: [priority], actions: [] });
  }
  const rest: ActionGroup = { priorities: [], actions: [] };
  for (const [i, action] of plan.actions.entries()) {
    let group = action.priority === undefined ? rest : groups.find((g) => g.number === action.priority);
    if (!group) groups.push((group = { number: action.priority, priorities: [], actions: [] }));
    group.actions.push({ action, anchor: anchors[i]! });
  }
  return rest.actions.length > 0 ? [...groups, rest] : groups;
}

// ---------------------------------------------------------------------------------------------------------------
// Risks

/** "R1", "R2": how the matrix names the risks of the register, in printed order. */
export const riskRef = (index: number): string => `R${index + 1}`;

/** Impact times likelihood, when both are printed. */
export const riskScore = (risk: Risk): number | undefined =>
  risk.impact !== undefined && risk.likelihood !== undefined ? risk.impact * risk.likelihood : undefined;

export interface RiskCell {
  impact: number;
  likelihood: number;
  score: number;
  /** Indexes into the register. */
  risks: number[];
}

export interface RiskMatrix {
  /** Column values, lowest impact first. */
  impacts: number[];
  /** Row values, highest likelihood first, as risk matrices are drawn. */
  likelihoods: number[];
  /** Row by row, in the order of `likelihoods`, then `impacts`. */
  rows: RiskCell[][];
  /** Indexes of risks printed without both scores. */
  unscored: number[];
}

/**
 * The register on an impact by likelihood grid. Scales run from 1 to the larger of 5 and the highest printed score,
 * and any printed score that is not a whole number gets its own row or column, so every risk has a cell.
 */
export function riskMatrix(risks: readonly Risk[]): RiskMatrix {
  const axis = (values: number[]) => {
    const top = Math.max(5, ...values.map(Math.ceil));
    return [...new Set([...Array.from({ length: top }, (_, i) => i + 1), ...values])].sort((a, b) => a - b);
  };
  const scored = risks.flatMap((r, i) => (riskScore(r) === undefined ? [] : [{ r, i }]));
  const impacts = axis(scored.map(({ r }) => r.impact!));
  const likelihoods = axis(scored.map(({ r }) => r.likelihood!)).reverse();
  const rows = likelihoods.map((likelihood) =>
    impacts.map((impact) => ({
      impact,
      likelihood,
      score: impact * likelihood,
      risks: scored.filter(({ r }) => r.impact === impact && r.likelihood === likelihood).map(({ i }) => i),
    })),
  );
  return { impacts, likelihoods, rows, unscored: risks.flatMap((r, i) => (riskScore(r) === undefined ? [i] : [])) };
}

/** A cell's shade, by its score as a share of the grid's highest: a visual aid only, since the score is printed. */
export function riskLevel(score: number, matrix: RiskMatrix): 'low' | 'medium' | 'high' {
  const max = Math.max(...matrix.impacts) * Math.max(...matrix.likelihoods);
  const share = score / max;
  return share <= 0.2 ? 'low' : share <= 0.5 ? 'medium' : 'high';
}
