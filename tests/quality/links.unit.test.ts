import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkLinks } from './links';

const dir = mkdtempSync(join(tmpdir(), 'chamber-links-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a tiny built site: file path -> body HTML. */
function site(name: string, files: Record<string, string>): string {
  const root = join(dir, name);
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), `<!doctype html><html lang="en"><title>t</title><body>${body}</body></html>`);
  }
  return root;
}

const at = { base: '/archive/', site: 'https://council.example' };

describe('checkLinks', () => {
  test('accepts pages, files and anchors that exist, under the base path, in every form of address', () => {
    const root = site('good', {
      'index.html': '<a href="a/">A</a> <a href="/archive/a/#x">A x</a> <a href="https://council.example/archive/">home</a> <img src="/archive/i.png" srcset="/archive/i.png 1x, i.png 2x" alt="">',
      'a/index.html': '<h2 id="x">X</h2><a href="#x">here</a><a href="../">up</a><a name="old"></a><a href="#old">legacy</a>',
      'i.png': '',
    });
    const report = checkLinks(root, at);
    expect(report.broken).toEqual([]);
    expect(report.pages).toBe(2);
    expect(report.internal).toBe(9);
    expect(report.anchors).toBe(3);
  });

  test.each([
    ['a missing page', '<a href="/archive/nope/">x</a>', 'no such page or file in the build'],
    ['a missing anchor on this page', '<a href="#nope">x</a>', 'no element with id "nope" on /archive/'],
    ['a missing anchor on another page', '<a href="a/#nope">x</a>', 'no element with id "nope" on /archive/a/'],
    ['a link that ignores the base path', '<a href="/a/">x</a>', 'outside the base path /archive/'],
    ['a folder without its slash', '<a href="/archive/a">x</a>', 'a folder without its trailing slash'],
    ['a javascript: address', '<a href="javascript:alert(1)">x</a>', 'javascript: address'],
    ['a missing image in a srcset', '<img src="a/" srcset="gone.png 2x" alt="">', 'no such page or file in the build'],
    ['a missing stylesheet', '<link rel="stylesheet" href="/archive/_astro/gone.css">', 'no such page or file in the build'],
  ])('reports %s', (_name, body, problem) => {
    const root = site(_name.replace(/\W+/g, '-'), { 'index.html': body, 'a/index.html': '<p id="x">x</p>' });
    expect(checkLinks(root, at).broken).toEqual([expect.objectContaining({ page: '/', problem })]);
  });

  test('lists external addresses with the pages that use them, without fetching them', () => {
    const root = site('external', {
      'index.html': '<a href="https://www.leics.gov.uk/">c</a> <a href="mailto:democracy@leics.gov.uk">m</a>',
      'a/index.html': '<a href="https://www.leics.gov.uk/">c</a>',
    });
    const report = checkLinks(root, at);
    expect(report.broken).toEqual([]);
    expect(Object.fromEntries(report.external)).toEqual({
      'https://www.leics.gov.uk/': ['/', '/a/'],
      'mailto:democracy@leics.gov.uk': ['/'],
    });
  });
});
