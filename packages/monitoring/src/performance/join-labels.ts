/** Logged predictions or arriving labels: one entry per row, keyed by entity and prediction time. */
export interface KeyedValues {
  /** Entity key per row (e.g. the customer id as a string). */
  keys: readonly string[];
  /** Prediction time per row, epoch ms: the label row carries the time of the prediction it answers. */
  times: Float64Array;
  /** Predicted score / value, or the observed label. */
  values: Float64Array;
}

/** Predictions paired with their labels, ready for the metrics. */
export interface LabelledPredictions {
  predicted: Float64Array;
  actual: Float64Array;
  /** Predictions with no label yet (still waiting) and labels with no logged prediction. */
  unlabelled: number;
  orphanLabels: number;
}

/**
 * Joins labels to logged predictions on (entity key, prediction time): an inner join, in prediction order.
 * When a key and time has several labels the last one wins (a corrected label replaces the first).
 */
export function joinLabels(options: { predictions: KeyedValues; labels: KeyedValues }): LabelledPredictions {
  const { predictions, labels } = options;
  const byKey = new Map<string, number>();
  for (let i = 0; i < labels.keys.length; i++) byKey.set(`${labels.times[i]}|${labels.keys[i]}`, i);
  const predicted: number[] = [];
  const actual: number[] = [];
  const used = new Set<number>();
  for (let i = 0; i < predictions.keys.length; i++) {
    const label = byKey.get(`${predictions.times[i]}|${predictions.keys[i]}`);
    if (label === undefined) continue;
    used.add(label);
    predicted.push(predictions.values[i]!);
    actual.push(labels.values[label]!);
  }
  return {
    predicted: Float64Array.from(predicted),
    actual: Float64Array.from(actual),
    unlabelled: predictions.keys.length - predicted.length,
    orphanLabels: byKey.size - used.size,
  };
}
