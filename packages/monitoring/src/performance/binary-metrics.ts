import { InvalidStatisticInputError } from '../errors.js';
import { rocAuc } from './roc-auc.js';

/** Binary classification metrics, defined as sklearn 1.2 defines them. */
export interface BinaryMetrics {
  rows: number;
  accuracy: number;
  /** TP / (TP + FP); 0 when nothing is predicted positive (sklearn's `zero_division` default). */
  precision: number;
  /** TP / (TP + FN); 0 when there is no positive label. */
  recall: number;
  /** 2PR / (P + R); 0 when both are 0. */
  f1: number;
  /** Null when only one class is present. */
  rocAuc: number | null;
  /** Mean negative log-likelihood, probabilities clipped to [ε, 1 − ε] with ε = 2^-52 (sklearn `eps='auto'`). */
  logLoss: number;
  /** Mean squared difference between probability and label. */
  brier: number;
}

const EPS = 2 ** -52;

/**
 * Computes {@link BinaryMetrics} from 0/1 labels and positive-class probabilities; a row is predicted
 * positive when its probability is ≥ `threshold` (default 0.5).
 * @throws InvalidStatisticInputError on empty or unequal inputs, a label other than 0/1, or a probability outside [0, 1].
 */
export function computeBinaryMetrics(options: {
  actual: Float64Array;
  probabilities: Float64Array;
  threshold?: number;
}): BinaryMetrics {
  const { actual, probabilities } = options;
  const threshold = options.threshold ?? 0.5;
  const n = actual.length;
  if (n === 0) throw new InvalidStatisticInputError('actual', 'is empty; performance needs labelled rows');
  if (probabilities.length !== n) {
    throw new InvalidStatisticInputError(
      'probabilities',
      `has ${probabilities.length} rows, labels have ${n}`,
    );
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let logLoss = 0;
  let brier = 0;
  for (let i = 0; i < n; i++) {
    const y = actual[i]!;
    const p = probabilities[i]!;
    if (y !== 0 && y !== 1)
      throw new InvalidStatisticInputError('actual', `row ${i} is ${y}, expected 0 or 1`);
    if (!(p >= 0 && p <= 1)) {
      throw new InvalidStatisticInputError(
        'probabilities',
        `row ${i} is ${p}, expected a probability in [0, 1]`,
      );
    }
    const positive = p >= threshold;
    if (y === 1) positive ? tp++ : fn++;
    else positive ? fp++ : tn++;
    const clipped = Math.min(Math.max(p, EPS), 1 - EPS);
    logLoss -= y === 1 ? Math.log(clipped) : Math.log(1 - clipped);
    brier += (p - y) ** 2;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  return {
    rows: n,
    accuracy: (tp + tn) / n,
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
    rocAuc: rocAuc(actual, probabilities),
    logLoss: logLoss / n,
    brier: brier / n,
  };
}
