import { describe, expect, test } from 'vitest';
import { CACHE_HASHED, CACHE_SHORT, CONTENT_SECURITY_POLICY, headersFile, robotsTxt } from '../../src/integrations/cdn';
import { headersFor, parseHeaders } from '../helpers/static-server';
import { unsafeMarkup } from './unsafe-markup';

const entries = [
  { name: '_astro', directory: true },
  { name: 'meetings', directory: true },
  { name: 'index.html', directory: false },
  { name: '404.html', directory: false },
  { name: 'robots.txt', directory: false },
  { name: '_headers', directory: false },
];

describe('headersFile', () => {
  test.each(['/', '/archive/'])('under base %s, hashed assets are cached for a year and everything else for minutes', (base) => {
    const rules = parseHeaders(headersFile(base, entries));
    const served = (path: string) => headersFor(rules, `${base}${path}`);
    expect(served('_astro/site.B5jXHGyu.css')['cache-control']).toBe(CACHE_HASHED);
    for (const path of ['', 'index.html', 'meetings/', 'meetings/leicestershire/x/2015-04-22/', '404.html', 'robots.txt']) {
      expect(served(path)['cache-control'], path).toBe(CACHE_SHORT);
      expect(served(path)['content-security-policy'], path).toBe(CONTENT_SECURITY_POLICY);
    }
    // A file the build did not make has no cache rule rather than a wrong one.
    expect(served('unknown.txt')['cache-control']).toBeUndefined();
  });

  test('the rules stay inside the base path', () => {
    const patterns = parseHeaders(headersFile('/archive/', entries)).map((r) => r.pattern);
    expect(patterns.every((p) => p.startsWith('/archive/'))).toBe(true);
    expect(patterns).not.toContain('/archive/_headers');
  });

  test('the policy allows no inline script, eval, plugins or foreign code', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|'unsafe-eval'|\*|https?:/);
  });
});

describe('headersFor', () => {
  test('joins a header two rules set, as Cloudflare Pages does, so overlapping rules are caught', () => {
    const rules = parseHeaders('/*\n  Cache-Control: a\n  X-One: 1\n\n/x/*\n  Cache-Control: b\n');
    expect(headersFor(rules, '/x/y')).toEqual({ 'cache-control': 'a, b', 'x-one': '1' });
    expect(headersFor(rules, '/z')).toEqual({ 'cache-control': 'a', 'x-one': '1' });
  });
});

test('robots.txt points crawlers at the sitemap index under the deploy address', () => {
  expect(robotsTxt(new URL('https://democracy.example.gov.uk/archive/'))).toBe(
    'User-agent: *\nAllow: /\n\nSitemap: https://democracy.example.gov.uk/archive/sitemap-index.xml\n',
  );
});

describe('unsafeMarkup', () => {
  test.each([
    ['<script>alert(1)</script>', 'inline script'],
    ['<script type="module">alert(1)</script>', 'inline script'],
    ['<img src=x onerror="alert(1)">', 'event handler attribute onerror'],
    ['<svg><a onclick="alert(1)"></a></svg>', 'event handler attribute onclick'],
    ['<a href=" java\tscript:alert(1)">x</a>', 'href runs script'],
    ['<a href="JAVASCRIPT:alert(1)">x</a>', 'href runs script'],
    ['<form action="javascript:alert(1)"></form>', 'action runs script'],
    ['<iframe src="https://x.example"></iframe>', 'embeds other content'],
    ['<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', 'srcdoc'],
    ['<p style="color:red">x</p>', 'inline style attribute'],
    ['<style>p{}</style>', 'inline style element'],
    ['<template><img src=x onerror=alert(1)></template>', 'event handler attribute onerror'],
  ])('finds %s', (html, problem) => {
    expect(unsafeMarkup(`<!doctype html><title>t</title>${html}`).join('\n')).toContain(problem);
  });

  test.each([
    '<script src="/_astro/search.js" type="module"></script>',
    '<script type="application/ld+json">{"a":1}</script>',
    '<p>&lt;script&gt;alert(1)&lt;/script&gt; and onerror=alert(1) and javascript:alert(1) as text</p>',
    '<a href="/javascript-guide/">a page named javascript</a>',
    '<a title="javascript:alert(1)" href="/x/">an attribute that is not an address</a>',
  ])('accepts %s', (html) => {
    expect(unsafeMarkup(`<!doctype html><title>t</title>${html}`)).toEqual([]);
  });
});
