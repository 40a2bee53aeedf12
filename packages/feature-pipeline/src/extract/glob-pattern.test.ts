import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globPrefix, globToRegExp, hasGlob } from './glob-pattern.js';

describe('globToRegExp', () => {
  const matches = (glob: string, paths: string[]) => paths.filter((p) => globToRegExp(glob).test(p));
  const paths = [
    'data/2011/09/a.parquet',
    'data/2011/10/b.parquet',
    'data/c.parquet',
    'data/c.csv',
    'data/x+y(1).parquet',
  ];

  it('keeps * and ? within one segment and lets ** span segments', () => {
    expect(matches('data/*.parquet', paths)).toEqual(['data/c.parquet', 'data/x+y(1).parquet']);
    expect(matches('data/**/*.parquet', paths)).toEqual([
      'data/2011/09/a.parquet',
      'data/2011/10/b.parquet',
      'data/c.parquet',
      'data/x+y(1).parquet',
    ]);
    expect(matches('data/2011/?9/*', paths)).toEqual(['data/2011/09/a.parquet']);
  });

  it('supports classes and alternatives, everything else literal', () => {
    expect(matches('data/2011/{09,10}/[ab].parquet', paths)).toEqual([
      'data/2011/09/a.parquet',
      'data/2011/10/b.parquet',
    ]);
    expect(matches('data/[!c]*.parquet', paths)).toEqual(['data/x+y(1).parquet']);
    expect(matches('data/x+y(1).parquet', paths)).toEqual(['data/x+y(1).parquet']);
    expect(matches('data/c.*', paths)).toEqual(['data/c.parquet', 'data/c.csv']);
  });

  it('matches a literal path exactly (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9_./()+$^-]{1,30}$/), (path) => {
        fc.pre(!hasGlob(path));
        expect(globToRegExp(path).test(path)).toBe(true);
        expect(globToRegExp(path).test(`${path}x`)).toBe(false);
      }),
    );
  });

  it('finds the prefix before the first glob character', () => {
    expect(globPrefix('raw/2011/*/part-*.csv')).toBe('raw/2011/');
    expect(globPrefix('raw/file.csv')).toBe('raw/file.csv');
  });
});
