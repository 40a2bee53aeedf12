import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AliasNameSchema, ArtifactPathSchema, ModelNameSchema } from './names.js';

describe('names', () => {
  it('accepts the usual names and rejects unsafe ones', () => {
    expect(
      ['staging', 'production', 'canary-eu', 'shadow_2'].every((a) => AliasNameSchema.safeParse(a).success),
    ).toBe(true);
    expect(
      ['', 'Prod', '1st', 'a/b', 'a b', '-x', 'x'.repeat(64)].map(
        (a) => AliasNameSchema.safeParse(a).success,
      ),
    ).toEqual([false, false, false, false, false, false, false]);
    expect(['..', '.hidden', 'a/b', 'a b', ''].map((n) => ModelNameSchema.safeParse(n).success)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(
      ['a/../b', '/abs', 'a//b', 'a/', './a', 'a\\b'].map((p) => ArtifactPathSchema.safeParse(p).success),
    ).toEqual([false, false, false, false, false, false]);
    expect(ArtifactPathSchema.safeParse('weights/group1-shard1of2.bin').success).toBe(true);
  });

  it('every accepted model name, alias and artifact path is a valid object-store key segment', () => {
    const segment = fc.string({
      unit: fc.constantFrom(...'aZ09._-/ \\'.split('')),
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(segment, segment, segment, (name, alias, path) => {
        const n = ModelNameSchema.safeParse(name);
        const a = AliasNameSchema.safeParse(alias);
        const p = ArtifactPathSchema.safeParse(path);
        const key = `models/${n.success ? name : 'm'}/aliases/${a.success ? alias : 'x'}/files/${p.success ? path : 'f'}`;
        // The object-store key rules: no empty, `.` or `..` segment, no backslash; and no spaces for URLs.
        expect(key.split('/').every((s) => s !== '' && s !== '.' && s !== '..')).toBe(true);
        expect(/[\\ ]/.test(key)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
