import type { Task } from '@fti/model-runtime';
import { InvalidInputError } from '../errors.js';
import type { TrainingSet } from './training-set.js';

/** Rejects a training or validation set the model cannot learn from, naming the row and what to fix. */
export function checkTrainingSet(set: TrainingSet, name: string, task: Task, inputWidth: number): void {
  const { x, y, sampleWeight } = set;
  if (x.width !== inputWidth)
    throw new InvalidInputError(`${name}.x`, `has ${x.width} columns but the model reads ${inputWidth}`);
  if (x.values.length !== x.rows * x.width)
    throw new InvalidInputError(`${name}.x`, `holds ${x.values.length} values, not rows × width`);
  if (x.rows === 0) throw new InvalidInputError(`${name}.x`, 'has no rows; check the split and the join');
  if (y.length !== x.rows)
    throw new InvalidInputError(`${name}.y`, `has ${y.length} values for ${x.rows} rows`);
  for (let i = 0; i < x.values.length; i++) {
    if (!Number.isFinite(x.values[i]!))
      throw new InvalidInputError(
        `${name}.x`,
        `row ${Math.floor(i / x.width)} column ${i % x.width} is ${x.values[i]}; impute or drop it before training`,
      );
  }
  for (let i = 0; i < y.length; i++) {
    const value = y[i]!;
    const ok =
      task.kind === 'binary'
        ? value === 0 || value === 1
        : task.kind === 'multiclass'
          ? Number.isInteger(value) && value >= 0 && value < task.numClasses
          : Number.isFinite(value);
    if (!ok) {
      const expected =
        task.kind === 'binary'
          ? '0 or 1'
          : task.kind === 'multiclass'
            ? `a class in 0..${task.numClasses - 1}`
            : 'a finite number';
      throw new InvalidInputError(`${name}.y`, `row ${i} is ${value}; expected ${expected}`);
    }
  }
  if (sampleWeight) {
    if (sampleWeight.length !== x.rows)
      throw new InvalidInputError(
        `${name}.sampleWeight`,
        `has ${sampleWeight.length} values for ${x.rows} rows`,
      );
    for (let i = 0; i < sampleWeight.length; i++) {
      if (!(sampleWeight[i]! >= 0) || !Number.isFinite(sampleWeight[i]!))
        throw new InvalidInputError(
          `${name}.sampleWeight`,
          `row ${i} is ${sampleWeight[i]}; weights must be finite and >= 0`,
        );
    }
  }
}
