/**
 * Word (.docx): read by mammoth, which keeps headings, lists and tables and drops Word's styling, then read as HTML.
 * Numbered paragraphs get the numbers Word prints first (`docx-numbering.ts`), which mammoth would lose.
 */
import mammoth from 'mammoth';
import { ImportError } from '../problem';
import { withPrintedNumbers } from './docx-numbering';
import { readHtml } from './html';
import type { SourceText } from './line';

/** Reads a .docx file into the line model. */
export async function readDocx(bytes: Uint8Array, file: string): Promise<SourceText> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(await withPrintedNumbers(bytes)) })).value;
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
