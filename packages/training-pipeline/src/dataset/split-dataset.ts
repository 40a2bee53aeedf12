import { createMulberry32 } from '@fti/model-runtime';
import { DatasetError } from '../errors.js';
import type { Split } from '../splits/split.js';
import { splitByGroup } from '../splits/split-by-group.js';
import { splitFromMask } from '../splits/split-from-mask.js';
import { splitStratified } from '../splits/split-stratified.js';
import type { Dataset } from './dataset.js';
import { type SplitSpecInput, SplitSpecSchema } from './split-spec.js';

const dateMs = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/**
 * Splits a dataset's rows into train and validation (indices ascending) as the spec says.
 * @throws DatasetError (`empty-split`) when either side has no rows, naming the spec to change.
 */
export function splitDataset(
  dataset: Pick<Dataset, 'rows' | 'timestamps' | 'labels' | 'entities'>,
  spec: SplitSpecInput,
): Split {
  const valid = SplitSpecSchema.parse(spec);
  let split: Split;
  if (valid.kind === 'time') {
    const trainEnd = dateMs(valid.trainEnd);
    const validationStart = dateMs(valid.validationStart ?? valid.trainEnd);
    const validationEnd = valid.validationEnd ? dateMs(valid.validationEnd) : Number.POSITIVE_INFINITY;
    if (validationStart < trainEnd || validationEnd <= validationStart)
      throw new DatasetError(
        'empty-split',
        `time split: need trainEnd <= validationStart < validationEnd, got ${valid.trainEnd}, ${valid.validationStart ?? valid.trainEnd}, ${valid.validationEnd ?? 'none'}`,
      );
    const mask = new Uint8Array(dataset.rows);
    for (let i = 0; i < dataset.rows; i++) {
      const t = dataset.timestamps[i]!;
      mask[i] = t < trainEnd ? 0 : t >= validationStart && t < validationEnd ? 1 : 2;
    }
    split = splitFromMask(mask);
  } else if (valid.kind === 'stratified') {
    split = splitStratified({
      labels: dataset.labels,
      validationFraction: valid.validationFraction,
      random: createMulberry32(valid.seed),
    });
  } else {
    split = splitByGroup({
      groups: dataset.entities,
      validationFraction: valid.validationFraction,
      random: createMulberry32(valid.seed),
    });
  }
  for (const side of ['train', 'validation'] as const) {
    if (split[side].length === 0)
      throw new DatasetError(
        'empty-split',
        `the ${side} split is empty (${dataset.rows} rows, ${valid.kind} split ${JSON.stringify(valid)}); move the cutoff or widen the spine`,
      );
  }
  return split;
}
