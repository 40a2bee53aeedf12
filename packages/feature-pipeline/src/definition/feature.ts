import { z } from 'zod';
import { ExprSchema } from './expression.js';
import { NameSchema } from './name-schema.js';
import { WindowDaysSchema } from './source.js';

const common = {
  /** Output column name. */
  name: NameSchema,
  /** What the feature means, for the feature view and the docs. Default empty. */
  description: z.string().default(''),
};

/** Aggregate functions of {@link AggregateFeature}. `stddev` is the sample standard deviation. */
export const AggregateFnSchema = z.enum(['count', 'sum', 'avg', 'min', 'max', 'stddev', 'countDistinct']);
/** An aggregate function. */
export type AggregateFn = z.infer<typeof AggregateFnSchema>;

/**
 * An aggregate of the entity's events in the `windowDays` days before the feature date, optionally only
 * over rows matching `filter`. `count` counts rows (and takes no `of`); `countDistinct` is exact.
 * With no matching row: `count`/`countDistinct` give 0, `sum` gives 0, the others null; `stddev` (sample)
 * is null below two rows.
 */
export const AggregateFeatureSchema = z.strictObject({
  kind: z.literal('aggregate'),
  ...common,
  fn: AggregateFnSchema,
  /** The value aggregated; numeric except for `countDistinct`; none for `count`. */
  of: ExprSchema.optional(),
  windowDays: WindowDaysSchema,
  /** Only rows matching this condition count. Default all rows. */
  filter: ExprSchema.optional(),
});

/**
 * Whole days since the entity's last (matching) event: `feature_date - date(event_time)`, so an event the day
 * before the feature date gives 1. Null when there is none within `windowDays` (default unbounded).
 */
export const RecencyFeatureSchema = z.strictObject({
  kind: z.literal('recency'),
  ...common,
  windowDays: WindowDaysSchema.optional(),
  filter: ExprSchema.optional(),
});

/**
 * The share (0–1) of the entity's events in the window matching `condition`, among those matching `filter`;
 * with `distinct`, the share of distinct values of it (e.g. invoices) that have a matching row. Null when the
 * denominator is 0. A null condition counts as not matching.
 */
export const ShareFeatureSchema = z.strictObject({
  kind: z.literal('share'),
  ...common,
  condition: ExprSchema,
  windowDays: WindowDaysSchema,
  filter: ExprSchema.optional(),
  distinct: ExprSchema.optional(),
});

/**
 * The most frequent non-null value of `of` among the entity's events in the window; ties go to the smallest
 * value (byte order for strings), so the result is deterministic. Null when there is none.
 */
export const MostFrequentFeatureSchema = z.strictObject({
  kind: z.literal('mostFrequent'),
  ...common,
  of: ExprSchema,
  windowDays: WindowDaysSchema,
  filter: ExprSchema.optional(),
});

/**
 * RFM scores: three output columns `<name>_r`, `<name>_f`, `<name>_m`, each a bin 1…`bins` (5 = best: most
 * recent, most frequent, highest monetary) of the entity's recency (days), frequency (row count, or distinct
 * count of `frequency.of`) and monetary (sum of `monetary`) over the window, ranked across the entities of
 * the same feature date. Score = 1 + floor(bins × (rank − 1) / n), rank = 1 + the number of entities with a
 * strictly worse value, n = the entities with an event in the window, so ties share a score. Entities
 * without an event in the window get nulls.
 */
export const RfmFeatureSchema = z.strictObject({
  kind: z.literal('rfm'),
  ...common,
  windowDays: WindowDaysSchema,
  filter: ExprSchema.optional(),
  frequency: z.strictObject({ of: ExprSchema.optional() }).default({}),
  monetary: ExprSchema,
  /** Number of bins: 5 gives quintiles. Default 5. */
  bins: z.number().int().min(2).max(100).default(5),
});

/** `numerator / denominator` of two features defined earlier, as DOUBLE; null when the denominator is 0. */
export const RatioFeatureSchema = z.strictObject({
  kind: z.literal('ratio'),
  ...common,
  numerator: NameSchema,
  denominator: NameSchema,
});

/**
 * The escape hatch: an SQL expression over features defined earlier, in a small grammar both dialects share
 * (numbers, 'strings', + - *, comparisons, AND/OR/NOT, IS [NOT] NULL, CASE, CAST, and the functions `abs`,
 * `ceil`, `floor`, `round`, `sqrt`, `ln`, `exp`, `power`, `coalesce`, `nullif`, `div` (safe division)).
 * Anything else (other names, `/`, `;`, quotes, comments, subqueries) is rejected. Numeric features are
 * DOUBLE inside the expression; the result is cast to `type`. Casting a fractional DOUBLE to an integer
 * rounds differently per engine (DuckDB half to even, Trino half up): `round()` it first.
 */
export const SqlFeatureSchema = z.strictObject({
  kind: z.literal('sql'),
  ...common,
  sql: z.string().min(1).max(4000),
  type: z.enum(['double', 'long', 'boolean', 'string']),
});

/** One feature (or, for `rfm`, three) of a feature set. */
export const FeatureSchema = z.discriminatedUnion('kind', [
  AggregateFeatureSchema,
  RecencyFeatureSchema,
  ShareFeatureSchema,
  MostFrequentFeatureSchema,
  RfmFeatureSchema,
  RatioFeatureSchema,
  SqlFeatureSchema,
]);
/** A feature as written (defaults optional). */
export type FeatureInput = z.input<typeof FeatureSchema>;
/** A parsed feature. */
export type Feature = z.output<typeof FeatureSchema>;
