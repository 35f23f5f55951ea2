/**
 * Where a field is in a parsed YAML document, for messages that name its line: the content check's and the site
 * settings'. Apart from the content check, so reading the settings does not load the MDX checker.
 */
import { isMap, type Document, type LineCounter } from 'yaml';

/**
 * Finds the line and column of a field by its path (`['agenda', 2, 'pages']`): the line of its name, else of its value;
 * a field that is not there points at its parent. `lineOffset` counts the lines before the YAML (an MDX file's `---`).
 */
export function locator(doc: Document, counter: LineCounter, lineOffset: number) {
  return (path: ReadonlyArray<PropertyKey>) => {
    // Walk down as far as the path exists, so a missing field points at its parent.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
      const keyNode = depth > 0 ? keyNodeOf(doc, path.slice(0, depth)) : undefined;
      const offset = keyNode?.range?.[0] ?? node?.range?.[0];
      if (offset !== undefined) {
        const { line, col } = counter.linePos(offset);
        return { line: line + lineOffset, column: col };
      }
    }
    return { line: 1 + lineOffset, column: 1 };
  };
}

function keyNodeOf(doc: Document, path: ReadonlyArray<PropertyKey>) {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1) as unknown[], true);
  if (!isMap(parent)) return undefined;
  const last = path[path.length - 1];
  const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === last);
  return pair?.key as { range?: [number, number, number] } | undefined;
}
