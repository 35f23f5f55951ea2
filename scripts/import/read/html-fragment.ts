/** HTML fragments that PDF converters leave in the text: read as the words a reader sees, every word kept. */

const HTML_TAGS = 'p|div|span|ul|ol|li|u|i|b|em|strong|sup|sub|a|font|br|table|thead|tbody|tfoot|tr|td|th|input';
const BREAK_TAG = new RegExp(`<\\/?(?:p|div|ul|ol|li|br|tr|table|thead|tbody|tfoot)\\b[^>]*>`, 'gi');
const CELL_TAG = /<\/?(?:td|th)\b[^>]*>/gi;
const ANY_TAG = new RegExp(`<\\/?(?:${HTML_TAGS})\\b[^>]*>`, 'gi');
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** True when the text holds HTML markup the tool left in (not an autolink such as `<https://...>`). */
export const hasHtml = (text: string): boolean => new RegExp(`<\\/?(?:${HTML_TAGS})\\b[^>]*>`, 'i').test(text);

/** A checkbox as a character a reader sees: ☑ ticked, ☐ empty. */
const checkbox = (tag: string) => (/type\s*=\s*["']?checkbox/i.test(tag) ? (/\bchecked\b/i.test(tag) ? '☑' : '☐') : '');

/** Character references ("&amp;", "&#8211;") as the characters they stand for; anything else is left alone. */
const decodeEntities = (text: string) =>
  text.replace(/&(#\d+|[a-z]+);/gi, (m, name: string) =>
    name.startsWith('#') && name !== '#39'
      ? String.fromCodePoint(Number(name.slice(1)))
      : (ENTITIES[name.toLowerCase()] ?? m),
  );

/** Cell HTML to plain text: tags go, every word stays; paragraphs and list items become lines. */
export function htmlToText(html: string): string {
  if (!hasHtml(html)) return decodeEntities(html).trim();
  return decodeEntities(
    html
      .replace(/<input\b[^>]*>/gi, checkbox)
      .replace(BREAK_TAG, '\n')
      .replace(CELL_TAG, ' ')
      .replace(ANY_TAG, ''),
  )
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** The same text on one line, for a paragraph: list items and paragraphs are run together with a space. */
export function htmlToInline(html: string): string {
  const indent = /^\s*/.exec(html)?.[0] ?? '';
  return indent + htmlToText(html.replace(/<(https?:\/\/[^>\s]+)>/g, '$1')).split('\n').join(' ');
}
