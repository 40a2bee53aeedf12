import { z } from 'zod';
import type { ModelRegistry } from '../open-model-registry.js';
import { AliasNameSchema, ModelNameSchema } from '../records/names.js';
import { parseInput } from '../records/parse-input.js';
import type { AliasEvent } from './alias-event.js';
import { pushTarget, requireVersion } from './alias-target.js';
import { appendAliasEvent } from './append-alias-event.js';

/** Options of {@link setAlias}. */
export interface SetAliasOptions {
  /** Model name. */
  name: string;
  /** Alias to move (`staging`, `production`, any lower-case name). */
  alias: string;
  /** Version the alias will point at; it must be a complete registration. */
  version: number;
  /** Why, recorded in the history (default empty). */
  reason?: string;
  /** Fail with `AliasConflictError` unless the alias's latest event has this seq (0 = never set). Default: none. */
  expectedSeq?: number;
}

const SetAliasSchema = z.object({
  name: ModelNameSchema,
  alias: AliasNameSchema,
  version: z.number().int().min(1),
  reason: z.string().default(''),
  expectedSeq: z.number().int().nonnegative().optional(),
});

/**
 * Points an alias at a version and appends the move to the alias's history (atomic, optimistic
 * concurrency). Throws `ModelNotFoundError` when the version does not exist. Returns the new event.
 */
export async function setAlias(registry: ModelRegistry, options: SetAliasOptions): Promise<AliasEvent> {
  const valid = parseInput(SetAliasSchema, options, 'setAlias');
  await requireVersion(registry, valid.name, valid.version);
  return appendAliasEvent(registry, {
    name: valid.name,
    alias: valid.alias,
    ...(valid.expectedSeq === undefined ? {} : { expectedSeq: valid.expectedSeq }),
    decide: async (current) => ({
      action: 'set',
      version: valid.version,
      rollbackStack: pushTarget(current?.rollbackStack ?? [], current?.version ?? null, valid.version),
      reason: valid.reason,
    }),
  });
}
