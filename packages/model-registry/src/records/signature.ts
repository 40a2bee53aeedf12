import { z } from 'zod';

/** Value type of one model input or output column. */
export const ValueTypeSchema = z.enum(['float', 'int', 'string', 'bool']);
/** Value type of one model input or output column. */
export type ValueType = z.infer<typeof ValueTypeSchema>;

/** One named input or output: its value type, optional shape (`-1` for a free dimension) and whether required. */
export const TensorSpecSchema = z.strictObject({
  name: z.string().min(1),
  type: ValueTypeSchema,
  /** Dimensions per row; omitted for a scalar column. `-1` marks a free dimension. */
  shape: z.array(z.number().int().min(-1)).optional(),
  /** Whether a caller must provide it; default true. */
  required: z.boolean().default(true),
  description: z.string().optional(),
});
/** One named input or output of a model signature. */
export type TensorSpec = z.output<typeof TensorSpecSchema>;

const specList = (side: string) =>
  z
    .array(TensorSpecSchema)
    .min(1, `a signature needs at least one ${side}`)
    .superRefine((specs, ctx) => {
      const seen = new Set<string>();
      for (const [i, spec] of specs.entries()) {
        if (seen.has(spec.name)) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'name'],
            message: `${side} \`${spec.name}\` is listed twice; give every ${side} a unique name`,
          });
        }
        seen.add(spec.name);
      }
    });

/** What a model takes and returns, column by column: enough to validate a request before scoring it. */
export const SignatureSchema = z.strictObject({
  inputs: specList('input'),
  outputs: specList('output'),
});
/** What a model takes and returns. */
export type Signature = z.output<typeof SignatureSchema>;
/** A signature as callers write it (`required` may be omitted). */
export type SignatureInput = z.input<typeof SignatureSchema>;
