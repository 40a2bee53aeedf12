import { z } from 'zod';
import { isJsonValue } from './json-value.js';
import { LineageSchema } from './lineage.js';
import { ArtifactPathSchema, ModelNameSchema } from './names.js';
import { SignatureSchema } from './signature.js';

/** One stored file of a model version with the size and sha256 it had when registered. */
export const ArtifactSchema = z.strictObject({
  /** Path inside the version (`model.json`, `group1-shard1of1.bin`, `preprocessing.json`, `model-card.md`). */
  path: ArtifactPathSchema,
  /** Lower-case hex sha256 of the bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'give a lower-case hex sha256 (64 characters)'),
  /** Size in bytes. */
  size: z.number().int().nonnegative(),
});
/** One stored file of a model version. */
export type Artifact = z.output<typeof ArtifactSchema>;

const MetricsSchema = z.record(
  z.string().min(1),
  z.number().refine(Number.isFinite, 'metrics must be finite numbers (JSON cannot store NaN or Infinity)'),
);

/** Metrics of one segment (rows sharing a value of `column`), e.g. `country = UK`. */
export const SegmentMetricsSchema = z.strictObject({
  column: z.string().min(1),
  segment: z.string(),
  /** Rows in the segment, when known. */
  count: z.number().int().nonnegative().optional(),
  metrics: MetricsSchema,
});
/** Metrics of one segment. */
export type SegmentMetrics = z.output<typeof SegmentMetricsSchema>;

/** Version of the `version.json` format this library writes and reads. */
export const MODEL_VERSION_FORMAT = 1;

/**
 * The record of one registered model version, stored as `version.json` beside its artifacts. Plain JSON:
 * parse it with {@link parseModelVersion}, write it with {@link serializeModelVersion}.
 */
export const ModelVersionSchema = z.strictObject({
  formatVersion: z.literal(MODEL_VERSION_FORMAT),
  name: ModelNameSchema,
  version: z.number().int().min(1),
  /** Registration time, milliseconds since the Unix epoch. */
  createdAtMs: z.number().int().nonnegative(),
  description: z.string().default(''),
  tags: z.record(z.string().min(1), z.string()).default({}),
  artifacts: z
    .array(ArtifactSchema)
    .min(1, 'register at least one artifact (e.g. `model.json`)')
    .superRefine((artifacts, ctx) => {
      const seen = new Set<string>();
      for (const [i, artifact] of artifacts.entries()) {
        if (seen.has(artifact.path)) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'path'],
            message: `artifact \`${artifact.path}\` is listed twice`,
          });
        }
        seen.add(artifact.path);
      }
    }),
  signature: SignatureSchema,
  /** Holdout metrics of the whole evaluation set (`roc_auc`, `log_loss`, ...). */
  metrics: MetricsSchema,
  /** The same metrics per segment of chosen columns. */
  segmentMetrics: z.array(SegmentMetricsSchema).default([]),
  /** Training parameters and chosen hyper-parameters; any JSON value. */
  params: z
    .record(z.string(), z.unknown())
    .refine(isJsonValue, 'params must be plain JSON (no NaN, Infinity, undefined, Date or class instances)')
    .default({}),
  lineage: LineageSchema,
});
/** The record of one registered model version. */
export type ModelVersion = z.output<typeof ModelVersionSchema>;
