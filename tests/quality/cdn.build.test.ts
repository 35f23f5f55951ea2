import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CACHE_HASHED, CACHE_SHORT, CONTENT_SECURITY_POLICY } from '../../src/integrations/cdn';
import { BASE, DIST, SITE, sitePages, sitePath, walk } from '../helpers/dist';
import { attr, elements, parseHtml } from '../helpers/html';
import { headersFor, parseHeaders } from '../helpers/static-server';
import { unsafeMarkup } from './unsafe-markup';

const root = new URL(BASE, SITE).href;
const pages = sitePages();
const read = (path: string) => readFileSync(join(DIST, path), 'utf8');

describe(`${DIST} is ready for a CDN`, () => {
  test.each(['_headers', 'robots.txt', 'sitemap-index.xml', '404.html', 'favicon.svg'])('%s is there', (file) => {
    expect(existsSync(join(DIST, file))).toBe(true);
  });

  test('every file is served with the security policy, hashed assets cached for a year and the rest for minutes', () => {
    const rules = parseHeaders(read('_headers'));
    const files = walk(DIST).filter((f) => !f.endsWith('/_headers'));
    const wrong = files.flatMap((file) => {
      const path = `${BASE}${sitePath(DIST, file).slice(1)}`;
      const headers = headersFor(rules, path);
      const cache = path.startsWith(`${BASE}_astro/`) ? CACHE_HASHED : CACHE_SHORT;
      return [
        headers['cache-control'] === cache ? [] : [`${path}: Cache-Control ${headers['cache-control']}, expected ${cache}`],
        headers['content-security-policy'] === CONTENT_SECURITY_POLICY ? [] : [`${path}: no Content-Security-Policy`],
        headers['x-content-type-options'] === 'nosniff' ? [] : [`${path}: no X-Content-Type-Options`],
      ].flat();
    });
    console.log(`_headers: ${files.length} files checked, ${files.filter((f) => f.includes('/_astro/')).length} hashed assets cached for a year`);
    expect(wrong).toEqual([]);
  });

  test('no page has code the Content Security Policy would block or that content could have injected', () => {
    const problems = pages.flatMap((p) => unsafeMarkup(readFileSync(p.file, 'utf8')).map((m) => `${p.path} ${m}`));
    expect(problems).toEqual([]);
  });

  test('nothing needs a server: every page is a plain file, and forms only ask for another page', () => {
    const serverSide = walk(DIST).filter((f) => /\.(php|aspx?|jsp|cgi|shtml|htaccess)$/.test(f));
    expect(serverSide).toEqual([]);
    const posting = pages.flatMap((p) =>
      [...elements(parseHtml(readFileSync(p.file, 'utf8')))]
        .filter((e) => e.tagName === 'form' && (attr(e, 'method') ?? 'get').toLowerCase() !== 'get')
        .map(() => p.path),
    );
    expect(posting).toEqual([]);
  });

  test('the sitemap lists every page but the 404 page, at its full address', () => {
    const index = read('sitemap-index.xml');
    const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(maps.length).toBeGreaterThan(0);
    const listed = maps.flatMap((map) => {
      expect(map.startsWith(root)).toBe(true);
      return [...read(map.slice(root.length)).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    });
    const expected = pages.filter((p) => p.path !== '/404.html').map((p) => new URL(p.path.slice(1), root).href);
    expect(listed.sort()).toEqual(expected.sort());
  });

  test('robots.txt allows crawling and names the sitemap index', () => {
    expect(read('robots.txt')).toContain(`Sitemap: ${root}sitemap-index.xml`);
    expect(read('robots.txt')).not.toMatch(/Disallow: \/\s*$/m);
  });

  test('the 404 page helps a reader on, with links that work from any address', () => {
    const html = read('404.html');
    expect(html).toContain('Page not found');
    const hrefs = [...elements(parseHtml(html))].flatMap((e) => (e.tagName === 'a' || e.tagName === 'link' ? [attr(e, 'href') ?? ''] : []));
    // Served in place of any missing address, so a relative link would resolve against that address instead.
    expect(hrefs.filter((h) => !h.startsWith(BASE) && !h.startsWith('#') && !/^https?:/.test(h))).toEqual([]);
    expect(hrefs).toContain(BASE);
  });
});
