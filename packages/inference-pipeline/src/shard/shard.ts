import { InvalidScoringInputError } from '../errors.js';

/** One of `count` workers of a scoring run: `index` in `0 … count − 1`. */
export interface Shard {
  index: number;
  count: number;
}

/** Hash values (FNV-1a, 32 bit) span `[0, HASH_SPACE)`. */
export const HASH_SPACE = 2 ** 32;

/** Parses `i/n` (as in `--shard 2/8`, 0-based) into a {@link Shard}. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match)
    throw new InvalidScoringInputError(
      'shard',
      `\`${text}\` is not \`i/n\`; write e.g. 0/4 for the first of 4`,
    );
  return checkShard({ index: Number(match[1]), count: Number(match[2]) });
}

/** Checks `0 ≤ index < count ≤ 65536`. */
export function checkShard(shard: Shard): Shard {
  const { index, count } = shard;
  if (!Number.isSafeInteger(count) || count < 1 || count > 65_536)
    throw new InvalidScoringInputError('shard', `count must be an integer in 1 … 65536, got ${count}`);
  if (!Number.isSafeInteger(index) || index < 0 || index >= count)
    throw new InvalidScoringInputError('shard', `index must be in 0 … ${count - 1} (0-based), got ${index}`);
  return shard;
}

/**
 * The entity-hash range a shard owns, `[lo, hi)`: contiguous ranges tile the hash space, so shards never
 * overlap or leave a gap, and a range is a plain filter the predictions table can overwrite and prune by.
 */
export function shardRange(shard: Shard): { lo: number; hi: number } {
  return {
    lo: Math.floor((shard.index * HASH_SPACE) / shard.count),
    hi: Math.floor(((shard.index + 1) * HASH_SPACE) / shard.count),
  };
}
