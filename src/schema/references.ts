import { z } from 'zod';

/**
 * Every content collection, in the order they are read. `collections` in ./index gives each its folder, format and
 * schema, and TypeScript holds it to these names; they are here so that a field can name the collection it refers to
 * without importing the schemas that declare the fields.
 */
export const collectionNames = ['councils', 'bodies', 'people', 'sources', 'meetings', 'minutes', 'documents', 'kpis', 'workshops'] as const;

export type CollectionName = (typeof collectionNames)[number];

/** A content id: the file's path under its collection folder, without extension (`leicestershire/scrutiny-commission`). */
export const contentId = z
  .string()
  .regex(/^[a-z0-9]+(?:[-/][a-z0-9]+)*$/, 'a lower-case id such as "leicestershire/scrutiny-commission"');

/** The collection each `ref` field names. A registry of its own, so the published JSON Schemas do not carry it. */
const targets = z.registry<{ target: CollectionName }>();

/**
 * A field that holds the id of an entry of `target`. The build fails when the entry does not exist: the validator
 * finds these fields by walking the schemas (`referenceFields`), so the list of references is the schemas themselves.
 */
export const ref = (target: CollectionName) => contentId.clone().register(targets, { target });

/** A field that holds references: its dot-separated path (`*` for every element of an array) and what it names. */
export interface ReferenceField {
  path: string;
  target: CollectionName;
}

const fieldsCache = new WeakMap<z.core.$ZodType, ReferenceField[]>();

/** Every `ref` field of a schema, however deep: inside objects, arrays, optional and default values, unions. */
export function referenceFields(schema: z.core.$ZodType): ReferenceField[] {
  const cached = fieldsCache.get(schema);
  if (cached) return cached;
  const fields: ReferenceField[] = [];
  const visit = (node: z.core.$ZodType, path: string[]): void => {
    const declared = targets.get(node);
    if (declared) {
      fields.push({ path: path.join('.'), target: declared.target });
      return;
    }
    const def = (node as z.core.$ZodTypes)._zod.def;
    if (def.type === 'object') for (const [key, field] of Object.entries(def.shape)) visit(field, [...path, key]);
    else if (def.type === 'array') visit(def.element, [...path, '*']);
    else if (def.type === 'union') for (const option of def.options) visit(option, path);
    else if (def.type === 'pipe') for (const side of [def.in, def.out]) visit(side, path);
    // Optional, nullable, default and the like wrap the field's own type.
    else if ('innerType' in def) visit(def.innerType, path);
  };
  visit(schema, []);
  fieldsCache.set(schema, fields);
  return fields;
}

/** A reference found in an entry: where it is (as a path of keys) and the id it names. */
export interface FoundReference {
  path: Array<string | number>;
  id: string;
  target: CollectionName;
}

/** Every reference in one entry's data (parsed by `schema`), with its concrete path (array indexes filled in). */
export function referencesIn(schema: z.core.$ZodType, data: unknown): FoundReference[] {
  const found: FoundReference[] = [];
  for (const { path, target } of referenceFields(schema)) {
    walk(data, path.split('.'), [], (value, at) => {
      if (typeof value === 'string') found.push({ path: at, id: value, target });
    });
  }
  return found;
}

function walk(
  value: unknown,
  keys: string[],
  at: Array<string | number>,
  visit: (value: unknown, at: Array<string | number>) => void,
): void {
  if (keys.length === 0) return visit(value, at);
  const [key, ...rest] = keys as [string, ...string[]];
  if (key === '*') {
    if (Array.isArray(value)) value.forEach((element, i) => walk(element, rest, [...at, i], visit));
    return;
  }
  if (value && typeof value === 'object' && key in value) {
    walk((value as Record<string, unknown>)[key], rest, [...at, key], visit);
  }
}
