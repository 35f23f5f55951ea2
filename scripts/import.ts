import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatTime } from '../src/model/date';
import { plural, type Log } from './io';
import type { SourceSummary } from './import/compose/source';
import { formatProblem, hasErrors, type Problem } from './import/problem';
import { composeAll, hintsPath, prepareSources, readContentTree, type Imported } from './import/pipeline';
import { applyWrite, planWrite, type WritePlan } from './import/write/write';
import { collections, contentRoot } from '../src/schema';

const USAGE = `Usage: npm run import -- <file> [more files] [--council <id>] [--out content] [--force] [--dry-run | --check]

Imports what councils publish (PDF, Word .docx, HTML, Markdown or text: minutes, agendas, meeting packs, reports,
decision notices, forward plans) into the site's content as MDX and YAML.
  --council <id>  the council that published the files, when their text does not name it (remembered for re-import)
  --out <dir>     the content folder to write to (default: content)
  --force         overwrite files a person has edited since the last import
  --dry-run       report what would be written, and write nothing
  --check         write nothing; list every file a re-import would change, a hand edit included, and exit 1 if any
                  (with no files: every source in <out>/sources/, as npm run check-import does)`;


/** A source's report: what it is, which council and meeting, what was found in it, and how many words were kept. */
export function describeSource(s: SourceSummary, words: Imported['words']): string[] {
  const out: string[] = [];
  const shape = [s.format.toUpperCase(), s.pages > 1 ? plural(s.pages, 'page') : '', plural(s.lines, 'line'), s.lang === 'cy' ? 'in Welsh' : ''].filter(Boolean).join(', ');
  out.push(`${s.file}  (${shape})`);
  out.push(`  kind       ${s.reason}`);
  out.push(`  council    ${s.council.id}${s.council.name ? ` ("${s.council.name}")` : ''}, ${s.newCouncil ? 'new' : 'known'}: ${s.council.reason}`);
  if (s.meeting) {
    const time = s.time ? `, ${formatTime(`2000-01-01T${s.time}:00Z`, 'UTC')}` : ', no start time printed';
    out.push(`  meeting    ${s.meeting}${time}${s.date ? ` (date from ${s.date.from})` : ''}`);
  } else out.push(`  meeting    (none${s.date ? `; dated ${s.date.value}` : ': no meeting date printed'})`);
  const c = s.counts;
  if (c.agendaItems) out.push(`  agenda     ${plural(c.agendaItems, 'item')}`);
  if (c.minutes || c.sections || c.decisions.length) {
    const kinds = (k: string) => c.decisions.filter((d) => d === k).length;
    const decided = [
      plural(kinds('resolution'), 'decision'),
      kinds('noting') ? plural(kinds('noting'), 'noting') : '',
      kinds('recommendation') ? plural(kinds('recommendation'), 'recommendation') : '',
      kinds('rejected') ? `${kinds('rejected')} rejected` : '',
      plural(c.votes, 'vote'),
      plural(c.actions, 'action'),
    ].filter(Boolean);
    // The numbering reading says how many minutes, in which style; without one, the counts alone.
    const counted = [c.minutes ? plural(c.minutes, 'numbered minute') : '', c.sections ? plural(c.sections, 'unnumbered section') : ''].filter(Boolean).join(', ');
    out.push(`  minutes    ${s.numbering ?? counted}`);
    out.push(`  decided    ${decided.join(', ')}`);
  }
  if (c.documents) out.push(`  documents  ${c.documents}, ${plural(c.tables, 'table')}, ${c.errata} errata, ${c.verbatim} passages kept verbatim for review`);
  const w = words.get(s.source);
  if (w) out.push(`  words      ${w.kept.toLocaleString('en-GB')} of ${w.total.toLocaleString('en-GB')} kept${w.total === w.kept ? '' : ' (NOT ALL: see above)'}`);
  return out;
}

/** The line a hints file gets when the import remembers the council chosen at the first import. */
function rememberCouncil(out: string, imported: Imported): Array<{ path: string; text: string }> {
  return imported.summaries.flatMap((s) => {
    const path = hintsPath(out, s.source);
    const before = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (before !== undefined && /^council:/m.test(before)) return [];
    const line = `# Remembered from the first import, so a re-import gives the same council.\ncouncil: ${s.council.id}\n`;
    return [{ path, text: before === undefined ? `# What the importer was told about ${s.source} (see scripts/import/hints.ts for every field).\n${line}` : `${before.replace(/\n*$/, '\n')}${line}` }];
  });
}

/** The files a content folder's sources were imported from: every file in its sources folder but the records beside them. */
function importedSources(out: string): string[] {
  const dir = join(out, collections.sources.dir);
  return existsSync(dir) ? readdirSync(dir).filter((name) => !name.endsWith(`.${collections.sources.format}`)).sort().map((name) => join(dir, name)) : [];
}

/**
 * `--check`: every file a re-import would change, or none. A file a person edited counts too: the import keeps it
 * only until someone runs it with --force, so the edit belongs in the source's hints file.
 */
function reportDifferences(out: string, plan: WritePlan, hints: string[], io: Log): number {
  const differences = [
    ...[...plan.write.map((p) => join(out, p)), ...hints].map((path) => `  would write     ${path}`),
    ...plan.edited.map((p) => `  edited by hand  ${join(out, p)}`),
    ...plan.stale.map((p) => `  would remove    ${join(out, p)}`),
  ];
  if (differences.length === 0) {
    io.out(`\n${out}/ is what a fresh import of these sources gives; ${plural(plan.unchanged.length, 'file')} checked.`);
    return 0;
  }
  io.err(`\n${out}/ differs from a fresh import of these sources in ${plural(differences.length, 'file')}:`);
  for (const line of differences) io.err(line);
  io.err('Re-import to bring them up to date (npm run import -- <files>); keep a hand edit by recording it in the source\'s hints file (content/import-hints/<source>.yaml).');
  return 1;
}

/** Runs the importer; returns the exit code. Nothing is written unless every check passes. */
export async function run(argv: string[], io: Log): Promise<number> {
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
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const out = args.values.out;
  const files = args.values.check && args.positionals.length === 0 ? importedSources(out) : args.positionals;
  if (args.values.help || (files.length === 0 && !args.values.check)) {
    (args.values.help ? io.out : io.err)(USAGE);
    return args.values.help ? 0 : 2;
  }
  if (files.length === 0) {
    io.out(`${join(out, collections.sources.dir)}/ has no sources: nothing to compare.`);
    return 0;
  }
  if (args.values.council !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(args.values.council)) {
    io.err(`--council ${args.values.council}: a council id is lower-case letters, digits and hyphens, such as "milburn-parish-council"`);
    return 2;
  }
  const started = performance.now();
  const problems: Problem[] = [];
  // Many files take a while (a PDF of 60 pages takes seconds): say which one is being read.
  const progress = files.length > 3 ? (done: number, path: string) => io.out(`Reading ${done} of ${files.length}: ${path}`) : undefined;
  const prepared = await prepareSources(files, out, problems, progress);
  if (progress) io.out(`Read ${plural(prepared.length, 'file')}; composing and checking every word ...\n`);
  const imported = prepared.length > 0 ? composeAll(prepared, readContentTree(out), out, { councilFlag: args.values.council }) : undefined;
  if (imported) problems.push(...imported.problems);
  for (const s of imported?.summaries ?? []) for (const line of describeSource(s, imported!.words)) io.out(line);
  const errors = problems.filter((p) => p.severity === 'error');
  for (const p of problems.filter((x) => x.severity === 'warning')) io.err(`warning: ${formatProblem(p)}`);
  const reviews = problems.filter((p) => p.severity === 'review');
  if (reviews.length) io.out(`\n${plural(reviews.length, 'item')} to review:\n${reviews.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
  if (hasErrors(problems) || !imported) {
    io.err(`\n${errors.length === 1 ? 'A problem stops' : `${errors.length} problems stop`} the import:`);
    for (const p of errors) io.err(`  ${formatProblem(p)}`);
    io.err('Nothing was written.');
    return 1;
  }
  const plan = planWrite(out, imported.files, imported.origins, prepared.map((p) => p.input.id));
  if (args.values.check) return reportDifferences(out, plan, rememberCouncil(out, imported).map((r) => r.path), io);
  if (plan.edited.length > 0 && !args.values.force) {
    io.err(`\n${plural(plan.edited.length, 'file was', 'files were')} edited since the last import and would be overwritten; nothing was written:`);
    for (const path of plan.edited) io.err(`  ${join(out, path)}`);
    io.err('Keep the edits: record them in the source\'s hints file (content/import-hints/<source>.yaml: text corrections, structure, titles), or run again with --force to replace them.');
    return 1;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const count = plan.write.length + (args.values.force ? plan.edited.length : 0);
  // Each council new to the content, once, by the name written to its file.
  const created = [...imported.entries.values()].filter((e) => e.collection === 'councils');
  if (args.values['dry-run']) {
    io.out(`\nDry run: would write ${plural(count, 'file')} to ${out}/; ${plan.unchanged.length} unchanged (${seconds} s).`);
    return 0;
  }
  applyWrite(out, imported.files, imported.origins, plan, args.values.force);
  const remembered = rememberCouncil(out, imported);
  for (const r of remembered) {
    mkdirSync(join(out, 'import-hints'), { recursive: true });
    writeFileSync(r.path, r.text);
  }
  for (const c of created) io.out(`\nCreated council ${c.id} ("${c.data.name}") in ${join(out, 'councils', `${c.id}.yaml`)}: add its website and accessibility contact, which the sources do not print.`);
  if (remembered.length) io.out(`Remembered the council for re-import in ${remembered.map((r) => relative('.', r.path)).join(', ')}.`);
  const removed = plan.stale.length > 0 ? `; removed ${plan.stale.length} the sources no longer produce` : '';
  io.out(`\nWrote ${plural(count, 'file')} to ${relative('.', out) || '.'}/; ${plan.unchanged.length} unchanged${removed} (${seconds} s).`);
  // What a web team does next: the build reads the content folder the settings name, which may not be this one.
  const builds = resolve(out) === resolve(contentRoot(process.env));
  io.out(
    `Next: ${reviews.length > 0 ? `look at the ${plural(reviews.length, 'item')} to review above, then ` : ''}` +
      `${builds ? 'run npm run build to check and build the site, and npm run preview to see it.' : `build from this folder with CHAMBER_CONTENT=${out} npm run build.`}`,
  );
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await run(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) });
}
