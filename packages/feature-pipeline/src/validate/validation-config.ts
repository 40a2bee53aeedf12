import { z } from 'zod';
import { ExpectationSchema } from './expectation.js';

/** Kinds of bad input rows the pipeline counts before computing anything. */
export const INPUT_ISSUE_KINDS = [
  /** CSV lines extract could not load: malformed lines, missing columns, unparseable values (timestamps…). */
  'rejectedLine',
  'nullEntityKey',
  'nullEventTime',
  'duplicateEvent',
  'futureEvent',
] as const;
/** A kind of bad input row. */
export type InputIssueKind = (typeof INPUT_ISSUE_KINDS)[number];

/** What to do with bad input and failing expectations. */
export const ValidationPolicySchema = z.enum(['strict', 'quarantine'], {
  error: (issue) => `unknown policy ${JSON.stringify(issue.input)}; use strict or quarantine`,
});
/**
 * `strict`: any failure fails the run and nothing is committed. `quarantine`: failing rows (input rows and
 * feature rows) go to the quarantine table with their reasons and the rest load; table-level failures (row
 * count, freshness, distribution shift) still fail the run.
 */
export type ValidationPolicy = z.infer<typeof ValidationPolicySchema>;

/** Checks of the input rows. */
export const InputChecksSchema = z.strictObject({
  /**
   * Columns identifying an event: rows repeating another row's values there are duplicates (the first is
   * kept, the others are bad input). `all` compares every column. Default: no duplicate check (it groups
   * every row, which costs a pass over the source).
   */
  duplicateKey: z.union([z.literal('all'), z.array(z.string().min(1)).min(1)]).optional(),
  /**
   * Issues this source is known to have (e.g. `nullEntityKey` for guest orders): still counted and sampled in
   * the report, their rows left out of the features, but they neither fail the run nor go to quarantine.
   * Default none.
   */
  allow: z.array(z.enum(INPUT_ISSUE_KINDS)).default([]),
});

/** How a run validates its input and its output. */
export const ValidationConfigSchema = z.strictObject({
  /** Default `strict`. */
  policy: ValidationPolicySchema.default('strict'),
  /** Expectations on the computed features (and labels' table, if any, is not checked). Default none. */
  expectations: z.array(ExpectationSchema).default([]),
  /** Default: no duplicate check, nothing allowed. */
  input: InputChecksSchema.default({ allow: [] }),
  /** Failing rows kept as a sample per expectation or input issue; default 5. */
  sampleSize: z.number().int().nonnegative().max(1000).default(5),
});
/** Validation settings as written (defaults optional). */
export type ValidationConfigInput = z.input<typeof ValidationConfigSchema>;
/** Parsed validation settings. */
export type ValidationConfig = z.output<typeof ValidationConfigSchema>;
