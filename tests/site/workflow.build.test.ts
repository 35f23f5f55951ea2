import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runScript } from '../helpers/build';
import { DIST } from '../helpers/dist';
import { siteDifferences } from '../helpers/site-tree';
import { BUILD_WORKFLOW, runWorkflow } from '../helpers/workflow';

const scratch = mkdtempSync(join(tmpdir(), 'chamber-workflow-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the GitHub Actions workflow (.github/workflows/build.yml)', () => {
  test('its commands, run here job after job, build the same site as npm run build', { timeout: 600_000 }, () => {
    const run = runWorkflow(BUILD_WORKFLOW, scratch);
    // One job built each part the plan listed, and one merge joined them.
    const planned = JSON.parse(run.outputs.get('plan')?.['parts'] ?? '[]') as string[];
    const built = run.commands.flatMap((c) => /--part (\S+)/.exec(c)?.[1] ?? []);
    expect(planned).toContain('site');
    expect(built.sort()).toEqual([...planned].sort());
    expect(run.commands.filter((c) => c.includes('--merge'))).toHaveLength(1);
    // The workflow delivers one artifact, the merged site: file for file what `npm run build` writes on one machine.
    expect(run.delivered).toHaveLength(1);
    expect(siteDifferences(DIST, run.artifacts.get(run.delivered[0]!)!)).toEqual([]);

    // A merge job given every part but one (an artifact that failed to download) stops, naming it, and writes nothing.
    const [missing, ...rest] = planned;
    const out = join(scratch, 'incomplete');
    const merged = runScript('scripts/build.ts', ['--merge', ...rest.map((name) => run.artifacts.get(`part-${name}`)!), '--out', out]);
    expect(merged.status).toBe(1);
    expect(merged.output).toContain(`The site has ${planned.length} parts, and part ${missing} is missing`);
    expect(existsSync(out)).toBe(false);
  });
});
