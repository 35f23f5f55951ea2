import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/** What one measured command did. */
export interface Measured {
  exitCode: number;
  wallMs: number;
  /**
   * Largest total resident memory of the command's whole process tree seen at any one sample: the build, the Astro
   * child it starts, and Pagefind's native indexer. This is what the machine must have free.
   */
  peakRssBytes: number;
  /** Largest peak (VmHWM) of any single process in the tree, which no sampling interval can miss. */
  peakProcessBytes: number;
  /** Each process of the tree that reached 50 MB, largest first: which part of the build needs the memory. */
  processes: Array<{ command: string; peakBytes: number }>;
  /** The tree's resident memory every few seconds, as [milliseconds since start, bytes]: when the memory is needed. */
  timeline: Array<[number, number]>;
  /**
   * CPU time (user + system) of the whole tree. On a machine shared with other work, wall time grows with the load
   * and CPU time much less, so this is the steadier figure to compare two builds by.
   */
  cpuMs: number;
  /** The 1-minute load average when the command started and when it ended: above the core count, wall times are inflated. */
  load: [number, number];
  /** Every line the command printed (stdout and stderr), with the milliseconds since start when it arrived. */
  lines: Array<{ ms: number; text: string }>;
}

/** Resident and peak resident memory of a process, in bytes, from /proc/<pid>/status; undefined once it has gone. */
export function processMemory(status: string): { rss: number; hwm: number } {
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** How often the memory timeline keeps a sample. */
const TIMELINE_MS = 2000;

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

/** A short name for a process: its first three arguments without their folders (`node build.ts --out`). */
export function commandName(cmdline: string): string {
  return cmdline
    .split('\0')
    .filter(Boolean)
    .slice(0, 3)
    .map((arg) => arg.replace(/^.*\//, ''))
    .join(' ');
}

/** Every running process's parent and CPU time. */
function processes(): Map<number, { ppid: number; cpuMs: number }> {
  const map = new Map<number, { ppid: number; cpuMs: number }>();
  for (const name of readdirSync('/proc')) {
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

/**
 * Runs a command and measures its wall time and memory. Memory is sampled from /proc every `intervalMs`: Linux keeps
 * no peak for a process tree, `/usr/bin/time` is not installed everywhere, and Node's `process.resourceUsage()`
 * covers only its own process. So each sample sums VmRSS over the tree (found by parent ids), and VmHWM (the kernel's
 * own per-process peak) is kept for each process too, as is the CPU time each has used. A process that lives less
 * than one interval can be missed; the builds' processes live for seconds to hours. Output is passed through to
 * `echo` as it arrives.
 */
export function measure(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; intervalMs?: number; echo?: (line: string) => void },
): Promise<Measured> {
  const started = performance.now();
  const loadAtStart = loadavg()[0]!;
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Measured['lines'] = [];
  const hwm = new Map<number, number>();
  const names = new Map<number, string>();
  const cpu = new Map<number, number>();
  let peakRssBytes = 0;
  const timeline: Array<[number, number]> = [];
  const sample = () => {
    if (child.pid === undefined) return;
    let total = 0;
    const all = processes();
    for (const pid of descendants(child.pid, all)) {
      cpu.set(pid, Math.max(cpu.get(pid) ?? 0, all.get(pid)?.cpuMs ?? 0));
      try {
        const memory = processMemory(readFileSync(`/proc/${pid}/status`, 'utf8'));
        total += memory.rss;
        hwm.set(pid, Math.max(hwm.get(pid) ?? 0, memory.hwm));
        // Read until known: a process caught between fork and exec has no command line yet.
        if (!names.get(pid)) names.set(pid, commandName(readFileSync(`/proc/${pid}/cmdline`, 'utf8')));
      } catch {
        // Gone since the tree was listed.
      }
    }
    peakRssBytes = Math.max(peakRssBytes, total);
    const ms = Math.round(performance.now() - started);
    if (ms - (timeline.at(-1)?.[0] ?? -Infinity) >= TIMELINE_MS) timeline.push([ms, total]);
  };
  const timer = setInterval(sample, options.intervalMs ?? 100);
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.setEncoding('utf8');
    const emit = (text: string) => {
      lines.push({ ms: performance.now() - started, text });
      options.echo?.(text);
    };
    stream.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      parts.forEach(emit);
    });
    stream.on('end', () => partial && emit(partial));
  }
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({
        exitCode: code ?? 1,
        wallMs: performance.now() - started,
        peakRssBytes,
        peakProcessBytes: Math.max(0, ...hwm.values()),
        processes: [...hwm]
          .filter(([, peak]) => peak >= 50 * 1024 ** 2)
          .sort((a, b) => b[1] - a[1])
          .map(([pid, peakBytes]) => ({ command: names.get(pid) ?? String(pid), peakBytes })),
        cpuMs: [...cpu.values()].reduce((a, b) => a + b, 0),
        timeline,
        load: [loadAtStart, loadavg()[0]!],
        lines,
      });
    });
  });
}
