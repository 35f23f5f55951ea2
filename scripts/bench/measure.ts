import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { descendants, killTree, processes, processMemory } from '../build/processes';

/** What one measured command did. */
export interface Measured {
  exitCode: number;
  /** The signal that ended the command, if one did (SIGKILL from the kernel when memory ran out, or the time limit). */
  signal: NodeJS.Signals | null;
  /** Whether the command was stopped because it reached `timeoutMs`. */
  timedOut: boolean;
  wallMs: number;
  /**
   * Largest total resident memory of the command's whole process tree seen at any one sample: the build, the Astro
   * child it starts, and Pagefind's native indexer. This is what the machine must have free.
   */
  peakRssBytes: number;
  /** Largest peak (VmHWM) of any single process in the tree, which no sampling interval can miss. */
  peakProcessBytes: number;
  /**
   * Each kind of process of the tree (see `commandName`) that reached 50 MB or used a second of CPU, largest first:
   * which step of the build needs the memory. A build in parts starts one Astro and one Pagefind per part: `count`
   * says how many there were.
   */
  processes: ProcessKind[];
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

/** The processes of one kind in a measured tree: how many, the largest peak of any one, and their CPU time together. */
export interface ProcessKind {
  command: string;
  count: number;
  peakBytes: number;
  cpuMs: number;
}

/** How often the memory timeline keeps a sample. */
const TIMELINE_MS = 2000;

/** Node options whose value is a module loaded before the script. */
const PRELOAD = /^(--import|--require|-r|--loader|--experimental-loader)$/;

/**
 * The kind of a process, from its command line: the program and the script it runs, without folders, and the
 * script's command when it has one (`node astro.mjs build`, `node search-index.ts`, `pagefind_extended`). Options and
 * the folders a process works on are left out, so each part's Astro is of the same kind.
 */
export function commandName(cmdline: string): string {
  const [program = '', ...args] = cmdline.split('\0').filter(Boolean);
  const base = (path: string) => path.replace(/^.*\//, '');
  // Modules loaded before the script (`--import tsx`, the build's `--import file:///.../peak-memory.mjs`) are not it.
  const script = args.findIndex((arg, i) => /\.([cm]?js|ts)$/.test(arg) && !PRELOAD.test(args[i - 1] ?? '') && !arg.startsWith('-'));
  if (script < 0) return base(program);
  const command = args[script + 1];
  return [base(program), base(args[script]!), ...(command && /^[a-z]+$/.test(command) ? [command] : [])].join(' ');
}

/** Processes grouped by kind, largest first: the kinds that reached 50 MB or used a second of CPU, the rest being noise. */
export function processKinds(processes: ReadonlyArray<{ command: string; peakBytes: number; cpuMs: number }>): ProcessKind[] {
  const kinds = new Map<string, ProcessKind>();
  for (const p of processes) {
    const kind = kinds.get(p.command) ?? { command: p.command, count: 0, peakBytes: 0, cpuMs: 0 };
    kinds.set(p.command, { command: p.command, count: kind.count + 1, peakBytes: Math.max(kind.peakBytes, p.peakBytes), cpuMs: kind.cpuMs + p.cpuMs });
  }
  return [...kinds.values()].filter((k) => k.peakBytes >= 50 * 1024 ** 2 || k.cpuMs >= 1000).sort((a, b) => b.peakBytes - a.peakBytes);
}

/**
 * Runs a command and measures its wall time and memory. Memory is sampled from /proc every `intervalMs`: Linux keeps
 * no peak for a process tree, `/usr/bin/time` is not installed everywhere, and Node's `process.resourceUsage()`
 * covers only its own process. So each sample sums VmRSS over the tree (found by parent ids), and VmHWM (the kernel's
 * own per-process peak) is kept for each process too, as is the CPU time each has used. A process that lives less
 * than one interval can be missed; the builds' processes live for seconds to hours. Output is passed through to
 * `echo` as it arrives. After `timeoutMs` every process of the tree is killed, so a build that cannot finish (the
 * baseline at 30,000 documents) is recorded as failed and the benchmark goes on.
 */
export function measure(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; intervalMs?: number; timeoutMs?: number; echo?: (line: string) => void },
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
        // Read at every sample: a process caught between fork and exec still has its parent's command line, or none.
        const name = commandName(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
        if (name) names.set(pid, name);
      } catch {
        // Gone since the tree was listed.
      }
    }
    peakRssBytes = Math.max(peakRssBytes, total);
    const ms = Math.round(performance.now() - started);
    if (ms - (timeline.at(-1)?.[0] ?? -Infinity) >= TIMELINE_MS) timeline.push([ms, total]);
  };
  const timer = setInterval(sample, options.intervalMs ?? 100);
  let timedOut = false;
  const limit =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          if (child.pid === undefined) return;
          killTree(child.pid);
        }, options.timeoutMs);
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
      clearTimeout(limit);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearInterval(timer);
      clearTimeout(limit);
      resolve({
        exitCode: code ?? 1,
        signal,
        timedOut,
        wallMs: performance.now() - started,
        peakRssBytes,
        peakProcessBytes: Math.max(0, ...hwm.values()),
        processes: processKinds([...hwm].map(([pid, peakBytes]) => ({ command: names.get(pid) ?? String(pid), peakBytes, cpuMs: cpu.get(pid) ?? 0 }))),
        cpuMs: [...cpu.values()].reduce((a, b) => a + b, 0),
        timeline,
        load: [loadAtStart, loadavg()[0]!],
        lines,
      });
    });
  });
}
