/**
 * Stage 1, read: any source a council publishes (PDF, Word .docx, HTML, Markdown, text) into the same line model.
 * The format comes from the file's first bytes where they say it (a PDF named .txt is still a PDF), else from its
 * extension. What cannot be read is refused with a problem that says what the file is and what to do.
 */
import { extname } from 'node:path';
import { ImportError, type Problem } from '../problem';
import { readDocx } from './docx';
import { readHtml } from './html';
import type { SourceFormat, SourceText } from './line';
import { readMarkdown } from './markdown';
import { readPdf } from './pdf';
import { decodeText, readText } from './text';

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => new TextDecoder('latin1').decode(bytes.subarray(from, to));

/** What the bytes are, by their signature, or by the extension for text. */
export function detectFormat(bytes: Uint8Array, file: string): SourceFormat {
  const ext = extname(file).toLowerCase();
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return 'pdf';
  if (ext === '.pdf') throw new ImportError('this file is named .pdf but is not a PDF (it does not start with "%PDF-"): download it again', file, undefined, 'not-pdf');
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    if (ascii(bytes, 0, bytes.length).includes('word/')) return 'docx';
    throw new ImportError('this is a ZIP archive or an Office file that is not a Word document: import the documents inside it one by one', file, undefined, 'not-docx');
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    throw new ImportError('this is an old-style Word or Excel file (.doc, .xls): open it and save it as .docx or PDF, then import that', file, undefined, 'old-office');
  }
  if (ext === '.docx') throw new ImportError('this file is named .docx but is not a Word document: save it from Word again', file, undefined, 'not-docx');
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'md';
  // A page saved from a browser or an editor may start with a byte order mark, an XML declaration or a comment.
  const head = ascii(bytes, 0, 1024)
    .replace(/^\xEF\xBB\xBF/, '')
    .replace(/^(?:\s*(?:<\?xml[^>]*>|<!--[\s\S]*?-->))*\s*/, '')
    .toLowerCase();
  if (/^<(!doctype html|html|body|main|article|div|p|h[1-6]|table|section)\b/.test(head)) return 'html';
  return 'txt';
}

/** Reads a source into the line model, or says why it cannot. */
export async function readSource(bytes: Uint8Array, file: string): Promise<{ source?: SourceText; problems: Problem[] }> {
  try {
    if (bytes.length === 0) throw new ImportError('the file is empty: there is nothing to import', file, undefined, 'empty');
    const format = detectFormat(bytes, file);
    const source =
      format === 'pdf' ? await readPdf(bytes, file)
      : format === 'docx' ? await readDocx(bytes, file)
      : format === 'html' ? readHtml(decodeText(bytes, file))
      : format === 'md' ? readMarkdown(decodeText(bytes, file))
      : readText(decodeText(bytes, file));
    if (!/[\p{L}\p{N}]/u.test(source.lines.filter((l) => !source.metadata.some((m) => m.line === l.n)).map((l) => l.text).join(' '))) {
      throw new ImportError('the file has no words in it: there is nothing to import', file, undefined, 'no-words');
    }
    return { source, problems: [] };
  } catch (error) {
    if (error instanceof ImportError) return { problems: [error.toProblem()] };
    throw error;
  }
}
