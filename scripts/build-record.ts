import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { configPath, loadSiteConfig } from '../src/model/site-config';
import { contentRoot } from '../src/schema';
import { sameStamp, stampOf, type FileStamp } from './file-stamp';

const ROOT = join(import.meta.dirname, '..');

/**
 * What a build reads besides the content folder and the settings file (which the environment may move). A hash of
 * contents, not modification times: a fresh git clone gives every file a new time.
 */
export const BUILD_INPUTS = [
  'src',
  'public',
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'scripts/build.ts',
  'scripts/build',
  'scripts/check-content.ts',
  'scripts/content-tree.ts',
  'scripts/search-index.ts',
];

/** What a built site was made from, kept beside the project so tests can tell a stale build from a fresh one. */
export interface BuildRecord {
  /** The folder the site was built into, absolute. */
  out: string;
  /** The address and base path the site was built for (the settings file, or `CHAMBER_SITE` / `CHAMBER_BASE`). */
  settings: { site: string; base: string };
  /** SHA-256 of every file the build read, by path from the project (absolute when outside it), sorted. */
  files: Record<string, string>;
  /**
   * Each file's stamp when it was hashed, by the same paths: the next build hashes only files whose stamp changed
   * (reading a decade's content, 400 MB at 10,000 documents, took 0.7 s of every build).
   */
  stamps?: Record<string, FileStamp> | undefined;
}

const sha256 = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A path as the messages show it: from the project, with forward slashes, or absolute when outside it. */
function label(path: string, root: string): string {
  const rel = relative(root, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel.split(sep).join('/');
}

/** Every file under these paths (files or folders), absolute; a path that does not exist adds none. */
function filesAt(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    if (!existsSync(path)) return [];
    if (!statSync(path).isDirectory()) return [path];
    return readdirSync(path, { withFileTypes: true, recursive: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
  });
}

const sorted = <T>(record: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

/** SHA-256 of every file under these paths (files or folders), by label; a path that does not exist adds nothing. */
export function fingerprint(paths: readonly string[], root = ROOT): Record<string, string> {
  return sorted(Object.fromEntries(filesAt(paths).map((file) => [label(file, root), sha256(readFileSync(file))])));
}

/**
 * What a build into `out` with this environment reads now: taken before the build, saved after it succeeds. A file
 * whose stamp is the one the last build into `out` recorded keeps that build's hash, unread.
 */
export function takeRecord(out: string, env: Record<string, string | undefined>, root = ROOT): BuildRecord {
  const { config } = loadSiteConfig(env, root);
  const paths = [...BUILD_INPUTS.map((p) => join(root, p)), resolve(root, contentRoot(env)), configPath(env, root)];
  const last = readRecord(out, root);
  const files: Record<string, string> = {};
  const stamps: Record<string, FileStamp> = {};
  for (const file of filesAt(paths)) {
    const path = label(file, root);
    const stamp = stampOf(file);
    const known = last?.stamps?.[path];
    const hash = known && sameStamp(known, stamp) ? last?.files[path] : undefined;
    files[path] = hash ?? sha256(readFileSync(file));
    stamps[path] = stamp;
  }
  return { out: resolve(out), settings: { site: config.site, base: config.base }, files: sorted(files), stamps };
}

/** Files added, removed or changed from one fingerprint to the other, sorted. */
export function changedFiles(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((p) => before[p] !== after[p]).sort();
}

/** Why a build made from `built` is not the site the source gives `now`, as one sentence; undefined when it is. */
export function staleness(name: string, built: BuildRecord, now: BuildRecord): string | undefined {
  const changed = changedFiles(built.files, now.files);
  const shown = changed.length > 5 ? `${changed.slice(0, 5).join(', ')} and ${changed.length - 5} more` : changed.join(', ');
  const settings = (['site', 'base'] as const).filter((k) => built.settings[k] !== now.settings[k]);
  const reasons = [
    ...(changed.length > 0 ? [`${shown} changed since`] : []),
    ...settings.map((k) => `it was built for ${k} ${built.settings[k]}, not ${now.settings[k]}`),
  ];
  return reasons.length > 0 ? `${name} was built from older source: ${reasons.join('; ')}. Run \`npm run build\` (or \`npm test\`).` : undefined;
}

/** Where the record of a build into `out` is kept: outside it, so it is never deployed or counted in its weight. */
export const recordFile = (out: string, root = ROOT): string => join(root, '.chamber', 'builds', `${sha256(resolve(out)).slice(0, 16)}.json`);

/** Keeps the record of a finished build, and drops records of builds whose folder is gone (tests' scratch builds). */
export function saveRecord(record: BuildRecord, root = ROOT): void {
  const dir = join(root, '.chamber', 'builds');
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const { out } = readRecordFile(join(dir, name)) ?? {};
    if (out !== undefined && !existsSync(out)) rmSync(join(dir, name), { force: true });
  }
  // Written whole, then renamed: builds running side by side (tests) never read half a record.
  const file = recordFile(record.out, root);
  writeFileSync(`${file}.${process.pid}`, `${JSON.stringify(record)}\n`);
  renameSync(`${file}.${process.pid}`, file);
}

/** A record, or undefined when there is none (a build beside this one may have just dropped it). */
function readRecordFile(file: string): BuildRecord | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BuildRecord;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The record of the build in `out`, or undefined when this project did not build it (or built it before records). */
export const readRecord = (out: string, root = ROOT): BuildRecord | undefined => readRecordFile(recordFile(out, root));
