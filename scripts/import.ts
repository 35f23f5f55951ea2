import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { collectionNames, collections, type Council, type Document, type Person } from '../src/schema';
import { checkFile, formatProblem, validateContent, type ContentProblem } from '../src/schema/validate';
import { readContentTree, type ContentTree } from './content-tree';
import type { Existing } from './import/compose/pack';
import { hintsSchema, type Hints } from './import/hints';
import { importPacks } from './import/compose/merge';
import { ImportError } from './import/problem';
import { decodePack } from './import/read/text';
import { applyWrite, planWrite } from './import/write/write';
import type { Log } from './io';

const USAGE = `Usage: npm run import -- <pack.txt|pack.md> [more packs] [--council <id>] [--out content] [--force] [--dry-run]

Imports council meeting packs (text extracted from PDF) into MDX and YAML content.
  --council <id>  the council that published the pack(s), when the importer cannot tell
  --out <dir>     the content folder to write to (default: content)
  --force         overwrite files a person has edited since the last import
  --dry-run       report what would be written, and write nothing`;

/** Existing content the import links to: parsed with the same checks the build uses; broken files are skipped. */
function loadExisting(tree: ContentTree): Existing {
  const data = <T>(name: 'councils' | 'people' | 'documents') => {
    const map = new Map<string, T>();
    for (const { relativePath, file } of tree[name] ?? []) {
      const parsed = checkFile(name, relativePath, file, []);
      if (parsed) map.set(parsed.id, parsed.data as T);
    }
    return map;
  };
  const ids = (name: 'meetings' | 'bodies') => new Set((tree[name] ?? []).map((f) => f.relativePath.replace(/\.yaml$/, '')));
  return {
    councils: data<Council>('councils'),
    people: data<Person>('people'),
    documents: data<Document>('documents'),
    meetings: ids('meetings'),
    bodies: ids('bodies'),
  };
}

/** Hints for a pack from `<out>/sources/<id>.hints.yaml`, validated; a bad hints file stops the import. */
function loadHints(out: string, id: string): Hints | undefined {
  const path = join(out, 'import-hints', `${id}.yaml`);
  if (!existsSync(path)) return undefined;
  const result = hintsSchema.safeParse(parseYaml(readFileSync(path, 'utf8')));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ImportError(`hints file: ${issue.path.join('.')}: ${issue.message}`, path);
  }
  return result.data;
}

/** The content tree as it will be after the import, for validating before anything is written. */
function overlay(tree: ContentTree, files: Map<string, string>, out: string): ContentTree {
  const next: ContentTree = {};
  for (const name of collectionNames) {
    const dir = collections[name].dir;
    const list = new Map((tree[name] ?? []).map((f) => [f.relativePath, f]));
    for (const [path, text] of files) {
      if (!path.startsWith(`${dir}/`) || !/\.(yaml|mdx)$/.test(path)) continue;
      const relativePath = path.slice(dir.length + 1);
      list.set(relativePath, { relativePath, file: { path: join(out, path), text } });
    }
    next[name] = [...list.values()];
  }
  return next;
}

/** Runs the importer; returns the exit code. Nothing is written unless every check passes. */
export function run(argv: string[], io: Log): number {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        council: { type: 'string' },
        out: { type: 'string', default: 'content' },
        force: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.values.help || args.positionals.length === 0) {
    (args.values.help ? io.out : io.err)(USAGE);
    return args.values.help ? 0 : 2;
  }
  const out = args.values.out;
  const started = performance.now();
  try {
    const packs = args.positionals.map((path) => {
      if (!existsSync(path) || !statSync(path).isFile()) throw new ImportError('no such file', path);
      const text = decodePack(readFileSync(path), path);
      const id = basename(path, extname(path)).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      const hints = loadHints(out, id);
      return { path, id, text, ...(hints ? { hints } : {}) };
    });
    const tree = readContentTree(out);
    const result = importPacks(packs, loadExisting(tree), args.values.council);
    for (const pack of packs) result.files.set(`sources/${pack.id}.txt`, pack.text);
    const problems: ContentProblem[] = validateContent(overlay(tree, result.files, out));
    const ours = problems.filter((p) => [...result.files.keys()].some((path) => p.file === join(out, path)));
    if (ours.length > 0) {
      io.err(`The import produced content that does not pass the site's checks; nothing was written:\n`);
      for (const p of ours) io.err(`  ${formatProblem(p)}`);
      return 1;
    }
    for (const pack of packs) result.origins.set(`sources/${pack.id}.txt`, [pack.id]);
    const plan = planWrite(out, result.files, result.origins, packs.map((p) => p.id));
    for (const s of result.summaries) {
      const pack = packs.find((p) => p.id === s.pack)!;
      io.out(`${pack.path}: ${pack.text.split('\n').length} lines`);
      io.out(`  meeting    ${s.meeting ?? '(none: the pack has no front sheet)'}`);
      io.out(`  agenda     ${s.agendaItems} items`);
      io.out(`  documents  ${s.documents}`);
      io.out(`  minutes    ${s.minutes} numbered minutes, ${s.decisions} decisions`);
      io.out(`  tables     ${s.tables}`);
      io.out(`  verbatim   ${s.verbatim} passages kept as printed, listed for review`);
      io.out(`  errata     ${s.errata}`);
    }
    if (plan.edited.length > 0 && !args.values.force) {
      io.err(`\n${plan.edited.length} file(s) were edited since the last import and would be overwritten; nothing was written:`);
      for (const path of plan.edited) io.err(`  ${join(out, path)}`);
      io.err('Keep the edits (move them into the pack\'s hints file), or run again with --force to replace them.');
      return 1;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (args.values['dry-run']) {
      io.out(`\nDry run: would write ${plan.write.length + (args.values.force ? plan.edited.length : 0)} file(s) to ${out}/; ${plan.unchanged.length} unchanged (${seconds} s).`);
      return 0;
    }
    applyWrite(out, result.files, result.origins, plan, args.values.force);
    const removed = plan.stale.length > 0 ? `; removed ${plan.stale.length} the packs no longer produce` : '';
    io.out(`\nWrote ${plan.write.length + (args.values.force ? plan.edited.length : 0)} file(s) to ${relative('.', out) || '.'}/; ${plan.unchanged.length} unchanged${removed} (${seconds} s).`);
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      io.err(`${error.file || 'import'}${error.line ? `:${error.line}` : ''}: ${error.message}`);
      io.err('Nothing was written.');
      return 1;
    }
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = run(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) });
}
