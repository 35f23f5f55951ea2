import { readdirSync, readFileSync } from 'node:fs';

/**
 * Processes and their memory, from Linux's /proc: what the build reads to keep the parts it runs at once within
 * its memory, and the benchmark to measure a build. Elsewhere there is no /proc, and these find nothing.
 */

/** Resident and peak resident memory of a process, in bytes, from its /proc/<pid>/status text; 0 for a field not there. */
export function processMemory(status: string): { rss: number; hwm: number } {
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ, the same on every architecture Node runs on). */
const TICK_MS = 10;

/**
 * The parent and CPU time of a process from its /proc/<pid>/stat line. Fields are counted after the parenthesised
 * command name, which may itself contain spaces: state, ppid, ..., utime (14th field), stime (15th).
 */
export function parseStat(stat: string): { ppid: number; cpuMs: number } {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
}

/** Every running process's parent and CPU time. */
export function processes(): Map<number, { ppid: number; cpuMs: number }> {
  const map = new Map<number, { ppid: number; cpuMs: number }>();
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return map;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      map.set(Number(name), parseStat(readFileSync(`/proc/${name}/stat`, 'utf8')));
    } catch {
      // The process ended between listing and reading.
    }
  }
  return map;
}

/** A process and all its descendants. */
export function descendants(root: number, parentOf: ReadonlyMap<number, { ppid: number }>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of parentOf) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** The resident memory of a process and all its descendants together, in bytes; 0 where /proc cannot tell. */
export function treeMemory(root: number): number {
  let total = 0;
  for (const pid of descendants(root, processes())) {
    try {
      total += processMemory(readFileSync(`/proc/${pid}/status`, 'utf8')).rss;
    } catch {
      // Gone since the tree was listed.
    }
  }
  return total;
}

/** Stops a process and all its descendants (SIGKILL), so none is left running; where /proc cannot tell, the process alone. */
export function killTree(root: number): void {
  for (const pid of descendants(root, processes())) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
