/**
 * Search packs: each part's search index keeps its many small files (Pagefind writes one fragment per page and one
 * file per chunk of its word index: 16,898 files at 10,000 documents) inside one file, its pack, which a browser reads
 * a file at a time with HTTP range requests. The site then has a few files per part instead of one per page, and a
 * search downloads the same bytes as from the separate files, plus one small table of where each file lies.
 *
 * The tables are sharded by the first hex digit of a file's hash (Pagefind names every file by its content's hash), so
 * a search downloads the tables of the files it reads, not a table of the whole part.
 */

/** Folders of a Pagefind index whose files go in the pack: what a search reads a few of at a time, by hash. */
export const PACKED_FOLDERS = ['fragment', 'index', 'filter'] as const;

/** The folder, inside a part's index, of its pack and the pack's tables. */
export const PACK_FOLDER = 'pack';

/** One packed file: its path in the index (`fragment/en_1a2b3c4.pf_fragment`) and its length in bytes. */
export type PackEntry = [path: string, length: number];

/**
 * One table of a pack: the pack's file name, and the packed files whose hash begins with the table's digit, which
 * lie one after another in the pack from `start`.
 */
export interface PackTable {
  pack: string;
  start: number;
  files: PackEntry[];
}

/**
 * The table a packed file is listed in: the first hex digit of its hash (`fragment/en_1a2b3c4.pf_fragment` → "1");
 * undefined for a path that is not one of a packed folder's files.
 */
export function packShard(path: string): string | undefined {
  const match = new RegExp(`^(?:${PACKED_FOLDERS.join('|')})/[a-z-]+_([0-9a-f])[0-9a-f]*\\.pf_[a-z]+$`).exec(path);
  return match?.[1];
}

/** A table's path in a part's index. */
export const tablePath = (shard: string): string => `${PACK_FOLDER}/${shard}.json`;

/**
 * How to pack `files` (each with its length in bytes) into the pack named `pack`: the order to write them in (a
 * table's files together, so a table holds lengths, not offsets) and the tables, by shard. Throws on a file that
 * cannot be packed, since its table could not be found again.
 */
export function packLayout<F extends { path: string; length: number }>(pack: string, files: readonly F[]): { order: F[]; tables: Map<string, PackTable> } {
  const keyed = files.map((file) => {
    const shard = packShard(file.path);
    if (shard === undefined) throw new Error(`Cannot pack ${file.path}: not a file of ${PACKED_FOLDERS.join(', ')} named by its hash.`);
    return { file, shard };
  });
  keyed.sort((a, b) => a.shard.localeCompare(b.shard) || a.file.path.localeCompare(b.file.path));
  const tables = new Map<string, PackTable>();
  let offset = 0;
  for (const { file, shard } of keyed) {
    let table = tables.get(shard);
    if (!table) tables.set(shard, (table = { pack, start: offset, files: [] }));
    table.files.push([file.path, file.length]);
    offset += file.length;
  }
  return { order: keyed.map(({ file }) => file), tables };
}

/** Each file a table lists, with where it lies in the pack: `[path, start, end]`, `end` exclusive. */
export function tableEntries(table: PackTable): Array<[path: string, start: number, end: number]> {
  let offset = table.start;
  return table.files.map(([path, length]) => [path, offset, (offset += length)]);
}

/** Where a packed file lies in its pack, from its table, as `[start, end]` with `end` exclusive; undefined if not listed. */
export function packedRange(table: PackTable, path: string): [number, number] | undefined {
  const entry = tableEntries(table).find(([listed]) => listed === path);
  return entry && [entry[1], entry[2]];
}

/**
 * Which part's index, and which packed file in it, a request for `pathname` is for, when the search bundle lives at
 * `bundle` (e.g. `/archive/pagefind/`); undefined for any other request.
 */
export function packedRequest(pathname: string, bundle: string): { index: string; path: string; shard: string } | undefined {
  if (!pathname.startsWith(bundle)) return undefined;
  const match = /^([^/]+\/)(.+)$/.exec(pathname.slice(bundle.length));
  if (!match) return undefined;
  const shard = packShard(match[2]!);
  return shard === undefined ? undefined : { index: `${bundle}${match[1]}`, path: match[2]!, shard };
}

/**
 * The bytes a `Range` header asks of a file of `size` bytes, as `[start, end]` with `end` exclusive, for a single range
 * (`bytes=10-19`, `bytes=10-`, `bytes=-5`); undefined when it asks for none the server can give one part of.
 */
export function requestedRange(header: string, size: number): [number, number] | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [start, end] =
    match[1] === '' ? [Math.max(0, size - Number(match[2])), size] : [Number(match[1]), match[2] === '' ? size : Math.min(size, Number(match[2]) + 1)];
  return start < end ? [start, end] : undefined;
}
