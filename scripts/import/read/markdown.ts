/**
 * Markdown, as councils' own sites publish minutes (Hugo, Jekyll): the text as it is, each line marked with the
 * heading level it has. YAML front matter is the file's metadata, not the document's words; its `date` is when the
 * page was posted, which is not when the meeting was held.
 */
import { parse as parseYaml } from 'yaml';
import { toLines, type SourceText } from './line';
import { markdownHeading } from './markup';

/** The front matter's lines (from the first `---` to the closing one), when the text starts with it. */
function frontMatterEnd(lines: ReadonlyArray<{ text: string }>): number {
  if (lines[0]?.text.trim() !== '---') return 0;
  const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l.text));
  return close === -1 ? 0 : close + 1;
}

const dateOf = (value: unknown): string | undefined => {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const m = /^\d{4}-\d{2}-\d{2}/.exec(String(value ?? ''));
  return m?.[0];
};

/** Reads Markdown text into the line model, with its front matter set apart. */
export function readMarkdown(text: string, format: 'md' | 'html' | 'docx' = 'md'): SourceText {
  const lines = toLines(text);
  const end = frontMatterEnd(lines);
  const source: SourceText = { format, text, lines, pageStarts: [], metadata: lines.slice(0, end).map((l) => ({ line: l.n, printed: l.text })) };
  if (end > 0) {
    let data: Record<string, unknown> = {};
    try {
      data = (parseYaml(lines.slice(1, end - 1).map((l) => l.text).join('\n')) as Record<string, unknown> | null) ?? {};
    } catch {
      // Front matter that is not YAML is still metadata: kept in the source, not read.
    }
    const posted = dateOf(data['date']);
    if (posted) source.posted = posted;
    if (typeof data['title'] === 'string') source.title = data['title'];
  }
  let fenced = false;
  for (const line of lines.slice(end)) {
    if (/^\s*(```|~~~)/.test(line.text)) fenced = !fenced;
    const heading = fenced ? undefined : markdownHeading(line.text);
    if (heading) line.heading = heading.level;
  }
  return source;
}
