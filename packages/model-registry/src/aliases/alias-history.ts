import { z } from 'zod';
import type { ModelRegistry } from '../open-model-registry.js';
import { AliasNameSchema, ModelNameSchema } from '../records/names.js';
import { parseInput } from '../records/parse-input.js';
import type { AliasEvent } from './alias-event.js';
import { listAliasEventKeys, readAliasEvent } from './read-alias-events.js';

/** Options of {@link aliasHistory}. */
export interface AliasHistoryOptions {
  name: string;
  alias: string;
}

const HistorySchema = z.object({ name: ModelNameSchema, alias: AliasNameSchema });

/**
 * Every event of an alias, oldest first: moves, rollbacks, promotions and refused promotions with their
 * decisions. Empty when the alias was never used.
 */
export async function aliasHistory(
  registry: ModelRegistry,
  options: AliasHistoryOptions,
): Promise<AliasEvent[]> {
  const { name, alias } = parseInput(HistorySchema, options, 'aliasHistory');
  const keys = await listAliasEventKeys(registry, name, alias);
  return Promise.all(keys.map(({ key, seq }) => readAliasEvent(registry, key, seq)));
}
