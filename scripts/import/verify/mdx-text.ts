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
    const close = matchingBrace(text, start);
    values.push(JSON.parse(text.slice(start, close)));
    i = close + 1;
  }
  const end = /\s*\/?>/y;
  end.lastIndex = i;
  if (!end.exec(text)) throw new Error(`unterminated component tag at ${from}`);
  return { values, end: end.lastIndex };
}

function matchingBrace(text: string, from: number): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === ']' || (c === '}' && depth > 0)) depth--;
    else if (c === '}') return i;
  }
  throw new Error('unbalanced braces in a component prop');
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  return [];
}
