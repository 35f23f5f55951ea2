import { parentPort, workerData } from 'node:worker_threads';
import type { CollectionName } from '../src/schema';
import { checkShare, type CheckedEntry, type ShareMessage, type ShareTask } from './check-content';
import { fileWhenUsed, type ContentTree } from './content-tree';

/** A content check's worker thread: checks its share of the tree (see `checkInWorkers` in check-content.ts). */
const task = workerData as ShareTask;
const tree: ContentTree = {};
const indexOf = new Map<string, number>();
for (const { index, collection, relativePath, path } of task.files) {
  (tree[collection as CollectionName] ??= []).push({ relativePath, file: fileWhenUsed(path) });
  indexOf.set(path, index);
}
const clean = new Set(task.clean);
const before = clean.size;
const send = (message: ShareMessage) => parentPort!.postMessage(message);
// Entries go to the main thread a few hundred at a time, so this thread never holds its whole share's.
let batch: Array<[number, CheckedEntry]> = [];
const { problems } = checkShare(tree, clean, task.ids, (entry) => {
  batch.push([indexOf.get(entry.file)!, entry]);
  if (batch.length >= 256) {
    send({ entries: batch });
    batch = [];
  }
});
if (batch.length > 0) send({ entries: batch });
send({ done: { problems, clean: [...clean].slice(before) } });
