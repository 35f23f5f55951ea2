/**
 * The markup a source's text carries (converter Markdown in extracted text, Markdown sources, HTML and Word
 * converted to Markdown): what it marks, and the words a reader sees without it.
 */

/** Strips the markdown emphasis a PDF converter adds (`**bold**`, `*italic*`, `<u>`) to read a value. */
export const plain = (text: string): string =>
  text
    .replace(/<\/?u>/g, '')
    // Bold run into the word before it ("Assessments**Equality...**") is a new phrase, not one word.
    .replace(/([\p{L}\p{N}])\*\*(?=[\p{L}\p{N}])/gu, '$1 ')
    .replace(/\*+/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();

/** Markdown's backslash escapes ("1\\." for a printed "1.") as the characters printed. */
export const unescapeMarkdown = (text: string): string => text.replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1');

/** A Markdown heading line ("## Present"): its level and its text; undefined for any other line. */
export function markdownHeading(text: string): { level: number; text: string } | undefined {
  const m = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(text);
  return m ? { level: m[1]!.length, text: m[2]! } : undefined;
}

/** A line's words as printed, for reading its structure: no heading marks, emphasis, escapes or link targets. */
export const printed = (text: string): string => plain(unescapeMarkdown(markdownHeading(text)?.text ?? text));
