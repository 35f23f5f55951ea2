import { launchChromium, tabPool } from '../helpers/browser';
import { attr, elements, parseHtml } from '../helpers/html';
import { serveDirectory } from '../helpers/static-server';

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

/**
 * Opens each page of a built site in Chromium, served without its _headers (so the markup must be safe by itself,
 * not only under the Content Security Policy), then the search results for "alert"; returns every dialog a planted
 * script opened, and how many search results were shown.
 */
export async function plantedScriptsThatRun(dir: string, base: string, paths: string[]): Promise<{ ran: string[]; results: number }> {
  const server = await serveDirectory(dir, { headers: false, base });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    const ran: string[] = [];
    context.on('dialog', (dialog) => {
      ran.push(`${dialog.page()?.url()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const tabs = tabPool(context);
    await Promise.all(
      paths.map((path) =>
        tabs.use(async (page) => {
          await page.goto(`${server.url}${path.slice(1)}`);
          await page.mouse.move(200, 200);
        }),
      ),
    );
    // Search results show excerpts of the planted text: they must arrive as text too.
    const results = await tabs.use(async (page) => {
      await page.goto(`${server.url}search/?q=alert`);
      await page.locator('#search-results li').first().waitFor({ timeout: 60_000 });
      await page.mouse.move(200, 200);
      return page.locator('#search-results li').count();
    });
    return { ran, results };
  } finally {
    await browser.close();
    await server.close();
  }
}
