import { describe, expect, test } from 'vitest';
import { paths, withBase } from '../../src/model/url';
import { servedSite } from '../helpers/browser';
import { BASE } from '../helpers/dist';
import { contentGraph } from '../helpers/graph';

const site = servedSite();
const graph = contentGraph();
// A page of each kind that carries the controls for using the site: breadcrumbs, a feed to follow, data to download.
const pages = [paths.minutes(graph.minutes[0]!.id), paths.strategy(graph.strategies[0]!.id), paths.kpi(graph.kpis[0]!.id)];

describe('printed pages', () => {
  test.each(pages)('%s prints its content without the controls for using the site', async (path) => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.goto(new URL(withBase(BASE, path), site.server.origin).href);
    const shown = (selector: string) => page.locator(selector).evaluateAll((els) => els.filter((el) => el.getBoundingClientRect().height > 0).length);
    expect(await shown('main h1')).toBe(1);
    for (const selector of ['.site-header', '.site-footer', '.breadcrumbs', '.follow', '.data-links', '.kpi-actions', '.anchor']) expect(await shown(selector), selector).toBe(0);
    // Each page has at least one of them on screen.
    await page.emulateMedia({ media: 'screen' });
    expect(await shown('.breadcrumbs, .follow, .data-links, .kpi-actions')).toBeGreaterThan(0);
    await context.close();
  });
});
