/** Plain text: bytes to text, refusing what is not text a person could have exported. Pure. */
import { ImportError } from '../problem';
import { toLines, type SourceText } from './line';

/**
 * Decodes text. Refuses binary files (NUL bytes) of a kind the importer does not read, and bytes that are not
 * UTF-8 (Windows-1252, UTF-16), each with a message that says what to do. A UTF-8 byte order mark is dropped.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  // Text saved as UTF-16 ("Unicode" in Notepad) is full of zero bytes, but it is text: say so, not "binary".
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ImportError('the file is text saved as UTF-16 ("Unicode"): save it as UTF-8 text and import it again', file, undefined, 'not-utf8');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new ImportError(
      `this is a binary file (a zero byte at offset ${nul}) of a kind the importer does not read: save it as PDF, Word (.docx), HTML, Markdown or text, and import that`,
      file,
      undefined,
      'binary',
    );
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.replace(/^\uFEFF/, '');
  } catch {
    throw new ImportError('the file is not valid UTF-8: save it as UTF-8 text and import it again', file, lineOfBadByte(bytes), 'not-utf8');
  }
}

/** Reads plain text into the line model: the lines as they are. */
export function readText(text: string): SourceText {
  return { format: 'txt', text, lines: toLines(text), pageStarts: [], metadata: [] };
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
