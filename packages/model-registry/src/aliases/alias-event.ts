import { z } from 'zod';
import { AliasNameSchema, ModelNameSchema } from '../records/names.js';

/** The result of one promotion check. */
export const CheckResultSchema = z.strictObject({
  name: z.string().min(1),
  passed: z.boolean(),
  detail: z.string().default(''),
});
/** The result of one promotion check. */
export type CheckResult = z.output<typeof CheckResultSchema>;

/** Everything a promotion gate looked at and why it passed or refused. */
export const PromotionDecisionSchema = z.strictObject({
  candidate: z.number().int().min(1),
  /** The alias target the candidate was compared with; `null` when the alias was not set. */
  incumbent: z.number().int().min(1).nullable(),
  metric: z.string().min(1),
  higherIsBetter: z.boolean(),
  /** Required improvement, in the metric's units. */
  margin: z.number().nonnegative(),
  candidateValue: z.number().nullable(),
  incumbentValue: z.number().nullable(),
  /** Candidate minus incumbent, sign flipped when lower is better (positive = better); `null` without both. */
  improvement: z.number().nullable(),
  checks: z.array(CheckResultSchema),
  passed: z.boolean(),
  /** Why it was refused (empty when it passed). */
  reasons: z.array(z.string()),
});
/** Everything a promotion gate looked at and why it passed or refused. */
export type PromotionDecision = z.output<typeof PromotionDecisionSchema>;

/** Kinds of alias history events. `refuse` records a refused promotion and leaves the target unchanged. */
export const AliasActionSchema = z.enum(['set', 'rollback', 'promote', 'refuse']);
/** Kinds of alias history events. */
export type AliasAction = z.output<typeof AliasActionSchema>;

/**
 * One entry of an alias's history (`aliases/<alias>/<seq>.json`), created with `putIfAbsent`: the entry
 * with the highest `seq` holds the current target.
 */
export const AliasEventSchema = z.strictObject({
  formatVersion: z.literal(1),
  model: ModelNameSchema,
  alias: AliasNameSchema,
  /** Position in the history, from 1, without gaps. */
  seq: z.number().int().min(1),
  action: AliasActionSchema,
  /** The alias target after this event; `null` while the alias has never been set. */
  version: z.number().int().min(1).nullable(),
  /** The target before this event (`null` if unset). */
  previousVersion: z.number().int().min(1).nullable(),
  /** Earlier targets a rollback returns to, most recent last (bounded). */
  rollbackStack: z.array(z.number().int().min(1)),
  reason: z.string(),
  /** Event time, milliseconds since the Unix epoch. */
  atMs: z.number().int().nonnegative(),
  decision: PromotionDecisionSchema.optional(),
});
/** One entry of an alias's history. */
export type AliasEvent = z.output<typeof AliasEventSchema>;
