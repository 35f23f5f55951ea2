import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runScript, IN_ONE } from '../helpers/build';
import { BASE, sitePages } from '../helpers/dist';
import { elements, parseHtml, textOf } from '../helpers/html';
import { plantedScriptsThatRun, unsafeMarkup } from './unsafe-markup';

/**
 * The site's own content, whatever it is, plus a community council's minutes that arrive with markup in them, imported
 * as a web team would, and a council name typed with an attribute-breaking quote. Unlike hostile.build.test.ts, which
 * plants into the demo's own pack, this needs nothing of the demo, so it checks a council's own site too.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const MINUTES = 'wye-valley-community-council-full-council-2024-02-26-minutes.txt';
const scratch = mkdtempSync(join(tmpdir(), 'chamber-hostile-import-'));
const content = join(scratch, 'content');
const out = join(scratch, 'dist');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Replaces text that must be there, so the hostile text cannot silently go unplanted. */
function plant(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`"${from}" not found, so the hostile text would not be planted`);
  return text.replace(from, to);
}

const env = { CHAMBER_CONTENT: content, CHAMBER_CACHE_DIR: join(scratch, 'cache') };
// The javascript: link is dropped by the importer as a dead link (its text is kept); unsafeMarkup checks none is left.
const MARKERS = ['prose', 'heading', 'expr', 'council', 'attr'];
let imported: ReturnType<typeof runScript>;
let build: ReturnType<typeof runScript>;

beforeAll(() => {
  cpSync(join(ROOT, 'content'), content, { recursive: true });
  let text = readFileSync(join(ROOT, 'tests', 'corpus', MINUTES), 'utf8');
  text = plant(text, 'He agreed to look into this.', `He agreed to look into <script>alert('prose')</script> this.`);
  text = plant(text, 'To receive apologies for absence:', `To receive apologies <img src=x onerror=alert('heading')> for absence:`);
  text = plant(text, 'Approval of all recommended.', `Approval of all [recommended](javascript:alert('link')) {alert('expr')}.`);
  const file = join(scratch, MINUTES);
  writeFileSync(file, text);
  imported = runScript('scripts/import.ts', [file, '--council', 'wye-valley', '--out', content], {});
  const council = join(content, 'councils', 'wye-valley.yaml');
  if (existsSync(council)) {
    writeFileSync(council, plant(readFileSync(council, 'utf8'), 'name: Wye Valley', `name: "Wye Valley <script>alert('council')</script> \\" onmouseover=\\"alert('attr')"`));
  }
  build = runScript('scripts/build.ts', ['--out', out, ...IN_ONE], env);
});

describe('minutes imported with markup in them, and a council name typed with code, are published as text', () => {
  test('the minutes import and the site builds', () => {
    expect(imported.status, imported.output).toBe(0);
    expect(build.status, build.output).toBe(0);
  });

  test('no page has an inline script, event handler, javascript: address or embedded frame', () => {
    const pages = sitePages(out);
    const problems = pages.flatMap((p) => unsafeMarkup(readFileSync(p.file, 'utf8')).map((m) => `${p.path} ${m}`));
    console.log(`Hostile import: ${pages.length} pages built, ${problems.length} unsafe constructs found`);
    expect(problems).toEqual([]);
  });

  test.each(MARKERS)('the planted text "%s" is shown to readers as printed', (marker) => {
    const shown = sitePages(out).some((p) => {
      const body = [...elements(parseHtml(readFileSync(p.file, 'utf8')))].find((e) => e.tagName === 'body');
      return body !== undefined && textOf(body).includes(`alert('${marker}')`);
    });
    expect(shown).toBe(true);
  });

  // Served without _headers: the markup itself must be safe, not only saved by the Content Security Policy.
  test('no planted script runs in Chromium, on the pages that show it or in search results for it', async () => {
    const paths = sitePages(out).filter((p) => readFileSync(p.file, 'utf8').includes('alert(')).map((p) => p.path);
    expect(paths.length).toBeGreaterThan(3);
    const { ran } = await plantedScriptsThatRun(out, BASE, paths);
    expect(ran).toEqual([]);
  });
});

describe('code typed into the body of imported minutes stops the content check, naming file and line', () => {
  test('the check fails at the line typed, and nothing is built', () => {
    const file = join(content, 'minutes', 'wye-valley', 'full-council', '2024-02-26.mdx');
    const line = readFileSync(file, 'utf8').split('\n').length + 1;
    appendFileSync(file, `\n<script>alert('typed')</script>\n`);
    const typedOut = join(scratch, 'typed');
    const result = runScript('scripts/build.ts', ['--out', typedOut, ...IN_ONE], env);
    expect(result.status).toBe(1);
    expect(result.output).toContain(`minutes/wye-valley/full-council/2024-02-26.mdx:${line}:`);
    expect(result.output).toContain('HTML element <script> is not allowed');
    expect(existsSync(typedOut)).toBe(false);
  });
});
