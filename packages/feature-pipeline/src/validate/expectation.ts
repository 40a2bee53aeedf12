import { z } from 'zod';

const column = z.string().min(1, 'name the output column the expectation checks');
const finite = z.number().finite();

/** Every value of `column` is non-null (row level: failing rows can be quarantined). */
export const NotNullExpectationSchema = z.strictObject({ kind: z.literal('notNull'), column });

/** Every non-null value of `column` lies in [`min`, `max`] (both inclusive; either may be left out). */
export const RangeExpectationSchema = z
  .strictObject({ kind: z.literal('range'), column, min: finite.optional(), max: finite.optional() })
  .refine((e) => e.min !== undefined || e.max !== undefined, { message: 'give `min`, `max` or both' })
  .refine((e) => e.min === undefined || e.max === undefined || e.min <= e.max, {
    message: '`min` must not exceed `max`',
    path: ['max'],
  });

/** Every non-null value of `column` is one of `values`. */
export const AllowedValuesExpectationSchema = z.strictObject({
  kind: z.literal('allowedValues'),
  column,
  values: z.array(z.union([z.string(), finite, z.boolean()])).min(1, 'list at least one allowed value'),
});

/** At most one row per entity key and feature date (every row of a repeated key fails). */
export const UniqueKeyExpectationSchema = z.strictObject({ kind: z.literal('uniqueKey') });

/** Rows per feature date within [`min`, `max`] (table level: a failure fails the run under any policy). */
export const RowCountExpectationSchema = z
  .strictObject({
    kind: z.literal('rowCount'),
    min: z.number().int().nonnegative().optional(),
    max: z.number().int().nonnegative().optional(),
  })
  .refine((e) => e.min !== undefined || e.max !== undefined, { message: 'give `min`, `max` or both' });

/**
 * The latest source event is at most `maxAgeDays` old: relative to the run date (default), or, per feature
 * date D, the latest event before D is at most `maxAgeDays` before D (for backfills of old data). Table level.
 */
export const FreshnessExpectationSchema = z.strictObject({
  kind: z.literal('freshness'),
  maxAgeDays: z.number().int().nonnegative(),
  relativeTo: z.enum(['runDate', 'featureDate']).default('runDate'),
});

/**
 * The distribution of `column` did not move too far from the previous run's (the rows the feature table's
 * current snapshot holds for the dates that run loaded): `maxMeanShift` bounds |mean − previous mean| in
 * previous standard deviations (numeric columns), `maxNullShareShift` bounds the absolute change of the
 * null share (0…1). Skipped on the first run. Table level.
 */
export const DistributionShiftExpectationSchema = z
  .strictObject({
    kind: z.literal('distributionShift'),
    column,
    maxMeanShift: z.number().nonnegative().optional(),
    maxNullShareShift: z.number().min(0).max(1).optional(),
  })
  .refine((e) => e.maxMeanShift !== undefined || e.maxNullShareShift !== undefined, {
    message: 'give `maxMeanShift`, `maxNullShareShift` or both',
  });

/** One expectation on the computed features: plain, serialisable data. */
export const ExpectationSchema = z.union([
  NotNullExpectationSchema,
  RangeExpectationSchema,
  AllowedValuesExpectationSchema,
  UniqueKeyExpectationSchema,
  RowCountExpectationSchema,
  FreshnessExpectationSchema,
  DistributionShiftExpectationSchema,
]);
/** An expectation as written (defaults optional). */
export type ExpectationInput = z.input<typeof ExpectationSchema>;
/** A parsed expectation. */
export type Expectation = z.output<typeof ExpectationSchema>;
/** Expectations judged row by row: failing rows can be quarantined and the rest loaded. */
export type RowExpectation = Extract<
  Expectation,
  { kind: 'notNull' | 'range' | 'allowedValues' | 'uniqueKey' }
>;

/** Whether an expectation is judged per row (quarantinable) rather than on the whole table. */
export function isRowExpectation(expectation: Expectation): expectation is RowExpectation {
  return ['notNull', 'range', 'allowedValues', 'uniqueKey'].includes(expectation.kind);
}

/** A short, stable id of an expectation for reports and quarantine reasons, e.g. `range(rfm_r, 1..5)`. */
export function expectationId(expectation: Expectation): string {
  switch (expectation.kind) {
    case 'notNull':
      return `notNull(${expectation.column})`;
    case 'range':
      return `range(${expectation.column}, ${expectation.min ?? '-inf'}..${expectation.max ?? 'inf'})`;
    case 'allowedValues':
      return `allowedValues(${expectation.column})`;
    case 'uniqueKey':
      return 'uniqueKey';
    case 'rowCount':
      return `rowCount(${expectation.min ?? 0}..${expectation.max ?? 'inf'})`;
    case 'freshness':
      return `freshness(${expectation.maxAgeDays}d of ${expectation.relativeTo})`;
    case 'distributionShift':
      return `distributionShift(${expectation.column})`;
  }
}
