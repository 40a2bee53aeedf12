import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { workspaceRoot } from '../workspace-root.mjs';
import type { ConfigSchemaEntry } from './config-schemas.js';

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
 * transforms shown as their input type.
 */
export async function loadConfigJsonSchema(entry: ConfigSchemaEntry): Promise<JsonSchema> {
  const file = path.join(workspaceRoot, entry.module);
  const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const schema = module[entry.exportName] as Partial<ZodSchemaLike> | undefined;
  if (typeof schema?.toJSONSchema !== 'function')
    throw new Error(
      `${entry.module} has no zod schema export \`${entry.exportName}\`; fix the entry \`${entry.name}\` in tools/scripts/src/config-docs/config-schemas.ts`,
    );
  const { $schema, ...rest } = schema.toJSONSchema({
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
    override: acceptKindShorthand,
  });
  return {
    $schema,
    $id: `${entry.name}.schema.json`,
    title: `${entry.title} config`,
    description: `Generated from ${entry.exportName} (${entry.module}) by \`npm run docs:config\`; do not edit.`,
    ...rest,
  };
}

/**
 * `z.preprocess` hides what it accepts (zod writes the schema after the preprocessing). fti preprocesses
 * one way only: a string names a variant of a `kind` union that needs nothing else (`engine: duckdb` for
 * `{ kind: duckdb }`); the JSON Schema accepts those strings too.
 */
function acceptKindShorthand({ zodSchema, jsonSchema }: OverrideContext): void {
  const def = zodSchema._zod.def;
  if (def.type !== 'pipe' || !def.in?._zod.traits.has('$ZodTransform')) return;
  const variants = (jsonSchema.oneOf ?? jsonSchema.anyOf ?? []) as JsonSchema[];
  const names = variants.flatMap((variant) => {
    const required = (variant.required ?? []) as string[];
    const only = (variant.properties as Record<string, JsonSchema> | undefined)?.[required[0] ?? ''];
    return required.length === 1 && typeof only?.const === 'string' ? [only.const] : [];
  });
  if (names.length === 0) return;
  const objectForm = { ...jsonSchema };
  for (const key of Object.keys(jsonSchema)) delete jsonSchema[key];
  jsonSchema.anyOf = [{ type: 'string', enum: names }, objectForm];
}
