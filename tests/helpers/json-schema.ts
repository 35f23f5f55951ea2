/**
 * Checks a value against the JSON Schema keywords `z.toJSONSchema` writes for open data (type, properties, required,
 * additionalProperties, items, enum, const, anyOf, oneOf, pattern, format, lengths, item counts and bounds; `default`
 * is only a note), so a test can show the published schema accepts the published file without a validator dependency.
 * An unknown keyword fails loudly, so a schema that uses one cannot pass unchecked.
 */
type Schema = Record<string, unknown>;

const KNOWN = new Set(['$schema', '$id', 'title', 'description', 'type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'anyOf', 'oneOf', 'pattern', 'format', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minimum', 'maximum', 'exclusiveMinimum', 'default']);

const FORMATS: Record<string, RegExp> = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
  uri: /^[a-z][a-z0-9+.-]*:\S+$/i,
  email: /^[^@\s]+@[^@\s]+$/,
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Every place `value` breaks `schema`, as "path: problem"; empty when it conforms. */
export function schemaErrors(schema: Schema, value: unknown, path = '$'): string[] {
  const unknown = Object.keys(schema).filter((k) => !KNOWN.has(k));
  if (unknown.length > 0) return [`${path}: schema uses keywords this check does not know: ${unknown.join(', ')}`];
  const errors: string[] = [];
  const type = schema['type'] as string | string[] | undefined;
  if (type !== undefined) {
    const actual = typeOf(value);
    const allowed = [type].flat();
    if (!allowed.includes(actual) && !(actual === 'integer' && allowed.includes('number'))) return [`${path}: ${actual}, not ${allowed.join(' or ')}`];
  }
  if ('const' in schema && value !== schema['const']) errors.push(`${path}: not ${JSON.stringify(schema['const'])}`);
  if (schema['enum'] && !(schema['enum'] as unknown[]).includes(value)) errors.push(`${path}: ${JSON.stringify(value)} not one of ${JSON.stringify(schema['enum'])}`);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key] as Schema[] | undefined;
    if (!options) continue;
    const passing = options.filter((o) => schemaErrors(o, value, path).length === 0).length;
    if (key === 'anyOf' ? passing === 0 : passing !== 1) errors.push(`${path}: matches ${passing} of the ${key} options`);
  }
  if (typeof value === 'string') {
    if (schema['pattern'] && !new RegExp(schema['pattern'] as string, 'u').test(value)) errors.push(`${path}: ${JSON.stringify(value)} does not match ${schema['pattern']}`);
    const format = schema['format'] as string | undefined;
    if (format && FORMATS[format] && !FORMATS[format].test(value)) errors.push(`${path}: ${JSON.stringify(value)} is not a ${format}`);
    if (typeof schema['minLength'] === 'number' && value.length < schema['minLength']) errors.push(`${path}: shorter than ${schema['minLength']}`);
    if (typeof schema['maxLength'] === 'number' && value.length > schema['maxLength']) errors.push(`${path}: longer than ${schema['maxLength']}`);
  }
  if (typeof value === 'number') {
    if (typeof schema['minimum'] === 'number' && value < schema['minimum']) errors.push(`${path}: below ${schema['minimum']}`);
    if (typeof schema['maximum'] === 'number' && value > schema['maximum']) errors.push(`${path}: above ${schema['maximum']}`);
    if (typeof schema['exclusiveMinimum'] === 'number' && value <= schema['exclusiveMinimum']) errors.push(`${path}: not above ${schema['exclusiveMinimum']}`);
  }
  if (Array.isArray(value) && typeof schema['minItems'] === 'number' && value.length < schema['minItems']) errors.push(`${path}: fewer than ${schema['minItems']} items`);
  if (Array.isArray(value) && typeof schema['maxItems'] === 'number' && value.length > schema['maxItems']) errors.push(`${path}: more than ${schema['maxItems']} items`);
  if (Array.isArray(value) && schema['items']) value.forEach((v, i) => errors.push(...schemaErrors(schema['items'] as Schema, v, `${path}[${i}]`)));
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
    for (const key of (schema['required'] ?? []) as string[]) if (!(key in object)) errors.push(`${path}: no ${key}`);
    for (const [key, v] of Object.entries(object)) {
      if (properties[key]) errors.push(...schemaErrors(properties[key], v, `${path}.${key}`));
      else if (schema['additionalProperties'] === false) errors.push(`${path}: ${key} is not in the schema`);
      else if (typeof schema['additionalProperties'] === 'object') errors.push(...schemaErrors(schema['additionalProperties'] as Schema, v, `${path}.${key}`));
    }
  }
  return errors;
}
