import { z } from 'zod';
import { InvalidModelInputError, ModelNotFoundError } from '../errors.js';
import type { ModelRegistry } from '../open-model-registry.js';
import { AliasNameSchema, ModelNameSchema } from '../records/names.js';
import { parseInput } from '../records/parse-input.js';
import type { AliasEvent } from './alias-event.js';
import { requireVersion } from './alias-target.js';
import { appendAliasEvent } from './append-alias-event.js';

/** Options of {@link rollbackAlias}. */
export interface RollbackAliasOptions {
  name: string;
  alias: string;
  /** Why, recorded in the history (default empty). */
  reason?: string;
  /** Fail with `AliasConflictError` unless the alias's latest event has this seq. Default: none. */
  expectedSeq?: number;
}

const RollbackSchema = z.object({
  name: ModelNameSchema,
  alias: AliasNameSchema,
  reason: z.string().default(''),
  expectedSeq: z.number().int().nonnegative().optional(),
});

/**
 * Moves an alias back to the target it had before its last move (a second rollback goes one further back,
 * like an undo stack) and records it. Throws `ModelNotFoundError` when the alias was never set and
 * `InvalidModelInputError` when there is no earlier target.
 */
export async function rollbackAlias(
  registry: ModelRegistry,
  options: RollbackAliasOptions,
): Promise<AliasEvent> {
  const valid = parseInput(RollbackSchema, options, 'rollback');
  return appendAliasEvent(registry, {
    name: valid.name,
    alias: valid.alias,
    ...(valid.expectedSeq === undefined ? {} : { expectedSeq: valid.expectedSeq }),
    decide: async (current) => {
      if (current?.version == null) {
        throw new ModelNotFoundError(valid.name, { alias: valid.alias }, 'there is nothing to roll back');
      }
      const target = current.rollbackStack.at(-1);
      if (target === undefined) {
        throw new InvalidModelInputError(
          `alias \`${valid.alias}\` of ${valid.name} has no earlier target to roll back to (it points at ` +
            `version ${current.version}); use setAlias to choose a version`,
          'alias',
        );
      }
      await requireVersion(registry, valid.name, target);
      return {
        action: 'rollback',
        version: target,
        rollbackStack: current.rollbackStack.slice(0, -1),
        reason: valid.reason,
      };
    },
  });
}
