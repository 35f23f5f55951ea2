import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'site');

/**
 * A parish council's meeting, laid out like content/ (and added to a copy of it in build tests): a meeting with only a
 * date and a closing time, minutes with unnumbered sections, movers, a rejected motion, a recorded vote, actions and a
 * Welsh translation, sources without a date and one with its original PDF, and a council with no website or contact.
 * The PDF and its text are Milburn Parish Council's own; the votes, movers, actions and Welsh text are made up.
 */
export const PARISH_FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'parish');

/** A private copy of the small valid fixture site, to break on purpose. Returns its content folder. */
export function copyFixtureSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chamber-site-'));
  const content = join(dir, 'content');
  cpSync(FIXTURE, content, { recursive: true });
  return content;
}

/** Replaces text in one file of a content folder; fails loudly if the text is not there, so a mutation cannot silently miss. */
export function editFile(content: string, path: string, from: string | RegExp, to: string): void {
  const file = join(content, path);
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit of ${path} changed nothing: ${String(from)} not found`);
  writeFileSync(file, next);
}
