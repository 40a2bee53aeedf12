import { z } from 'zod';
import { AliasNameSchema, ModelNameSchema } from './names.js';

/** A pinned model version. */
export interface ModelVersionRef {
  name: string;
  version: number;
}

/** A model version named through an alias (`production`), resolved when used. */
export interface ModelAliasRef {
  name: string;
  alias: string;
}

/** A typed reference to a model version: `{ name, version }` or `{ name, alias }`. */
export type ModelRef = ModelVersionRef | ModelAliasRef;

/** Validates a {@link ModelRef} read from configuration. */
export const ModelRefSchema = z.union([
  z.strictObject({ name: ModelNameSchema, version: z.number().int().min(1) }),
  z.strictObject({ name: ModelNameSchema, alias: AliasNameSchema }),
]);

/** `churn@3` or `churn@production`, for messages and logs. */
export function formatModelRef(ref: ModelRef): string {
  return 'version' in ref ? `${ref.name}@${ref.version}` : `${ref.name}@${ref.alias}`;
}
