import { statSync, type Stats } from 'node:fs';

/**
 * A file as `stat` gives it: what tells an unchanged file from a changed one without reading it, as git's index does.
 * A fresh clone gives every file a new stamp, so a stamp only ever saves reading a file again, never decides it changed.
 */
export type FileStamp = Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>;

export const stampOf = (path: string): FileStamp => {
  const { size, mtimeMs, ctimeMs, ino } = statSync(path);
  return { size, mtimeMs, ctimeMs, ino };
};

export const sameStamp = (a: FileStamp, b: FileStamp): boolean => a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
