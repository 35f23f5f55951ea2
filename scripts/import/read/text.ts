/** Stage 1 of the importer: bytes to numbered lines and blocks. Pure; nothing here touches the disk. */

/** One line of the source pack, numbered from 1 as an editor shows it. */
export interface SourceLine {
  n: number;
  text: string;
}

/** A run of consecutive non-blank lines: the unit the later stages classify. */
export interface Block {
  /** First line number. */
  start: number;
  /** Last line number. */
  end: number;
  lines: SourceLine[];
}

/** A problem that stops an import before anything is written. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/**
 * Decodes a pack. Refuses what is not text a person could have exported: empty files, binary files (NUL bytes),
 * and bytes that are not UTF-8, each with a message that says what to do.
 */
export function decodePack(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new ImportError('the file is empty: export the pack as text first', file);
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new ImportError(
      `this looks like a binary file (a zero byte at offset ${nul}), not extracted text: convert the PDF to .txt or .md first`,
      file,
    );
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.replace(/^\uFEFF/, '');
  } catch {
    throw new ImportError('the file is not valid UTF-8: save it as UTF-8 text and import it again', file, lineOfBadByte(bytes));
  }
}

function lineOfBadByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}

/** Splits text into numbered lines; Windows line endings and trailing spaces are not part of the words. */
export function toLines(text: string): SourceLine[] {
  return text.split(/\r?\n/).map((t, i) => ({ n: i + 1, text: t.replace(/\s+$/, '') }));
}

/** Groups lines into blocks separated by blank lines. */
export function toBlocks(lines: SourceLine[]): Block[] {
  const blocks: Block[] = [];
  let current: SourceLine[] = [];
  const flush = () => {
    if (current.length > 0) blocks.push({ start: current[0]!.n, end: current[current.length - 1]!.n, lines: current });
    current = [];
  };
  for (const line of lines) {
    if (line.text.trim() === '') flush();
    else current.push(line);
  }
  flush();
  return blocks;
}
