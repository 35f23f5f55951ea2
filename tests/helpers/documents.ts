/**
 * Real PDF and Word files for tests, made on the fly: a PDF drawn with pdf-lib (text at positions, in regular and bold
 * fonts, raised superscripts, pages), and a .docx written with JSZip (headings, lists, a table). The importer reads
 * them with the same libraries it reads councils' files with, so the tests exercise the real readers.
 */
import JSZip from 'jszip';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** One run of text on a page, in points from the top-left corner. */
export interface DrawnText {
  text: string;
  x: number;
  /** Distance of the baseline from the top of the page. */
  top: number;
  size?: number;
  bold?: boolean;
}

/** A PDF of A4 pages, each a list of runs. */
export async function makePdf(pages: DrawnText[][], options: { imageOnly?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  // A one-pixel grey PNG: a page that holds only an image is what a scan looks like.
  const png = options.imageOnly
    ? await doc.embedPng(Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABc3UWCgAAAABJRU5ErkJggg==', 'base64')))
    : undefined;
  for (const runs of pages) {
    const page = doc.addPage([595.28, 841.89]);
    if (png) page.drawImage(png, { x: 50, y: 50, width: 495, height: 740 });
    for (const r of runs) page.drawText(r.text, { x: r.x, y: 841.89 - r.top, size: r.size ?? 11, font: r.bold ? bold : regular });
  }
  return doc.save();
}

/** Lines of text as runs down a page, one line every `leading` points, starting at `top`. */
export function linesAt(lines: Array<string | Omit<DrawnText, 'top'>>, options: { x?: number; top?: number; leading?: number } = {}): DrawnText[] {
  const leading = options.leading ?? 14;
  return lines.flatMap((line, i) => {
    const run = typeof line === 'string' ? { text: line, x: options.x ?? 72 } : line;
    return run.text === '' ? [] : [{ ...run, top: (options.top ?? 80) + i * leading }];
  });
}

/** A paragraph of Word XML. */
const paragraph = (text: string, style?: string, numbered?: boolean) =>
  `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${numbered ? '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' : ''}</w:pPr><w:r><w:t xml:space="preserve">${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`;

/** Blocks of a Word document: headings, paragraphs, list items and tables. */
export type WordBlock = { heading: string } | { text: string } | { item: string } | { table: string[][] };

/** A .docx file holding the blocks, with the heading and list styles Word itself writes. */
export async function makeDocx(blocks: WordBlock[]): Promise<Uint8Array> {
  const body = blocks
    .map((b) => {
      if ('heading' in b) return paragraph(b.heading, 'Heading1');
      if ('item' in b) return paragraph(b.item, 'ListParagraph', true);
      if ('table' in b) return `<w:tbl>${b.table.map((row) => `<w:tr>${row.map((cell) => `<w:tc>${paragraph(cell)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
      return paragraph(b.text);
    })
    .join('');
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/_rels/document.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>');
  zip.file('word/styles.xml', '<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style></w:styles>');
  zip.file('word/numbering.xml', '<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array' });
}
