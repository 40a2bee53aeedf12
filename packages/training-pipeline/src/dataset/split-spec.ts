import { z } from 'zod';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'give an ISO date YYYY-MM-DD');
const Fraction = z.number().gt(0).lt(1);

/**
 * How to split a dataset into train and validation rows:
 * - `time`: train on rows before `trainEnd`, validate on rows from `validationStart` (default `trainEnd`)
 *   up to `validationEnd` (exclusive, default none); rows in the gap are left out, so a label horizon that
 *   reaches into the validation period cannot leak (the default for forward-looking labels);
 * - `stratified`: seeded random rows, each class split in the same proportion;
 * - `group`: seeded random entities, no entity on both sides.
 */
export const SplitSpecSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('time'),
    trainEnd: IsoDate,
    validationStart: IsoDate.optional(),
    validationEnd: IsoDate.optional(),
  }),
  z.strictObject({ kind: z.literal('stratified'), validationFraction: Fraction, seed: z.int().default(0) }),
  z.strictObject({ kind: z.literal('group'), validationFraction: Fraction, seed: z.int().default(0) }),
]);
/** How to split a dataset (see {@link SplitSpecSchema}). */
export type SplitSpec = z.infer<typeof SplitSpecSchema>;
/** A split spec as written by a user (seeds optional). */
export type SplitSpecInput = z.input<typeof SplitSpecSchema>;
