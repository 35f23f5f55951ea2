import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { COMMON_LIMIT, unsetLimitHint } from '../../scripts/build/host-limit';
import { PART_RECORD, type PartRecord } from '../../scripts/build/merge';
import { run } from '../../scripts/build';
import { CONFIG_FILE } from '../../src/model/site-config';
import { DIST } from '../helpers/dist';
import { siteFiles } from '../helpers/site-tree';

const scratch = mkdtempSync(join(tmpdir(), 'chamber-host-limit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const count = (dir: string) => siteFiles(dir).length;
const files = count(DIST);
const settings = readFileSync(join(import.meta.dirname, '..', '..', CONFIG_FILE), 'utf8');

/** The built site, recorded as the one part of its build, as `--part` records a part. */
const whole = join(scratch, 'whole');
cpSync(DIST, whole, { recursive: true });
writeFileSync(join(whole, PART_RECORD), JSON.stringify({ part: 'whole', parts: ['whole'], build: 'seed' } satisfies PartRecord));

/** Merges the built site, as one part, into a new folder, with the project's settings and `maxFiles` added. */
async function mergeWithin(maxFiles: number, name: string) {
  const config = join(scratch, `${name}.yaml`);
  writeFileSync(config, `${settings}\nmaxFiles: ${maxFiles}\n`);
  const out = join(scratch, name);
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  const code = await run(['--merge', whole, '--out', out], { out: log, err: log, env: { ...process.env, CHAMBER_CONFIG: config } });
  return { code, out, output: lines.join('\n'), config };
}

describe('maxFiles: the most files the host accepts', () => {
  test('a site within it is written, and the build prints the files written beside the limit', async () => {
    const merged = await mergeWithin(files, 'within');
    expect(merged.code, merged.output).toBe(0);
    expect(count(merged.out)).toBe(files);
    expect(merged.output).toContain(`(${files.toLocaleString('en-GB')} files of the ${files.toLocaleString('en-GB')} its host accepts)`);
  });

  test('a site over it is not written; the build names its files, the limit and what can be done', async () => {
    const merged = await mergeWithin(files - 1, 'over');
    expect(merged.code).toBe(1);
    expect(existsSync(merged.out)).toBe(false);
    expect(existsSync(`${merged.out}.merging`)).toBe(false);
    const n = (x: number) => x.toLocaleString('en-GB');
    expect(merged.output).toContain(`The site has ${n(files)} files, more than the ${n(files - 1)} its host accepts (maxFiles in ${merged.config}).`);
    expect(merged.output).toContain('Publish fewer papers in this site (a site per council, or per term), or use a host that accepts more files');
    expect(merged.output).toContain(`no ${merged.out} was written`);
  });

  test('without it, a site over what a common host accepts is told how to have its host checked; one within is not', () => {
    expect(unsetLimitHint(COMMON_LIMIT + 1, undefined, CONFIG_FILE)).toBe(
      `Some hosts refuse a deploy of more than 20,000 files (Cloudflare Pages' free plan). Set maxFiles in ${CONFIG_FILE} to your host's limit, if it has one, and the build will check it (see "Hosts that limit files" in README.md).`,
    );
    expect(unsetLimitHint(COMMON_LIMIT, undefined, CONFIG_FILE)).toBeUndefined();
    expect(unsetLimitHint(COMMON_LIMIT + 1, 100_000, CONFIG_FILE)).toBeUndefined();
  });
});
