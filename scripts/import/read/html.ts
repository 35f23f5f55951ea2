/**
 * HTML, as councils publish minutes on their own sites, whole pages or fragments: the page's main content (its
 * `<main>` or `<article>`, else its body, without navigation, scripts or forms) as Markdown lines, with tables as
 * TAB-separated rows, so the rest of the importer reads it like any other source. Turndown does the conversion.
 */
import { parse, serialize, type DefaultTreeAdapterMap } from 'parse5';
import TurndownService from 'turndown';
import type { SourceText } from './line';
import { readMarkdown } from './markdown';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const isElement = (node: Node): node is Element => 'tagName' in node;

function find(node: Node, test: (e: Element) => boolean): Element | undefined {
  if (isElement(node) && test(node)) return node;
  for (const child of 'childNodes' in node ? node.childNodes : []) {
    const hit = find(child as Node, test);
    if (hit) return hit;
  }
  return undefined;
}

const attribute = (e: Element | undefined, name: string) => e?.attrs.find((a) => a.name === name)?.value;

/** Page chrome that is never part of the document. */
const CHROME: TurndownService.TagName[] = ['script', 'style', 'noscript', 'nav', 'form', 'button', 'iframe', 'template', 'head'];

const cellText = (content: string) => content.replace(/\s*\n\s*/g, ' ').replace(/\t/g, ' ').trim();

function converter(): TurndownService {
  const service = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', emDelimiter: '*', strongDelimiter: '**', codeBlockStyle: 'fenced' });
  service.remove(CHROME);
  service.remove((node) => node.nodeName.toLowerCase() === 'svg');
  // Cells as TAB-separated text, a row a line: the same shape as a table read from a PDF.
  service.addRule('cell', { filter: ['th', 'td'], replacement: (content) => `${cellText(content)}\t` });
  service.addRule('row', { filter: 'tr', replacement: (content) => `${content.replace(/\t$/, '')}\n` });
  // Only the blank lines around the rows go: a TAB that starts a row is an empty first cell, which keeps the columns.
  service.addRule('table', { filter: 'table', replacement: (content) => `\n\n${content.replace(/\n{2,}/g, '\n').replace(/^\n+|\n+$/g, '')}\n\n` });
  service.addRule('caption', { filter: 'caption', replacement: (content) => `${cellText(content)}\n` });
  return service;
}

/** The language the page declares (`<html lang="cy">`), when it declares one. */
export function declaredLanguage(html: string): string | undefined {
  return attribute(find(parse(html), (e) => e.tagName === 'html'), 'lang')?.toLowerCase().split('-')[0];
}

/** HTML to Markdown text: the main content only. */
export function htmlToMarkdown(html: string): string {
  const document = parse(html);
  const main =
    find(document, (e) => e.tagName === 'main' || attribute(e, 'role') === 'main') ??
    find(document, (e) => e.tagName === 'article') ??
    find(document, (e) => e.tagName === 'body');
  const fragment = main ? serialize(main) : html;
  return `${converter().turndown(fragment).replace(/[ \t]+$/gm, '').trim()}\n`;
}

/** Reads HTML into the line model: the main content as Markdown lines. */
export function readHtml(html: string, format: 'html' | 'docx' = 'html'): SourceText {
  const source = readMarkdown(htmlToMarkdown(html), format);
  const title = find(parse(html), (e) => e.tagName === 'title');
  const text = title?.childNodes.map((n) => ('value' in n ? String(n.value) : '')).join('').trim();
  if (text) source.title = text;
  return source;
}
