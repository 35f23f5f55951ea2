import { attr, elements, parseHtml } from '../helpers/html';

/** Script types a browser does not run: data blocks such as JSON. */
const DATA_SCRIPT = /^(application\/(ld\+)?json|text\/plain)$/i;
/** Attributes whose value the browser treats as an address it may navigate to or load. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'poster', 'xlink:href', 'background', 'ping', 'cite']);
/** Elements that run or embed other code, or change how every address on the page resolves. */
const FORBIDDEN_ELEMENTS = new Set(['iframe', 'object', 'embed', 'base', 'frame', 'frameset', 'applet']);

/**
 * What in a page could run code or would be blocked by the site's Content Security Policy: inline scripts, event
 * handler attributes, `javascript:` addresses, embedded frames and objects, inline styles. Parsed as a browser parses
 * it, so markup that only looks harmless as text is judged by what it becomes. Returns one line per problem.
 */
export function unsafeMarkup(html: string): string[] {
  const problems: string[] = [];
  for (const el of elements(parseHtml(html))) {
    const where = `<${el.tagName}${attr(el, 'id') ? ` id="${attr(el, 'id')}"` : ''}>`;
    if (el.tagName === 'script' && attr(el, 'src') === undefined && !DATA_SCRIPT.test(attr(el, 'type') ?? '')) {
      problems.push(`${where}: inline script`);
    }
    if (el.tagName === 'style') problems.push(`${where}: inline style element`);
    if (FORBIDDEN_ELEMENTS.has(el.tagName)) problems.push(`${where}: embeds other content`);
    if (el.tagName === 'meta' && attr(el, 'http-equiv')?.toLowerCase() === 'refresh') problems.push(`${where}: refresh`);
    for (const { name, value } of el.attrs) {
      if (/^on/i.test(name)) problems.push(`${where}: event handler attribute ${name}`);
      if (name === 'style') problems.push(`${where}: inline style attribute`);
      if (name === 'srcdoc') problems.push(`${where}: srcdoc`);
      // Browsers drop tabs and newlines inside an address and ignore leading spaces, so `java\tscript:` still runs.
      const address = value.replace(/[\t\n\r]/g, '').trim().toLowerCase();
      if (URL_ATTRIBUTES.has(name) && /^(javascript:|vbscript:|data:text\/html)/.test(address)) {
        problems.push(`${where}: ${name} runs script (${value.slice(0, 40)})`);
      }
    }
  }
  return problems;
}
