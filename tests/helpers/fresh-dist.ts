import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { readRecord, staleness, takeRecord } from '../../scripts/build-record';
import { DIST } from './dist';

/**
 * Global setup of the build and browser tiers: stops the run, with one message, before any test reads a `dist/` that is
 * missing or was built from older source. A build from `CHAMBER_DIST` that this project did not build has no record
 * to compare; it is tested as it is, with a note.
 */
export default function checkDist(): void {
  const other = process.env.CHAMBER_DIST !== undefined;
  const name = other ? `CHAMBER_DIST (${DIST})` : `${relative(process.cwd(), DIST) || DIST}/`;
  const build = other ? `\`npm run build -- --out ${DIST}\`` : '`npm run build` (or `npm test`)';
  if (!existsSync(DIST)) throw new Error(`${name} is missing: run ${build}.`);
  const built = readRecord(DIST);
  if (!built) {
    if (!other) throw new Error(`${name} has no record of the source it was built from (scripts/build.ts keeps one): run ${build}.`);
    console.warn(`Note: ${name} was not built by this project's scripts/build.ts, so whether it is up to date is not checked.`);
    return;
  }
  const stale = staleness(name, built, takeRecord(DIST, process.env));
  if (stale) throw new Error(stale);
}
