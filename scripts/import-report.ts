import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Log } from './io';
import { corpusReport, formatReport } from './import/report';

const USAGE = `Usage: npm run import:report [-- --corpus tests/corpus]

Imports every document of the corpus folder on its own (nothing is written to content/) and prints what the importer
found beside what a person counted in expected.json: kind, meeting date and start time, minutes, decisions, votes,
actions, words kept and review items, with the totals the importer is held to.`;

export async function run(argv: string[], io: Log): Promise<number> {
  let corpus: string;
  try {
    const { values } = parseArgs({ args: argv, options: { corpus: { type: 'string', default: join(import.meta.dirname, '..', 'tests', 'corpus') }, help: { type: 'boolean', default: false } } });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    corpus = values.corpus;
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  io.out(`Importing each document of ${corpus} ...\n`);
  const rows = await corpusReport(corpus);
  io.out(formatReport(rows));
  return rows.some((r) => r.error) ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await run(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) });
}
