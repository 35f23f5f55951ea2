import { mdxToMdast } from 'satteri';

/** Something in an MDX body that could run code, in the build or in a reader's browser. */
export interface MdxSafetyProblem {
  line: number;
  column: number;
  message: string;
}

/** The parts of an MDX syntax tree node (mdast with MDX extensions) the checks read. */
export interface MdastNode {
  type: string;
  position?: { start: { line: number; column: number } };
  children?: MdastNode[];
  value?: unknown;
  name?: string | null;
  url?: string;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
}

/** Address schemes a link in content may use; anything else (javascript:, data:, vbscript:) is refused. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/** The scheme of an address as a browser reads it: control characters and spaces are dropped first. */
function schemeOf(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020]/g, ''))?.[1]?.toLowerCase();
}

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/**
 * Finds what MDX would let an author run: `import`/`export` and `{expressions}` are JavaScript executed by the build;
 * HTML elements such as `<script>` or `<img onerror>` reach the page as they are; links may carry `javascript:`.
 * Content uses Markdown and the content components with JSON props only, so none of these is ever needed.
 * The body must already parse as MDX (the validator checks that first); pass its syntax tree when already parsed.
 */
export function mdxSafetyProblems(body: string, tree = mdxToMdast(body) as MdastNode): MdxSafetyProblem[] {
  const problems: MdxSafetyProblem[] = [];
  const visit = (node: MdastNode) => {
    const at = { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
    const problem = (message: string) => problems.push({ ...at, message });
    switch (node.type) {
      case 'mdxjsEsm':
        problem('import and export lines are code, not content, and are not allowed');
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        problem(`{${String(node.value)}} is code, not text, and is not allowed: write \\{ for a literal brace`);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        if (!node.name || /^[a-z]/.test(node.name)) {
          problem(`HTML element <${node.name ?? ''}> is not allowed: use Markdown or a content component`);
        }
        for (const a of node.attributes ?? []) {
          if (a.type !== 'mdxJsxAttribute') problem(`{${String(a.value)}} in a component's props is not allowed: give each prop by name`);
          else if (typeof a.value === 'object' && a.value !== null && !isJson(String((a.value as { value: unknown }).value))) {
            problem(`prop ${a.name} of <${node.name}> must be a JSON value, such as {"text"} or {["a", "b"]}`);
          }
        }
        break;
      case 'link':
      case 'image':
      case 'definition': {
        const scheme = schemeOf(node.url ?? '');
        if (scheme && !SAFE_SCHEMES.has(scheme)) problem(`a link to a ${scheme}: address is not allowed: use https:, mailto: or a site path`);
        break;
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return problems;
}
