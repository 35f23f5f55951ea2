import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OutputFiles } from './pipeline';

/** Records what the importer last wrote, so it can tell a file a person edited from one it may refresh. */
export const MANIFEST = '.import-manifest.json';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface WritePlan {
  /** Files that will be created or replaced. */
  write: string[];
  /** Files whose content is already what the import produces. */
  unchanged: string[];
  /** Files a person changed (or created) since the last import: not overwritten without --force. */
  edited: string[];
}

function readManifest(root: string): Record<string, string> {
  const path = join(root, MANIFEST);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { files: Record<string, string> }).files : {};
}

/** Compares the import's output with the content folder, without writing anything. */
export function planWrite(root: string, files: OutputFiles): WritePlan {
  const manifest = readManifest(root);
  const plan: WritePlan = { write: [], unchanged: [], edited: [] };
  for (const [path, text] of files) {
    const full = join(root, path);
    if (!existsSync(full)) {
      plan.write.push(path);
      continue;
    }
    const current = readFileSync(full, 'utf8');
    if (current === text) plan.unchanged.push(path);
    else if (manifest[path] === sha256(current)) plan.write.push(path);
    else plan.edited.push(path);
  }
  return plan;
}

/**
 * Writes the planned files. Each file goes to a temporary name first and is renamed into place, so a reader of the
 * content folder never sees half a file; the manifest is updated last.
 */
export function applyWrite(root: string, files: OutputFiles, plan: WritePlan, force: boolean): void {
  const manifest = readManifest(root);
  const targets = force ? [...plan.write, ...plan.edited] : plan.write;
  for (const path of targets) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(`${full}.tmp-import`, files.get(path)!);
  }
  for (const path of targets) renameSync(join(root, `${path}.tmp-import`), join(root, path));
  for (const [path, text] of files) if (targets.includes(path) || plan.unchanged.includes(path)) manifest[path] = sha256(text);
  const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, MANIFEST), `${JSON.stringify({ files: sorted }, null, 2)}\n`);
}
