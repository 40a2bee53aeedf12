import { createModel, type ModelSpecInput, predictProba } from '@fti/model-runtime';
import { makeRows } from '@fti/model-runtime/testing';
import { describe, expect, it } from 'vitest';
import { forwardPass } from './forward-pass.js';

const specs: [string, ModelSpecInput][] = [
  ['binary MLP (relu, sigmoid)', { kind: 'mlp', task: { kind: 'binary' }, hiddenLayers: [16, 8] }],
  [
    'multiclass MLP (tanh, softmax)',
    { kind: 'mlp', task: { kind: 'multiclass', numClasses: 4 }, hiddenLayers: [12], activation: 'tanh' },
  ],
  [
    'regression MLP (sigmoid hidden, linear out)',
    { kind: 'mlp', task: { kind: 'regression' }, hiddenLayers: [10], activation: 'sigmoid' },
  ],
  ['logistic regression', { kind: 'logistic-regression', task: { kind: 'binary' } }],
];

describe('forwardPass', () => {
  it.each(specs)('%s: the tfjs predictProba outputs to 1e-6, row for row', async (_name, spec) => {
    const width = 7;
    const model = createModel(spec, width, { seed: 5 });
    const { x } = makeRows({ rows: 300, width, seed: 9, labels: (n) => new Uint8Array(n), label: () => 0 });
    const expected = await predictProba(model, x);
    const actual = forwardPass(model, x);
    expect(actual).toHaveLength(expected.length);
    let worst = 0;
    for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!));
    expect(worst).toBeLessThan(1e-6);
  });
});
