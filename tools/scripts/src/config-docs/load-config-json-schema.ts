import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { workspaceRoot } from '../workspace-root.mjs';
import { collectFieldComments, findFieldComment } from './collect-field-comments.js';
import { type ConfigSchemaEntry, storageSchemaEntry } from './config-schemas.js';
import { listConfigFields } from './list-config-fields.js';

/** A JSON Schema (draft 2020-12) as plain data. */
export type JsonSchema = { [key: string]: unknown };

/** What zod passes to `override` for every schema it converts. */
interface OverrideContext {
  zodSchema: { _zod: { def: { type: string; in?: { _zod: { traits: Set<string> } } } } };
  jsonSchema: JsonSchema;
}

/** The zod 4 surface this needs: a schema converts itself. */
interface ZodSchemaLike {
  toJSONSchema(params: {
    io: 'input';
    unrepresentable: 'any';
    target: 'draft-2020-12';
    override: (ctx: OverrideContext) => void;
  }): JsonSchema;
}

/**
 * Imports the entry's zod schema from its module (by path: apps export no package subpaths) and converts
 * it with zod's own `toJSONSchema`, on the input side: what a user writes, fields with defaults optional,
 * transforms shown as their input type. With `withStorageFields`, the storage fields join it (see
 * {@link ConfigSchemaEntry.withStorageFields}).
 */
export async function loadConfigJsonSchema(entry: ConfigSchemaEntry): Promise<JsonSchema> {
  const { $schema, ...own } = await convert(entry);
  const storage = entry.withStorageFields;
  const body = storage ? withStorage(own, await convert(storageSchemaEntry), storage.sharedKeys) : own;
  return {
    $schema,
    $id: `${entry.name}.schema.json`,
    title: `${entry.title} config`,
    description: `Generated from ${entry.exportName} (${entry.module})${entry.withStorageFields ? ' and StorageConfigSchema (packages/job-storage)' : ''} by \`npm run docs:config\`; do not edit.`,
    ...body,
  };
}

async function convert(entry: ConfigSchemaEntry): Promise<JsonSchema> {
  const file = path.join(workspaceRoot, entry.module);
  const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const schema = module[entry.exportName] as Partial<ZodSchemaLike> | undefined;
  if (typeof schema?.toJSONSchema !== 'function')
    throw new Error(
      `${entry.module} has no zod schema export \`${entry.exportName}\`; fix the entry \`${entry.name}\` in tools/scripts/src/config-docs/config-schemas.ts`,
    );
  const jsonSchema = schema.toJSONSchema({
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
    override: acceptKindShorthand,
  });
  // Fields without a `.describe()` get their JSDoc as `description`: editors show it, the README lists it.
  const comments = collectFieldComments(entry.sources.map((folder) => path.join(workspaceRoot, folder)));
  for (const field of listConfigFields(jsonSchema, (name, owner) => findFieldComment(comments, name, owner)))
    if (field.description !== undefined) field.schema.description ??= field.description;
  return jsonSchema;
}

/**
 * The job's object schema with the storage fields in place of its own fields of the same name; a shared key
 * must satisfy both (`allOf`).
 */
function withStorage(job: JsonSchema, storage: JsonSchema, sharedKeys: string[]): JsonSchema {
  const jobProperties = (job.properties ?? {}) as Record<string, JsonSchema>;
  const storageProperties = (storage.properties ?? {}) as Record<string, JsonSchema>;
  const properties: Record<string, JsonSchema> = { ...jobProperties };
  for (const [key, schema] of Object.entries(storageProperties))
    properties[key] =
      sharedKeys.includes(key) && key in jobProperties
        ? { allOf: [schema, jobProperties[key] as JsonSchema] }
        : schema;
  const required = [
    ...new Set([...((job.required ?? []) as string[]), ...((storage.required ?? []) as string[])]),
  ];
  return { ...job, properties, ...(required.length > 0 ? { required } : {}) };
}

/**
 * `z.preprocess` hides what it accepts (zod writes the schema after the preprocessing). fti preprocesses
 * `kind`s only, both ways: a string names a variant of a `kind` union that needs nothing else
 * (`engine: duckdb` for `{ kind: duckdb }`), and an object is read as its `kind` where a name is expected
 * (the storage `engine` given the feature job's `{ kind: athena, relation }`). The JSON Schema accepts
 * the other form too.
 */
function acceptKindShorthand({ zodSchema, jsonSchema }: OverrideContext): void {
  const def = zodSchema._zod.def;
  if (def.type !== 'pipe' || !def.in?._zod.traits.has('$ZodTransform')) return;
  const written = { ...jsonSchema };
  const other = kindAsString(written) ?? kindAsObject(written);
  if (!other) return;
  for (const key of Object.keys(jsonSchema)) delete jsonSchema[key];
  jsonSchema.anyOf = [other, written];
}

/** `{ kind: x }` variants that need nothing else, as the strings naming them. */
function kindAsString(schema: JsonSchema): JsonSchema | undefined {
  const variants = (schema.oneOf ?? schema.anyOf ?? []) as JsonSchema[];
  const names = variants.flatMap((variant) => {
    const required = (variant.required ?? []) as string[];
    const only = (variant.properties as Record<string, JsonSchema> | undefined)?.[required[0] ?? ''];
    return required.length === 1 && typeof only?.const === 'string' ? [only.const] : [];
  });
  return names.length > 0 ? { type: 'string', enum: names } : undefined;
}

/** A string enum, as objects whose `kind` is one of its values. */
function kindAsObject(schema: JsonSchema): JsonSchema | undefined {
  if (schema.type !== 'string' || !Array.isArray(schema.enum)) return undefined;
  return { type: 'object', properties: { kind: { type: 'string', enum: schema.enum } }, required: ['kind'] };
}
