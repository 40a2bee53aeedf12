import { z } from 'zod';
import type { ModelRegistry } from '../open-model-registry.js';
import { getVersion } from '../read/get-version.js';
import { AliasNameSchema, ModelNameSchema } from '../records/names.js';
import { parseInput } from '../records/parse-input.js';
import type { AliasEvent, PromotionDecision } from './alias-event.js';
import { pushTarget } from './alias-target.js';
import { appendAliasEvent } from './append-alias-event.js';
import { evaluatePromotion, type PromotionCheck } from './evaluate-promotion.js';

/** Options of {@link promoteModel}. */
export interface PromoteModelOptions {
  name: string;
  /** Version to promote; it must be a complete registration. */
  candidate: number;
  /** Alias to move (default `production`). */
  alias?: string;
  /** Metric compared with the alias's current target (`roc_auc`). */
  metric: string;
  /** Required improvement in the metric's units (default 0: strictly better). */
  margin?: number;
  /** Whether larger values of `metric` are better (default true; false for losses and errors). */
  higherIsBetter?: boolean;
  /** Checks that must all pass (default none). */
  checks?: PromotionCheck[];
  /** Why, recorded in the history (default empty). */
  reason?: string;
}

/** Outcome of {@link promoteModel}: the decision and the history event recording it. */
export interface PromotionOutcome {
  decision: PromotionDecision;
  /** `promote` (alias moved to the candidate) or `refuse` (alias unchanged). */
  event: AliasEvent;
}

const CheckSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('metric'),
    metric: z.string().min(1),
    min: z.number().optional(),
    max: z.number().optional(),
  }),
  z.strictObject({
    kind: z.literal('result'),
    name: z.string().min(1),
    passed: z.boolean(),
    detail: z.string().optional(),
  }),
]);

const PromoteSchema = z.object({
  name: ModelNameSchema,
  candidate: z.number().int().min(1),
  alias: AliasNameSchema.default('production'),
  metric: z.string().min(1),
  margin: z.number().nonnegative().default(0),
  higherIsBetter: z.boolean().default(true),
  checks: z.array(CheckSchema).default([]),
  reason: z.string().default(''),
});

/**
 * The promotion gate: compares the candidate with the alias's current target on one metric and runs the
 * checks; moves the alias only if the candidate wins by the margin and every check passes. The decision is
 * appended to the alias's history either way (`promote` or `refuse`), against the exact state it was made on.
 * Throws `ModelNotFoundError` when the candidate does not exist.
 */
export async function promoteModel(
  registry: ModelRegistry,
  options: PromoteModelOptions,
): Promise<PromotionOutcome> {
  const valid = parseInput(PromoteSchema, options, 'promote');
  const candidate = await getVersion(registry, { name: valid.name, version: valid.candidate });
  let decision: PromotionDecision | undefined;
  const event = await appendAliasEvent(registry, {
    name: valid.name,
    alias: valid.alias,
    decide: async (current) => {
      const currentVersion = current?.version ?? null;
      const incumbent =
        currentVersion === null
          ? undefined
          : await getVersion(registry, { name: valid.name, version: currentVersion });
      decision = evaluatePromotion({
        candidate,
        incumbent,
        metric: valid.metric,
        margin: valid.margin,
        higherIsBetter: valid.higherIsBetter,
        checks: valid.checks,
      });
      const stack = current?.rollbackStack ?? [];
      return decision.passed
        ? {
            action: 'promote',
            version: candidate.version,
            rollbackStack: pushTarget(stack, currentVersion, candidate.version),
            reason: valid.reason,
            decision,
          }
        : {
            action: 'refuse',
            version: currentVersion,
            rollbackStack: [...stack],
            reason: valid.reason,
            decision,
          };
    },
  });
  return { decision: decision as PromotionDecision, event };
}
