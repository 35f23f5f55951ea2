import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { describe, expect, test } from 'vitest';
import { fidelity, wordsOf } from '../../src/model/words';
import { findFurniture } from '../../scripts/import/layout/furniture';
import { toLines } from '../../scripts/import/read/line';
import { seedPacks, sourceText } from '../helpers/seeds';
import { DIST } from '../helpers/dist';


function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : path.endsWith('.html') ? [path] : [];
  });
}

/** What a reader sees of a page's source text: the article, less what the site marks as not part of the text. */
function articles() {
  return htmlFiles(DIST).flatMap((path) => {
    const html = readFileSync(path, 'utf8');
    const m = /<article data-source-pack="([^"]+)" data-source-from="(\d+)"[^>]*>([\s\S]*?)<\/article>/.exec(html);
    if (!m) return [];
    const visible = m[3]!
      .replace(/<(\w+)[^>]*data-pagefind-ignore[^>]*>[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]+>/g, ' ');
    return [{ pack: m[1]!, from: Number(m[2]), text: decodeHTML(visible) }];
  });
}

describe('fidelity of the built site to each seed pack', () => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` before this test');
  const pages = articles();

  test.each(seedPacks())('$id: every word, in order, at least 99.5%', ({ id, text }) => {
    const lines = toLines(text);
    const furniture = new Set(findFurniture(lines).map((f) => f.line));
    const source = wordsOf(sourceText(lines, furniture));
    const site = pages
      .filter((p) => p.pack === id)
      .sort((a, b) => a.from - b.from)
      .map((p) => p.text)
      .join('\n');
    const result = fidelity(source, wordsOf(site));
    const percent = (100 * result.matched) / result.total;
    console.log(`fidelity ${id}: ${percent.toFixed(2)}% (${result.matched} of ${result.total} words; ${furniture.size} furniture lines removed)`);
    for (const m of result.missing.slice(0, 5)) console.log(`  missing "${m.word}" in: ${m.context}`);
    expect(source.length).toBeGreaterThan(1000);
    expect(percent).toBeGreaterThanOrEqual(99.5);
  });
});
