import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runScript, IN_ONE } from '../helpers/build';
import { sitePages } from '../helpers/dist';
import { elements, parseHtml, textOf } from '../helpers/html';
import { plantedScriptsThatRun, unsafeMarkup } from './unsafe-markup';

const ROOT = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'chamber-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const PACK = 'sources/leicestershire-scrutiny-commission-2015-04-22.txt';
const AGENDA_DOC = 'documents/leicestershire/scrutiny-commission/2015-04-22/agenda.mdx';
const MEETING = 'meetings/leicestershire/scrutiny-commission/2015-04-22.yaml';

function edit(content: string, path: string, from: string, to: string) {
  const file = join(content, path);
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${path}: "${from}" not found, so the hostile text would not be planted`);
  writeFileSync(file, text.replace(from, to));
}

/** A private copy of the seed content with a hostile pack re-imported and hostile fields typed by hand. */
function hostileContent(name: string): string {
  const content = join(scratch, name, 'content');
  cpSync(join(ROOT, 'content'), content, { recursive: true });
  return content;
}

const build = (content: string, out: string) =>
  runScript('scripts/build.ts', ['--out', out, ...IN_ONE], { CHAMBER_CONTENT: content, CHAMBER_CACHE_DIR: join(scratch, 'cache') });

/** Words a reader sees on every page, so the test can tell hostile text was kept as text rather than dropped. */
const visibleText = (dist: string) =>
  sitePages(dist)
    .map((p) => [...elements(parseHtml(readFileSync(p.file, 'utf8')))].find((e) => e.tagName === 'body'))
    .map((body) => (body ? textOf(body) : ''))
    .join('\n');

describe('hostile text in a meeting pack and in typed fields is published as text, never as code', () => {
  const out = join(scratch, 'imported', 'dist');
  let result: ReturnType<typeof runScript>;

  beforeAll(() => {
    const content = hostileContent('imported');
    // The pack as a council might send it: markup in an agenda title, a table cell, report prose and minutes.
    edit(content, PACK, '2. Question Time.\t', `2. Question Time <script>alert('agenda')</script>.\t`);
    edit(content, PACK, '2. Governance\t4', `2. Governance <img src=x onerror=alert('cell')>\t4`);
    edit(
      content,
      PACK,
      'The principal aim of the youth justice system',
      `<script>alert('prose')</script> See [the plan](javascript:alert('md-link')) and <a href="javascript:alert('a')" onclick="alert('click')">this</a> {alert('expr')}. The principal aim of the youth justice system`,
    );
    edit(content, PACK, 'There were no urgent items for consideration.', `There were no urgent items <svg onload=alert('minutes')></svg> for consideration.`);
    const imported = runScript('scripts/import.ts', [join(content, PACK), '--out', content, '--force'], {});
    if (imported.status !== 0) throw new Error(`import failed:\n${imported.output}`);
    // Fields an editor types into YAML, where an attribute-breaking quote is the usual attack.
    edit(content, AGENDA_DOC, 'title: Agenda – Scrutiny Commission', `title: "Agenda <script>alert('title')</script> \\" onmouseover=\\"alert('attr')"`);
    edit(content, MEETING, 'venue: Sparkenhoe Committee Room,', `venue: Sparkenhoe <iframe src=javascript:alert('venue')></iframe> Room,`);
    result = build(content, out);
  });

  test('the site builds', () => {
    expect(result.output).not.toMatch(/problem/);
    expect(result.status).toBe(0);
  });

  test('no page has an inline script, event handler, javascript: address or embedded frame', () => {
    const pages = sitePages(out);
    const problems = pages.flatMap((p) => unsafeMarkup(readFileSync(p.file, 'utf8')).map((m) => `${p.path} ${m}`));
    console.log(`Hostile content: ${pages.length} pages built from planted markup, ${problems.length} unsafe constructs found`);
    expect(problems).toEqual([]);
  });

  // Served without _headers: the markup itself must be safe, not only saved by the Content Security Policy.
  test('no planted script runs in Chromium, on any page or in search results for it', async () => {
    const paths = sitePages(out).map((p) => p.path);
    const { ran, results } = await plantedScriptsThatRun(out, '/', paths);
    console.log(`Hostile content in Chromium: ${paths.length} pages and ${results} search results for "alert" shown, ${ran.length} planted scripts ran`);
    expect(ran).toEqual([]);
  });

  let text: string | undefined;
  test.each(['agenda', 'cell', 'prose', 'md-link', 'click', 'expr', 'minutes', 'title', 'attr', 'venue'])(
    'the planted text "%s" is shown to readers as printed',
    (marker) => {
      text ??= visibleText(out);
      expect(text).toContain(`alert('${marker}')`);
    },
  );
});

describe('code typed into an MDX body stops the build, naming file and line', () => {
  const bodyLines = [
    ['<script>', `<script>alert('mdx-script')</script>`, 'HTML element <script> is not allowed'],
    ['<img onerror>', `Text <img src="x" onerror="alert('mdx-img')" /> more.`, 'HTML element <img> is not allowed'],
    ['a javascript: link', `See [the plan](javascript:alert('md-link')).`, 'a link to a javascript: address is not allowed'],
    ['an expression', `Total {alert('expr')} spent.`, `{alert('expr')} is code`],
  ] as const;
  const out = join(scratch, 'typed', 'dist');
  let result: ReturnType<typeof runScript>;
  let firstLine = 0;

  beforeAll(() => {
    const content = hostileContent('typed');
    const file = join(content, AGENDA_DOC);
    const text = readFileSync(file, 'utf8');
    firstLine = text.split('\n').length + 2;
    writeFileSync(file, `${text}\n\n${bodyLines.map(([, line]) => line).join('\n\n')}\n`);
    result = build(content, out);
  });

  test('nothing is built', () => {
    expect(result.status).toBe(1);
    expect(result.output).toContain('nothing was built');
    expect(existsSync(out)).toBe(false);
  });

  test.each(bodyLines.map(([name, , message], i) => [name, message, i]))('%s is reported', (_name, message, i) => {
    expect(result.output).toContain(`content/${AGENDA_DOC}:${firstLine + 2 * Number(i)}:`);
    expect(result.output).toContain(message);
  });
});
