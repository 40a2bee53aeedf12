import type { FittedNumericFeature } from '@fti/model-runtime';
import { applyPreprocessor, applyScale } from '@fti/model-runtime';
import { describe, expect, it } from 'vitest';
import { fitPreprocessor } from '../../src/preprocessing/fit-preprocessor.js';
import { fitScale } from '../../src/preprocessing/fit-scale.js';
import { agrees, loadGolden, mismatch } from './load-golden.js';

interface Fitted {
  out: number[];
  [parameter: string]: number | number[];
}
interface PreprocessingCase {
  name: string;
  x: number[];
  standard: Fitted;
  minmax: Fitted;
  robust: Fitted;
  impute_mean?: { statistic: number; out: number[]; indicator: number[] };
  impute_median?: { statistic: number; out: number[]; indicator: number[] };
  pipeline_median_log1p_standard?: { mean: number; scale: number; out: number[] };
}

const { cases } = loadGolden<{ cases: PreprocessingCase[] }>('preprocessing');
const named = cases.map((c) => [c.name, c] as const);

describe('scalers against scikit-learn 1.2.1 StandardScaler, MinMaxScaler, RobustScaler', () => {
  it.each(named)('%s', (_name, c) => {
    const x = Float64Array.from(c.x);
    // scikit-learn scalers skip NaN when fitting and pass it through: fit ours on the non-NaN values.
    const present = x.filter((v) => !Number.isNaN(v));
    const expectations = [
      ['standard', c.standard, ['center', 'mean'], ['scale', 'scale']],
      ['minmax', c.minmax, ['scale', 'scale'], ['min', 'min']],
      ['robust', c.robust, ['center', 'center'], ['scale', 'scale']],
    ] as const;
    for (const [kind, expected, ...parameters] of expectations) {
      const fitted = fitScale(kind, present) as unknown as Record<string, number>;
      for (const [ours, theirs] of parameters)
        expect(
          agrees(fitted[ours]!, expected[theirs] as number),
          `${kind}.${ours}: ${fitted[ours]} vs ${expected[theirs]}`,
        ).toBe(true);
      const out = x.map((v) => (Number.isNaN(v) ? Number.NaN : applyScale(fitScale(kind, present), v)));
      expect(mismatch(out, expected.out, 1e-12, 1e-12), kind).toBe('');
    }
  });
});

describe('imputation and the impute → log1p → standard pipeline against scikit-learn 1.2.1', () => {
  const withNaN = named.filter(([, c]) => c.impute_mean !== undefined);
  it('has NaN cases', () => expect(withNaN.length).toBeGreaterThanOrEqual(2));

  it.each(withNaN)('%s', (_name, c) => {
    const x = Float64Array.from(c.x);
    for (const strategy of ['mean', 'median'] as const) {
      const expected = c[`impute_${strategy}`]!;
      const fitted = fitPreprocessor(
        { features: [{ kind: 'numeric', column: 'x', impute: { strategy, indicator: true } }] },
        { x },
      );
      const feature = fitted.features[0] as FittedNumericFeature;
      expect(agrees(feature.impute!.value, expected.statistic)).toBe(true);
      const matrix = applyPreprocessor(fitted, { x });
      expect(matrix.featureNames).toEqual(['x', 'x__missing']);
      const column = (j: number) => Array.from({ length: matrix.rows }, (_, i) => matrix.values[i * 2 + j]!);
      expect(mismatch(column(0), expected.out.map(Math.fround), 1e-7)).toBe('');
      expect(column(1)).toEqual(expected.indicator);
    }
    const expected = c.pipeline_median_log1p_standard!;
    const fitted = fitPreprocessor(
      {
        features: [
          { kind: 'numeric', column: 'x', impute: { strategy: 'median' }, log1p: true, scale: 'standard' },
        ],
      },
      { x },
    );
    const scale = (fitted.features[0] as FittedNumericFeature).scale!;
    expect(
      scale.kind === 'standard' && agrees(scale.center, expected.mean) && agrees(scale.scale, expected.scale),
    ).toBe(true);
    expect(mismatch(applyPreprocessor(fitted, { x }).values, expected.out.map(Math.fround), 1e-6, 1e-6)).toBe(
      '',
    );
  });
});
