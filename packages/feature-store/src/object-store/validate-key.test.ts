import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidKeyError } from '../errors.js';
import { validateKey, validatePrefix } from './validate-key.js';

const segment = fc
  .string({ minLength: 1, maxLength: 6 })
  .filter((s) => !/[/\\\0]/.test(s) && s !== '.' && s !== '..');
const goodKey = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));

describe('validateKey', () => {
  it('accepts every key of non-empty, non-dot segments and returns it unchanged (property)', () => {
    fc.assert(fc.property(goodKey, (key) => validateKey(key) === key));
  });

  it('rejects a key with a `..` segment anywhere (property)', () => {
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 3 }),
        fc.array(segment, { maxLength: 3 }),
        (before, after) => {
          const key = [...before, '..', ...after].join('/');
          expect(() => validateKey(key)).toThrow(InvalidKeyError);
        },
      ),
    );
  });

  it('names the key and the reason', () => {
    expect(() => validateKey('a//b')).toThrow('invalid key `a//b`: it has an empty segment');
    expect(() => validateKey('/etc/passwd')).toThrow('it is absolute');
    expect(() => validateKey('a\\b')).toThrow('backslash');
  });

  it('accepts listing prefixes with a partial or empty last segment, and nothing that escapes', () => {
    expect(['', 'ns/', 'ns/t/metadata/v', '.hidden'].map(validatePrefix)).toEqual([
      '',
      'ns/',
      'ns/t/metadata/v',
      '.hidden',
    ]);
    for (const prefix of ['../', '/ns', 'a//', 'a\\b'])
      expect(() => validatePrefix(prefix)).toThrow(InvalidKeyError);
  });
});
