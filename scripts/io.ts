/** Where a command-line tool writes its progress and its problems: the console when run, a buffer in tests. */
export interface Log {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** A tool's output and the environment it reads its settings from (`process.env` when run). */
export interface Io extends Log {
  env: Record<string, string | undefined>;
}

/** A count and its noun, for a tool's output: "1 part", "4 parts", "20,000 files". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
