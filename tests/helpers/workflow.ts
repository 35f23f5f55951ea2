import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { cleanEnv } from './build';

const ROOT = join(import.meta.dirname, '..', '..');

/** The project's workflow that builds the site in parts on several machines. */
export const BUILD_WORKFLOW = join(ROOT, '.github', 'workflows', 'build.yml');

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number | boolean>;
}

interface Job {
  needs?: string | string[];
  outputs?: Record<string, string>;
  strategy?: { matrix?: Record<string, unknown> };
  steps: Step[];
}

/** What a run of the workflow left: every artifact by name, and the artifacts no job downloaded (what it delivers). */
export interface WorkflowRun {
  artifacts: Map<string, string>;
  delivered: string[];
  /** Each job's outputs, by job name. */
  outputs: Map<string, Record<string, string>>;
  /** Each command run, in order, as it was run (expressions filled in). */
  commands: string[];
}

/**
 * Keys this runner understands. Anything else (`if:`, `continue-on-error:`, matrix `include`/`exclude`...) could
 * change which commands run on GitHub, so it is refused rather than ignored: the test then fails until it is taught.
 */
const WORKFLOW_KEYS = new Set(['name', 'on', 'permissions', 'concurrency', 'defaults', 'jobs']);
const STEP_KEYS = new Set(['id', 'name', 'uses', 'run', 'with']);
const JOB_KEYS = new Set(['name', 'runs-on', 'needs', 'outputs', 'strategy', 'steps']);
const STRATEGY_KEYS = new Set(['matrix', 'fail-fast', 'max-parallel']);

function refuseUnknown(what: string, value: object, known: ReadonlySet<string>): void {
  const unknown = Object.keys(value).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new Error(`${what}: this local runner does not know ${unknown.join(', ')}`);
}

const needsOf = (job: Job): string[] => (job.needs === undefined ? [] : [job.needs].flat());

/** Jobs in an order where each comes after every job it needs. */
function jobOrder(jobs: Record<string, Job>): string[] {
  const order: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (order.includes(name)) return;
    if (path.includes(name)) throw new Error(`jobs need each other: ${[...path, name].join(' -> ')}`);
    if (!jobs[name]) throw new Error(`job ${path.at(-1)} needs ${name}, which is not in the workflow`);
    for (const need of needsOf(jobs[name])) visit(need, [...path, name]);
    order.push(name);
  };
  for (const name of Object.keys(jobs)) visit(name, []);
  return order;
}

/** A GitHub Actions glob (`part-*`) as a regular expression over artifact names. */
const globRegExp = (pattern: string) => new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

/**
 * Runs a GitHub Actions workflow on this machine, job after job as `needs` orders them, each job (and each matrix
 * instance) in its own folder, like a fresh runner: a copy of the project as checked out, so what a job writes stays
 * in its folder. Every `run:` step runs with bash as GitHub runs it, except `npm ci` (this checkout is installed
 * already). Of the `uses:` steps, `actions/checkout` is the folder itself, and `actions/upload-artifact` and
 * `actions/download-artifact` copy folders through `artifacts`, as GitHub stores them (a download of several by
 * `pattern` puts each in a folder named after it); any other step is refused. Expressions filled in:
 * `matrix.*`, `steps.<id>.outputs.*`, `needs.<job>.outputs.*` and, for a matrix, `fromJSON(needs.<job>.outputs.*)`.
 */
export function runWorkflow(file: string, scratch: string): WorkflowRun {
  const workflow = parse(readFileSync(file, 'utf8')) as { defaults?: { run?: { shell?: string } }; jobs: Record<string, Job> };
  refuseUnknown(file, workflow, WORKFLOW_KEYS);
  const shell = workflow.defaults?.run?.shell;
  if (shell !== undefined && shell !== 'bash') throw new Error(`run steps in ${shell}: this local runner runs bash only`);
  // GitHub's bash: with `shell: bash` named, -o pipefail too.
  const bash = ['--noprofile', '--norc', '-e', ...(shell === 'bash' ? ['-o', 'pipefail'] : [])];
  const artifactsDir = join(scratch, 'artifacts');
  const artifacts = new Map<string, string>();
  const downloaded = new Set<string>();
  const jobOutputs = new Map<string, Record<string, string>>();
  const commands: string[] = [];

  for (const jobName of jobOrder(workflow.jobs)) {
    const job = workflow.jobs[jobName]!;
    refuseUnknown(`job ${jobName}`, job, JOB_KEYS);
    const needs = Object.fromEntries(needsOf(job).map((n) => [n, jobOutputs.get(n)!]));
    for (const [index, matrix] of matrixOf(jobName, job, needs).entries()) {
      const workspace = join(scratch, 'jobs', `${jobName}-${index}`);
      checkout(workspace);
      const steps = new Map<string, Record<string, string>>();
      const fill = (text: string) =>
        text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => {
          const [scope, ...path] = expression.split('.');
          const value =
            scope === 'matrix' && path.length === 1
              ? matrix[path[0]!]
              : scope === 'steps' && path[1] === 'outputs'
                ? steps.get(path[0]!)?.[path[2]!]
                : scope === 'needs' && path[1] === 'outputs'
                  ? needs[path[0]!]?.[path[2]!]
                  : undefined;
          if (value === undefined) throw new Error(`job ${jobName}: cannot fill in \${{ ${expression} }}`);
          return value;
        });
      for (const step of job.steps) {
        refuseUnknown(`a step of job ${jobName}`, step, STEP_KEYS);
        const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, fill(String(v))]));
        if (step.run !== undefined) {
          const command = fill(step.run);
          if (command.trim() === 'npm ci') continue;
          commands.push(command);
          const output = join(scratch, 'github-output');
          writeFileSync(output, '');
          const result = spawnSync('bash', [...bash, '-c', command], {
            cwd: workspace,
            encoding: 'utf8',
            env: cleanEnv({ GITHUB_OUTPUT: output, GITHUB_WORKSPACE: workspace }),
          });
          if (result.status !== 0) throw new Error(`job ${jobName}, step \`${command}\` failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
          if (step.id) steps.set(step.id, outputsIn(readFileSync(output, 'utf8')));
        } else if (step.uses?.startsWith('actions/checkout@')) {
          continue;
        } else if (step.uses?.startsWith('actions/upload-artifact@')) {
          const name = inputs['name'] ?? 'artifact';
          const from = join(workspace, inputs['path'] ?? '');
          if (artifacts.has(name)) throw new Error(`job ${jobName}: an artifact named ${name} was uploaded already`);
          if (!existsSync(from)) throw new Error(`job ${jobName}: nothing at ${inputs['path']} to upload as ${name}`);
          // As upload-artifact does, hidden files stay behind unless asked for.
          const hidden = inputs['include-hidden-files'] === 'true';
          cpSync(from, join(artifactsDir, name), { recursive: true, filter: (path) => hidden || !basename(path).startsWith('.') });
          artifacts.set(name, join(artifactsDir, name));
        } else if (step.uses?.startsWith('actions/download-artifact@')) {
          const names = inputs['name'] !== undefined ? [inputs['name']] : [...artifacts.keys()].filter((n) => globRegExp(inputs['pattern'] ?? '*').test(n));
          if (inputs['name'] !== undefined && !artifacts.has(inputs['name'])) throw new Error(`job ${jobName}: no artifact named ${inputs['name']}`);
          const into = join(workspace, inputs['path'] ?? '');
          const own = inputs['name'] === undefined && inputs['merge-multiple'] !== 'true';
          for (const name of names) {
            cpSync(artifacts.get(name)!, own ? join(into, name) : into, { recursive: true });
            downloaded.add(name);
          }
        } else {
          throw new Error(`job ${jobName}: this local runner cannot run ${step.uses ?? JSON.stringify(step)}`);
        }
      }
      jobOutputs.set(jobName, Object.fromEntries(Object.entries(job.outputs ?? {}).map(([k, v]) => [k, fill(v)])));
    }
  }
  return { artifacts, delivered: [...artifacts.keys()].filter((n) => !downloaded.has(n)), outputs: jobOutputs, commands };
}

/** A job's matrix instances: one variable, from a list or `fromJSON(needs.<job>.outputs.<name>)`; one instance without a matrix. */
function matrixOf(jobName: string, job: Job, needs: Record<string, Record<string, string>>): Array<Record<string, string>> {
  if (!job.strategy) return [{}];
  refuseUnknown(`the strategy of job ${jobName}`, job.strategy, STRATEGY_KEYS);
  const variables = Object.entries(job.strategy.matrix ?? {});
  if (variables.length !== 1) throw new Error(`job ${jobName}: this local runner knows a matrix of one variable, not ${variables.map(([k]) => k).join(', ')}`);
  const [name, values] = variables[0]!;
  const from = typeof values === 'string' ? /^\$\{\{\s*fromJSON\(needs\.([\w-]+)\.outputs\.([\w-]+)\)\s*\}\}$/.exec(values) : null;
  const list = Array.isArray(values) ? values : from ? (JSON.parse(needs[from[1]!]?.[from[2]!] ?? 'null') as unknown) : undefined;
  if (!Array.isArray(list) || list.length === 0) throw new Error(`job ${jobName}: matrix.${name} is not a list: ${JSON.stringify(values)}`);
  return list.map((value) => ({ [name]: String(value) }));
}

/** The `name=value` lines a step wrote to `$GITHUB_OUTPUT`. */
function outputsIn(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

/**
 * A runner's checkout: a copy of the project's files as git would check them out (with changes not yet committed),
 * installed by a link to this checkout's `node_modules`. A copy, not links: a script run through a link would not
 * know itself as the script run (`import.meta.url` is the real path), and the build keeps its work (`.chamber/`) beside
 * its scripts, which on a runner is the runner's own folder.
 */
function checkout(workspace: string): void {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0')) {
    if (file && existsSync(join(ROOT, file))) cpSync(join(ROOT, file), join(workspace, file));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(workspace, 'node_modules'));
}
