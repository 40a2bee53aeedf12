import type { JsonSchema } from './load-config-json-schema.js';

/** One row of a config reference table. */
export interface ConfigField {
  /** Dotted path: `dataset.spine.table`, `features[].name`, `warehouse[kind=s3].bucket`. */
  path: string;
  /** Readable type: `string`, `integer ≥ 1`, `'duckdb' | 'athena'`, `string[]`. */
  type: string;
  required: boolean;
  /** The default as JSON, when the schema has one. */
  defaultValue: string | undefined;
  /** The schema's `description`, else the field's JSDoc (see {@link DescribeField}). */
  description: string | undefined;
  /** The field's own JSON Schema (inside the root), so a found description can be written into it. */
  schema: JsonSchema;
}

/** Finds a description for a field without one: its key and the key of the object it sits in. */
export type DescribeField = (name: string, owner: string | undefined) => string | undefined;

const maxDepth = 6;

/**
 * Flattens a JSON Schema object into one row per field, depth first: nested objects, array items and the
 * variants of a union (named by their discriminator, `[kind=s3]`).
 */
export function listConfigFields(root: JsonSchema, describe: DescribeField): ConfigField[] {
  const rows: ConfigField[] = [];
  const resolve = (schema: JsonSchema): JsonSchema => {
    const ref = schema.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#/$defs/')) return schema;
    const defs = (root.$defs ?? {}) as Record<string, JsonSchema>;
    return defs[ref.slice('#/$defs/'.length)] ?? schema;
  };

  const walkObject = (object: JsonSchema, prefix: string, owner: string | undefined, depth: number) => {
    const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((object.required ?? []) as string[]);
    for (const [key, raw] of Object.entries(properties)) {
      const schema = resolve(raw);
      if (prefix.endsWith(']') && schema.const !== undefined && prefix.includes(`[${key}=`)) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      rows.push({
        path,
        type: typeOf(schema, resolve),
        required: required.has(key),
        defaultValue: schema.default === undefined ? undefined : JSON.stringify(schema.default),
        description: (schema.description as string | undefined) ?? describe(key, owner),
        schema,
      });
      if (depth < maxDepth) walkChildren(schema, path, key, depth + 1);
    }
  };

  const walkChildren = (schema: JsonSchema, path: string, key: string, depth: number) => {
    if (schema.properties) walkObject(schema, path, key, depth);
    const items = schema.items as JsonSchema | undefined;
    if (items) walkChildren(resolve(items), `${path}[]`, key, depth);
    for (const part of (schema.allOf ?? []) as JsonSchema[]) walkChildren(resolve(part), path, key, depth);
    const variants = ((schema.oneOf ?? schema.anyOf ?? []) as JsonSchema[]).map(resolve);
    for (const variant of variants) {
      const label = variant.properties ? discriminatorLabel(variant) : '';
      walkChildren(variant, `${path}${label}`, key, depth);
    }
  };

  walkObject(resolve(root), '', undefined, 0);
  return rows;
}

/** `[kind=s3]` for a union variant whose properties include a constant; empty for one without. */
function discriminatorLabel(variant: JsonSchema): string {
  const properties = (variant.properties ?? {}) as Record<string, JsonSchema>;
  const constant = Object.entries(properties).find(([, schema]) => schema.const !== undefined);
  return constant ? `[${constant[0]}=${String(constant[1].const)}]` : '';
}

/** A short, readable type of a JSON Schema. */
export function typeOf(schema: JsonSchema, resolve: (s: JsonSchema) => JsonSchema = (s) => s): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (Array.isArray(schema.allOf))
    return (schema.allOf as JsonSchema[]).map((part) => typeOf(resolve(part), resolve)).join(', and ');
  const variants = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  if (variants) {
    const types = [...new Set(variants.flatMap((variant) => typeOf(resolve(variant), resolve).split(' | ')))];
    return types.join(' | ');
  }
  const type = schema.type;
  if (Array.isArray(type)) return type.join(' | ');
  switch (type) {
    case 'array': {
      const items = schema.items ? typeOf(resolve(schema.items as JsonSchema), resolve) : 'any';
      return items.includes(' ') ? `(${items})[]` : `${items}[]`;
    }
    case 'object': {
      const extra = schema.additionalProperties;
      if (!schema.properties && extra && typeof extra === 'object')
        return `record<string, ${typeOf(resolve(extra as JsonSchema), resolve)}>`;
      return 'object';
    }
    case 'string':
      return stringType(schema);
    case 'number':
    case 'integer':
      return `${type}${bounds(schema)}`;
    case undefined:
      return 'any';
    default:
      return String(type);
  }
}

function stringType(schema: JsonSchema): string {
  if (typeof schema.format === 'string') return `string (${schema.format})`;
  const pattern = schema.pattern;
  if (typeof pattern === 'string' && pattern.length <= 40) return `string matching \`${pattern}\``;
  return 'string';
}

function bounds(schema: JsonSchema): string {
  const parts: string[] = [];
  if (typeof schema.exclusiveMinimum === 'number') parts.push(`> ${schema.exclusiveMinimum}`);
  if (typeof schema.minimum === 'number' && schema.minimum > Number.MIN_SAFE_INTEGER)
    parts.push(`≥ ${schema.minimum}`);
  if (typeof schema.exclusiveMaximum === 'number') parts.push(`< ${schema.exclusiveMaximum}`);
  if (typeof schema.maximum === 'number' && schema.maximum < Number.MAX_SAFE_INTEGER)
    parts.push(`≤ ${schema.maximum}`);
  return parts.length > 0 ? ` ${parts.join(', ')}` : '';
}
