import { z } from 'zod';
import { ExprSchema } from './expression.js';
import { NameSchema } from './name-schema.js';
import { EntitySchema, SourceSchema, WindowDaysSchema } from './source.js';

const common = {
  name: NameSchema,
  description: z.string().default(''),
  /** The label looks at events in [feature date, feature date + horizonDays). */
  horizonDays: WindowDaysSchema,
  /** Only rows matching this condition count. Default all rows. */
  filter: ExprSchema.optional(),
};

/**
 * One label, computed only from events on or after the feature date: `exists` (BOOLEAN: at least one
 * matching event within the horizon), `count` (BIGINT, 0 when none) or `sum` of `of` (DOUBLE, 0 when none).
 */
export const LabelSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('exists'), ...common }),
  z.strictObject({ kind: z.literal('count'), ...common }),
  z.strictObject({ kind: z.literal('sum'), ...common, of: ExprSchema }),
]);
/** A parsed label. */
export type Label = z.output<typeof LabelSchema>;

/**
 * Labels per entity and feature date: the rows are the same population as a feature set's (entities with an
 * event before the feature date, within `entity.activeWithinDays`); the values look only forward.
 */
export const LabelDefinitionSchema = z.strictObject({
  name: NameSchema,
  version: z.number().int().positive(),
  description: z.string().default(''),
  source: SourceSchema,
  entity: EntitySchema,
  labels: z.array(LabelSchema).min(1),
});
/** A label definition as written (defaults optional). */
export type LabelDefinitionInput = z.input<typeof LabelDefinitionSchema>;
/** A parsed label definition. */
export type LabelDefinition = z.output<typeof LabelDefinitionSchema>;
