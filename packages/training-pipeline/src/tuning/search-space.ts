import { z } from 'zod';
import { InvalidSearchSpaceError } from '../errors.js';

const CategoricalValue = z.union([z.number(), z.string(), z.boolean(), z.null(), z.array(z.number())]);

/** One parameter's distribution: continuous, log-scaled, integer or a list of choices. */
export const ParamDistributionSchema = z.discriminatedUnion('kind', [
  /** Uniform on [low, high). */
  z
    .strictObject({ kind: z.literal('uniform'), low: z.number(), high: z.number() })
    .refine((d) => d.low < d.high, 'low must be below high'),
  /** Log-uniform on [low, high), low > 0: as likely in [1e-4, 1e-3) as in [1e-3, 1e-2). */
  z
    .strictObject({ kind: z.literal('log-uniform'), low: z.number().positive(), high: z.number().positive() })
    .refine((d) => d.low < d.high, 'low must be below high'),
  /** A uniform integer in low, low + step, …, up to high (inclusive). */
  z
    .strictObject({
      kind: z.literal('int'),
      low: z.int(),
      high: z.int(),
      /** Default 1. */
      step: z.int().min(1).default(1),
    })
    .refine((d) => d.low <= d.high, 'low must not exceed high'),
  /** One of `values`, each equally likely (numbers, strings, booleans, null or number arrays like `[64, 32]`). */
  z.strictObject({ kind: z.literal('categorical'), values: z.array(CategoricalValue).min(1) }),
]);
/** One parameter's distribution. */
export type ParamDistribution = z.output<typeof ParamDistributionSchema>;

/**
 * A search space: parameter paths (`train.optimizer.learningRate`, `model.hiddenLayers`) to distributions.
 * Plain data: written in the job config, recorded with the run.
 */
export const SearchSpaceSchema = z.record(
  z
    .string()
    .regex(
      /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/,
      'give a dotted path like `train.batchSize`',
    ),
  ParamDistributionSchema,
);
/** A validated search space. */
export type SearchSpace = z.output<typeof SearchSpaceSchema>;
/** A search space as written by a user. */
export type SearchSpaceInput = z.input<typeof SearchSpaceSchema>;

/** A sampled value: what a categorical may hold, or a number. */
export type ParamValue = z.infer<typeof CategoricalValue>;
/** One trial's parameters, by path. */
export type TrialParams = Record<string, ParamValue>;

/**
 * Validates a search space.
 * @throws InvalidSearchSpaceError naming the parameter and what is wrong (`low must be below high`).
 */
export function parseSearchSpace(input: unknown): SearchSpace {
  const parsed = SearchSpaceSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const [param, ...rest] = issue.path.map(String);
  const where = rest.length > 0 ? `${rest.join('.')}: ` : '';
  throw new InvalidSearchSpaceError(param ?? '', `${where}${issue.message}`, { cause: parsed.error });
}
