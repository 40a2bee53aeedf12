import { z } from 'zod';

const DAY_MS = 86_400_000;

/** An ISO calendar date `YYYY-MM-DD` that exists (no `2011-02-30`). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date YYYY-MM-DD')
  .refine(
    (value) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    'is not a calendar date',
  );

/**
 * The feature dates of a run: one `date`, or a backfill `from`…`to` (both inclusive when `to` falls on the
 * step) every `everyDays` days (default 1).
 */
export const FeatureDatesSchema = z.union([
  z.strictObject({ date: IsoDateSchema }),
  z
    .strictObject({
      from: IsoDateSchema,
      to: IsoDateSchema,
      everyDays: z.number().int().positive().max(3660).default(1),
    })
    .refine((range) => range.from <= range.to, { message: '`from` must not be after `to`', path: ['to'] }),
]);
/** Feature dates as written. */
export type FeatureDatesInput = z.input<typeof FeatureDatesSchema>;

/** At most this many dates per run: one query computes them all. */
export const MAX_FEATURE_DATES = 10_000;

/**
 * Expands {@link FeatureDatesSchema} input into the list of ISO dates, ascending. Throws a zod error on
 * malformed input or more than {@link MAX_FEATURE_DATES} dates.
 */
export function expandFeatureDates(input: FeatureDatesInput): string[] {
  const spec = FeatureDatesSchema.parse(input);
  if ('date' in spec) return [spec.date];
  const from = Date.parse(`${spec.from}T00:00:00Z`);
  const to = Date.parse(`${spec.to}T00:00:00Z`);
  const count = Math.floor((to - from) / (spec.everyDays * DAY_MS)) + 1;
  if (count > MAX_FEATURE_DATES)
    throw new RangeError(`${count} feature dates requested; at most ${MAX_FEATURE_DATES} per run`);
  return Array.from({ length: count }, (_, i) =>
    new Date(from + i * spec.everyDays * DAY_MS).toISOString().slice(0, 10),
  );
}
