/**
 * What the importer reports: every problem has a stable code, a severity, the file and line it is about, and a
 * message that says what to do. Stages collect problems and return them; nothing is thrown mid-way, so one run
 * reports everything at once (the habit of eemeli/yaml).
 */

/** `error` stops the import before anything is written; `warning` is printed; `review` goes on a page's review list. */
export type Severity = 'error' | 'warning' | 'review';

export interface Problem {
  /** Stable identifier, e.g. `pdf-no-text`, `words-lost`: tests and documentation refer to it. */
  code: string;
  severity: Severity;
  /** The file the problem is in, as the user named it. */
  file: string;
  /** Line of the extracted text, from 1, when the problem has a place. */
  line?: number;
  message: string;
}

/** A problem that stops an import; thrown only across the boundary of a stage that cannot go on, and caught by `run`. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    readonly code = 'import',
  ) {
    super(message);
  }

  toProblem(): Problem {
    return { code: this.code, severity: 'error', file: this.file, message: this.message, ...(this.line ? { line: this.line } : {}) };
  }
}

/** "file:line: message", as compilers print it, so an editor can jump to the place. */
export const formatProblem = (p: Problem): string => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`;

/** Whether any problem stops the import. */
export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === 'error');
