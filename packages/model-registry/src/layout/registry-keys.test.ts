import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseVersionKey, registryKeys } from './registry-keys.js';

describe('registryKeys', () => {
  const keys = registryKeys('ml/');

  it('lays a version out under models/<name>/versions/<version>/', () => {
    expect(keys.record('churn', 12)).toBe('ml/models/churn/versions/12/version.json');
    expect(keys.marker('churn', 12)).toBe('ml/models/churn/versions/12/_allocated.json');
    expect(keys.artifact('churn', 12, 'w/a.bin')).toBe('ml/models/churn/versions/12/files/w/a.bin');
    expect(keys.aliasEvent('churn', 'production', 7)).toBe(
      'ml/models/churn/aliases/production/0000000007.json',
    );
  });

  it('parses back every version key it builds, and nothing that is not one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), (version) => {
        expect(parseVersionKey(keys.versionsPrefix('churn'), keys.record('churn', version))).toEqual({
          version,
          rest: 'version.json',
        });
      }),
    );
    const prefix = keys.versionsPrefix('churn');
    expect(parseVersionKey(prefix, `${prefix}01/version.json`)).toBeUndefined();
    expect(parseVersionKey(prefix, `${prefix}0/version.json`)).toBeUndefined();
    expect(parseVersionKey(prefix, `${prefix}x/version.json`)).toBeUndefined();
    expect(parseVersionKey(prefix, 'ml/models/other/versions/1/version.json')).toBeUndefined();
  });

  it('sorts alias events by key in sequence order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999_998 }), (seq) => {
        expect(keys.aliasEvent('m', 'a', seq) < keys.aliasEvent('m', 'a', seq + 1)).toBe(true);
      }),
    );
  });
});
