import { applyPreprocessor, predictProba } from '@fti/model-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServableModel } from '../load/load-servable-model.js';
import {
  MODEL_NAME,
  openScoringFixture,
  referenceScore,
  type ScoringFixture,
  THRESHOLD,
} from '../testing/scoring-fixture.js';
import { compileRequestReader } from './compile-request-reader.js';
import { InvalidRequestError } from './online-errors.js';
import { type OnlineModel, prepareOnlineModel } from './online-model.js';
import { scoreRows } from './score-rows.js';

let fixture: ScoringFixture;
let model: OnlineModel;
beforeAll(async () => {
  fixture = await openScoringFixture();
  model = prepareOnlineModel(
    await loadServableModel(fixture.registry, { name: MODEL_NAME, alias: 'staging' }),
  );
});
afterAll(async () => {
  await fixture.close();
});

const inline = (r: ScoringFixture['rows'][number]) => ({ x1: r.x1, x2: r.x2, country: r.country });

async function problemsOf(rows: unknown[]) {
  try {
    await scoreRows(model, rows);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRequestError);
    return (error as InvalidRequestError).problems;
  }
  throw new Error('expected an InvalidRequestError');
}

describe('scoreRows', () => {
  it('scores rows like the batch path (tfjs predictProba) and the float64 reference, to 1e-6', async () => {
    const rows = fixture.rows.slice(0, 600).filter((r) => r.country !== null);
    const requests = rows.map(inline);
    const matrix = applyPreprocessor(model.servable.preprocessor, model.read(requests));
    const batch = await predictProba(model.servable.model, matrix);
    const viaJs = await scoreRows(model, requests, { jsMaxRows: 10_000 });
    const viaTfjs = await scoreRows(model, requests, { jsMaxRows: 0 });
    const single = await Promise.all(requests.slice(0, 50).map((r) => scoreRows(model, [r])));
    expect(viaJs).toHaveLength(rows.length);
    for (let i = 0; i < rows.length; i++) {
      expect(Math.abs(viaJs[i]!.score - batch[i]!)).toBeLessThan(1e-6);
      expect(Math.abs(viaTfjs[i]!.score - batch[i]!)).toBeLessThan(1e-6);
      expect(Math.abs(viaJs[i]!.score - referenceScore(fixture.model, rows[i]!))).toBeLessThan(1e-6);
      expect(viaJs[i]!.predictedClass).toBe(viaJs[i]!.score >= THRESHOLD ? 1 : 0);
    }
    for (let i = 0; i < single.length; i++) expect(single[i]![0]!.score).toBeCloseTo(viaJs[i]!.score, 12);
    // Both classes occur, so the threshold is exercised.
    expect(new Set(viaJs.map((p) => p.predictedClass))).toEqual(new Set([0, 1]));
  });

  it('imputes an optional input sent as null or left out, exactly as batch scoring does', async () => {
    const [withNull, absent] = await scoreRows(model, [
      { x1: 1.5, x2: null, country: 'UK' },
      { x1: 1.5, country: 'UK' },
    ]);
    const expected = referenceScore(fixture.model, {
      customer_id: 1,
      feature_date: '2011-11-27',
      x1: 1.5,
      x2: null,
      country: 'UK',
    });
    expect(withNull!.score).toBeCloseTo(expected, 6);
    expect(absent!.score).toBe(withNull!.score);
  });

  it('names every field at fault and what to send', async () => {
    expect(await problemsOf([{ x1: 1, country: 'UK', x9: 2 }])).toEqual([
      {
        field: 'rows[0].x9',
        message: `is not an input of model ${MODEL_NAME}@1; remove it (inputs: x1, x2, country)`,
      },
    ]);
    expect(
      await problemsOf([
        { x2: 1, country: 'UK' },
        { x1: null, country: 'UK' },
      ]),
    ).toEqual([
      { field: 'rows[0].x1', message: 'is missing but required; send a finite number' },
      { field: 'rows[1].x1', message: 'is null but required; send a finite number' },
    ]);
    expect(await problemsOf([{ x1: '1.5', x2: Number.NaN, country: 3 }])).toEqual([
      { field: 'rows[0].x1', message: 'must be a finite number, got the string "1.5"' },
      {
        field: 'rows[0].x2',
        message: 'is NaN; send a finite number or null (NaN and infinities are not accepted)',
      },
      { field: 'rows[0].country', message: 'must be a string, got number 3' },
    ]);
    expect(await problemsOf([{ x1: Number.POSITIVE_INFINITY, country: 'UK' }, [1, 2], null])).toEqual([
      {
        field: 'rows[0].x1',
        message: 'is Infinity; send a finite number (NaN and infinities are not accepted)',
      },
      { field: 'rows[1]', message: 'must be an object of feature values by name (x1, x2, country)' },
      { field: 'rows[2]', message: 'must be an object of feature values by name (x1, x2, country)' },
    ]);
    expect(await problemsOf([])).toEqual([{ field: 'rows', message: 'is empty; send at least one row' }]);
    // The preprocessing's own domain check (log1p of x2 needs x2 > -1) is a request error too.
    expect(await problemsOf([{ x1: 0, x2: -3, country: 'UK' }])).toEqual([
      { field: 'rows[0].x2', message: 'is -3; log1p needs values > -1 (shift the column or drop `log1p`)' },
    ]);
  });

  it('checks int and bool inputs and uses the caller’s field paths', () => {
    const read = compileRequestReader({
      label: 'm@1',
      signature: {
        inputs: [
          { name: 'n', type: 'int', required: true },
          { name: 'flag', type: 'bool', required: true },
        ],
        outputs: [{ name: 'p', type: 'float', required: true }],
      },
      preprocessor: {
        format: 'fti-preprocessor',
        version: 1,
        features: [
          { kind: 'numeric', column: 'n', impute: null, log1p: false, scale: null },
          { kind: 'numeric', column: 'flag', impute: null, log1p: false, scale: null },
        ],
        featureNames: ['n', 'flag'],
      },
    });
    expect(Array.from(read([{ n: 3, flag: true }]).flag as Float64Array)).toEqual([1]);
    expect(() => read([{ n: 1.5, flag: 'yes' }], { path: () => 'features' })).toThrow(
      'features.n: must be an integer, got 1.5; features.flag: must be true or false, got the string "yes"',
    );
  });
});
