import { parse } from 'yaml';
import { missingCouncilDetails } from '../src/model/council';
import { collections, contentRoot } from '../src/schema';
import { formatProblem, validateContent } from '../src/schema/validate';
import { readContentTree } from './content-tree';
import type { Io } from './io';

/**
 * Checks every content file (schema, YAML, MDX, components, cross-references) and reports each problem as
 * file:line:column field: message. Returns 0 when the content is valid. `npm run build` runs this first, in a process
 * of its own, so the memory checking takes is given back before Astro starts.
 */
export function checkContent(io: Io): number {
  const root = contentRoot(io.env);
  const tree = readContentTree(root);
  const count = Object.values(tree).reduce((n, list) => n + (list?.length ?? 0), 0);
  io.out(`Checking ${count} content files in ${root}/ ...`);
  const problems = validateContent(tree);
  if (problems.length > 0) {
    io.err(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in content; nothing was built:\n`);
    for (const problem of problems) io.err(`  ${formatProblem(problem)}`);
    io.err('\nFix these and run the build again.');
    return 1;
  }
  io.out('Content is valid.');
  const empty = Object.entries(tree).flatMap(([name, list]) => (list?.length ? [] : [name]));
  if (empty.length > 0) {
    // Astro warns of each empty collection; on a new site that is expected, so say so before it does.
    io.out(`Nothing yet in ${empty.join(', ')}: Astro warns that it found no files there until you import some.`);
  }
  // What a council has not given is not an error (the site says so plainly), but the web team should know.
  const councils = (tree.councils ?? []).map(({ file }) => ({ file: file.path, data: collections.councils.schema.parse(parse(file.text)) }));
  const missing = missingCouncilDetails(councils);
  if (missing.length > 0) {
    io.out(`\n${missing.length} detail${missing.length === 1 ? '' : 's'} to add:`);
    for (const m of missing) io.out(`  ${m.file}  ${m.field}: ${m.message}`);
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = checkContent({ out: (line) => console.log(line), err: (line) => console.error(line), env: process.env });
}
