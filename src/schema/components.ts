import { z } from 'zod';
import { decisionKinds } from './decision';
import type { MdastNode } from './mdx-safety';

/**
 * The content components MDX may use, and the props each takes: the components' `Props` types come from these, and
 * the validator checks every use against them, so a missing or misspelt prop is reported with its file and line
 * instead of crashing the page it is on.
 */
export const componentProps = {
  /** A table from the source: caption, header rows, body rows, and the source lines it was printed on. */
  DataTable: z.strictObject({
    caption: z.string().optional(),
    head: z.array(z.array(z.string())),
    rows: z.array(z.array(z.string())),
    lines: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  }),
  /** A figure as printed and why it does not agree with the rest of the source. */
  Erratum: z.strictObject({ subject: z.string().min(1), printed: z.string(), expected: z.string().optional(), note: z.string().min(1) }),
  /** A KPI series from content/kpis/, by id. */
  KpiChart: z.strictObject({ kpi: z.string().min(1) }),
  /** One minute: its number (absent for a section the minutes do not number), the number as printed, and its title. */
  Minute: z.strictObject({ number: z.string().min(1).optional(), label: z.string().min(1).optional(), title: z.string() }),
  /** Where a printed page ended. */
  PageBreak: z.strictObject({
    kind: z.enum(['blank-page', 'draft-stamp', 'page-number', 'running-head', 'page']),
    printed: z.string(),
    page: z.number().int().optional(),
    line: z.number().int().positive(),
  }),
  /** A decision, with the word as printed. */
  Resolved: z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), printedAs: z.string().min(1), kind: z.enum(decisionKinds) }),
  /** Text the importer could not structure, kept as printed. */
  Verbatim: z.strictObject({ text: z.string(), line: z.number().int().positive(), reason: z.string().min(1) }),
};

export type ContentComponent = keyof typeof componentProps;
export type ComponentProps<C extends ContentComponent> = z.infer<(typeof componentProps)[C]>;

/** MDX components that content may use; anything else is a typo the build would only find at render time. */
export const contentComponents = Object.keys(componentProps) as ContentComponent[];

export const isContentComponent = (name: string): name is ContentComponent => Object.hasOwn(componentProps, name);

/** A content component used with props that do not fit it, and Zod's issues with them. */
export interface ComponentProblem {
  component: ContentComponent;
  line: number;
  column: number;
  issues: z.core.$ZodIssue[];
}

/**
 * A JSX attribute's value as the component receives it: a quoted string as it is, `{...}` parsed as JSON (the safety
 * check refuses anything else), and a bare name as `true`.
 */
function propValue(value: unknown): unknown {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value;
  try {
    return JSON.parse(String((value as { value: unknown }).value));
  } catch {
    return undefined;
  }
}

/** Checks the props of every content component in an MDX syntax tree against its schema. */
export function componentProblems(tree: MdastNode): ComponentProblem[] {
  const problems: ComponentProblem[] = [];
  const visit = (node: MdastNode) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && isContentComponent(node.name)) {
      const props = Object.fromEntries(
        (node.attributes ?? []).filter((a) => a.type === 'mdxJsxAttribute' && a.name).map((a) => [a.name, propValue(a.value)]),
      );
      const result = componentProps[node.name].safeParse(props, { reportInput: true });
      if (!result.success) {
        const at = node.position?.start ?? { line: 1, column: 1 };
        problems.push({ component: node.name, line: at.line, column: at.column, issues: result.error.issues });
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return problems;
}
