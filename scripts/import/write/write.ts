import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OutputFiles } from '../compose/merge';

/** Records what the importer last wrote, so it can tell a file a person edited from one it may refresh. */
export const MANIFEST = '.import-manifest.json';

const sha256 = (content: string | Uint8Array) => createHash('sha256').update(content).digest('hex');

/** Whether a file on disk holds exactly this content. */
const same = (current: Buffer, content: string | Uint8Array) =>
  typeof content === 'string' ? current.toString('utf8') === content : Buffer.compare(current, Buffer.from(content)) === 0;

/** What the manifest keeps for each file: the hash of what was written, and the packs it was made from. */
interface Written {
  sha256: string;
  packs: string[];
}

export interface WritePlan {
  /** Files that will be created or replaced. */
  write: string[];
  /** Files whose content is already what the import produces. */
  unchanged: string[];
  /** Files a person changed (or created) since the last import: not overwritten without --force. */
  edited: string[];
  /** Files an earlier import of these packs wrote that this import no longer produces (unedited): removed. */
  stale: string[];
}

function readManifest(root: string): Record<string, Written> {
  const path = join(root, MANIFEST);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { files: Record<string, Written> }).files : {};
}

/** Compares the import's output with the content folder, without writing anything. */
export function planWrite(root: string, files: OutputFiles, origins: Map<string, string[]>, packs: string[]): WritePlan {
  const manifest = readManifest(root);
  const plan: WritePlan = { write: [], unchanged: [], edited: [], stale: [] };
  for (const [path, written] of Object.entries(manifest)) {
    const ours = written.packs.length > 0 && written.packs.every((p) => packs.includes(p));
    const full = join(root, path);
    const produced = files.has(path) || origins.has(path);
    if (ours && !produced && existsSync(full) && sha256(readFileSync(full)) === written.sha256) plan.stale.push(path);
  }
  for (const [path, text] of files) {
    const full = join(root, path);
    if (!existsSync(full)) {
      plan.write.push(path);
      continue;
    }
    const current = readFileSync(full);
    if (same(current, text)) plan.unchanged.push(path);
    else if (manifest[path]?.sha256 === sha256(current)) plan.write.push(path);
    else plan.edited.push(path);
  }
  return plan;
}

/**
 * Writes the planned files. Each file goes to a temporary name first and is renamed into place, so a reader of the
 * content folder never sees half a file; the manifest is updated last.
 */
export function applyWrite(root: string, files: OutputFiles, origins: Map<string, string[]>, plan: WritePlan, force: boolean): void {
  const manifest = readManifest(root);
  const targets = force ? [...plan.write, ...plan.edited] : plan.write;
  for (const path of targets) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(`${full}.tmp-import`, files.get(path)!);
  }
  for (const path of targets) renameSync(join(root, `${path}.tmp-import`), join(root, path));
  for (const path of plan.stale) {
    rmSync(join(root, path));
    delete manifest[path];
  }
  for (const [path, text] of files) {
    if (targets.includes(path) || plan.unchanged.includes(path)) manifest[path] = { sha256: sha256(text), packs: origins.get(path) ?? [] };
  }
  const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, MANIFEST), `${JSON.stringify({ files: sorted }, null, 2)}\n`);
}
