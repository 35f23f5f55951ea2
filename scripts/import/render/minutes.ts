/**
 * Minutes as MDX: the text before the first minute as printed, each minute in a `<Minute>` (its own anchor), each
 * decision in a `<Resolved>`, and the closing lines after the last minute. Every line of the minutes is rendered
 * once, in order, so no word is lost; a minute's heading is in the `<Minute>` props, which are part of the page.
 */
import type { ParsedMinutes } from '../extract/minutes';
import type { Furniture } from '../layout/furniture';
import { findTables } from '../layout/tables';
import { renderBody, type BodyContext, type ReviewFlag } from './body';
import { wrap } from './mdx';


export function renderMinutes(parsed: ParsedMinutes, ctx: { furniture: ReadonlyMap<number, Furniture>; headings: BodyContext['headings'] }): { mdx: string; review: ReviewFlag[] } {
  const review: ReviewFlag[] = [];
  // Tables are found in each stretch rendered, so a minute's heading printed right above a table is not its first row.
  const render = (from: number, to: number) => {
    if (to <= from) return '';
    const lines = parsed.lines.slice(from, to);
    const tables = findTables(lines, { positioned: ctx.headings === 'positioned', skip: new Set(ctx.furniture.keys()) });
    const r = renderBody(lines, { furniture: ctx.furniture, tables, headings: ctx.headings });
    review.push(...r.review);
    return r.mdx;
  };
  const out: string[] = [];
  let cursor = 0;
  for (const item of parsed.items) {
    out.push(render(cursor, item.heading));
    const parts: string[] = [];
    let at = item.from;
    for (const d of parsed.decisions.filter((x) => x.first >= item.from && x.last < item.to)) {
      if (d.first < at) continue;
      parts.push(render(at, d.first));
      parts.push(wrap('Resolved', { id: d.id, printedAs: d.printedAs, kind: d.kind }, render(d.first, d.last + 1)));
      at = d.last + 1;
    }
    parts.push(render(at, item.to));
    out.push(wrap('Minute', { number: item.number, label: item.label !== item.number ? item.label : undefined, title: item.title }, parts.filter(Boolean).join('\n\n')));
    cursor = item.to;
  }
  out.push(render(cursor, parsed.lines.length));
  return { mdx: out.filter(Boolean).join('\n\n'), review };
}
