import { z } from 'zod';

/** A literal value inside an expression. */
export type LiteralValue = string | number | boolean | null;

/** Arithmetic operators; `div` is safe division (a DOUBLE, null when the divisor is 0). */
export type ArithmeticOp = 'add' | 'sub' | 'mul' | 'div';
/** Comparison operators. */
export type ComparisonOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';
/** Parts of a date or timestamp: `dayOfWeek` is ISO (1 = Monday … 7 = Sunday); `hour` needs a timestamp. */
export type DatePartOp = 'dayOfWeek' | 'hour' | 'month' | 'year';
/** Types an expression can be cast to; a double cast to `long` rounds half away from zero (2.5 → 3). */
export type CastTarget = 'double' | 'long' | 'string';

/**
 * A row-level expression over a source's columns, as plain data (never an SQL string), rendered per dialect
 * by the compiler. Build them with {@link expr}. A null operand makes comparisons and arithmetic null, and a
 * null condition counts as false wherever a condition is expected.
 */
export type Expr =
  | { op: 'col'; name: string }
  | { op: 'lit'; value: LiteralValue }
  | { op: ArithmeticOp; left: Expr; right: Expr }
  | { op: ComparisonOp; left: Expr; right: Expr }
  | { op: 'and' | 'or'; args: Expr[] }
  | { op: 'not' | 'isNull' | 'neg' | 'abs'; arg: Expr }
  | { op: DatePartOp; arg: Expr }
  | { op: 'in'; arg: Expr; values: (string | number)[] }
  | { op: 'startsWith'; arg: Expr; prefix: string }
  | { op: 'coalesce'; args: Expr[] }
  | { op: 'case'; branches: { when: Expr; value: Expr }[]; else?: Expr | undefined }
  | { op: 'cast'; arg: Expr; to: CastTarget };

const finiteNumber = z.number().refine(Number.isFinite, 'must be a finite number');

/** Validates an {@link Expr} (recursively). */
export const ExprSchema: z.ZodType<Expr> = z.lazy(() =>
  z.union([
    z.strictObject({ op: z.literal('col'), name: z.string().min(1) }),
    z.strictObject({
      op: z.literal('lit'),
      value: z.union([z.string(), finiteNumber, z.boolean(), z.null()]),
    }),
    z.strictObject({
      op: z.enum(['add', 'sub', 'mul', 'div', 'eq', 'ne', 'lt', 'le', 'gt', 'ge']),
      left: ExprSchema,
      right: ExprSchema,
    }),
    z.strictObject({ op: z.enum(['and', 'or', 'coalesce']), args: z.array(ExprSchema).min(1) }),
    z.strictObject({
      op: z.enum(['not', 'isNull', 'neg', 'abs', 'dayOfWeek', 'hour', 'month', 'year']),
      arg: ExprSchema,
    }),
    z.strictObject({
      op: z.literal('in'),
      arg: ExprSchema,
      values: z.array(z.union([z.string(), finiteNumber])).min(1),
    }),
    z.strictObject({ op: z.literal('startsWith'), arg: ExprSchema, prefix: z.string() }),
    z.strictObject({
      op: z.literal('case'),
      branches: z.array(z.strictObject({ when: ExprSchema, value: ExprSchema })).min(1),
      else: ExprSchema.optional(),
    }),
    z.strictObject({ op: z.literal('cast'), arg: ExprSchema, to: z.enum(['double', 'long', 'string']) }),
  ]),
);
