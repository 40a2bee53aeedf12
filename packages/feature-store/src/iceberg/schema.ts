import { z } from 'zod';
import { InvalidInputError } from '../errors.js';
import { maxFieldId } from './max-field-id.js';
import type { NestedField, Schema } from './types.js';

/** Primitive types this library writes. */
export const WritableTypeSchema = z.enum([
  'boolean',
  'int',
  'long',
  'float',
  'double',
  'date',
  'timestamp',
  'timestamptz',
  'string',
  'binary',
  'uuid',
]);
export type WritableType = z.infer<typeof WritableTypeSchema>;

/** One column of a table to create: name, type, nullability (default optional) and a description. */
export const ColumnDefinitionSchema = z.object({
  /** `[A-Za-z_][A-Za-z0-9_]*`, unique in the table ignoring case. */
  name: z.string(),
  type: WritableTypeSchema,
  /** Whether nulls are rejected. Default: false. */
  required: z.boolean().default(false),
  /** Human description, stored as the Iceberg field `doc`. */
  doc: z.string().optional(),
});
export type ColumnDefinition = z.input<typeof ColumnDefinitionSchema>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Builds an Iceberg schema from column definitions, assigning field ids 1..n in order.
 * @throws InvalidInputError naming the column when a name is malformed or repeated (ignoring case) or a type unknown.
 */
export function createSchema(columns: ColumnDefinition[], options: { schemaId?: number } = {}): Schema {
  if (columns.length === 0) throw new InvalidInputError('a schema needs at least one column');
  const seen = new Map<string, string>();
  const fields = columns.map((column, i) => {
    const field = toField(column, i + 1);
    const key = field.name.toLowerCase();
    const previous = seen.get(key);
    if (previous !== undefined) {
      throw new InvalidInputError(
        `column \`${field.name}\` is defined twice (as \`${previous}\` too; names are compared ignoring case)`,
        field.name,
      );
    }
    seen.set(key, field.name);
    return field;
  });
  return { schemaId: options.schemaId ?? 0, fields };
}

/** Result of {@link addColumn}: the new schema version and the table's new `last-column-id`. */
export interface AddColumnResult {
  schema: Schema;
  lastColumnId: number;
}

/**
 * Adds an optional column at the end of `schema`, with field id `lastColumnId + 1`, as a new schema version
 * (id `schema.schemaId + 1` unless `options.schemaId` is given). Old data files simply lack the column (nulls).
 * @throws InvalidInputError naming the column when it is required, malformed, or its name exists (ignoring case).
 */
export function addColumn(
  schema: Schema,
  column: ColumnDefinition,
  lastColumnId: number,
  options: { schemaId?: number } = {},
): AddColumnResult {
  const nextId = Math.max(lastColumnId, maxFieldId(schema.fields)) + 1;
  const field = toField(column, nextId);
  if (field.required) {
    throw new InvalidInputError(
      `column \`${field.name}\` cannot be added as required: existing rows have no value; add it as optional`,
      field.name,
    );
  }
  const clash = schema.fields.find((f) => f.name.toLowerCase() === field.name.toLowerCase());
  if (clash) {
    throw new InvalidInputError(`column \`${field.name}\` already exists (as \`${clash.name}\`)`, field.name);
  }
  return {
    schema: {
      ...schema,
      schemaId: options.schemaId ?? schema.schemaId + 1,
      fields: [...schema.fields, field],
    },
    lastColumnId: nextId,
  };
}

function toField(column: ColumnDefinition, id: number): NestedField {
  const label = typeof column?.name === 'string' ? column.name : `#${id}`;
  if (typeof column?.name === 'string' && !NAME.test(column.name)) {
    throw new InvalidInputError(
      `column name \`${column.name}\` is invalid: use letters, digits and _ and start with a letter or _`,
      column.name,
    );
  }
  const parsed = ColumnDefinitionSchema.safeParse(column);
  if (!parsed.success) {
    throw new InvalidInputError(`column \`${label}\` is invalid: ${z.prettifyError(parsed.error)}`, label);
  }
  const field: NestedField = {
    id,
    name: parsed.data.name,
    required: parsed.data.required,
    type: parsed.data.type,
  };
  if (parsed.data.doc !== undefined) field.doc = parsed.data.doc;
  return field;
}
