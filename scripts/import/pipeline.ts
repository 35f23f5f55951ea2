/**
 * The importer's stages in order, for the command line and the corpus report:
 *
 *   read (one reader per format -> the line model) -> correct (the hints file's text corrections)
 *   -> layout (furniture, tables) -> segment (kind, sections) -> extract (meeting, minutes, decisions, votes, actions,
 *   people, tables, KPIs, plans) -> compose (typed entries, merged across sources) -> render (MDX)
 *   -> verify (no word lost) -> validate (the site's own checks) -> write
 *
 * Every stage is a pure function but the first and the last; problems are collected across the whole run, each with a
 * code, a file and a line, and nothing is written when any of them is an error.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { collectionNames, collections, type Council, type Document, type Person } from '../../src/schema';
import { checkFile, validateContent } from '../../src/schema/validate';
import { readContentTree, type ContentTree } from '../content-tree';
import { type EntryData, type Existing } from './compose/entry';
import { importSources, type ImportResult } from './compose/merge';
import type { SourceInput } from './compose/source';
import { applyCorrections } from './correct/corrections';
import { hintsSchema, type Hints } from './hints';
import type { Problem } from './problem';
import { readSource } from './read/index';
import { checkWords, contentOf, wordsLostProblem, type WordCheck } from './verify/words';

/** A source's id: its file name without extension, in lower case with hyphens. */
export const sourceId = (path: string): string => basename(path, extname(path)).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Where a source's hints file is. */
export const hintsPath = (out: string, id: string): string => join(out, 'import-hints', `${id}.yaml`);

/** The hints file of a source, validated; a problem names the file, line and field when it does not fit its schema. */
export function loadHints(out: string, id: string): { hints?: Hints; problems: Problem[] } {
  const path = hintsPath(out, id);
  if (!existsSync(path)) return { problems: [] };
  let data: unknown;
  try {
    data = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    return { problems: [{ code: 'hints-yaml', severity: 'error', file: path, message: `hints file is not valid YAML: ${(error as Error).message}` }] };
  }
  const result = hintsSchema.safeParse(data ?? {});
  if (result.success) return { hints: result.data, problems: [] };
  return { problems: result.error.issues.map((i) => ({ code: 'hints-schema', severity: 'error' as const, file: path, message: `hints file: ${i.path.join('.') || '(top)'}: ${i.message}` })) };
}

/** Existing content the import links to: parsed with the same checks the build uses; broken files are skipped. */
export function loadExisting(tree: ContentTree): Existing {
  const data = <T>(name: 'councils' | 'people' | 'documents') => {
    const map = new Map<string, T>();
    for (const { relativePath, file } of tree[name] ?? []) {
      const parsed = checkFile(name, relativePath, file, []);
      if (parsed) map.set(parsed.id, parsed.data as T);
    }
    return map;
  };
  const ids = (name: 'meetings' | 'bodies') => new Set((tree[name] ?? []).map((f) => f.relativePath.replace(/\.yaml$/, '')));
  const meetings = new Map<string, EntryData<'meetings'>>();
  for (const { relativePath, file } of tree.meetings ?? []) {
    const parsed = checkFile('meetings', relativePath, file, []);
    if (parsed) meetings.set(parsed.id, parsed.raw as EntryData<'meetings'>);
  }
  const minutes = new Map<string, { meeting: string; lang: string }>();
  for (const { relativePath, file } of tree.minutes ?? []) {
    const lang = /^lang:\s*(\w+)/m.exec(file.text)?.[1] ?? 'en';
    const meeting = /^meeting:\s*(\S+)/m.exec(file.text)?.[1] ?? '';
    minutes.set(relativePath.replace(/\.mdx$/, ''), { meeting, lang });
  }
  return {
    councils: data<Council>('councils'),
    people: data<Person>('people'),
    documents: data<Document>('documents'),
    meetings,
    bodies: ids('bodies'),
    minutes,
  };
}

/** A source read and corrected, with the files that keep it in content/sources. */
export interface PreparedSource {
  input: SourceInput;
  /** The extracted text, kept as content/sources/<id>.txt. */
  text: string;
  /** The original file, kept beside it when it is not text (a PDF, Word or HTML file). */
  original?: { name: string; bytes: Uint8Array };
}

/**
 * Stages read and correct, for each file: what could not be read is a problem, and the file is left out. `onRead`
 * hears of each file as it is read, for progress on a long run.
 */
export async function prepareSources(paths: readonly string[], out: string, problems: Problem[], onRead?: (done: number, path: string) => void): Promise<PreparedSource[]> {
  const prepared: PreparedSource[] = [];
  for (const [done, path] of paths.entries()) {
    onRead?.(done + 1, path);
    if (!existsSync(path) || !statSync(path).isFile()) {
      problems.push({ code: 'no-file', severity: 'error', file: path, message: 'no such file' });
      continue;
    }
    const bytes = new Uint8Array(readFileSync(path));
    const read = await readSource(bytes, path);
    problems.push(...read.problems);
    if (!read.source) continue;
    const id = sourceId(path);
    const { hints, problems: hintProblems } = loadHints(out, id);
    problems.push(...hintProblems);
    const corrected = applyCorrections(read.source, hints?.corrections ?? [], path);
    problems.push(...corrected.problems);
    const keepOriginal = read.source.format === 'pdf' || read.source.format === 'docx' || read.source.format === 'html';
    const original = keepOriginal ? { name: `${id}${extname(path).toLowerCase() || `.${read.source.format}`}`, bytes } : undefined;
    prepared.push({
      input: { id, file: path, source: corrected.source, ...(hints ? { hints } : {}), ...(original ? { original: original.name } : {}) },
      text: read.source.text,
      ...(original ? { original } : {}),
    });
  }
  return prepared;
}

/** The content tree as it will be after the import, for validating before anything is written. */
function overlay(tree: ContentTree, files: ImportResult['files'], out: string): ContentTree {
  const next: ContentTree = {};
  for (const name of collectionNames) {
    const dir = collections[name].dir;
    const list = new Map((tree[name] ?? []).map((f) => [f.relativePath, f]));
    for (const [path, text] of files) {
      if (typeof text !== 'string' || !path.startsWith(`${dir}/`) || !/\.(yaml|mdx)$/.test(path)) continue;
      const relativePath = path.slice(dir.length + 1);
      list.set(relativePath, { relativePath, file: { path: join(out, path), text } });
    }
    next[name] = [...list.values()];
  }
  return next;
}

export interface Imported extends ImportResult {
  /** The no-word-lost check of each source. */
  words: Map<string, WordCheck>;
}

/**
 * Stages compose to validate: the sources' content, every source word checked in it, and the whole content tree
 * checked as the build will check it. The files to write include each source's extracted text and original.
 */
export function composeAll(prepared: readonly PreparedSource[], tree: ContentTree, out: string, options: { councilFlag?: string | undefined }): Imported {
  const result = importSources(prepared.map((p) => p.input), loadExisting(tree), options);
  const words = new Map<string, WordCheck>();
  for (const p of prepared) {
    const summary = result.summaries.find((s) => s.source === p.input.id);
    if (!summary) continue;
    const check = checkWords(p.input.source.lines, summary.furniture, contentOf(p.input.id, result.entries.values()));
    words.set(p.input.id, check);
    if (check.lost.length > 0) result.problems.push(wordsLostProblem(p.input.file, check));
  }
  for (const p of prepared) {
    result.files.set(`sources/${p.input.id}.txt`, p.text);
    result.origins.set(`sources/${p.input.id}.txt`, [p.input.id]);
    if (p.original) {
      result.files.set(`sources/${p.original.name}`, p.original.bytes);
      result.origins.set(`sources/${p.original.name}`, [p.input.id]);
    }
  }
  const written = new Set([...result.files.keys()].map((path) => join(out, path)));
  for (const p of validateContent(overlay(tree, result.files, out))) {
    if (written.has(p.file)) result.problems.push({ code: 'content-check', severity: 'error', file: p.file, line: p.line, message: `${p.field ? `${p.field}: ` : ''}${p.message}` });
  }
  return { ...result, words };
}

export { readContentTree };
