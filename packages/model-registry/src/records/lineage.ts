import { z } from 'zod';

/** A snapshot id as a decimal string: Iceberg ids may exceed 2^53, so bigint and number inputs are stringified. */
export const SnapshotIdSchema = z
  .union([z.bigint(), z.number().int().nonnegative(), z.string().regex(/^-?\d+$/)])
  .transform((id) => String(id));

/** One table the training set was read from, pinned at a snapshot (`null` for an empty table). */
export const LineageSourceSchema = z.strictObject({
  /** `feature-view` for a registered feature view, `table` for any other table (the spine, a label table). */
  kind: z.enum(['feature-view', 'table']),
  /** Feature view name, or the table identifier for `table`. */
  name: z.string().min(1),
  /** Feature view definition version, when `kind` is `feature-view`. */
  version: z.number().int().min(1).optional(),
  /** Table identifier (`features/customers`). */
  table: z.string().min(1),
  snapshotId: SnapshotIdSchema.nullable(),
});
/** One table the training set was read from. */
export type LineageSource = z.output<typeof LineageSourceSchema>;

/** Where a model came from: pinned sources, feature refs, spine hash, code version, run and runtime. */
export const LineageSchema = z.strictObject({
  sources: z.array(LineageSourceSchema).default([]),
  /** Feature references used as inputs (`customers:recency_days`). */
  features: z.array(z.string().min(1)).default([]),
  /** Hex hash (sha256 recommended) of the spine rows: same spine, same hash. */
  spineHash: z
    .string()
    .regex(/^[0-9a-f]{16,128}$/, 'give a lower-case hex hash such as a sha256 of the spine'),
  /** Git commit of the training code, when known. */
  gitCommit: z
    .string()
    .regex(/^[0-9a-f]{7,64}$/, 'give a hex git commit id')
    .optional(),
  /** Id of the training run that produced the model. */
  runId: z.string().min(1),
  /** Compute backend used for training (`tensorflow`, `wasm`, `cpu`). */
  backend: z.string().min(1),
  /** Versions of the libraries that matter for reproduction (`@tensorflow/tfjs`, `node`). */
  libraryVersions: z.record(z.string(), z.string()).default({}),
});
/** Where a model came from. */
export type Lineage = z.output<typeof LineageSchema>;
/** Lineage as callers write it (defaults may be omitted, snapshot ids may be bigint). */
export type LineageInput = z.input<typeof LineageSchema>;
