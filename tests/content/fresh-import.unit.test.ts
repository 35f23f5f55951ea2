import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { run } from '../../scripts/import';

const CONTENT = join(import.meta.dirname, '..', '..', 'content');

/** `npm run import -- --check` on a content folder: its exit code, and the lines naming a file it would change. */
async function check(out: string) {
  const lines: string[] = [];
  const code = await run(['--check', '--out', out], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  return { code, differences: lines.filter((l) => /^ {2}(would write|would remove|edited by hand) /.test(l)), last: lines.at(-1) ?? '' };
}

describe('content/ is what a fresh import of content/sources gives, with its hints', () => {
  test('re-importing every source in content/sources would change no file', async () => {
    // On failure this names each file a re-import would write or remove, and each one a person edited.
    const { code, differences, last } = await check(CONTENT);
    expect({ code, differences }).toEqual({ code: 0, differences: [] });
    expect(last).toMatch(/is what a fresh import of these sources gives; [1-9][\d,]* files checked/);
  });

  const scratch = mkdtempSync(join(tmpdir(), 'chamber-fresh-import-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  test('a hand edit and a deleted file are named, and the check fails', async () => {
    const copy = join(scratch, 'content');
    cpSync(CONTENT, copy, { recursive: true });
    const generated = Object.keys((JSON.parse(readFileSync(join(copy, '.import-manifest.json'), 'utf8')) as { files: Record<string, unknown> }).files);
    const edited = generated.find((p) => p.endsWith('.mdx'))!;
    const deleted = generated.find((p) => p.startsWith('meetings/'))!;
    appendFileSync(join(copy, edited), '\nA sentence the minutes never said.\n');
    rmSync(join(copy, deleted));
    const { code, differences } = await check(copy);
    expect(code).toBe(1);
    expect(differences).toEqual([`  would write     ${join(copy, deleted)}`, `  edited by hand  ${join(copy, edited)}`]);
  });
});
