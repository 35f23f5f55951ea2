import type { SourceLine } from '../read/line';

/** Kinds of page furniture: print artefacts that are not part of what the council wrote. */
export type FurnitureKind = 'blank-page' | 'draft-stamp' | 'page-number';

/** A furniture line, which the reading text drops and the document keeps as a page boundary. */
export interface Furniture {
  line: number;
  kind: FurnitureKind;
  /** The line as printed. */
  printed: string;
  /** The printed page number, for `page-number` lines. */
  page?: number;
}

const PATTERNS: ReadonlyArray<{ kind: FurnitureKind; test: RegExp }> = [
  { kind: 'blank-page', test: /^\W*this page (?:is )?(?:intentionally|deliberately) (?:left )?blank\W*$/i },
  { kind: 'draft-stamp', test: /^\W*draft\W*$/i },
  { kind: 'page-number', test: /^\s*(?:page\s+)?(\d{1,3})(?:\s+of\s+\d{1,3})?\s*$/i },
];

const isBlank = (line: SourceLine | undefined) => line === undefined || line.text.trim() === '';

/**
 * Finds page furniture. A line counts only when it stands alone between blank lines, so a "DRAFT" heading
 * run into text, or a number inside a list, stays part of the document.
 */
export function findFurniture(lines: SourceLine[]): Furniture[] {
  const found: Furniture[] = [];
  lines.forEach((line, i) => {
    if (isBlank(line) || !isBlank(lines[i - 1]) || !isBlank(lines[i + 1])) return;
    for (const { kind, test } of PATTERNS) {
      const match = test.exec(line.text);
      if (!match) continue;
      found.push(
        kind === 'page-number'
          ? { line: line.n, kind, printed: line.text.trim(), page: Number(match[1]) }
          : { line: line.n, kind, printed: line.text.trim() },
      );
      break;
    }
  });
  return found;
}
