import { createHash } from 'node:crypto';
import { mdxToMdast } from 'satteri';
import { mdxSafetyProblems, type MdastNode } from './mdx-safety';
import { componentProblems, contentComponents } from './components';
import { DEFAULT_SCHEMA, load, Type, YAMLException } from 'js-yaml';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { collections, extensionOf, type CollectionName } from './index';
import { referencesIn, type FoundReference } from './references';
import { startDateProblem, type Meeting } from './meeting';
import { locator } from './yaml-position';

/** One content file as read from disk: its path relative to the project root and its text. */
export interface ContentFile {
  path: string;
  text: string;
}

/** A problem in a content file, placed as precisely as the file allows. */
export interface ContentProblem {
  file: string;
  line: number;
  column: number;
  /** Field path such as `agenda[2].pages.to`; empty for the file as a whole. */
  field: string;
  message: string;
}


/** A file parsed far enough to check: its data, where each field sits, and its MDX body. */
export interface ParsedEntry {
  collection: CollectionName;
  id: string;
  file: string;
  /**
   * The fields as written, before the schema's defaults, read as Astro reads them: an unquoted date or time is a Date
   * (YAML 1.1 timestamps), so a build from these fields gives what Astro's own loading gives.
   */
  raw: unknown;
  /** The fields as the schema gives them. */
  data: unknown;
  /** The MDX body, after the frontmatter; undefined for a YAML file. */
  body: string | undefined;
  /** A SHA-256 of the MDX body: what tells a changed body from an unchanged one once the body itself is let go. */
  bodyDigest: string | undefined;
  locate: (path: ReadonlyArray<PropertyKey>) => { line: number; column: number };
  /** KPI series its MDX body charts (`<KpiChart kpi="..." />`), with where each is named. */
  charts: Array<{ id: string; line: number; column: number }>;
}

/** `<KpiChart kpi="id" />` or `kpi={"id"}` in an MDX body, by line, so a misspelt series stops the build. */
function chartsIn(body: string, lineOffset: number): ParsedEntry['charts'] {
  return body.split('\n').flatMap((text, i) =>
    [...text.matchAll(/<KpiChart\b[^>]*?\bkpi=(?:"([^"]*)"|\{"([^"]*)"\})/g)].map((m) => ({
      id: (m[1] ?? m[2]) as string,
      line: i + 1 + lineOffset,
      column: (m.index ?? 0) + 1,
    })),
  );
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** Entry id from its path: the part under the collection folder, without extension. */
export function entryId(relativePath: string, ext: string): string {
  return relativePath.slice(0, -ext.length);
}

/** Formats a Zod/field path the way a person reads it: `agenda[2].pages.to`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

/** An unquoted scalar that YAML 1.1 reads as a date or time, as written, until it is read both ways (see `readFields`). */
class Written {
  constructor(readonly text: string) {}
}

/** A YAML type as js-yaml keeps it in a schema (its typings leave these out). */
interface ScalarType {
  tag: string;
  resolve: (text: string) => boolean;
  construct: (text: string) => Date;
}

/** YAML 1.1's timestamp, js-yaml's own: what Astro's loader reads an unquoted date or date-time as. */
const TIMESTAMP = (DEFAULT_SCHEMA as unknown as { implicit: ScalarType[] }).implicit.find((type) => type.tag === 'tag:yaml.org,2002:timestamp')!;

/** Astro's YAML schema, but keeping each timestamp as written. */
const FIELDS_SCHEMA = DEFAULT_SCHEMA.extend({
  implicit: [
    new Type(TIMESTAMP.tag, { kind: 'scalar', resolve: (text: string) => TIMESTAMP.resolve(text), construct: (text: string) => new Written(text), instanceOf: Written }),
  ],
});

/** `value` with each timestamp as `as` gives it: a new value, so the two readings share nothing that changes. */
function settle(value: unknown, as: (written: Written) => unknown): unknown {
  if (value instanceof Written) return as(value);
  if (Array.isArray(value)) return value.map((item) => settle(item, as));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    // `fromEntries` defines each field, so a field named __proto__ stays a field.
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, settle(item, as)]));
  }
  return value;
}

/**
 * Reads YAML fields with Astro's own reader, js-yaml, which is about eight times faster than the parser that knows
 * where each field is (most of the content check's time went to it). Gives two readings: `data`, with every date as
 * written (an unquoted `2015-04-22T14:00:00+01:00` keeps its offset), for the schema's check; and `raw`, exactly as
 * Astro reads the file (that date a Date), for the build. Or where js-yaml stopped, when it could not read them.
 */
function readFields(text: string): { data: unknown; raw: unknown } | { line: number; column: number; message: string } {
  let read: unknown;
  try {
    // An empty document is null, as YAML 1.2 reads it, not undefined ("is missing").
    read = load(text, { schema: FIELDS_SCHEMA }) ?? null;
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    // js-yaml names a tag in full (`!<!Sparkenhoe>`); a tag in content is most often a value that starts with "!".
    const tag = /^unknown tag !<(!?[^>]*)>/.exec(error.reason)?.[1];
    const message =
      tag === undefined ? error.reason : `unknown tag ${tag.startsWith('!') ? tag : `!<${tag}>`}: a value that starts with "!" is read as a YAML tag; put it in quotes`;
    return { line: error.mark.line + 1, column: error.mark.column + 1, message };
  }
  return { data: settle(read, (w) => w.text), raw: settle(read, (w) => TIMESTAMP.construct(w.text)) };
}

/** YAML parsed with the place of every node, for messages: slower than `readFields`, so only when one is needed. */
function parsePlaced(text: string) {
  const counter = new LineCounter();
  return { counter, doc: parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true }) };
}

/** The locator of fields in YAML (see `locator`). */
function locateIn(text: string, lineOffset: number): ParsedEntry['locate'] {
  const { doc, counter } = parsePlaced(text);
  return locator(doc, counter, lineOffset);
}

/** Parses YAML with positions: its syntax errors become problems. True when it found none. */
function parseYaml(file: string, text: string, lineOffset: number, problems: ContentProblem[]): boolean {
  const { doc, counter } = parsePlaced(text);
  for (const error of doc.errors) {
    const { line, col } = counter.linePos(error.pos[0]);
    problems.push({ file, line: line + lineOffset, column: col, field: '', message: `YAML: ${error.message.split('\n')[0]}` });
  }
  return doc.errors.length === 0;
}

/** Zod's issue in words a content editor can act on: what is wrong, and what was expected. */
const describeIssue = (issue: z.core.$ZodIssue): string => {
  const missing = 'input' in issue && issue.input === undefined;
  const expected =
    issue.code === 'invalid_type'
      ? `expected ${issue.expected}`
      : issue.code === 'invalid_value'
        ? `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
        : issue.code === 'unrecognized_keys'
          ? `unknown field(s) ${issue.keys.join(', ')}`
          : issue.message;
  if (missing) return `is missing: ${expected}`;
  // What was written, so a misprint ("2015-13-01", "Cabinett") is seen beside what was expected.
  const input = 'input' in issue ? issue.input : undefined;
  const written = issue.code === 'invalid_type' || (issue.code !== 'unrecognized_keys' && ['string', 'number', 'boolean'].includes(typeof input));
  return written ? `${expected}, got ${JSON.stringify(input)}` : expected;
};

/**
 * Checks one MDX body: it parses, runs no code of its own, and uses only the content components. Parsing is all the
 * check compiles: it reads every expression and prop as JavaScript, and what it does not read, `import` and `export`
 * lines, is refused as code whatever it holds (see `mdxSafetyProblems`). Compiling too took a quarter of the check.
 */
function checkMdx(file: string, body: string, lineOffset: number, problems: ContentProblem[]): void {
  let tree: MdastNode;
  try {
    tree = mdxToMdast(body) as MdastNode;
  } catch (error) {
    const message = (error as Error).message;
    const at = /^(\d+):(\d+)/.exec(message);
    problems.push({
      file,
      line: (at ? Number(at[1]) : 1) + lineOffset,
      column: at ? Number(at[2]) : 1,
      field: '',
      // Places inside the message ("a closing tag for `<b>` (22:16)") count from the body: from the file, like `line`.
      message: `MDX: ${message.replace(/^\d+:\d+(-\d+:\d+)?:\s*/, '').replace(/\((\d+):(\d+)\)/g, (_, l: string, c: string) => `(${Number(l) + lineOffset}:${c})`)}`,
    });
    return;
  }
  for (const p of mdxSafetyProblems(body, tree)) {
    problems.push({ file, line: p.line + lineOffset, column: p.column, field: '', message: `MDX: ${p.message}` });
  }
  for (const p of componentProblems(tree)) {
    for (const issue of p.issues) {
      const prop = issue.path.map(String).join('.');
      problems.push({ file, line: p.line + lineOffset, column: p.column, field: `<${p.component}>${prop ? ` ${prop}` : ''}`, message: describeIssue(issue) });
    }
  }
  const allowed = new Set<string>(contentComponents);
  const lines = body.split('\n');
  lines.forEach((text, i) => {
    for (const match of text.matchAll(/<([A-Z][A-Za-z0-9]*)/g)) {
      const name = match[1] as string;
      if (!allowed.has(name)) {
        problems.push({
          file,
          line: i + 1 + lineOffset,
          column: (match.index ?? 0) + 1,
          field: '',
          message: `MDX: unknown component <${name}>: expected one of ${contentComponents.join(', ')}`,
        });
      }
    }
  });
}

/** Parses and schema-checks one file; returns the entry when it is good enough to check references against. */
export function checkFile(
  collection: CollectionName,
  relativePath: string,
  file: ContentFile,
  problems: ContentProblem[],
  cleanBodies?: Set<string>,
): ParsedEntry | undefined {
  const spec = collections[collection];
  const ext = extensionOf(spec.format);
  // Read once: a tree read when used reads the file from disk each time its text is asked for.
  const text = file.text;
  let yamlText = text;
  let lineOffset = 0;
  let charts: ParsedEntry['charts'] = [];
  let body: string | undefined;
  let bodyDigest: string | undefined;
  if (spec.format === 'mdx') {
    const match = FRONTMATTER.exec(text);
    if (!match) {
      problems.push({ file: file.path, line: 1, column: 1, field: '', message: 'missing frontmatter: an MDX entry starts with a --- block of YAML fields' });
      return undefined;
    }
    // A copy, not a slice: the parsed fields are slices of the YAML text, and a slice of the file would keep the whole
    // file, body and all, alive for as long as any field is kept (the plan keeps every entry's fields).
    yamlText = Buffer.from(match[1] as string).toString();
    lineOffset = 1;
    const bodyOffset = match[0].split('\n').length - 1;
    body = text.slice(match[0].length);
    // Compiling MDX is most of the check's time: a body checked clean before, by this same checker, is not compiled again.
    bodyDigest = createHash('sha256').update(body).digest('base64url');
    if (!cleanBodies?.has(bodyDigest)) {
      const before = problems.length;
      checkMdx(file.path, body, bodyOffset, problems);
      if (problems.length === before) cleanBodies?.add(bodyDigest);
    }
    charts = chartsIn(body, bodyOffset);
  }
  const fields = readFields(yamlText);
  if ('message' in fields) {
    // The YAML parser's messages, with their places; js-yaml's own where only it found a fault, since Astro reads with it.
    if (parseYaml(file.path, yamlText, lineOffset, problems)) {
      problems.push({ file: file.path, line: fields.line + lineOffset, column: fields.column, field: '', message: `YAML: ${fields.message}` });
    }
    return undefined;
  }
  let located: ParsedEntry['locate'] | undefined;
  const locate: ParsedEntry['locate'] = (path) => (located ??= locateIn(yamlText, lineOffset))(path);
  const result = spec.schema.safeParse(fields.data, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const { line, column } = locate(issue.path);
      problems.push({ file: file.path, line, column, field: formatPath(issue.path), message: describeIssue(issue) });
    }
    return undefined;
  }
  const id = entryId(relativePath, ext);
  const misdated = collection === 'meetings' ? startDateProblem(id, (result.data as Meeting).start) : undefined;
  if (misdated) {
    problems.push({ file: file.path, ...locate(['start']), field: 'start', message: misdated });
    return undefined;
  }
  return { collection, id, file: file.path, raw: fields.raw, data: result.data, body, bodyDigest, locate, charts };
}

/**
 * Validates a whole content tree: every file against its collection's schema, its MDX, and every cross-reference.
 * `files` maps collection names to their files; paths inside are relative to the collection folder.
 */
export function validateContent(
  files: Partial<Record<CollectionName, Array<{ relativePath: string; file: ContentFile }>>>,
): ContentProblem[] {
  return checkContentTree(files).problems;
}

/** Every entry's id, by collection: what references are checked against. */
export type ContentIds = Map<CollectionName, Set<string>>;

/**
 * The ids of the entries in `files`. Every entry's id is its path, so references can be checked as each file is read,
 * while its YAML says where they sit, and a part of the tree can be checked against the ids of the whole.
 */
export function contentIds(files: Partial<Record<CollectionName, Array<{ relativePath: string }>>>): ContentIds {
  return new Map(
    (Object.entries(files) as Array<[CollectionName, Array<{ relativePath: string }>]>).map(([collection, list]) => [
      collection,
      new Set(list.map(({ relativePath }) => entryId(relativePath, extensionOf(collections[collection].format)))),
    ]),
  );
}

/**
 * What an entry names that is not a file of the tree: references (whose field `locate` finds) and the KPI series its
 * body charts. Also what the content check asks of an entry it takes unread from its last run.
 */
export function unresolved(entry: Pick<ParsedEntry, 'collection' | 'data' | 'charts'>, ids: ContentIds): { references: FoundReference[]; charts: ParsedEntry['charts'] } {
  return {
    references: referencesIn(collections[entry.collection].schema, entry.data).filter((ref) => !ids.get(ref.target)?.has(ref.id)),
    charts: entry.charts.filter((chart) => !ids.get('kpis')?.has(chart.id)),
  };
}

/**
 * Validates a whole content tree (see `validateContent`), and gives back every entry that parsed, as `keep` makes it.
 * One file at a time: a file's text, its parsed YAML and its body can be let go before the next is read (a tree read
 * with `readContentTree(..., 'when-used')` holds only paths), so checking a decade of papers holds what `keep` keeps,
 * not every file twice over. `cleanBodies` holds digests of MDX bodies that passed before (the caller keeps them
 * between runs); bodies that pass now are added. `ids` are those of the whole tree when `files` is a share of it.
 */
export function checkContentTree<T = ParsedEntry>(
  files: Partial<Record<CollectionName, Array<{ relativePath: string; file: ContentFile }>>>,
  cleanBodies?: Set<string>,
  keep: (entry: ParsedEntry) => T = (entry) => entry as T,
  ids: ContentIds = contentIds(files),
): { problems: ContentProblem[]; entries: T[] } {
  const problems: ContentProblem[] = [];
  const entries: T[] = [];
  for (const [collection, list] of Object.entries(files) as Array<[CollectionName, Array<{ relativePath: string; file: ContentFile }>]>) {
    for (const { relativePath, file } of list) {
      const entry = checkFile(collection, relativePath, file, problems, cleanBodies);
      if (!entry) continue;
      const missing = unresolved(entry, ids);
      for (const ref of missing.references) {
        const { line, column } = entry.locate(ref.path);
        problems.push({
          file: entry.file,
          line,
          column,
          field: formatPath(ref.path),
          message: `unknown ${ref.target} id "${ref.id}": expected a file content/${collections[ref.target].dir}/${ref.id}${extensionOf(collections[ref.target].format)}`,
        });
      }
      for (const chart of missing.charts) {
        problems.push({
          file: entry.file,
          line: chart.line,
          column: chart.column,
          field: '',
          message: `MDX: <KpiChart kpi="${chart.id}" /> names no KPI series: expected a file content/${collections.kpis.dir}/${chart.id}${extensionOf(collections.kpis.format)}`,
        });
      }
      entries.push(keep(entry));
    }
  }
  return { problems: problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line), entries };
}

/** One line per problem, in the `file:line:column` form editors and terminals link to. */
export function formatProblem(p: ContentProblem): string {
  return `${p.file}:${p.line}:${p.column}  ${p.field ? `${p.field}: ` : ''}${p.message}`;
}
