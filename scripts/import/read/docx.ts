/**
 * Word (.docx): read by mammoth, which keeps headings, lists and tables and drops Word's styling, then read as HTML.
 */
import mammoth from 'mammoth';
import { ImportError } from '../problem';
import { readHtml } from './html';
import type { SourceText } from './line';

/** Reads a .docx file into the line model. */
export async function readDocx(bytes: Uint8Array, file: string): Promise<SourceText> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (error) {
    throw new ImportError(
      `this Word file cannot be read (${(error as Error).message}): open it in Word or LibreOffice, save it again as .docx, and import that`,
      file,
      undefined,
      'docx-unreadable',
    );
  }
  const source = readHtml(html, 'docx');
  delete source.title;
  return source;
}
