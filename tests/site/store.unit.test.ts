import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { markStore, pruneStores, STORE_FOR } from '../../scripts/build/store';

const scratch = mkdtempSync(join(tmpdir(), 'chamber-stores-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder with a file in it, standing for built parts or a content folder. */
function folder(...path: string[]): string {
  const dir = join(scratch, ...path);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<p>built</p>');
  return dir;
}

/** The id of a process that has ended. */
const endedPid = (): number => spawnSync(process.execPath, ['-e', '']).pid!;

describe('the stores of earlier builds', () => {
  test('a store whose content folder or settings are gone is removed; one in use, or not saying what it is for, stays', () => {
    const stores = join(scratch, 'parts');
    const content = folder('content');
    const config = join(scratch, 'chamber.config.yaml');
    writeFileSync(config, 'name: Test\n');
    const store = (name: string, what?: { content: string; config: string }) => {
      folder('parts', name, 'built', 'a-part');
      if (what) markStore(join(stores, name), { ...what, out: join(scratch, 'dist') });
      return join(stores, name);
    };
    const current = store('current', { content: join(scratch, 'gone-but-current'), config });
    const kept = store('kept', { content, config });
    const noContent = store('no-content', { content: join(scratch, 'a-test-copy-removed'), config });
    const noConfig = store('no-config', { content, config: join(scratch, 'removed.yaml') });
    const older = store('older');
    const stopped = folder('parts', 'current', `merge-${endedPid()}`);
    const ours = folder('parts', 'current', `merge-${process.pid}`);

    const removed = pruneStores(stores, current);
    expect(removed.sort()).toEqual([noConfig, noContent, stopped].sort());
    expect(readdirSync(stores).sort()).toEqual(['current', 'kept', 'older']);
    expect(readdirSync(current).sort()).toEqual(['built', STORE_FOR, `merge-${process.pid}`].sort());
    expect(JSON.parse(readFileSync(join(kept, STORE_FOR), 'utf8'))).toEqual({ content, config, out: join(scratch, 'dist') });
    expect(readdirSync(older)).toEqual(['built']);
    expect(readdirSync(ours)).toEqual(['index.html']);
    expect(pruneStores(stores, current), 'nothing left to remove').toEqual([]);
  });

  test('a folder of stores that does not exist yet is no problem', () => {
    expect(pruneStores(join(scratch, 'none'), join(scratch, 'none', 'store'))).toEqual([]);
  });
});
