import { z } from 'zod';
import { FeatureSchema } from './feature.js';
import { NameSchema } from './name-schema.js';
import { EntitySchema, SourceSchema } from './source.js';

/**
 * A feature set: one source of events, one entity, and the features computed per entity and feature date.
 * Plain serialisable data. `version` is bumped by hand whenever the content changes (see
 * {@link checkDefinitionVersion}); {@link definitionHash} detects a change.
 */
export const FeatureSetDefinitionSchema = z.strictObject({
  name: NameSchema,
  version: z.number().int().positive(),
  description: z.string().default(''),
  source: SourceSchema,
  entity: EntitySchema,
  features: z.array(FeatureSchema).min(1),
});
/** A feature set definition as written (defaults optional). */
export type FeatureSetDefinitionInput = z.input<typeof FeatureSetDefinitionSchema>;
/** A parsed feature set definition. */
export type FeatureSetDefinition = z.output<typeof FeatureSetDefinitionSchema>;
