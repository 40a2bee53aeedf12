import { ColumnMismatchError } from '../errors.js';
import type { CategoricalColumn } from '../profile/categorical-column.js';
import type { ColumnProfile } from '../profile/serialize-profile.js';
import type { ColumnDrift } from './column-drift.js';
import { computeCategoricalDrift } from './compute-categorical-drift.js';
import { computeDatasetDrift, type DatasetDrift } from './compute-dataset-drift.js';
import { computeNumericDrift } from './compute-numeric-drift.js';
import type { DriftOverride } from './drift-method.js';

/** A current column: numbers as a Float64Array (NaN = missing), categories dictionary-encoded. */
export type CurrentColumn = Float64Array | CategoricalColumn;

/** Input of {@link computeDrift}. */
export interface ComputeDriftInput {
  /** Reference profiles by column name (from `buildReferenceProfiles`, or parsed from storage). */
  profiles: Record<string, ColumnProfile>;
  /** Current window by column name; extra columns are ignored. */
  current: Record<string, CurrentColumn>;
  /** Per-column overrides of method, threshold and binning; default none (Evidently's choices). */
  checks?: Record<string, DriftOverride>;
  /** Share of drifted columns at which the dataset drifts; default 0.5. */
  driftShare?: number;
}

/** Per-column drift and the dataset verdict. */
export interface DriftReport {
  columns: ColumnDrift[];
  dataset: DatasetDrift;
}

/**
 * Computes drift for every profiled column of the current window and the dataset verdict.
 * @throws ColumnMismatchError when a profiled column is missing from `current` or has the other kind.
 */
export function computeDrift(input: ComputeDriftInput): DriftReport {
  const problems: string[] = [];
  for (const [name, profile] of Object.entries(input.profiles)) {
    const column = input.current[name];
    if (column === undefined) problems.push(`${name}: missing from the current data`);
    else if (column instanceof Float64Array !== (profile.kind === 'numeric')) {
      problems.push(
        `${name}: reference is ${profile.kind}, current is ${column instanceof Float64Array ? 'numeric' : 'categorical'}`,
      );
    }
  }
  if (problems.length > 0) throw new ColumnMismatchError(problems);
  const columns = Object.entries(input.profiles).map(([name, profile]) => {
    const options = { ...input.checks?.[name], column: name };
    const column = input.current[name]!;
    return profile.kind === 'numeric'
      ? computeNumericDrift(profile, column as Float64Array, options)
      : computeCategoricalDrift(profile, column as CategoricalColumn, options);
  });
  return { columns, dataset: computeDatasetDrift(columns, { driftShare: input.driftShare }) };
}
