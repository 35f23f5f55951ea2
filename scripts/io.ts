/** Where a command-line tool writes its progress and its problems: the console when run, a buffer in tests. */
export interface Log {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** A tool's output and the environment it reads its settings from (`process.env` when run). */
export interface Io extends Log {
  env: Record<string, string | undefined>;
}
