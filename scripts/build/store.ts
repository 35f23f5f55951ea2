import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A build's store (`.chamber/parts/<key>/`) keeps its plan, its built parts and their caches: about as much disk as
 * the site itself. It is keyed by the content folder, settings and output it was built from, so a build of a copy of
 * the content (each test's, a moved folder) makes a store of its own, which nothing uses once that copy is gone.
 */

/** What a store was made for: the content folder and settings file its key names, and the output it builds. */
export interface StoreFor {
  content: string;
  config: string;
  out: string;
}

/** The file in a store that says what it is for. */
export const STORE_FOR = 'for.json';

/** Writes in `store` what it is for, so that later builds can tell when nothing can use it again. */
export function markStore(store: string, what: StoreFor): void {
  mkdirSync(store, { recursive: true });
  writeFileSync(join(store, STORE_FOR), `${JSON.stringify(what, null, 2)}\n`);
}

/** Whether a process of this id is running (one of another user's counts). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes what no build can use again, and returns the folders removed: the other stores in `stores` whose content
 * folder or settings file no longer exists, and the merge folders (`merge-<pid>`) left in `store` by builds that were
 * stopped before they finished. A store that does not say what it is for (made before stores did) is left as it is.
 */
export function pruneStores(stores: string, store: string): string[] {
  const removed: string[] = [];
  for (const name of existsSync(stores) ? readdirSync(stores) : []) {
    const dir = join(stores, name);
    if (dir === store || !existsSync(join(dir, STORE_FOR))) continue;
    let what: Partial<StoreFor>;
    try {
      what = JSON.parse(readFileSync(join(dir, STORE_FOR), 'utf8')) as Partial<StoreFor>;
    } catch {
      // Being written by a build that started this moment: its content exists.
      continue;
    }
    if (typeof what.content === 'string' && typeof what.config === 'string' && existsSync(what.content) && existsSync(what.config)) continue;
    rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  for (const name of existsSync(store) ? readdirSync(store) : []) {
    const pid = /^merge-(\d+)$/.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || running(Number(pid))) continue;
    rmSync(join(store, name), { recursive: true, force: true });
    removed.push(join(store, name));
  }
  return removed;
}

/** The start of the name of a site a build replaced, kept in its store until it is removed (`replaced-<pid>`). */
export const REPLACED = 'replaced-';

/**
 * Removes a folder in a process of its own, which goes on after this one ends (as `git gc --auto` does): the site a
 * build replaced, whose tens of thousands of files take seconds to remove, after the new site is in place.
 */
export function removeInBackground(dir: string): void {
  spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', dir], { detached: true, stdio: 'ignore' }).unref();
}

/**
 * Removes the sites earlier builds replaced that are still there (their removal was stopped: a CI runner that ended
 * the job), asynchronously, while this build's parts build. A folder that cannot be removed now is tried again later.
 */
export function removeReplaced(store: string): Promise<void> {
  const old = existsSync(store) ? readdirSync(store).filter((name) => name.startsWith(REPLACED)) : [];
  return Promise.all(old.map((name) => rm(join(store, name), { recursive: true, force: true }))).then(
    () => undefined,
    () => undefined,
  );
}
