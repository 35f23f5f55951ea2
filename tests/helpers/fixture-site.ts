import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'site');

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
