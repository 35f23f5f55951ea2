import type { Source } from '../schema';

/** What each format a source can arrive in is called, in words a reader knows. */
export const sourceFormatLabel: Record<Source['format'], string> = {
  pdf: 'PDF',
  docx: 'Word document',
  html: 'web page',
  md: 'Markdown file',
  txt: 'text file',
};

/** A file size as GOV.UK prints it beside a download: "850 bytes", "245 KB", "1.2 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/**
 * The name the original file is published under. A web page is published as text: served as HTML from this site, the
 * council's page would run its scripts here and be read as one of the site's own pages.
 */
export const publishedOriginal = (source: Pick<Source, 'original' | 'format'>): string | undefined =>
  source.original && (source.format === 'html' ? `${source.original}.txt` : source.original);

/** The link text offering the original: "Download the original PDF (245 KB)". */
export function originalDownloadLabel(format: Source['format'], bytes: number): string {
  const what = format === 'html' ? 'web page, as HTML text' : sourceFormatLabel[format];
  return `Download the original ${what} (${fileSize(bytes)})`;
}

/** The lines of the extracted text each page of the original takes, from where each page starts; the last runs to the end. */
export function pageLines(pageStarts: readonly number[]): Array<{ page: number; from: number; to: number | undefined }> {
  return pageStarts.map((from, i) => ({ page: i + 1, from, to: pageStarts[i + 1] === undefined ? undefined : pageStarts[i + 1]! - 1 }));
}

/** The anchor of a page of a source on its page: `#page-3`. */
export const pageAnchor = (page: number): string => `page-${page}`;
