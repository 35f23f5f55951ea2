/** The last stage of the importer: text and structure to MDX that compiles and keeps every word as printed. */

import { htmlToInline } from '../read/html-fragment';

/** True when a line still holds HTML markup the importer does not understand (kept verbatim, flagged). */
export const hasUnknownHtml = (text: string): boolean => /<\/?[a-z][^>]*>/i.test(htmlToInline(text));

/** A link as printed: `[text](url)`; a dead link (`#`, empty, or not web/mail) keeps its text and loses the link. */
function links(text: string, dead: (label: string) => void): string {
  return text.replace(/\[([^\]]*)\]\(([^)\s]*)\)/g, (_, label: string, url: string) => {
    const clean = url.replace(/\\+(?=[$_*[\]()#])/g, '');
    if (!/^(https?:\/\/|mailto:)/i.test(clean)) {
      dead(label);
      return label;
    }
    return `[${label}](${clean.replace(/[()]/g, encodeURIComponent)})`;
  });
}

/**
 * Escapes one line of printed text for MDX. The pack is converter Markdown, so emphasis, links and bullets are kept,
 * while everything MDX would read as code is escaped: braces, angle brackets, and a number at the start of a line
 * (which Markdown would turn into a list, dropping the number readers cite).
 */
export function escapeLine(raw: string, onDeadLink: (label: string) => void = () => {}): string {
  // A bold run glued to the word before it ("Assessments**Equality...**") would render as one fused word.
  let text = htmlToInline(raw).replace(/([\p{L}\p{N}])\*\*(?=[\p{L}\p{N}][^*]*\*\*)/gu, '$1 **');
  const placeholders: string[] = [];
  text = links(text, onDeadLink).replace(/\[[^\]]*\]\([^)\s]*\)/g, (link) => {
    placeholders.push(link.replace(/[{}<>]/g, (c) => `\\${c}`));
    return `\u0000${placeholders.length - 1}\u0000`;
  });
  text = text
    .replace(/\\(?![$_*#[\]()`\\.!-])/g, '\\\\')
    .replace(/[{}<>|]/g, (c) => `\\${c}`)
    .replace(/^(\s*(?:[-*+]\s+)?)(\d+)([.)])(?=\s|$)/, '$1$2\\$3')
    .replace(/^(\s*)([#=+])/, '$1\\$2')
    .replace(/^(\s*)([-*_])(\s*\2){2,}\s*$/, (m) => m.replace(/([-*_])/g, '\\$1'));
  return text.replace(/\u0000(\d+)\u0000/g, (_, i: string) => placeholders[Number(i)]!);
}

/** A JSX attribute value: a JSON string in braces, which MDX reads literally whatever it contains. */
export const attr = (value: unknown): string => `{${JSON.stringify(value)}}`;

/** A self-closing component with JSON props. */
export function component(name: string, props: Record<string, unknown>): string {
  const parts = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${attr(v)}`);
  return `<${name} ${parts.join(' ')} />`;
}

/** Opening and closing tags around Markdown children (blank lines keep the children Markdown). */
export function wrap(name: string, props: Record<string, unknown>, children: string): string {
  const parts = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${attr(v)}`);
  return `<${name} ${parts.join(' ')}>\n\n${children.trim()}\n\n</${name}>`;
}
