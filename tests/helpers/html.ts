import { parse, type DefaultTreeAdapterMap } from 'parse5';

export type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

/** Parses HTML exactly as a browser would (parse5 implements the WHATWG parsing algorithm). */
export const parseHtml = (html: string) => parse(html);

/** Every element of a parsed document in document order, template contents included. */
export function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) yield* elements(child);
  if ('content' in node && node.nodeName === 'template') yield* elements(node.content);
}

export const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;

/** The text inside an element, leaving out every element inside it that `skip` names (and what that holds). */
export const textWithout = (el: Element, skip: (inner: Element) => boolean): string =>
  el.childNodes.map((c) => ('value' in c && c.nodeName === '#text' ? c.value : 'tagName' in c && !skip(c) ? textWithout(c, skip) : '')).join('');

/** The text inside an element (a script's code, a style's rules). */
export const textOf = (el: Element): string => textWithout(el, () => false);

/** What Pagefind indexes of a page: the text of its `data-pagefind-body` element, without `data-pagefind-ignore` parts. */
export function searchableText(html: string): string {
  const body = [...elements(parseHtml(html))].find((e) => attr(e, 'data-pagefind-body') !== undefined);
  return body ? textWithout(body, (e) => attr(e, 'data-pagefind-ignore') !== undefined) : '';
}
