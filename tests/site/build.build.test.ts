import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { copyFixtureSite, editFile } from '../helpers/fixture-site';
import { readRecord, recordFile, staleness, takeRecord } from '../../scripts/build-record';
import { badInputCases } from '../content/bad-input.cases';

const scratch = mkdtempSync(join(tmpdir(), 'chamber-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `npm run build`'s script on a content folder, as a web team would, into a private output folder. */
function build(content: string, out: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, CHAMBER_CONTENT: content, CHAMBER_CACHE_DIR: join(dirname(out), 'cache') },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('build', () => {
  test('a valid content folder builds a home page that lists its meeting', () => {
    const content = copyFixtureSite();
    const out = join(scratch, 'valid', 'dist');
    const result = build(content, out);
    expect(result.stderr).not.toMatch(/problem/);
    expect(result.status).toBe(0);
    const home = readFileSync(join(out, 'index.html'), 'utf8');
    expect(home).toContain('Scrutiny Commission');
    expect(home).toContain('Wednesday 22 April 2015, 2pm');
    expect(home).toContain('href="/meetings/leicestershire/scrutiny-commission/2015-04-22/"');
    expect(existsSync(join(out, 'meetings/leicestershire/scrutiny-commission/2015-04-22/index.html'))).toBe(true);
    // The record of what it read matches the source, and lies outside the folder that is uploaded.
    const record = readRecord(out);
    expect(record?.files).toHaveProperty([join(content, 'meetings/leicestershire/scrutiny-commission/2015-04-22.yaml')]);
    expect(staleness(out, record!, takeRecord(out, { ...process.env, CHAMBER_CONTENT: content }))).toBeUndefined();
    expect(recordFile(out).startsWith(out)).toBe(false);
    rmSync(dirname(content), { recursive: true, force: true });
  });

  test.each(badInputCases)('$name stops the build, names file, line and field, and writes nothing', (c) => {
    const content = copyFixtureSite();
    editFile(content, c.file, c.from, c.to);
    const out = join(scratch, c.name.replace(/\W+/g, '-'), 'dist');
    const result = build(content, out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${c.file}:${c.line}:`);
    if (c.field) expect(result.stderr).toContain(`${c.field}: `);
    expect(result.stderr).toMatch(c.expect);
    expect(result.stderr).toContain('nothing was built');
    expect(existsSync(out)).toBe(false);
    rmSync(dirname(content), { recursive: true, force: true });
  });
});
