/**
 * PDF: the text layer, read in Node with Mozilla's pdf.js (no native code, no downloads), as positioned runs that
 * `pdf-lines.ts` turns into lines. A PDF without a text layer (a scan) or one that needs a password is refused with
 * what to do about it.
 */
import { getDocument, OPS, PasswordResponses, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ImportError } from '../problem';
import type { SourceText } from './line';
import { documentLines, pageLines, type PageLine, type TextRun } from './pdf-lines';

/** A font name that says bold: "Arial-BoldMT", "Calibri-Bold", "Century Schoolbook,Bold", "Gotham-Black". */
const BOLD_FONT = /bold|black|heavy|semibold|demi/i;

/** Drawing operators that paint an image: a page made only of these is a scan. */
const IMAGE_OPS = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageXObjectRepeat, OPS.paintImageMaskXObject]);

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

/** A page's text runs; font names come from the fonts pdf.js loads while reading the page's drawing operators. */
async function pageRuns(doc: PDFDocumentProxy, number: number): Promise<{ runs: TextRun[]; images: number; height: number }> {
  const page = await doc.getPage(number);
  const [, bottom = 0, , top = 0] = page.view;
  const content = await page.getTextContent();
  const operators = await page.getOperatorList();
  const images = operators.fnArray.filter((fn) => IMAGE_OPS.has(fn)).length;
  const bold = new Map<string, boolean>();
  const isBold = (fontName: string) => {
    if (!bold.has(fontName)) {
      let name = '';
      try {
        name = String((page.commonObjs.get(fontName) as { name?: string } | undefined)?.name ?? '');
      } catch {
        // A font pdf.js did not load has no name to read; its runs count as regular.
      }
      bold.set(fontName, BOLD_FONT.test(name));
    }
    return bold.get(fontName)!;
  };
  const runs: TextRun[] = [];
  for (const item of content.items as PdfTextItem[]) {
    if (typeof item.str !== 'string' || item.str === '') continue;
    const [a = 0, b = 0, , , e = 0, f = 0] = item.transform;
    const size = Math.hypot(a, b) || item.height;
    runs.push({ text: item.str, x: e, y: f, width: item.width, size, bold: isBold(item.fontName) });
  }
  page.cleanup();
  return { runs: runs.map((r) => ({ ...r, y: r.y - bottom })), images, height: top - bottom };
}

/**
 * Reads a PDF's text layer into the line model. Refuses, with a message naming what to do, a file that needs a
 * password, one pdf.js cannot open, and one whose pages carry images but no text (a scan).
 */
export async function readPdf(bytes: Uint8Array, file: string): Promise<SourceText> {
  const task = getDocument({
    data: bytes.slice(),
    disableFontFace: true,
    fontExtraProperties: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    const e = error as { name?: string; code?: number; message?: string };
    if (e.name === 'PasswordException') {
      const why = e.code === PasswordResponses.INCORRECT_PASSWORD ? 'is protected by a password' : 'is encrypted and needs a password to open';
      throw new ImportError(`this PDF ${why}: ask the council for an unprotected copy, or save it again without a password, and import that`, file, undefined, 'pdf-encrypted');
    }
    throw new ImportError(`this PDF cannot be read (${e.message ?? 'unknown error'}): open it and save or print it to a new PDF, then import that`, file, undefined, 'pdf-unreadable');
  }
  try {
    const pages: Array<{ lines: PageLine[]; height: number }> = [];
    let images = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await pageRuns(doc, n).catch((error: unknown) => {
        // A damaged page (a broken cross-reference, a stream cut short) stops the import with the page named.
        throw new ImportError(`page ${n} of this PDF cannot be read (${(error as Error).message}): open it and save or print it to a new PDF, then import that`, file, undefined, 'pdf-unreadable');
      });
      images += page.images;
      pages.push({ lines: pageLines(page.runs), height: page.height });
    }
    const { lines, pageStarts } = documentLines(pages);
    if (!lines.some((l) => /[\p{L}\p{N}]/u.test(l.text))) {
      const what = images > 0 ? 'its pages are images (a scan)' : 'its pages are empty';
      throw new ImportError(
        `this PDF has no text layer: ${what}, so there are no words to import. Run it through OCR (for example OCRmyPDF, or "Recognise text" in Adobe Acrobat) and import the result`,
        file,
        undefined,
        'pdf-no-text',
      );
    }
    return { format: 'pdf', text: lines.map((l) => l.text).join('\n'), lines, pageStarts, metadata: [] };
  } finally {
    await task.destroy();
  }
}
