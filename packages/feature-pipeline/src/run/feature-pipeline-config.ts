import { z } from 'zod';
import { FeatureDatesSchema, IsoDateSchema } from '../definition/feature-dates.js';
import { NameSchema } from '../definition/name-schema.js';
import { ExtractSourceSchema } from '../extract/source-config.js';
import { ValidationConfigSchema } from '../validate/validation-config.js';

/**
 * A definition given by reference, `{ module, export }` (a package subpath such as
 * `@fti/feature-pipeline/examples/online-retail`, or a path relative to the config file), or inline as data.
 */
export const DefinitionRefSchema = z.union([
  z.strictObject({
    module: z.string().min(1),
    /** The named export holding the definition. */
    export: z.string().min(1),
  }),
  z.strictObject({ definition: z.record(z.string(), z.unknown()) }),
]);
/** A definition reference as written. */
export type DefinitionRef = z.infer<typeof DefinitionRefSchema>;

/** Where the warehouse is: a local folder, or an S3 bucket (folder or Glue catalog). Opened by the app. */
export const WarehouseConfigSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('local'), path: z.string().min(1).default('.fti/warehouse') }),
  z.strictObject({
    kind: z.literal('s3'),
    bucket: z.string().min(1),
    prefix: z.string().optional(),
    region: z.string().min(1).optional(),
    /** A custom endpoint (an S3-compatible server); path-style addressing is used with it. */
    endpoint: z.url().optional(),
    catalog: z.enum(['folder', 'glue']).default('folder'),
  }),
]);

/** Which engine computes features: the embedded DuckDB, or Athena reading `relation` (Trino SQL). */
export const EngineConfigSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { kind: value } : value),
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('duckdb') }),
    z.strictObject({
      kind: z.literal('athena'),
      /** The events as an Athena table expression, e.g. `"retail"."transactions"`. */
      relation: z.string().min(1),
      /** Time limit of the feature query, ms; default the engine's. */
      timeoutMs: z.number().int().positive().optional(),
    }),
  ]),
);

/** The configuration of one feature pipeline job (a YAML or JSON file, or an object). */
export const FeaturePipelineConfigSchema = z
  .strictObject({
    /** Default a local warehouse in `.fti/warehouse`. */
    warehouse: WarehouseConfigSchema.default({ kind: 'local', path: '.fti/warehouse' }),
    /** Sources extracted into the warehouse's DuckDB, in order (later SQL sources may read earlier ones). */
    sources: z.array(ExtractSourceSchema).default([]),
    /** The source the features read (DuckDB engine); default the last source. */
    eventSource: NameSchema.optional(),
    features: DefinitionRefSchema,
    /** Labels computed over the same source and dates into `labels.<name>_v<version>`; default none. */
    labels: DefinitionRefSchema.optional(),
    dates: FeatureDatesSchema,
    /** The date the run counts as today (freshness, future events); default the clock's UTC date. */
    runDate: IsoDateSchema.optional(),
    /** Default `duckdb`. */
    engine: EngineConfigSchema.default({ kind: 'duckdb' }),
    /** Default strict, no expectations. */
    validation: ValidationConfigSchema.default({
      policy: 'strict',
      expectations: [],
      input: { allow: [] },
      sampleSize: 5,
    }),
    /** Settings of the feature view table. */
    featureView: z
      .strictObject({
        /** How long a row stays valid in point-in-time joins; default `P7D` (weekly dates). */
        ttl: z.string().default('P7D'),
        owner: z.string().min(1).default('fti-feature-pipeline'),
      })
      .default({ ttl: 'P7D', owner: 'fti-feature-pipeline' }),
  })
  .superRefine((config, ctx) => {
    const names = config.sources.map((s) => s.name);
    if (config.engine.kind === 'duckdb' && names.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['sources'],
        message: 'declare at least one source to compute from',
      });
    if (config.eventSource !== undefined && !names.includes(config.eventSource))
      ctx.addIssue({
        code: 'custom',
        path: ['eventSource'],
        message: `\`${config.eventSource}\` is not a declared source; use one of ${names.join(', ')}`,
      });
  });
/** A job configuration as written (defaults optional). */
export type FeaturePipelineConfigInput = z.input<typeof FeaturePipelineConfigSchema>;
/** A parsed job configuration. */
export type FeaturePipelineConfig = z.output<typeof FeaturePipelineConfigSchema>;
