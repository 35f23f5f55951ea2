import { closingBrace } from '../../../src/model/printed-table';

/**
 * The words an MDX file shows, without building a site: text-holding component props (a table's cells, a verbatim
 * passage) are unpacked from their JSON, Markdown escapes are dropped, page breaks show nothing.
 */
export function mdxText(mdx: string): string {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
  let out = '';
  let text = '';
  // Markdown escapes are undone in the text, never in props: a prop is JSON, already read as the reader sees it.
  const flush = () => {
    out += text.replace(/<\/[A-Z]\w*>/g, ' ').replace(/\\(.)/g, '$1');
    text = '';
  };
  let i = 0;
  while (i < body.length) {
    const open = /<([A-Z]\w*)/y;
    open.lastIndex = i;
    const tag = open.exec(body);
    if (!tag) {
      text += body[i];
      i++;
      continue;
    }
    flush();
    const { values, end } = readProps(body, open.lastIndex);
    if (tag[1] !== 'PageBreak') out += ` ${values.flatMap(strings).join(' ')} `;
    i = end;
  }
  flush();
  return out;
}

/** Reads `name={json}` props up to the end of the tag. */
function readProps(text: string, from: number): { values: unknown[]; end: number } {
  const values: unknown[] = [];
  let i = from;
  for (;;) {
    const prop = /\s*(\w+)=\{/y;
    prop.lastIndex = i;
    const m = prop.exec(text);
    if (!m) break;
    const start = prop.lastIndex;
    const close = closingBrace(text, start - 1);
    if (close === undefined) throw new Error('unbalanced braces in a component prop');
    values.push(JSON.parse(text.slice(start, close)));
    i = close + 1;
  }
  const end = /\s*\/?>/y;
  end.lastIndex = i;
  if (!end.exec(text)) throw new Error(`unterminated component tag at ${from}`);
  return { values, end: end.lastIndex };
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  return [];
}
