import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, expect, test } from 'vitest';
import Pagination from '../../src/components/Pagination.astro';
import { paths } from '../../src/model/url';
import { siteValidator } from '../helpers/html-validate';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const render = (current: number, last: number) =>
  container.renderToString(Pagination, { props: { label: 'Pages of decisions in 2013', current, last, path: (n: number) => paths.decisionsInYear(2013, n) } });
const links = (html: string) => [...html.matchAll(/<a href="([^"]*)"([^>]*)>(.*?)<\/a>/g)].map((m) => [m[1], m[3]!.replace(/<[^>]+>/g, ''), /aria-current="page"/.test(m[2]!)]);

test('a middle page links the previous and next pages and every page, and marks itself as the current one', async () => {
  const html = await render(2, 3);
  expect(html).toContain('<nav class="pagination" aria-label="Pages of decisions in 2013">');
  expect(links(html)).toEqual([
    ['/decisions/2013/', 'Previous page', false],
    ['/decisions/2013/', 'Page 1', false],
    ['/decisions/2013/2/', 'Page 2', true],
    ['/decisions/2013/3/', 'Page 3', false],
    ['/decisions/2013/3/', 'Next page', false],
  ]);
});

test('the first page has no previous link and the last no next; a list of one page has no navigation', async () => {
  expect(links(await render(1, 2)).map((l) => l[1])).toEqual(['Page 1', 'Page 2', 'Next page']);
  expect(links(await render(2, 2)).map((l) => l[1])).toEqual(['Previous page', 'Page 1', 'Page 2']);
  expect((await render(1, 1)).trim()).toBe('');
});

test('its HTML is valid on a page, under the rules every built page is held to', async () => {
  const html = await render(2, 3);
  const page = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Pages</title></head><body><main>${html}</main></body></html>`;
  const report = await siteValidator().validateString(page);
  expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
});
