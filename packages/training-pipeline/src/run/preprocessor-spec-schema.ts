import { z } from 'zod';
import type { PreprocessorSpec } from '../preprocessing/preprocessor-spec.js';

const Impute = z.discriminatedUnion('strategy', [
  z.strictObject({ strategy: z.enum(['mean', 'median']), indicator: z.boolean().optional() }),
  z.strictObject({ strategy: z.literal('constant'), value: z.number(), indicator: z.boolean().optional() }),
]);

/** zod schema of a {@link PreprocessorSpec}, for job configs. */
export const PreprocessorSpecSchema = z.strictObject({
  features: z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({
          kind: z.literal('numeric'),
          column: z.string().min(1),
          impute: Impute.optional(),
          log1p: z.boolean().optional(),
          scale: z.enum(['standard', 'minmax', 'robust']).optional(),
        }),
        z.strictObject({
          kind: z.literal('one-hot'),
          column: z.string().min(1),
          maxCategories: z.int().min(2).optional(),
        }),
      ]),
    )
    .min(1, 'declare at least one feature'),
}) satisfies z.ZodType<PreprocessorSpec>;
