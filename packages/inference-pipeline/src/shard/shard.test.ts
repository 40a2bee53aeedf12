import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidScoringInputError } from '../errors.js';
import { hashEntityKey } from './hash-entity-key.js';
import { HASH_SPACE, parseShard, shardRange } from './shard.js';

describe('shards', () => {
  it('tile the hash space: every key falls in exactly one shard, whatever n', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 3 }),
        (n, key) => {
          const hash = hashEntityKey(key);
          expect(hash).toBeGreaterThanOrEqual(0);
          expect(hash).toBeLessThan(HASH_SPACE);
          let owners = 0;
          for (let i = 0; i < n; i++) {
            const { lo, hi } = shardRange({ index: i, count: n });
            if (hash >= lo && hash < hi) owners++;
          }
          expect(owners).toBe(1);
        },
      ),
    );
    expect(shardRange({ index: 0, count: 4 }).lo).toBe(0);
    expect(shardRange({ index: 3, count: 4 }).hi).toBe(HASH_SPACE);
  });

  it('hashes deterministically (FNV-1a 32 bit) and keeps key parts apart', () => {
    expect(hashEntityKey([''])).toBe(0x811c9dc5);
    expect(hashEntityKey(['a'])).toBe(0xe40c292c);
    expect(hashEntityKey([12345])).toBe(hashEntityKey(['12345']));
    expect(hashEntityKey(['ab', 'c'])).not.toBe(hashEntityKey(['a', 'bc']));
  });

  it('parses i/n and rejects anything else with a hint', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    for (const bad of ['3/3', '1/0', 'x', '-1/2'])
      expect(() => parseShard(bad)).toThrow(InvalidScoringInputError);
    expect(() => parseShard('3/3')).toThrow(/0 … 2/);
  });
});
