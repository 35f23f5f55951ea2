/**
 * Stage 2, correct: the web team's corrections to the text as extracted (a misprint, a word the PDF split), from the
 * source's hints file, applied to the lines before anything is read. Each correction names the line and the words it
 * replaces, so a correction that no longer fits the source (after a better extraction) is reported, not applied
 * blindly. The extracted text kept in content/sources stays as the council published it.
 */
import type { Hints } from '../hints';
import type { Problem } from '../problem';
import type { SourceText } from '../read/line';

/** The source with its corrections applied, and the corrections that did not fit. */
export function applyCorrections(source: SourceText, corrections: Hints['corrections'], file: string): { source: SourceText; problems: Problem[] } {
  if (corrections.length === 0) return { source, problems: [] };
  const problems: Problem[] = [];
  const lines = source.lines.map((l) => ({ ...l }));
  for (const c of corrections) {
    const line = lines.find((l) => l.n === c.line);
    if (!line || !line.text.includes(c.printed)) {
      problems.push({ code: 'hint-correction', severity: 'error', file, line: c.line, message: `hints: the correction for line ${c.line} replaces "${c.printed}", but the line does not print it${line ? ` (it prints "${line.text.trim().slice(0, 80)}")` : ''}` });
      continue;
    }
    line.text = line.text.replace(c.printed, c.correct);
  }
  return { source: { ...source, lines }, problems };
}
